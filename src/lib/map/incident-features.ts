import type { Feature, FeatureCollection, Point } from 'geojson';
import { formatKilled, killedForSize, type KilledText } from '$lib/data/format';
import type { IncidentFeature } from '$lib/data/incident';
import { UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { positionKey } from '$lib/data/site-key';
import { clusterRadius, markerRadius } from './style/incidents';

/**
 * What the map needs to draw an incident, and nothing more (everything else stays in the
 * app's state): the fewer properties, the faster 200,000 of them reach the renderer.
 */
export interface MapIncidentProperties {
	/** The incident's position in the app's incident list: its character in the filter mask. */
	i: number;
	id: string;
	killed_best: number | null;
	killed_label: string | null;
	/**
	 * Uncertainty-halo radius in pixels at zoom 0 (0 = no halo, or another incident at the same
	 * position draws it); it doubles per zoom level.
	 */
	halo_z0_px: number;
	/** Drawn fainter: the date is known only to the week or month. */
	approximate_date: boolean;
	/** The marker colour of an imported dataset (absent: the theme's). */
	colour?: string;
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
		if (!incident.geometry) continue;
		const key = positionKey(incident.geometry.coordinates);
		const radius = UNCERTAINTY_RADIUS_KM[incident.properties.location_precision];
		const current = owner.get(key);
		if (!current || radius > current.radius) owner.set(key, { id: incident.id, radius });
	}
	return new Map([...owner].map(([key, { id }]) => [key, id]));
}

/** Only imported incidents carry a colour: 200,000 built-in ones need not repeat the theme's. */
const colourProperty = (colour: string | undefined) => (colour ? { colour } : {});

export function incidentMapFeatures(
	incidents: readonly IncidentFeature[],
	/** Marker colour of a dataset, when it has its own (imports). */
	colourOf: (dataset: string) => string | undefined = () => undefined,
	/** The toll as a marker writes it, in the interface's digits ("36", "≤30"; "٣٦"). */
	killed: (min: number | null, max: number | null) => KilledText = formatKilled
): FeatureCollection<Point, MapIncidentProperties> {
	const features: Feature<Point, MapIncidentProperties>[] = [];
	const haloOwner = widestHaloPerPosition(incidents);
	incidents.forEach((incident, i) => {
		if (!incident.geometry) return; // unlocated: listed in the panel, never drawn
		const p = incident.properties;
		const lat = incident.geometry.coordinates[1] ?? 0;
		features.push({
			type: 'Feature',
			id: incident.id,
			geometry: incident.geometry,
			properties: {
				i,
				id: incident.id,
				killed_best: killedForSize(p.killed_min, p.killed_max),
				killed_label: killed(p.killed_min, p.killed_max).short,
				halo_z0_px:
					haloOwner.get(positionKey(incident.geometry.coordinates)) === incident.id
						? pixelsAtZoomZero(UNCERTAINTY_RADIUS_KM[p.location_precision] * 1000, lat)
						: 0,
				approximate_date: p.date_precision !== 'day',
				...colourProperty(colourOf(p.dataset))
			}
		});
	});
	return { type: 'FeatureCollection', features };
}

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

/** The map's incident features by id (to draw the selected one from its own source). */
export function mapFeaturesById(
	incidents: FeatureCollection<Point, MapIncidentProperties>
): ReadonlyMap<string, Feature<Point, MapIncidentProperties>> {
	return new Map(incidents.features.map((feature) => [feature.properties.id, feature]));
}
