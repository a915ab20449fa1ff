import type { ExpressionSpecification } from 'maplibre-gl';
import type { IncidentFilter } from '$lib/data/filter';

/**
 * The incident filter as a style expression over global state, so changing the filter is a
 * setGlobalStateProperty call: nothing is re-uploaded. It tests the same things as
 * matchesFilter (data/filter.ts); a unit test checks the two agree.
 */

/** "No limit": larger than any real distance in metres. */
const NO_LIMIT = 1e15;
/** A missing figure: passes when there is no limit, fails every real one. */
const UNKNOWN = 1e14;

export const FILTER_STATE_DEFAULTS = { maxBorderM: NO_LIMIT };

export type FilterGlobalState = typeof FILTER_STATE_DEFAULTS;

export function filterGlobalState(filter: IncidentFilter): FilterGlobalState {
	return { maxBorderM: filter.maxBorderKm === null ? NO_LIMIT : filter.maxBorderKm * 1000 };
}

export const INCIDENT_FILTER: ExpressionSpecification = [
	'<=',
	['coalesce', ['get', 'border_m'], UNKNOWN],
	['global-state', 'maxBorderM']
];

/** The fixed proximity bands show only while no distance filter is set. */
export const NO_DISTANCE_FILTER: ExpressionSpecification = [
	'==',
	['global-state', 'maxBorderM'],
	NO_LIMIT
];
