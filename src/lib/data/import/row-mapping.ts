import type { FieldResult } from '../fields';
import type { Position } from '../fields';
import type { IncidentFeature, IncidentProperties } from '../incident';
import type { RowError } from '../row-error';

/**
 * One parsed row (header → value) and what became of it: an incident, or why not. Rows have no
 * prototype, so a column named "__proto__" or "constructor" is a column like any other.
 */
export type Row = Record<string, string | undefined>;

export const emptyRow = (): Row => Object.create(null) as Row;

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

/** The non-blank values of a row, by column: what the source says, kept beside our reading. */
export function sourceFields(row: Row): Record<string, string> {
	const entries: [string, string][] = [];
	for (const key in row) {
		const value = row[key];
		if (value !== undefined && value.trim() !== '') entries.push([key, value]);
	}
	return Object.fromEntries(entries) as Record<string, string>;
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
