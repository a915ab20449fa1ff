import type { IncidentFigures } from '$lib/analysis/incident-figures';
import type { IncidentFeature } from './incident';

/**
 * What the user has narrowed the incidents down to. One definition serves the lists and counts
 * (matchesFilter, here), the map (the same tests as style expressions, map/style/filter.ts) and
 * the cluster worker (a mask built from matchesFilter).
 */
export interface IncidentFilter {
	/** Only incidents within this many km of the border (null: no limit). */
	maxBorderKm: number | null;
}

export const NO_FILTER: IncidentFilter = { maxBorderKm: null };

export const MAX_BORDER_KM_LIMIT = 100;

/**
 * Whether an incident passes the filter. An unknown figure never passes a test on it: an
 * incident without a position cannot be "within 10 km" of anything.
 */
export function matchesFilter(
	incident: IncidentFeature,
	figures: IncidentFigures | undefined,
	filter: IncidentFilter
): boolean {
	if (filter.maxBorderKm !== null) {
		if (!incident.geometry || !figures) return false;
		if (!(figures.borderDistance <= filter.maxBorderKm * 1000)) return false;
	}
	return true;
}

export function isFiltering(filter: IncidentFilter): boolean {
	return filter.maxBorderKm !== null;
}
