import { geodesicDistance } from './geodesic';

/**
 * Nearest-neighbour questions over small point sets (gazetteer places, incidents), answered
 * with exact WGS84 geodesics. A spherical distance prefilters, and only points that could win
 * are measured exactly.
 */

export interface LabelledPoint {
	id: string;
	lon: number;
	lat: number;
}

/** The located features of a collection as labelled points (features without a position are left out). */
export function labelledPoints(
	features: readonly { id: string; geometry: { coordinates: number[] } | null }[]
): LabelledPoint[] {
	return features.flatMap((feature) => {
		const [lon, lat] = feature.geometry?.coordinates ?? [];
		return lon === undefined || lat === undefined ? [] : [{ id: feature.id, lon, lat }];
	});
}

export interface Neighbour {
	id: string;
	/** WGS84 geodesic distance in metres. */
	distance: number;
}

/** Mean Earth radius (IUGG), for the prefilter only. */
const SPHERE_RADIUS = 6_371_008.8;
/**
 * Spherical (radius above) over WGS84 distance lies between 0.9955 (along meridians near the
 * poles, radius of curvature 6,399.6 km) and 1.0056 (near the equator, 6,335.4 km). A point can
 * only beat another if its spherical distance is within 1.0056 / 0.9955 = 1.0102 of the other's.
 */
const SLACK = 1.011;
const DEG = Math.PI / 180;

function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const dLat = (lat2 - lat1) * DEG;
	const dLon = (lon2 - lon1) * DEG;
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
	return 2 * SPHERE_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The point nearest to (lon, lat), or null when there is none (or only excluded ones).
 * Ties go to the earlier point in the list.
 */
export function nearestPoint(
	points: readonly LabelledPoint[],
	lon: number,
	lat: number,
	excludeId?: string
): Neighbour | null {
	let bestSphere = Infinity;
	const sphere = points.map((point) => {
		if (point.id === excludeId) return Infinity;
		const d = haversine(lat, lon, point.lat, point.lon);
		bestSphere = Math.min(bestSphere, d);
		return d;
	});
	let best: Neighbour | null = null;
	points.forEach((point, i) => {
		if (point.id === excludeId || (sphere[i] as number) > bestSphere * SLACK + 1) return;
		const distance = geodesicDistance(lat, lon, point.lat, point.lon);
		if (!best || distance < best.distance) best = { id: point.id, distance };
	});
	return best;
}

/** Every point within `radius` metres of (lon, lat), nearest first. */
export function pointsWithin(
	points: readonly LabelledPoint[],
	lon: number,
	lat: number,
	radius: number,
	excludeId?: string
): Neighbour[] {
	const found: Neighbour[] = [];
	for (const point of points) {
		if (point.id === excludeId) continue;
		if (haversine(lat, lon, point.lat, point.lon) > radius * SLACK + 1) continue;
		const distance = geodesicDistance(lat, lon, point.lat, point.lon);
		if (distance <= radius) found.push({ id: point.id, distance });
	}
	return found.sort((a, b) => a.distance - b.distance);
}
