import type { LocationPrecision } from './incident';

/** The area the basemap covers: longitude 33–50° E, latitude 27–39° N. [west, south, east, north] */
export const REGION_BBOX = [33, 27, 50, 39] as const;

/** Distances from the Iraq–Syria border at which the map draws proximity bands. */
export const PROXIMITY_BANDS_KM = [10, 25, 50] as const;

/**
 * Radius of the uncertainty halo drawn around an incident, by location precision:
 * 1 = the named town (no halo), 2 = near a town or in its area, 3 = only the region.
 */
export const UNCERTAINTY_RADIUS_KM: Record<LocationPrecision, number> = { 1: 0, 2: 5, 3: 25 };

export const LOCATION_PRECISION_WORDS: Record<LocationPrecision, string> = {
	1: 'Named town: the position is the town centre',
	2: 'Near a town or in its area: within about 5 km of the point shown',
	3: 'Region only: within about 25 km of the point shown'
};
