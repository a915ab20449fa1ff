import { killedForSize } from '$lib/data/format';
import type { IncidentFeature } from '$lib/data/incident';
import { clusterRadius, markerRadius } from './style/incidents';

/**
 * The radius (px) of the marker drawn at each incident site ("lon,lat" → px): one incident's
 * own marker, or the badge that several at one position always get.
 */
export function markerRadiusBySite(sites: ReadonlyMap<string, SiteSize>): Map<string, number> {
	const radii = new Map<string, number>();
	for (const [position, { count, only }] of sites) {
		const p = count === 1 ? only?.properties : undefined;
		radii.set(
			position,
			p ? markerRadius(killedForSize(p.killed_min, p.killed_max)) : clusterRadius(count)
		);
	}
	return radii;
}

/** How many incidents a site has, and the incident itself when it is the only one. */
export interface SiteSize {
	count: number;
	only?: IncidentFeature;
}
