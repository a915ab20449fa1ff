import { isWebUrl, readIsoDate } from './fields';
import {
	DATE_PRECISIONS,
	LOCATION_PRECISIONS,
	type IncidentCollection,
	type IncidentFeature,
	type IncidentProperties
} from './incident';
import type { RowError } from './row-error';

/**
 * Checks a parsed GeoJSON value against the incident schema (incident.ts), feature by feature:
 * every feature is either accepted or reported with why, so nothing is lost without a word.
 */
export function checkIncidentCollection(value: unknown): {
	incidents: IncidentFeature[];
	errors: RowError[];
} {
	const collection = value as Partial<IncidentCollection> | null;
	if (
		!collection ||
		collection.type !== 'FeatureCollection' ||
		!Array.isArray(collection.features)
	) {
		return {
			incidents: [],
			errors: [{ row: 0, id: null, field: 'type', message: 'not a GeoJSON FeatureCollection' }]
		};
	}
	const incidents: IncidentFeature[] = [];
	const errors: RowError[] = [];
	const seen = new Set<string>();
	collection.features.forEach((feature, index) => {
		const properties = (feature as Partial<IncidentFeature> | null)?.properties;
		const id = typeof properties?.id === 'string' && properties.id !== '' ? properties.id : null;
		const problem = firstProblem(feature, properties, id, seen);
		if (problem) {
			errors.push({ row: index + 1, id, field: problem[0], message: problem[1] });
		} else if (id !== null) {
			seen.add(id);
			const incident = feature as IncidentFeature;
			incidents.push(incident.id === id ? incident : { ...incident, id });
		}
	});
	return { incidents, errors };
}

/** The first thing wrong with a feature, as [field, why], or null. */
function firstProblem(
	feature: unknown,
	p: Partial<IncidentProperties> | undefined,
	id: string | null,
	seen: ReadonlySet<string>
): [string, string] | null {
	if (!p || typeof p !== 'object') return ['properties', 'missing'];
	if (id === null) return ['id', 'missing'];
	if (seen.has(id)) return ['id', 'duplicate id'];
	if (!readIsoDate(p.date).ok)
		return ['date', `"${String(p.date)}" is not a date written YYYY-MM-DD`];
	if (!DATE_PRECISIONS.includes(p.date_precision as never))
		return ['date_precision', 'must be day, week or month'];
	if (!LOCATION_PRECISIONS.includes(p.location_precision as never))
		return ['location_precision', 'must be 1, 2 or 3'];
	if (typeof p.place !== 'string') return ['place', 'missing'];
	if (
		!Array.isArray(p.sources) ||
		!p.sources.every((source) => typeof source === 'string' && isWebUrl(source))
	) {
		return ['sources', 'must be a list of http(s) URLs'];
	}
	const geometry = (feature as { geometry?: { type?: string; coordinates?: unknown } | null })
		.geometry;
	if (geometry === null) return null;
	const [lon, lat] =
		geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
	if (
		typeof lon !== 'number' ||
		typeof lat !== 'number' ||
		Math.abs(lat) > 90 ||
		Math.abs(lon) > 180
	) {
		return ['geometry', 'must be a Point with a valid longitude and latitude, or null'];
	}
	return null;
}
