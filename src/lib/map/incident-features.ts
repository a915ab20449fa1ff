import { killedForSize } from '$lib/data/format';
import type { IncidentFeature } from '$lib/data/incident';
import { clusterRadius, markerRadius } from './style/incidents';

/**
 * The radius (px) of the marker drawn at each incident site ("lon,lat" → px): one incident's
 * own marker, or the badge that several at one position always get.
 */
export function markerRadiusBySite(
	sites: ReadonlyMap<string, readonly IncidentFeature[]>
): Map<string, number> {
	const radii = new Map<string, number>();
	for (const [position, site] of sites) {
		const only = site.length === 1 ? site[0]?.properties : undefined;
		radii.set(
			position,
			only
				? markerRadius(killedForSize(only.killed_min, only.killed_max))
				: clusterRadius(site.length)
		);
	}
	return radii;
}
