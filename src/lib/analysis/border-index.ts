import type { LineString, MultiLineString } from 'geojson';
import { conformalSphere, type ConformalSphere } from './conformal-sphere';
import { geodesicDistance } from './geodesic';

/**
 * A search structure over a polyline (the border) for exact point-to-line distances.
 *
 * Segments are straight in longitude/latitude (RFC 7946). Each is cut into pieces whose images
 * on the conformal sphere are nearly great-circle arcs, and the pieces are bounded by a
 * binary tree of spherical caps built over consecutive pieces (the line's own order keeps
 * neighbours together). A query walks the tree, pruning by caps with dot products only.
 */
export interface BorderIndex {
	readonly sphere: ConformalSphere;
	/** Per segment: start and end longitude/latitude in degrees. */
	readonly segments: {
		lon0: Float64Array;
		lat0: Float64Array;
		lon1: Float64Array;
		lat1: Float64Array;
	};
	/** Per piece: its segment, the segment parameters it spans, and its arc on the sphere. */
	readonly pieces: {
		segment: Int32Array;
		t0: Float64Array;
		t1: Float64Array;
		/** Unit vectors of the ends (3 per piece). */
		a: Float64Array;
		b: Float64Array;
		/** Unit normal of the arc's great circle (3 per piece). */
		normal: Float64Array;
		/** Angle of the arc in radians. */
		angle: Float64Array;
	};
	/**
	 * Tree nodes in depth-first order, packed NODE_STRIDE numbers per node (one 64-byte cache
	 * line): cap centre x, y, z; cos and sin of the cap's angular radius; the radius; then
	 * for an inner node its two child node numbers, for a leaf −1 and its piece number.
	 */
	readonly nodes: Float64Array;
	readonly latitudeRange: readonly [number, number];
	readonly longitudeRange: readonly [number, number];
	/**
	 * A coarse grid around the border whose cells remember the nearest piece to their centre
	 * (−1 until a query first needs it). It only seeds searches, so it never changes a result.
	 */
	readonly seedGrid: SeedGrid;
	readonly vertexCount: number;
	/**
	 * The largest angle (radians) between a piece's great-circle arc and its true segment,
	 * measured at build time: the search widens its margin by it.
	 */
	readonly maxSagitta: number;
}

export interface BorderIndexOptions {
	/**
	 * Longest piece in metres (default 10,000). Shorter pieces hug the true segment more closely
	 * (~1.3 m at 10 km, measured into maxSagitta) but deepen the tree; 10 km measured fastest
	 * with millimetre results.
	 */
	maxPieceMetres?: number;
}

type LineGeometry = LineString | MultiLineString;

export function buildBorderIndex(
	line: LineGeometry,
	options: BorderIndexOptions = {}
): BorderIndex {
	const maxPiece = options.maxPieceMetres ?? 10_000;
	const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
	const segmentList: [number, number, number, number][] = [];
	let latMin = Infinity;
	let latMax = -Infinity;
	let lonMin = Infinity;
	let lonMax = -Infinity;
	let vertexCount = 0;
	for (const part of parts) {
		vertexCount += part.length;
		for (let i = 0; i < part.length; i++) {
			const [lon, lat] = part[i] as [number, number];
			latMin = Math.min(latMin, lat);
			latMax = Math.max(latMax, lat);
			lonMin = Math.min(lonMin, lon);
			lonMax = Math.max(lonMax, lon);
			if (i > 0) {
				const [lonPrev, latPrev] = part[i - 1] as [number, number];
				segmentList.push([lonPrev, latPrev, lon, lat]);
			}
		}
	}
	if (segmentList.length === 0) throw new Error('the border needs at least one segment');

	const sphere = conformalSphere((latMin + latMax) / 2, (lonMin + lonMax) / 2);
	const segments = {
		lon0: Float64Array.from(segmentList, (s) => s[0]),
		lat0: Float64Array.from(segmentList, (s) => s[1]),
		lon1: Float64Array.from(segmentList, (s) => s[2]),
		lat1: Float64Array.from(segmentList, (s) => s[3])
	};

	const pieceRanges: [segment: number, t0: number, t1: number][] = [];
	segmentList.forEach(([lon0, lat0, lon1, lat1], segment) => {
		const count = Math.max(1, Math.ceil(geodesicDistance(lat0, lon0, lat1, lon1) / maxPiece));
		for (let k = 0; k < count; k++) pieceRanges.push([segment, k / count, (k + 1) / count]);
	});
	const pieces = piecesOnSphere(sphere, segments, pieceRanges);
	const nodes = capTree(pieces.a, pieces.b, pieces.angle);
	return {
		sphere,
		segments,
		pieces,
		nodes,
		maxSagitta: maxSagitta(sphere, segments, pieces),
		latitudeRange: [latMin, latMax],
		longitudeRange: [lonMin, lonMax],
		seedGrid: seedGrid(lonMin, latMin, lonMax, latMax),
		vertexCount
	};
}

function piecesOnSphere(
	sphere: ConformalSphere,
	segments: BorderIndex['segments'],
	ranges: [number, number, number][]
): BorderIndex['pieces'] {
	const n = ranges.length;
	const pieces = {
		segment: new Int32Array(n),
		t0: new Float64Array(n),
		t1: new Float64Array(n),
		a: new Float64Array(3 * n),
		b: new Float64Array(3 * n),
		normal: new Float64Array(3 * n),
		angle: new Float64Array(n)
	};
	ranges.forEach(([segment, t0, t1], i) => {
		const lon0 = segments.lon0[segment] as number;
		const lat0 = segments.lat0[segment] as number;
		const dLon = (segments.lon1[segment] as number) - lon0;
		const dLat = (segments.lat1[segment] as number) - lat0;
		pieces.segment[i] = segment;
		pieces.t0[i] = t0;
		pieces.t1[i] = t1;
		sphere.toUnitVector(lon0 + t0 * dLon, lat0 + t0 * dLat, pieces.a, 3 * i);
		sphere.toUnitVector(lon0 + t1 * dLon, lat0 + t1 * dLat, pieces.b, 3 * i);
		const [ax, ay, az] = [pieces.a[3 * i]!, pieces.a[3 * i + 1]!, pieces.a[3 * i + 2]!];
		const [bx, by, bz] = [pieces.b[3 * i]!, pieces.b[3 * i + 1]!, pieces.b[3 * i + 2]!];
		const nx = ay * bz - az * by;
		const ny = az * bx - ax * bz;
		const nz = ax * by - ay * bx;
		const length = Math.hypot(nx, ny, nz);
		pieces.angle[i] = Math.atan2(length, ax * bx + ay * by + az * bz);
		// A zero-length piece has no great circle; its normal stays 0 and only its ends count.
		if (length > 0) {
			pieces.normal[3 * i] = nx / length;
			pieces.normal[3 * i + 1] = ny / length;
			pieces.normal[3 * i + 2] = nz / length;
		}
	});
	return pieces;
}

/** Samples each piece's true segment and measures its distance from the piece's great circle. */
function maxSagitta(
	sphere: ConformalSphere,
	segments: BorderIndex['segments'],
	pieces: BorderIndex['pieces']
): number {
	const v = new Float64Array(3);
	let max = 0;
	for (let i = 0; i < pieces.angle.length; i++) {
		const j = pieces.segment[i]!;
		const [t0, t1] = [pieces.t0[i]!, pieces.t1[i]!];
		for (let k = 1; k < 16; k++) {
			const t = t0 + ((t1 - t0) * k) / 16;
			const lon = segments.lon0[j]! + t * (segments.lon1[j]! - segments.lon0[j]!);
			const lat = segments.lat0[j]! + t * (segments.lat1[j]! - segments.lat0[j]!);
			sphere.toUnitVector(lon, lat, v, 0);
			const off =
				v[0]! * pieces.normal[3 * i]! +
				v[1]! * pieces.normal[3 * i + 1]! +
				v[2]! * pieces.normal[3 * i + 2]!;
			max = Math.max(max, Math.asin(Math.min(1, Math.abs(off))));
		}
	}
	return max;
}

export interface SeedGrid {
	west: number;
	south: number;
	step: number;
	columns: number;
	rows: number;
	cells: Int32Array;
}

/** Seed grid cell size and how far it reaches beyond the border's bounding box (degrees). */
const SEED_GRID_STEP = 0.1;
const SEED_GRID_MARGIN = 10;

function seedGrid(lonMin: number, latMin: number, lonMax: number, latMax: number): SeedGrid {
	const west = Math.max(-180, lonMin - SEED_GRID_MARGIN);
	const south = Math.max(-90, latMin - SEED_GRID_MARGIN);
	const columns = Math.ceil((Math.min(180, lonMax + SEED_GRID_MARGIN) - west) / SEED_GRID_STEP);
	const rows = Math.ceil((Math.min(90, latMax + SEED_GRID_MARGIN) - south) / SEED_GRID_STEP);
	return {
		west,
		south,
		step: SEED_GRID_STEP,
		columns,
		rows,
		cells: new Int32Array(columns * rows).fill(-1)
	};
}

export const NODE_STRIDE = 8;
export const NODE = { x: 0, y: 1, z: 2, cos: 3, sin: 4, radius: 5, left: 6, right: 7 } as const;

/** A balanced tree of spherical caps over consecutive pieces; node 0 is the root. */
function capTree(a: Float64Array, b: Float64Array, angle: Float64Array): Float64Array {
	const pieceCount = angle.length;
	const nodes = new Float64Array(NODE_STRIDE * (2 * pieceCount - 1));
	let next = 0;
	// Caps are widened by a hair so rounding can never prune the true nearest piece.
	const SLACK = 1e-12;

	const setCap = (node: number, x: number, y: number, z: number, radius: number) => {
		const o = node * NODE_STRIDE;
		const length = Math.hypot(x, y, z);
		nodes[o + NODE.x] = x / length;
		nodes[o + NODE.y] = y / length;
		nodes[o + NODE.z] = z / length;
		nodes[o + NODE.radius] = radius + SLACK;
		nodes[o + NODE.cos] = Math.cos(radius + SLACK);
		nodes[o + NODE.sin] = Math.sin(radius + SLACK);
	};
	const angleBetween = (i: number, j: number) => {
		const [u, v] = [i * NODE_STRIDE, j * NODE_STRIDE];
		const cx = nodes[u + 1]! * nodes[v + 2]! - nodes[u + 2]! * nodes[v + 1]!;
		const cy = nodes[u + 2]! * nodes[v]! - nodes[u]! * nodes[v + 2]!;
		const cz = nodes[u]! * nodes[v + 1]! - nodes[u + 1]! * nodes[v]!;
		const dot =
			nodes[u]! * nodes[v]! + nodes[u + 1]! * nodes[v + 1]! + nodes[u + 2]! * nodes[v + 2]!;
		return Math.atan2(Math.hypot(cx, cy, cz), dot);
	};

	const build = (lo: number, hi: number): number => {
		const node = next++;
		const o = node * NODE_STRIDE;
		if (hi - lo === 1) {
			nodes[o + NODE.left] = -1;
			nodes[o + NODE.right] = lo;
			// The midpoint direction of an arc is within half its angle of every point on it.
			setCap(
				node,
				a[3 * lo]! + b[3 * lo]!,
				a[3 * lo + 1]! + b[3 * lo + 1]!,
				a[3 * lo + 2]! + b[3 * lo + 2]!,
				angle[lo]! / 2
			);
			return node;
		}
		const mid = (lo + hi) >> 1;
		const left = build(lo, mid);
		const right = build(mid, hi);
		nodes[o + NODE.left] = left;
		nodes[o + NODE.right] = right;
		const [l, r] = [left * NODE_STRIDE, right * NODE_STRIDE];
		setCap(
			node,
			nodes[l]! + nodes[r]!,
			nodes[l + 1]! + nodes[r + 1]!,
			nodes[l + 2]! + nodes[r + 2]!,
			0
		);
		const radius = Math.max(
			angleBetween(node, left) + nodes[l + NODE.radius]!,
			angleBetween(node, right) + nodes[r + NODE.radius]!
		);
		setCap(node, nodes[o]!, nodes[o + 1]!, nodes[o + 2]!, radius);
		return node;
	};
	build(0, pieceCount);
	return nodes;
}
