import { isWebUrl, readIsoDate } from './fields';
import {
	DATE_PRECISIONS,
	LOCATION_PRECISIONS,
	type DatePrecision,
	type IncidentFeature,
	type IncidentProperties,
	type LocationPrecision,
	type SourceRow
} from './incident';

/**
 * The incident schema as one check, used wherever an incident is about to be kept: the built-in
 * (or ?data=) file, every import, and every dataset restored from the browser's storage. Every
 * field is checked by type and range, and the incident that comes out is built afresh from the
 * checked values: properties the schema does not have are left behind, and no object of the
 * input (with its own toString, say) survives into the app.
 */

export interface SchemaOptions {
	/**
	 * Sources must be http(s) URLs, at least one: the built-in data's rule. Imports may name
	 * their sources instead (ACLED lists outlets), or have none.
	 */
	sourcesAreUrls?: boolean;
	/**
	 * Lists already checked (source_row's columns, shared by the rows of a file), by the list
	 * given: each is checked once, and the rows keep sharing one copy. One map per import.
	 */
	shared?: WeakMap<object, string[]>;
}

export type SchemaResult =
	| { ok: true; incident: IncidentFeature }
	| { ok: false; id: string | null; field: string; message: string };

/** The nullable text fields every incident has. */
const TEXT = [
	'weekday_reported',
	'place_ar',
	'admin1',
	'country',
	'actor',
	'aircraft',
	'target',
	'claimed_by',
	'summary'
] as const;

/** Text fields some imports have; absent means the source has no such field. */
const OPTIONAL_TEXT = [
	'actor2',
	'event_type',
	'sub_event_type',
	'original_id',
	'target_category'
] as const;

class Problem {
	constructor(
		readonly field: string,
		readonly message: string
	) {}
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a value is, for a message: "an object", "the number 5", "null". */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
	return typeof value;
}

function text(p: Record<string, unknown>, field: string): string | null {
	const value = p[field];
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string')
		throw new Problem(field, `must be text, not ${describeValue(value)}`);
	return value;
}

function date(p: Record<string, unknown>, field: string): string {
	const value = p[field];
	if (typeof value !== 'string') {
		throw new Problem(field, `must be a date written YYYY-MM-DD, not ${describeValue(value)}`);
	}
	const read = readIsoDate(value);
	if (!read.ok) throw new Problem(field, read.reason);
	return read.value;
}

/** A reported number of people: a whole number ≥ 0, or null when not reported. */
export function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function count(p: Record<string, unknown>, field: string): number | null {
	const value = p[field];
	if (value === null || value === undefined) return null;
	if (!isCount(value)) {
		throw new Problem(
			field,
			`must be a whole number ≥ 0 or null (not reported), not ${describeValue(value)}`
		);
	}
	return value;
}

function sources(value: unknown, urls: boolean): string[] {
	if (!Array.isArray(value)) {
		throw new Problem('sources', `must be a list of sources, not ${describeValue(value)}`);
	}
	for (const source of value) {
		if (typeof source !== 'string' || source.trim() === '') {
			throw new Problem('sources', `a source must be text, not ${describeValue(source)}`);
		}
		if (urls && !isWebUrl(source)) {
			throw new Problem('sources', `${describeValue(source)} is not an http(s) URL`);
		}
	}
	if (urls && value.length === 0) throw new Problem('sources', 'needs at least one source URL');
	return [...(value as string[])];
}

/** A list of texts, copied: any element that is not text is named. */
function texts(value: unknown, field: string): string[] {
	if (!Array.isArray(value)) {
		throw new Problem(field, `must be a list of texts, not ${describeValue(value)}`);
	}
	const copy = new Array<string>(value.length);
	for (let i = 0; i < value.length; i++) {
		const text: unknown = value[i];
		if (typeof text !== 'string') {
			throw new Problem(`${field}[${i}]`, `must be text, not ${describeValue(text)}`);
		}
		copy[i] = text;
	}
	return copy;
}

function sourceRow(value: unknown, shared: WeakMap<object, string[]> | undefined): SourceRow {
	if (!isRecord(value)) {
		throw new Problem(
			'source_row',
			`must be an object of columns and values, not ${describeValue(value)}`
		);
	}
	const given = value.columns;
	// The columns' list is shared by the rows of one file: checked and copied once for them all.
	const known = typeof given === 'object' && given !== null ? shared?.get(given) : undefined;
	const columns = known ?? texts(given, 'source_row.columns');
	if (!known && typeof given === 'object' && given !== null) shared?.set(given, columns);
	const values = texts(value.values, 'source_row.values');
	if (values.length !== columns.length) {
		throw new Problem(
			'source_row.values',
			`has ${values.length} values for ${columns.length} columns`
		);
	}
	return { columns, values };
}

/** A WGS84 position: two finite numbers (a third, the altitude, is allowed and dropped). */
export function readCoordinates(value: unknown): [number, number] | string {
	if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
		return `a position must be a list of 2 numbers (longitude, latitude), not ${describeValue(value)}${
			Array.isArray(value) ? ` of ${value.length}` : ''
		}`;
	}
	const [lon, lat] = value as unknown[];
	if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
		return `a position must hold finite numbers, not ${value.map(describeValue).join(', ')}`;
	}
	if ((lon as number) < -180 || (lon as number) > 180) {
		return `longitude ${lon} is out of range (−180 to 180)`;
	}
	if ((lat as number) < -90 || (lat as number) > 90) {
		return `latitude ${lat} is out of range (−90 to 90)`;
	}
	return [lon as number, lat as number];
}

function geometry(value: unknown): IncidentFeature['geometry'] {
	if (value === null) return null;
	if (!isRecord(value) || value.type !== 'Point') {
		throw new Problem(
			'geometry',
			'must be a Point, or null for an incident without a reported position'
		);
	}
	const coordinates = readCoordinates(value.coordinates);
	if (typeof coordinates === 'string') throw new Problem('geometry', coordinates);
	return { type: 'Point', coordinates };
}

function properties(p: Record<string, unknown>, options: SchemaOptions): IncidentProperties {
	const id = p.id;
	if (typeof id !== 'string' || id === '') {
		throw new Problem('id', `must be non-empty text, not ${describeValue(id)}`);
	}
	const dataset = p.dataset;
	if (typeof dataset !== 'string' || dataset === '') {
		throw new Problem('dataset', `must be non-empty text, not ${describeValue(dataset)}`);
	}
	const day = date(p, 'date');
	if (!DATE_PRECISIONS.includes(p.date_precision as DatePrecision)) {
		throw new Problem(
			'date_precision',
			`must be day, week or month, not ${describeValue(p.date_precision)}`
		);
	}
	const end = p.date_end === null || p.date_end === undefined ? null : date(p, 'date_end');
	if (end !== null && end < day) throw new Problem('date_end', `${end} is before the date ${day}`);
	const place = p.place;
	if (typeof place !== 'string' || place.trim() === '') {
		throw new Problem('place', `must be non-empty text, not ${describeValue(place)}`);
	}
	if (!LOCATION_PRECISIONS.includes(p.location_precision as LocationPrecision)) {
		throw new Problem(
			'location_precision',
			`must be 1, 2 or 3, not ${describeValue(p.location_precision)}`
		);
	}
	const killedMin = count(p, 'killed_min');
	const killedMax = count(p, 'killed_max');
	if (killedMin !== null && killedMax !== null && killedMin > killedMax) {
		throw new Problem('killed_max', `${killedMax} is below killed_min ${killedMin}`);
	}
	const checked: IncidentProperties = {
		id,
		dataset,
		date: day,
		date_precision: p.date_precision as DatePrecision,
		date_end: end,
		weekday_reported: null,
		place,
		place_ar: null,
		admin1: null,
		country: null,
		location_precision: p.location_precision as LocationPrecision,
		actor: null,
		aircraft: null,
		target: null,
		killed_min: killedMin,
		killed_max: killedMax,
		claimed_by: null,
		summary: null,
		sources: sources(p.sources, options.sourcesAreUrls ?? false)
	};
	for (const field of TEXT) checked[field] = text(p, field);
	for (const field of OPTIONAL_TEXT) if (p[field] !== undefined) checked[field] = text(p, field);
	if (p.killed_best !== undefined) {
		const best = count(p, 'killed_best');
		if (
			best !== null &&
			((killedMin !== null && best < killedMin) || (killedMax !== null && best > killedMax))
		) {
			throw new Problem('killed_best', `${best} is outside killed_min–killed_max`);
		}
		checked.killed_best = best;
	}
	if (p.source_row !== undefined) checked.source_row = sourceRow(p.source_row, options.shared);
	return checked;
}

/** Checks one incident (a GeoJSON Feature in the schema); the incident rebuilt, or why not. */
export function checkIncident(value: unknown, options: SchemaOptions = {}): SchemaResult {
	const p = isRecord(value) ? value.properties : undefined;
	const id = isRecord(p) && typeof p.id === 'string' && p.id !== '' ? p.id : null;
	try {
		if (!isRecord(value) || value.type !== 'Feature') {
			throw new Problem('type', 'not a GeoJSON Feature');
		}
		if (!isRecord(p)) throw new Problem('properties', `must be an object, not ${describeValue(p)}`);
		if (!('geometry' in value)) throw new Problem('geometry', 'is missing (null: no position)');
		const checked = properties(p, options);
		return {
			ok: true,
			incident: {
				type: 'Feature',
				id: checked.id,
				geometry: geometry(value.geometry),
				properties: checked
			}
		};
	} catch (error) {
		if (error instanceof Problem) {
			return { ok: false, id, field: error.field, message: error.message };
		}
		throw error;
	}
}
