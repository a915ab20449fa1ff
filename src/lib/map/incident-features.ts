import type { Feature, FeatureCollection, Point } from 'geojson';
import { dayNumber, formatKilled, killedForSize } from '$lib/data/format';
import type { IncidentFeature } from '$lib/data/incident';
import type { IncidentFigures } from '$lib/analysis/incident-figures';
import type { GroupPoints } from './groups';
import { UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { clusterRadius, markerRadius } from './style/incidents';

/** What the map needs to draw an incident; everything else stays in the app's state. */
export interface MapIncidentProperties {
	id: string;
	lon: number;
	lat: number;
	/** Days since 1970 (for cluster date ranges). */
	day: number;
	killed_best: number | null;
	killed_label: string | null;
	/**
	 * Uncertainty-halo radius in pixels at zoom 0 (0 = no halo, or another incident at the same
	 * position draws it); it doubles per zoom level.
	 */
	halo_z0_px: number;
	/** Metres to the border once measured (null until then, and the filter treats it as unknown). */
	border_m: number | null;
}

/** Web Mercator circumference (m) and the world's width in pixels at zoom 0 in MapLibre. */
const EARTH_CIRCUMFERENCE = 40_075_016.686;
const WORLD_PIXELS_AT_Z0 = 512;

/**
 * Pixels at zoom 0 for a ground radius at a latitude: Mercator stretches distances by 1/cos φ,
 * so a circle drawn with this radius covers the same ground anywhere (to well under 1 % for the
 * 25 km halos).
 */
export function pixelsAtZoomZero(metres: number, latitude: number): number {
	const metresPerPixel =
		(EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / WORLD_PIXELS_AT_Z0;
	return metres / metresPerPixel;
}

/**
 * Several incidents often share a position (a town's centre): one halo is drawn per position,
 * the widest of them, on the first incident there; stacked translucent halos would darken the
 * area and suggest more certainty about the place, not less.
 */
function widestHaloPerPosition(incidents: readonly IncidentFeature[]): Map<string, string> {
	const owner = new Map<string, { id: string; radius: number }>();
	for (const incident of incidents) {
		const coordinates = incident.geometry?.coordinates;
		if (!coordinates) continue;
		const key = coordinates.join(',');
		const radius = UNCERTAINTY_RADIUS_KM[incident.properties.location_precision];
		const current = owner.get(key);
		if (!current || radius > current.radius) owner.set(key, { id: incident.id, radius });
	}
	return new Map([...owner].map(([key, { id }]) => [key, id]));
}

export function incidentMapFeatures(
	incidents: readonly IncidentFeature[],
	figures: ReadonlyMap<string, IncidentFigures> = new Map()
): FeatureCollection<Point, MapIncidentProperties> {
	const features: Feature<Point, MapIncidentProperties>[] = [];
	const haloOwner = widestHaloPerPosition(incidents);
	for (const incident of incidents) {
		if (!incident.geometry) continue; // unlocated: listed in the panel, never drawn
		const [lon, lat] = incident.geometry.coordinates as [number, number];
		const p = incident.properties;
		features.push({
			type: 'Feature',
			id: incident.id,
			geometry: incident.geometry,
			properties: {
				id: incident.id,
				lon,
				lat,
				day: dayNumber(p.date),
				killed_best: killedForSize(p.killed_min, p.killed_max),
				killed_label: formatKilled(p.killed_min, p.killed_max).short,
				halo_z0_px:
					haloOwner.get(`${lon},${lat}`) === incident.id
						? pixelsAtZoomZero(UNCERTAINTY_RADIUS_KM[p.location_precision] * 1000, lat)
						: 0,
				border_m: figures.get(incident.id)?.borderDistance ?? null
			}
		});
	}
	return { type: 'FeatureCollection', features };
}

/**
 * The radius (px) of the marker drawn at each incident site ("lon,lat" → px): one incident's
 * own marker, or the cluster that several at one position always form.
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

/** What the grouping worker needs of the map features, in their order. */
export function groupPointsOf(
	incidents: FeatureCollection<Point, MapIncidentProperties>
): GroupPoints {
	const features = incidents.features;
	return {
		ids: features.map((feature) => feature.properties.id),
		lons: Float64Array.from(features, (feature) => feature.properties.lon),
		lats: Float64Array.from(features, (feature) => feature.properties.lat),
		days: Float64Array.from(features, (feature) => feature.properties.day),
		killed: Float64Array.from(features, (feature) => feature.properties.killed_best ?? Number.NaN),
		labels: features.map((feature) => feature.properties.killed_label)
	};
}
