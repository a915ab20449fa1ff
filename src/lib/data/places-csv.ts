import { isWebUrl, optionalText, readPosition, splitUrls } from './fields';
import type { PlaceFeature, PlaceProperties } from './incident';
import type { RowError } from './row-error';
import type { NormalisedRows } from './strikes-csv';

/**
 * Normalises rows of the curated gazetteer (`incidents/places.csv`) into place features. What
 * GeoNames adds to them (alternates, population, feature code) is merged by the geodata build.
 */

export type PlacesRow = Partial<
	Record<
		'name' | 'name_ar' | 'kind' | 'admin1' | 'country' | 'latitude' | 'longitude' | 'source_url',
		string
	>
>;

const KINDS: readonly PlaceProperties['kind'][] = ['town', 'city', 'region', 'border_crossing'];

/** A stable id from the main name: "Al-Susah (As-Susah; Al-Soussa)" → "al-susah". */
export function placeId(name: string): string {
	return name
		.replace(/\(.*?\)/g, ' ')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function placesRowsToFeatures(rows: PlacesRow[]): NormalisedRows<PlaceFeature> {
	const features: PlaceFeature[] = [];
	const errors: RowError[] = [];
	const seen = new Set<string>();
	for (const [index, row] of rows.entries()) {
		const rowNumber = index + 1;
		const name = optionalText(row.name);
		const id = name ? placeId(name) : null;
		const problem = (field: string, message: string) =>
			errors.push({ row: rowNumber, id, field, message });
		if (name === null || !id) {
			problem('name', 'is missing');
			continue;
		}
		if (seen.has(id)) {
			problem('name', `duplicate place id "${id}"`);
			continue;
		}
		const kind = optionalText(row.kind) as PlaceProperties['kind'] | null;
		if (kind === null || !KINDS.includes(kind)) {
			problem('kind', `"${kind ?? ''}" is not one of ${KINDS.join(', ')}`);
			continue;
		}
		const position = readPosition(row.latitude, row.longitude);
		if (!position.ok) {
			problem(position.field ?? 'latitude', position.reason);
			continue;
		}
		const sources = splitUrls(row.source_url);
		if (sources.length === 0) {
			problem('source_url', 'no source URL');
			continue;
		}
		const badSource = sources.find((source) => !isWebUrl(source));
		if (badSource) {
			problem('source_url', `"${badSource}" is not an http(s) URL`);
			continue;
		}
		seen.add(id);
		features.push({
			type: 'Feature',
			id,
			geometry: position.value ? { type: 'Point', coordinates: position.value } : null,
			properties: {
				id,
				name,
				name_ar: optionalText(row.name_ar),
				name_ar_doubtful: false,
				alternates: [],
				kind,
				feature_code: null,
				population: null,
				admin1: optionalText(row.admin1),
				country: optionalText(row.country),
				source: 'curated',
				geonames_id: null,
				sources
			}
		});
	}
	return { features, errors };
}
