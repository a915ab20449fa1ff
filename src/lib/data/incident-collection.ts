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

/** Why an incident file cannot be read at all (the page words it in the user's language). */
export type IncidentFileProblem =
	{ problem: 'not-utf8' } | { problem: 'not-json'; error: string } | { problem: 'not-incidents' };

/**
 * An incident file's bytes as a GeoJSON FeatureCollection (its features not yet checked), or
 * why they are not one: not UTF-8, not JSON, or JSON that is not a FeatureCollection.
 */
export function parseIncidentFile(
	bytes: Uint8Array
): { collection: { features: unknown[]; dataset?: unknown } } | IncidentFileProblem {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { problem: 'not-utf8' };
	}
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { problem: 'not-json', error: error instanceof Error ? error.message : String(error) };
	}
	return isFeatureCollection(value) ? { collection: value } : { problem: 'not-incidents' };
}
