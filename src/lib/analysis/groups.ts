import Supercluster from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { positionKey } from '$lib/data/site-key';

/**
 * Incidents grouped for display, from the incidents that pass the filter only, so every count
 * on the map is a count of what the user asked for:
 * - below CLUSTER_ZOOM_END, clusters (and lone incidents) for each whole zoom level, tagged with
 *   their zoom `z`, so the map can zoom without asking again;
 * - from CLUSTER_ZOOM_END up, incidents are drawn one by one, and positions that several
 *   matching incidents share get a "site" badge with their count.
 * Recomputed (in a worker) only when the filter changes; the output is small whatever the data.
 */

/** Zoom levels drawn as clusters: [CLUSTER_ZOOM_START, CLUSTER_ZOOM_END). */
export const CLUSTER_ZOOM_START = 0;
export const CLUSTER_ZOOM_END = 8;
/** Cluster radius in screen pixels (MapLibre's and supercluster's 512-pixel tiles agree). */
export const CLUSTER_RADIUS = 48;

export interface GroupPoints {
	ids: readonly string[];
	lon: ArrayLike<number>;
	lat: ArrayLike<number>;
	/** Days since 1970 (for the date range of a group). */
	day: ArrayLike<number>;
	/** 0 when the date is exact to the day (a lone marker is drawn fainter otherwise). */
	datePrecision: ArrayLike<number>;
	/** The figure a marker is sized by (NaN when not reported). */
	killedBest: ArrayLike<number>;
	/** The short toll label for a marker (null when not reported). */
	killedLabel: readonly (string | null)[];
}

export type GroupProperties =
	| {
			kind: 'cluster' | 'site';
			/** The zoom level a cluster is for (−1 for sites, drawn from CLUSTER_ZOOM_END up). */
			z: number;
			count: number;
			day_min: number;
			day_max: number;
			west: number;
			south: number;
			east: number;
			north: number;
	  }
	| {
			kind: 'single';
			z: number;
			id: string;
			killed_best: number | null;
			killed_label: string | null;
			approximate_date: boolean;
	  };

export type GroupCollection = FeatureCollection<Point, GroupProperties>;

interface Extent {
	day_min: number;
	day_max: number;
	west: number;
	south: number;
	east: number;
	north: number;
}

/** Groups the points whose `include` flag is 1. */
export function groupIncidents(points: GroupPoints, include: Uint8Array): GroupCollection {
	const features: Feature<Point, GroupProperties>[] = [];
	const members: Feature<Point, { i: number }>[] = [];
	for (let i = 0; i < points.ids.length; i++) {
		if (!include[i] || !Number.isFinite(points.lon[i]) || !Number.isFinite(points.lat[i])) continue;
		members.push({
			type: 'Feature',
			properties: { i },
			geometry: { type: 'Point', coordinates: [points.lon[i]!, points.lat[i]!] }
		});
	}

	const extentOf = (i: number): Extent => ({
		day_min: points.day[i]!,
		day_max: points.day[i]!,
		west: points.lon[i]!,
		east: points.lon[i]!,
		south: points.lat[i]!,
		north: points.lat[i]!
	});
	const index = new Supercluster<{ i: number }, Extent>({
		radius: CLUSTER_RADIUS,
		minZoom: CLUSTER_ZOOM_START,
		maxZoom: CLUSTER_ZOOM_END - 1,
		map: (properties) => extentOf(properties.i),
		reduce: (into, from) => {
			into.day_min = Math.min(into.day_min, from.day_min);
			into.day_max = Math.max(into.day_max, from.day_max);
			into.west = Math.min(into.west, from.west);
			into.east = Math.max(into.east, from.east);
			into.south = Math.min(into.south, from.south);
			into.north = Math.max(into.north, from.north);
		}
	}).load(members);

	for (let z = CLUSTER_ZOOM_START; z < CLUSTER_ZOOM_END; z++) {
		for (const feature of index.getClusters([-180, -85, 180, 85], z)) {
			const p = feature.properties;
			if ('cluster' in p && p.cluster) {
				const { day_min, day_max, west, south, east, north } = p as unknown as Extent;
				features.push({
					type: 'Feature',
					geometry: feature.geometry,
					properties: {
						kind: 'cluster',
						z,
						count: p.point_count,
						day_min,
						day_max,
						west,
						south,
						east,
						north
					}
				});
			} else {
				features.push(single((p as { i: number }).i, z, points, feature.geometry));
			}
		}
	}

	for (const site of sharedPositions(members)) {
		const extent = site.map(extentOf).reduce((a, b) => ({
			day_min: Math.min(a.day_min, b.day_min),
			day_max: Math.max(a.day_max, b.day_max),
			west: a.west,
			south: a.south,
			east: a.east,
			north: a.north
		}));
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [extent.west, extent.south] },
			properties: { kind: 'site', z: -1, count: site.length, ...extent }
		});
	}
	return { type: 'FeatureCollection', features };
}

function single(
	i: number,
	z: number,
	points: GroupPoints,
	geometry: Point
): Feature<Point, GroupProperties> {
	const killed = points.killedBest[i]!;
	return {
		type: 'Feature',
		geometry,
		properties: {
			kind: 'single',
			z,
			id: points.ids[i]!,
			killed_best: Number.isNaN(killed) ? null : killed,
			killed_label: points.killedLabel[i] ?? null,
			approximate_date: points.datePrecision[i] !== 0
		}
	};
}

/** Member indices grouped by exact position, for positions held by two or more. */
function sharedPositions(members: Feature<Point, { i: number }>[]): number[][] {
	const byPosition = new Map<string, number[]>();
	for (const member of members) {
		const key = positionKey(member.geometry.coordinates);
		const list = byPosition.get(key);
		if (list) list.push(member.properties.i);
		else byPosition.set(key, [member.properties.i]);
	}
	return [...byPosition.values()].filter((list) => list.length > 1);
}
