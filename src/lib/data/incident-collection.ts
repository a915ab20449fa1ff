import type { IncidentFeature } from './incident';
import { checkIncident } from './incident-schema';
import type { RowError } from './row-error';

/**
 * Checks a parsed GeoJSON value (the built-in file, or one named by ?data=) against the
 * incident schema, feature by feature: every feature is either accepted or reported with why,
 * so nothing is lost without a word. Sources must be URLs here, as in the built-in data.
 */
export function checkIncidentCollection(value: unknown): {
	incidents: IncidentFeature[];
	errors: RowError[];
} {
	const features = isFeatureCollection(value) ? value.features : null;
	if (!features) {
		return {
			incidents: [],
			errors: [{ row: 0, id: null, field: 'type', message: 'not a GeoJSON FeatureCollection' }]
		};
	}
	const incidents: IncidentFeature[] = [];
	const errors: RowError[] = [];
	const seen = new Set<string>();
	features.forEach((feature, index) => {
		const row = index + 1;
		const checked = checkIncident(feature, { sourcesAreUrls: true });
		if (!checked.ok) {
			errors.push({ row, id: checked.id, field: checked.field, message: checked.message });
		} else if (seen.has(checked.incident.id)) {
			errors.push({ row, id: checked.incident.id, field: 'id', message: 'duplicate id' });
		} else {
			seen.add(checked.incident.id);
			incidents.push(checked.incident);
		}
	});
	return { incidents, errors };
}

export function isFeatureCollection(value: unknown): value is { features: unknown[] } {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'FeatureCollection' &&
		Array.isArray((value as { features?: unknown }).features)
	);
}
