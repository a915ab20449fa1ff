import type { FieldResult } from '../fields';
import type { Position } from '../fields';
import type { IncidentFeature, IncidentProperties } from '../incident';
import type { RowError } from '../row-error';

/** A file's columns (lower-cased), and where each is: the first of a name that repeats. */
export class Columns {
	readonly names: readonly string[];
	readonly #at = new Map<string, number>();

	constructor(names: readonly string[]) {
		this.names = names;
		names.forEach((name, i) => {
			if (!this.#at.has(name)) this.#at.set(name, i);
		});
	}

	at(name: string): number | undefined {
		return this.#at.get(name);
	}
}

/**
 * One parsed row: its values in the order of its file's columns, read by column name. Rows of
 * one file share one Columns; a row holds nothing but its values (no object keyed by column
 * per row: with 31 columns such objects were half of an import's time, and its memory).
 */
export class Row {
	readonly columns: Columns;
	readonly values: readonly string[];

	constructor(columns: Columns, values: readonly string[]) {
		this.columns = columns;
		this.values = values;
	}

	get(name: string): string | undefined {
		const at = this.columns.at(name);
		return at === undefined ? undefined : this.values[at];
	}
}

/** A row of named values (a GeoJSON feature's properties), as a Row. */
export function rowOf(values: ReadonlyMap<string, string>): Row {
	return new Row(new Columns([...values.keys()]), [...values.values()]);
}

export type RowOutcome =
	{ incident: IncidentFeature; error?: undefined } | { incident?: undefined; error: RowError };

/** Collects the first problem of a row; later reads return undefined once one is found. */
export class RowReader {
	error: RowError | null = null;
	readonly row: number;
	readonly id: string | null;

	constructor(row: number, id: string | null) {
		this.row = row;
		this.id = id;
	}

	take<T>(field: string, result: FieldResult<T>): T | undefined {
		if (result.ok) return result.value;
		this.fail(field, result.reason);
		return undefined;
	}

	fail(field: string, message: string) {
		this.error ??= { row: this.row, id: this.id, field, message };
	}
}

/** Column lookup that ignores case, spaces and a BOM in the header. */
export function columnKey(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase();
}

/**
 * The id an imported row gets: its own id qualified by its dataset ("<dataset>:<id>"), or,
 * for a row without one, its row number ("<dataset>/row-12"). Dataset ids hold neither ":"
 * nor "/", so the two forms never meet, and no import can take another dataset's id.
 */
export function qualifiedId(dataset: string, originalId: string | null, rowNumber: number): string {
	return originalId === null ? `${dataset}/row-${rowNumber}` : `${dataset}:${originalId}`;
}

/** The row as its file wrote it, kept beside our reading of it: every column, in order. */
export function sourceRow(row: Row): { columns: string[]; values: string[] } {
	return { columns: row.columns.names as string[], values: row.values as string[] };
}

/** Fields our own data has that imported formats do not carry: null unless a mapping sets them. */
type Optional = 'date_end' | 'weekday_reported' | 'place_ar' | 'aircraft' | 'target' | 'claimed_by';

/**
 * An imported row as an incident: placed at its position, or unlocated (null). Its id is
 * qualified by the dataset; the id the row had in its file is kept as `original_id`.
 */
export function importedIncident(
	coordinates: Position | null | undefined,
	rowNumber: number,
	properties: Omit<IncidentProperties, Optional | 'id' | 'original_id'> &
		Partial<Pick<IncidentProperties, Optional>> & { original_id: string | null }
): RowOutcome {
	const id = qualifiedId(properties.dataset, properties.original_id, rowNumber);
	return {
		incident: {
			type: 'Feature',
			id,
			geometry: coordinates ? { type: 'Point', coordinates } : null,
			properties: {
				id,
				date_end: null,
				weekday_reported: null,
				place_ar: null,
				aircraft: null,
				target: null,
				claimed_by: null,
				...properties
			}
		}
	};
}

/** A code's meaning in a table of codes; undefined for anything else ("toString" included). */
export function lookup<T>(table: Readonly<Record<string, T>>, code: string | null): T | undefined {
	return code !== null && Object.hasOwn(table, code) ? table[code] : undefined;
}
