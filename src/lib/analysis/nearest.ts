import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { geodesicDistance } from './geodesic';

/**
 * Nearest-neighbour questions (nearest place, nearest other incident, everything within R km),
 * answered with exact WGS84 geodesics over a k-d tree. The tree ranks points by distance on a
 * sphere; every point that could still win once measured on the ellipsoid is measured exactly.
 */

export interface LabelledPoint {
	id: string;
	lon: number;
	lat: number;
}

export interface Neighbour {
	id: string;
	/** WGS84 geodesic distance in metres. */
	distance: number;
}

/**
 * The located features of a collection as labelled points (features without a position are
 * left out).
 */
export function labelledPoints(
	features: readonly { id: string; geometry: { coordinates: number[] } | null }[]
): LabelledPoint[] {
	return features.flatMap((feature) => {
		const [lon, lat] = feature.geometry?.coordinates ?? [];
		return lon === undefined || lat === undefined ? [] : [{ id: feature.id, lon, lat }];
	});
}

/**
 * Spherical over WGS84 distance lies between 0.9955 (along meridians near the poles, radius of
 * curvature 6,399.6 km against the tree's 6,371 km) and 1.0056 (near the equator, 6,335.4 km).
 * A point can only beat another if its spherical distance is within 1.0056 / 0.9955 = 1.0102 of
 * the other's; 1.011 leaves room for rounding.
 */
const SLACK = 1.011;
/** Extra kilometres on every bound, for points that coincide or nearly do. */
const EPSILON_KM = 0.001;

/** A k-d tree over positions, as KDBush's buffer (which a worker can hand over whole). */
export function buildTree(lons: ArrayLike<number>, lats: ArrayLike<number>): ArrayBuffer {
	const tree = new KDBush(Math.max(1, lons.length));
	for (let i = 0; i < lons.length; i++) tree.add(lons[i]!, lats[i]!);
	if (lons.length === 0) tree.add(0, 0); // KDBush cannot be empty; NeighbourIndex ignores it
	tree.finish();
	return tree.data as ArrayBuffer;
}

export class NeighbourIndex {
	readonly points: readonly LabelledPoint[];
	#tree: KDBush | null;

	/** `tree`: a tree built by buildTree over exactly these points, in this order. */
	constructor(points: readonly LabelledPoint[], tree?: ArrayBuffer) {
		this.points = points;
		if (points.length === 0) {
			this.#tree = null;
			return;
		}
		this.#tree = KDBush.from(
			tree ??
				buildTree(
					points.map((point) => point.lon),
					points.map((point) => point.lat)
				)
		);
	}

	/**
	 * The point nearest to (lon, lat) that `include` accepts (all by default), or null.
	 * Ties go to the earlier point in the list.
	 */
	nearest(lon: number, lat: number, include?: (point: LabelledPoint) => boolean): Neighbour | null {
		const tree = this.#tree;
		if (!tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
		const accept = include ? (i: number) => include(this.points[i]!) : undefined;
		const [first] = around(tree, lon, lat, 1, Infinity, accept);
		if (first === undefined) return null;
		const p = this.points[first]!;
		const boundKm = sphereKm(lat, lon, p.lat, p.lon) * SLACK + EPSILON_KM;
		let best: Neighbour | null = null;
		let bestIndex = Infinity;
		for (const i of around(tree, lon, lat, Infinity, boundKm, accept)) {
			const point = this.points[i]!;
			const distance = geodesicDistance(lat, lon, point.lat, point.lon);
			if (!best || distance < best.distance || (distance === best.distance && i < bestIndex)) {
				best = { id: point.id, distance };
				bestIndex = i;
			}
		}
		return best;
	}

	/** Every accepted point within `radius` metres of (lon, lat), nearest first. */
	within(
		lon: number,
		lat: number,
		radius: number,
		include?: (point: LabelledPoint) => boolean
	): Neighbour[] {
		const tree = this.#tree;
		if (!tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
		const accept = include ? (i: number) => include(this.points[i]!) : undefined;
		const found: Neighbour[] = [];
		for (const i of around(
			tree,
			lon,
			lat,
			Infinity,
			(radius / 1000) * SLACK + EPSILON_KM,
			accept
		)) {
			const point = this.points[i]!;
			const distance = geodesicDistance(lat, lon, point.lat, point.lon);
			if (distance <= radius) found.push({ id: point.id, distance });
		}
		return found.sort((a, b) => a.distance - b.distance);
	}
}

const DEG = Math.PI / 180;

/** Great-circle distance in km on the tree's sphere (R = 6,371 km). */
function sphereKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const h =
		Math.sin(((lat2 - lat1) * DEG) / 2) ** 2 +
		Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(((lon2 - lon1) * DEG) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
