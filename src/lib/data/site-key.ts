import type { Position } from 'geojson';

/**
 * Incidents at exactly the same position form one site (several strikes reported at a town's
 * centre). Everything that groups by position (the store's sites, the map's badges and halos,
 * label offsets, the analysis worker) uses this one key, so they always agree on what a site is.
 */
export function siteKey(lon: number, lat: number): string {
	return `${lon},${lat}`;
}

/** The site key of a GeoJSON position (its longitude and latitude; any altitude is ignored). */
export function positionKey(position: Position): string {
	return siteKey(position[0] ?? Number.NaN, position[1] ?? Number.NaN);
}
