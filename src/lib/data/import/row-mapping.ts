import type { FieldResult } from '../fields';
import type { Position } from '../fields';
import type { IncidentFeature, IncidentProperties } from '../incident';
import type { RowError } from '../row-error';

/** One parsed row (header → value) and what became of it: an incident, or why not. */
export type Row = Record<string, string | undefined>;

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

export function normaliseRow(row: Row): Row {
	const out: Row = {};
	for (const [key, value] of Object.entries(row)) out[columnKey(key)] = value;
	return out;
}

/** Fields our own data has that imported formats do not carry: null unless a mapping sets them. */
type Optional = 'date_end' | 'weekday_reported' | 'place_ar' | 'aircraft' | 'target' | 'claimed_by';

/** An imported row as an incident: placed at its position, or unlocated (null). */
export function importedIncident(
	coordinates: Position | null | undefined,
	properties: Omit<IncidentProperties, Optional> & Partial<Pick<IncidentProperties, Optional>>
): RowOutcome {
	return {
		incident: {
			type: 'Feature',
			id: properties.id,
			geometry: coordinates ? { type: 'Point', coordinates } : null,
			properties: {
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
