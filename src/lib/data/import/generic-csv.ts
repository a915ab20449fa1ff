import { optionalText, readOptionalCount, readPosition } from '../fields';
import { DATE_PRECISIONS, type DatePrecision, type LocationPrecision } from '../incident';
import { splitSources } from '../sources';
import { readFlexibleDate } from './dates';
import { importedIncident, lookup, RowReader, type Row, type RowOutcome } from './row-mapping';

/**
 * A CSV with latitude and longitude columns under a common name, any case. Other columns are
 * recognised when they carry a common name too (date, place, id, fatalities, sources…), and so
 * are all the columns this app's own CSV export writes, so an export comes back as it went
 * out; an incident needs a date. Columns not recognised are left out of the incident.
 */

const NAMES = {
	latitude: ['latitude', 'lat', 'y'],
	longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
	id: ['id', 'event_id', 'event_id_cnty', 'uid'],
	date: ['date', 'event_date', 'date_start', 'day'],
	date_end: ['date_end'],
	weekday_reported: ['weekday_reported'],
	place: ['place', 'location', 'name', 'town', 'city', 'site'],
	place_ar: ['place_ar', 'name_ar'],
	admin1: ['admin1', 'governorate', 'province', 'region'],
	country: ['country'],
	actor: ['actor', 'actor1', 'perpetrator'],
	aircraft: ['aircraft'],
	target: ['target'],
	target_category: ['target_category'],
	killed: ['fatalities', 'killed', 'deaths', 'dead'],
	killed_min: ['killed_min'],
	killed_max: ['killed_max'],
	claimed_by: ['claimed_by'],
	summary: ['summary', 'notes', 'description'],
	sources: ['sources', 'source', 'source_urls', 'url', 'urls'],
	date_precision: ['date_precision'],
	location_precision: ['location_precision', 'geo_precision']
} as const;

export type GenericPart = keyof typeof NAMES;
export type GenericColumns = Partial<Record<GenericPart, string>>;

/** The parts that hold numbers (a GeoJSON property may give them as numbers). */
export const NUMERIC_PARTS: ReadonlySet<GenericPart> = new Set([
	'latitude',
	'longitude',
	'killed',
	'killed_min',
	'killed_max',
	'location_precision'
]);

/** Which column plays which part (keys are the lower-cased header names). */
export function genericColumns(header: readonly string[]): GenericColumns {
	const present = new Set(header);
	const columns: GenericColumns = {};
	for (const [part, names] of Object.entries(NAMES) as [GenericPart, readonly string[]][]) {
		const found = names.find((name) => present.has(name));
		if (found) columns[part] = found;
	}
	return columns;
}

export function hasCoordinateColumns(columns: GenericColumns): boolean {
	return columns.latitude !== undefined && columns.longitude !== undefined;
}

const LOCATION_PRECISION: Record<string, LocationPrecision> = { '1': 1, '2': 2, '3': 3 };

export function genericRow(
	row: Row,
	rowNumber: number,
	dataset: string,
	columns: GenericColumns,
	/** The position when it comes from elsewhere (a GeoJSON geometry), not from columns. */
	placed?: [number, number] | null
): RowOutcome {
	const column = (part: GenericPart) => columns[part] ?? part;
	const get = (part: GenericPart) => {
		const name = columns[part];
		return name === undefined ? undefined : row.get(name);
	};
	const text = (part: GenericPart) => optionalText(get(part));
	const given = text('id');
	const read = new RowReader(rowNumber, given);
	const date = read.take(column('date'), readFlexibleDate(get('date')));
	const endText = text('date_end');
	const end = endText === null ? null : read.take(column('date_end'), readFlexibleDate(endText));
	if (date !== undefined && end && end < date) {
		read.fail(column('date_end'), `${end} is before the date ${date}`);
	}
	const position =
		placed === undefined
			? readPosition(get('latitude'), get('longitude'))
			: { ok: true as const, value: placed, field: undefined };
	const coordinates = read.take(
		column(position.field === 'longitude' ? 'longitude' : 'latitude'),
		position
	);
	const precisionText = text('date_precision');
	const datePrecision = (precisionText ?? 'day') as DatePrecision;
	if (!DATE_PRECISIONS.includes(datePrecision)) {
		read.fail(column('date_precision'), `"${precisionText}" is not day, week or month`);
	}
	const locationText = text('location_precision');
	const locationPrecision =
		locationText === null ? 1 : lookup(LOCATION_PRECISION, locationText.replace(/\.0*$/, ''));
	if (locationPrecision === undefined) {
		read.fail(column('location_precision'), `"${locationText}" is not 1, 2 or 3`);
	}
	const killed = read.take(column('killed'), readOptionalCount(get('killed')));
	const min = read.take(column('killed_min'), readOptionalCount(get('killed_min')));
	const max = read.take(column('killed_max'), readOptionalCount(get('killed_max')));
	// killed_min/killed_max (this app's export) say more than one figure; either alone is kept.
	const range = columns.killed_min !== undefined || columns.killed_max !== undefined;
	const killedMin = range ? (min ?? null) : (killed ?? null);
	const killedMax = range ? (max ?? null) : (killed ?? null);
	if (killedMin !== null && killedMax !== null && killedMin > killedMax) {
		read.fail(column('killed_max'), `${killedMax} is below killed_min ${killedMin}`);
	}
	if (read.error || date === undefined || locationPrecision === undefined) {
		return {
			error: read.error ?? { row: rowNumber, id: given, field: 'row', message: 'unreadable' }
		};
	}
	return importedIncident(coordinates, rowNumber, {
		original_id: given,
		dataset,
		date,
		date_precision: datePrecision,
		date_end: end && end !== date ? end : null,
		weekday_reported: text('weekday_reported'),
		place: text('place') ?? '(no place name)',
		place_ar: text('place_ar'),
		admin1: text('admin1'),
		country: text('country'),
		location_precision: locationPrecision,
		actor: text('actor'),
		aircraft: text('aircraft'),
		target: text('target'),
		// Only where the file has one (the app's own export): other files have no such field.
		...(text('target_category') ? { target_category: text('target_category') } : {}),
		killed_min: killedMin,
		killed_max: killedMax,
		claimed_by: text('claimed_by'),
		summary: text('summary'),
		sources: splitSources(get('sources'))
	});
}
