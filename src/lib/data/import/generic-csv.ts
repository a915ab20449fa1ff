import {
	optionalText,
	readOptionalCount,
	readPosition,
	splitList,
	splitUrls,
	isWebUrl
} from '../fields';
import { DATE_PRECISIONS, type DatePrecision, type LocationPrecision } from '../incident';
import { readFlexibleDate } from './dates';
import { importedIncident, RowReader, type Row, type RowOutcome } from './row-mapping';

/**
 * A CSV with latitude and longitude columns under a common name, any case. Other columns are
 * recognised when they carry a common name too (date, place, id, fatalities, sources…); an
 * incident needs a date. Columns not recognised are left out of the incident.
 */

const NAMES = {
	latitude: ['latitude', 'lat', 'y'],
	longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
	id: ['id', 'event_id', 'event_id_cnty', 'uid'],
	date: ['date', 'event_date', 'date_start', 'day'],
	place: ['place', 'location', 'name', 'town', 'city', 'site'],
	admin1: ['admin1', 'governorate', 'province', 'region'],
	country: ['country'],
	actor: ['actor', 'actor1', 'perpetrator'],
	target: ['target'],
	killed: ['fatalities', 'killed', 'deaths', 'dead'],
	summary: ['summary', 'notes', 'description'],
	sources: ['sources', 'source', 'source_urls', 'url', 'urls'],
	date_precision: ['date_precision'],
	location_precision: ['location_precision', 'geo_precision']
} as const;

export type GenericColumns = Partial<Record<keyof typeof NAMES, string>>;

/** Which column plays which part (keys are the lower-cased header names). */
export function genericColumns(header: readonly string[]): GenericColumns {
	const present = new Set(header);
	const columns: GenericColumns = {};
	for (const [part, names] of Object.entries(NAMES) as [keyof typeof NAMES, readonly string[]][]) {
		const found = names.find((name) => present.has(name));
		if (found) columns[part] = found;
	}
	return columns;
}

export function hasCoordinateColumns(columns: GenericColumns): boolean {
	return columns.latitude !== undefined && columns.longitude !== undefined;
}

export function genericRow(
	row: Row,
	rowNumber: number,
	dataset: string,
	columns: GenericColumns
): RowOutcome {
	const get = (part: keyof typeof NAMES) => {
		const column = columns[part];
		return column === undefined ? undefined : row[column];
	};
	const given = optionalText(get('id'));
	const id = given ?? `${dataset}-row-${rowNumber}`;
	const read = new RowReader(rowNumber, given);
	const date = read.take(columns.date ?? 'date', readFlexibleDate(get('date')));
	const position = readPosition(get('latitude'), get('longitude'));
	const coordinates = read.take(
		position.field === 'longitude'
			? (columns.longitude ?? 'longitude')
			: (columns.latitude ?? 'latitude'),
		position
	);
	const precisionText = optionalText(get('date_precision'));
	const datePrecision = (precisionText ?? 'day') as DatePrecision;
	if (!DATE_PRECISIONS.includes(datePrecision)) {
		read.fail('date_precision', `"${precisionText}" is not day, week or month`);
	}
	const locationText = optionalText(get('location_precision'));
	const locationPrecision = Number(locationText ?? '1') as LocationPrecision;
	if (![1, 2, 3].includes(locationPrecision)) {
		read.fail('location_precision', `"${locationText}" is not 1, 2 or 3`);
	}
	const killed = read.take(columns.killed ?? 'killed', readOptionalCount(get('killed')));
	if (read.error || date === undefined) {
		return {
			error: read.error ?? { row: rowNumber, id: given, field: 'row', message: 'unreadable' }
		};
	}
	const rawSources = get('sources');
	const urls = splitUrls(rawSources);
	const sources = urls.length > 0 && urls.every(isWebUrl) ? urls : splitList(rawSources);
	return importedIncident(coordinates, {
		id,
		dataset,
		date,
		date_precision: datePrecision,
		place: optionalText(get('place')) ?? '(no place name)',
		admin1: optionalText(get('admin1')),
		country: optionalText(get('country')),
		location_precision: locationPrecision,
		actor: optionalText(get('actor')),
		target: optionalText(get('target')),
		killed_min: killed ?? null,
		killed_max: killed ?? null,
		summary: optionalText(get('summary')),
		sources
	});
}
