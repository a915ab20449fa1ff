import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { geodesicDistance } from './geodesic';

/**
 * The nearest of a fixed set of points (a gazetteer) for very many positions, as the analyze
 * CLI asks it a million times: the same answer as NeighbourIndex.nearest (nearest.ts), found
 * without walking a tree each time.
 *
 * The sphere is cut into square cells of latitude and longitude. The first position to fall in
 * a cell lists, once, every point that could be nearest to some position of that cell (by the
 * triangle inequality from the cell's centre, below; found with a k-d tree, so a gazetteer of
 * many thousands costs no more per cell than a few); a position then measures only its cell's
 * list on the sphere, and measures exactly (WGS84 geodesic) those within SLACK of the closest,
 * as NeighbourIndex does. Points without a finite position are never answers. A k-d tree search per position cost about 20 µs here; a list of a few
 * points costs a few haversines and the one or two geodesics both need (BENCHMARKS.md, CLI).
 */

/** As NeighbourIndex: spherical over WGS84 distance stays within 0.9955–1.0056, so 1.011. */
const SLACK = 1.011;
/** Extra kilometres on every bound, for points that coincide or nearly do. */
const EPSILON_KM = 0.001;
const RADIUS_KM = 6371;
const DEG = Math.PI / 180;

/** Cells of about a third of the mean spacing of the points: lists of a few points each. */
const CELLS_PER_SPACING = 3;
const SMALLEST_CELL = 0.02;
const LARGEST_CELL = 2;

export interface NearestPoint {
	/** The point's index in the list the grid was made from. */
	index: number;
	/** WGS84 geodesic distance in metres. */
	distance: number;
}

export class NearestGrid {
	readonly #lons: Float64Array;
	readonly #lats: Float64Array;
	readonly #cosLats: Float64Array;
	/** Cell side in degrees, and the cells around the sphere and from pole to pole. */
	readonly #cell: number;
	readonly #columns: number;
	readonly #rows: number;
	/** How far (km) any position of a cell can be from the cell's centre. */
	readonly #cellRadius: number;
	/** Each cell's candidates, by cell number, made when a position first falls in it. */
	readonly #lists = new Map<number, Int32Array>();
	/** Spherical distances from the current position to its cell's candidates. */
	#scratch = new Float64Array(0);
	/** The points with a finite position, by their index here, for making lists. */
	readonly #tree: KDBush | null;
	readonly #treeIndex: Int32Array;

	constructor(points: readonly { lon: number; lat: number }[]) {
		this.#lons = Float64Array.from(points, (p) => p.lon);
		this.#lats = Float64Array.from(points, (p) => p.lat);
		this.#cosLats = this.#lats.map((lat) => Math.cos(lat * DEG));
		const finite: number[] = [];
		for (let i = 0; i < points.length; i++)
			if (Number.isFinite(this.#lons[i]) && Math.abs(this.#lats[i]!) <= 90) finite.push(i);
		this.#treeIndex = Int32Array.from(finite);
		if (finite.length > 0) {
			const tree = new KDBush(finite.length);
			// The tree reads longitudes as −180 to 180; the distances wrap by themselves.
			for (const i of finite) tree.add(wrapped(this.#lons[i]!), this.#lats[i]!);
			tree.finish();
			this.#tree = tree;
		} else this.#tree = null;
		this.#cell = cellSize(this.#lons, this.#lats, finite);
		this.#columns = Math.ceil(360 / this.#cell);
		this.#rows = Math.ceil(180 / this.#cell);
		// Within a cell, |Δlat| and |Δlon| to its centre are at most half a side, so the haversine
		// is at most sin²(side/4) (1 + cos·cos) ≤ 2 sin²(side/4).
		const half = Math.SQRT2 * Math.sin((this.#cell * DEG) / 4);
		this.#cellRadius = 2 * RADIUS_KM * Math.asin(Math.min(1, half));
	}

	/**
	 * The point nearest to (lon, lat); ties go to the earlier point. Null without points, or for
	 * a latitude beyond a pole.
	 */
	nearest(lon: number, lat: number): NearestPoint | null {
		if (!this.#tree || !Number.isFinite(lon) || !(Math.abs(lat) <= 90)) return null;
		const list = this.#candidates(lon, lat);
		const cosLat = Math.cos(lat * DEG);
		const sphere = this.#scratch;
		let closest = Infinity;
		for (let k = 0; k < list.length; k++) {
			const km = this.#sphereKm(lon, lat, cosLat, list[k]!);
			sphere[k] = km;
			if (km < closest) closest = km;
		}
		const bound = closest * SLACK + EPSILON_KM;
		let best = -1;
		let bestDistance = Infinity;
		// The list is in the points' order, so a strict "<" keeps the earlier of equals.
		for (let k = 0; k < list.length; k++) {
			if (sphere[k]! > bound) continue;
			const i = list[k]!;
			const distance = geodesicDistance(lat, lon, this.#lats[i]!, this.#lons[i]!);
			if (distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
		}
		return best < 0 ? null : { index: best, distance: bestDistance };
	}

	#sphereKm(lon: number, lat: number, cosLat: number, i: number): number {
		const dLat = Math.sin(((this.#lats[i]! - lat) * DEG) / 2);
		const dLon = Math.sin(((this.#lons[i]! - lon) * DEG) / 2);
		const h = dLat * dLat + cosLat * this.#cosLats[i]! * dLon * dLon;
		return 2 * RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	#candidates(lon: number, lat: number): Int32Array {
		const east = wrapped(lon) + 180; // 0–360 from the antimeridian, any turn
		const column = clamp(Math.floor(east / this.#cell), this.#columns);
		const row = clamp(Math.floor((lat + 90) / this.#cell), this.#rows);
		const key = row * this.#columns + column;
		const known = this.#lists.get(key);
		if (known) return known;
		const list = this.#listFor(column, row);
		this.#lists.set(key, list);
		if (list.length > this.#scratch.length) this.#scratch = new Float64Array(list.length);
		return list;
	}

	/**
	 * Every point that can be nearest to a position q of the cell. With c its centre and r the
	 * cell's radius, q's nearest is at most d(c, nearest to c) + r away, and a point p is at
	 * least d(c, p) − r from q; NeighbourIndex measures exactly every point within SLACK of the
	 * closest on the sphere. So p is needed only if d(c, p) − r ≤ (d(c, ·)min + r) SLACK + ε.
	 */
	#listFor(column: number, row: number): Int32Array {
		// The centre of the part of the cell on the sphere (the last column and row stop at 180
		// and 90), so no position of it is more than half a side from the centre either way.
		const west = -180 + column * this.#cell;
		const south = -90 + row * this.#cell;
		const centreLon = (west + Math.min(180, west + this.#cell)) / 2;
		const centreLat = (south + Math.min(90, south + this.#cell)) / 2;
		const tree = this.#tree as KDBush;
		const [first] = around(tree, centreLon, centreLat, 1);
		const cosLat = Math.cos(centreLat * DEG);
		const closest = this.#sphereKm(centreLon, centreLat, cosLat, this.#treeIndex[first!]!);
		const radius = this.#cellRadius;
		const bound = (closest + radius) * SLACK + radius + 2 * EPSILON_KM;
		// The tree's haversine and this one's differ in the last bits: the bound is checked here.
		const list: number[] = [];
		for (const k of around(tree, centreLon, centreLat, Infinity, bound + EPSILON_KM)) {
			const i = this.#treeIndex[k]!;
			if (this.#sphereKm(centreLon, centreLat, cosLat, i) <= bound) list.push(i);
		}
		// In the points' order, so that ties go to the earlier point.
		return Int32Array.from(list).sort();
	}
}

const clamp = (value: number, count: number) => Math.max(0, Math.min(count - 1, value));
const wrapped = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** A cell side for these points: a third of their mean spacing over their bounding box. */
function cellSize(lons: Float64Array, lats: Float64Array, finite: readonly number[]): number {
	if (finite.length === 0) return LARGEST_CELL;
	let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
	for (const i of finite) {
		const lon = wrapped(lons[i]!);
		west = Math.min(west, lon);
		east = Math.max(east, lon);
		south = Math.min(south, lats[i]!);
		north = Math.max(north, lats[i]!);
	}
	const area = (east - west + SMALLEST_CELL) * (north - south + SMALLEST_CELL);
	const spacing = Math.sqrt(area / finite.length);
	return Math.max(SMALLEST_CELL, Math.min(LARGEST_CELL, spacing / CELLS_PER_SPACING));
}
