import {
	isWebUrl,
	optionalText,
	readIsoDate,
	readOptionalCount,
	readPosition,
	splitUrls,
	type FieldResult
} from './fields';
import {
	DATE_PRECISIONS,
	LOCATION_PRECISIONS,
	type DatePrecision,
	type IncidentFeature,
	type LocationPrecision
} from './incident';
import type { RowError } from './row-error';

/**
 * Normalises rows of our curated strikes table (geodata source `incidents/strikes.csv`) into
 * incident features. Facts are copied, never corrected: the only changes are types (numbers,
 * lists) and blanks becoming null. Any doubt is an error, so the geodata build stops.
 */

export const STRIKES_COLUMNS = [
	'id',
	'date',
	'date_precision',
	'weekday_reported',
	'place',
	'place_ar',
	'admin1',
	'country',
	'latitude',
	'longitude',
	'location_precision',
	'actor',
	'aircraft',
	'target',
	'reported_killed_min',
	'reported_killed_max',
	'claimed_by',
	'summary',
	'source_urls'
] as const;

export type StrikesRow = Partial<Record<(typeof STRIKES_COLUMNS)[number], string>>;

export interface NormalisedRows<T> {
	features: T[];
	errors: RowError[];
}

export function strikesRowsToIncidents(
	rows: StrikesRow[],
	dataset: string
): NormalisedRows<IncidentFeature> {
	const features: IncidentFeature[] = [];
	const errors: RowError[] = [];
	const seen = new Set<string>();
	rows.forEach((row, index) => {
		const result = strikeRowToIncident(row, index + 1, dataset);
		errors.push(...result.errors);
		if (!result.feature) return;
		if (seen.has(result.feature.id)) {
			errors.push({ row: index + 1, id: result.feature.id, field: 'id', message: 'duplicate id' });
			return;
		}
		seen.add(result.feature.id);
		features.push(result.feature);
	});
	return { features, errors };
}

export function strikeRowToIncident(
	row: StrikesRow,
	rowNumber: number,
	dataset: string
): { feature: IncidentFeature | null; errors: RowError[] } {
	const id = optionalText(row.id);
	const errors: RowError[] = [];
	const take = <T>(field: string, result: FieldResult<T>): T | undefined => {
		if (result.ok) return result.value;
		errors.push({ row: rowNumber, id, field, message: result.reason });
		return undefined;
	};
	const problem = (field: string, message: string) =>
		errors.push({ row: rowNumber, id, field, message });

	if (id === null) problem('id', 'is missing');
	const date = take('date', readIsoDate(row.date));
	const datePrecision = optionalText(row.date_precision);
	if (!DATE_PRECISIONS.includes(datePrecision as DatePrecision)) {
		problem(
			'date_precision',
			`"${datePrecision ?? ''}" is not one of ${DATE_PRECISIONS.join(', ')}`
		);
	}
	const place = optionalText(row.place);
	if (place === null) problem('place', 'is missing');

	const position = readPosition(row.latitude, row.longitude);
	const coordinates = take(position.field ?? 'latitude', position);

	const precisionText = optionalText(row.location_precision);
	const locationPrecision = Number(precisionText) as LocationPrecision;
	if (!LOCATION_PRECISIONS.includes(locationPrecision)) {
		problem('location_precision', `"${precisionText ?? ''}" is not 1, 2 or 3`);
	}

	const killedMin = take('reported_killed_min', readOptionalCount(row.reported_killed_min));
	const killedMax = take('reported_killed_max', readOptionalCount(row.reported_killed_max));
	if (killedMin != null && killedMax != null && killedMin > killedMax) {
		problem('reported_killed_min', `${killedMin} is more than the maximum ${killedMax}`);
	}

	const sources = splitUrls(row.source_urls);
	if (sources.length === 0) problem('source_urls', 'no source URL: every incident needs one');
	for (const source of sources) {
		if (!isWebUrl(source)) problem('source_urls', `"${source}" is not an http(s) URL`);
	}

	if (errors.length > 0 || id === null || date === undefined || place === null) {
		return { feature: null, errors };
	}
	return {
		errors,
		feature: {
			type: 'Feature',
			id,
			geometry: coordinates ? { type: 'Point', coordinates } : null,
			properties: {
				id,
				dataset,
				date,
				date_precision: datePrecision as DatePrecision,
				date_end: null,
				weekday_reported: optionalText(row.weekday_reported),
				place,
				place_ar: optionalText(row.place_ar),
				admin1: optionalText(row.admin1),
				country: optionalText(row.country),
				location_precision: locationPrecision,
				actor: optionalText(row.actor),
				aircraft: optionalText(row.aircraft),
				target: optionalText(row.target),
				killed_min: killedMin ?? null,
				killed_max: killedMax ?? null,
				claimed_by: optionalText(row.claimed_by),
				summary: optionalText(row.summary),
				sources
			}
		}
	};
}
