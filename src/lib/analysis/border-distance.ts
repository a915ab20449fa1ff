import { NODE_STRIDE, type BorderIndex } from './border-index';
import { segmentFoot, type SegmentFoot } from './segment-foot';
import { sphereFoot, type SphereFoot } from './sphere-foot';

/**
 * WGS84 distance from points to a border polyline whose segments are straight in
 * longitude/latitude (RFC 7946): the geodesic distance to the nearest point of the line.
 *
 * 1. Candidates: walk the index on the conformal sphere for every piece that could hold the
 *    nearest point. The true distance s to a piece obeys σ·R/k_max ≤ s ≤ σ·R/k_min (σ: the
 *    great-circle angle, k: the mapping's scale), so a piece with σ > σ_best·k_max/k_min, plus
 *    a margin for the pieces' sagitta, cannot hold it.
 * 2. Exact foot and distance per surviving segment (usually one):
 *    - near the border (< ~1,270 km), on the conformal sphere with the scale integrated along the
 *      path (sphere-foot.ts): within millimetres of GeographicLib, at a fraction of its cost;
 *    - farther away, with GeographicLib itself and Newton's method on every segment
 *      (segment-foot.ts).
 * Accuracy is checked against a brute-force GeographicLib reference in the tests.
 */

export interface BorderDistances {
	/** Distance in metres; NaN where the input position is not valid. */
	distance: Float64Array;
	/** The nearest point of the border (NaN where the input is not valid). */
	nearestLon: Float64Array;
	nearestLat: Float64Array;
}

export interface BorderDistanceStats {
	points: number;
	/** GeographicLib inverse solutions computed (the dominant cost). */
	geodesicInverses: number;
	/** Segments whose foot was found exactly. */
	segmentsEvaluated: number;
	/** Points far from the border, where every segment is evaluated. */
	farPoints: number;
}

export function emptyStats(): BorderDistanceStats {
	return { points: 0, geodesicInverses: 0, segmentsEvaluated: 0, farPoints: 0 };
}

/**
 * Beyond this angle (~1,270 km) or latitude, distances come from GeographicLib on every
 * segment instead of the conformal sphere.
 */
const FAR_ANGLE = 0.2;
const FAR_LATITUDE = 75;
/** Allowance for rounding and for the sphere's distances differing from the ellipsoid's (m). */
const MARGIN_METRES = 2;

/** Distances from many points at once; inputs may be plain or typed arrays. */
export function borderDistances(
	index: BorderIndex,
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	stats: BorderDistanceStats = emptyStats()
): BorderDistances {
	const n = lons.length;
	if (lats.length !== n) throw new Error('lons and lats must have the same length');
	const out: BorderDistances = {
		distance: new Float64Array(n),
		nearestLon: new Float64Array(n),
		nearestLat: new Float64Array(n)
	};
	const query = createQuery(index, stats);
	for (let i = 0; i < n; i++) query(lons[i] as number, lats[i] as number, out, i);
	return out;
}

/** Distance from one point, with the nearest border point as [lon, lat]. */
export function borderDistance(
	index: BorderIndex,
	lon: number,
	lat: number
): { distance: number; nearest: [number, number] } {
	const result = borderDistances(index, [lon], [lat]);
	return {
		distance: result.distance[0] as number,
		nearest: [result.nearestLon[0] as number, result.nearestLat[0] as number]
	};
}

type Query = (lon: number, lat: number, out: BorderDistances, at: number) => void;

function createQuery(index: BorderIndex, stats: BorderDistanceStats): Query {
	const { sphere, pieces, nodes, segments } = index;
	const { lon0, lat0, lon1, lat1 } = segments;
	const normal = pieces.normal;
	const ends0 = pieces.a;
	const ends1 = pieces.b;
	const arcAngle = pieces.angle;
	// Sampling the sagitta can miss its peak slightly: allow half again.
	const margin = MARGIN_METRES / sphere.radius + 1.5 * index.maxSagitta;
	const segmentCount = segments.lon0.length;
	const pieceCount = pieces.angle.length;
	// In-plane directions bounding each arc: a projection q lies on the arc iff q·inA ≥ 0 and
	// q·inB ≥ 0.
	const inA = new Float64Array(3 * pieceCount);
	const inB = new Float64Array(3 * pieceCount);
	for (let i = 0; i < pieceCount; i++) {
		cross(normal, 3 * i, ends0, 3 * i, inA, 3 * i);
		cross(ends1, 3 * i, normal, 3 * i, inB, 3 * i);
	}
	const ratioFor = scaleRatioTable(index);

	const p = new Float64Array(3);
	const stack = new Int32Array(128);
	const stackDot = new Float64Array(128);
	const candidates = growableCandidates();
	const bestCandidateOfSegment = new Int32Array(segmentCount).fill(-1);
	const segmentT = new Float64Array(segmentCount);
	const touched: number[] = [];
	const foot: SegmentFoot = { distance: 0, lon: 0, lat: 0, inverses: 0 };
	const nearFoot: SphereFoot = { distance: 0, lon: 0, lat: 0 };
	const footVector = new Float64Array(3);

	/** Squared chord from p to the nearest point of piece i's arc (monotone in the angle). */
	const pieceChord2 = (i: number): number => {
		const o = 3 * i;
		const nx = normal[o]!;
		const ny = normal[o + 1]!;
		const nz = normal[o + 2]!;
		const pn = p[0]! * nx + p[1]! * ny + p[2]! * nz;
		const qx = p[0]! - pn * nx;
		const qy = p[1]! - pn * ny;
		const qz = p[2]! - pn * nz;
		if (
			arcAngle[i]! > 0 &&
			qx * inA[o]! + qy * inA[o + 1]! + qz * inA[o + 2]! >= 0 &&
			qx * inB[o]! + qy * inB[o + 1]! + qz * inB[o + 2]! >= 0
		) {
			// The nearest point is q/|q|, and p·q/|q| = |q| = √(1 − (p·n)²).
			return 2 - 2 * Math.sqrt(Math.max(0, 1 - pn * pn));
		}
		return Math.min(squaredChord(p, ends0, o), squaredChord(p, ends1, o));
	};

	/** Where along piece i (0–1) its nearest point to p lies. */
	const pieceParameter = (i: number): number => {
		const o = 3 * i;
		const pn = p[0]! * normal[o]! + p[1]! * normal[o + 1]! + p[2]! * normal[o + 2]!;
		const qx = p[0]! - pn * normal[o]!;
		const qy = p[1]! - pn * normal[o + 1]!;
		const qz = p[2]! - pn * normal[o + 2]!;
		const along = qx * inA[o]! + qy * inA[o + 1]! + qz * inA[o + 2]!;
		const alongB = qx * inB[o]! + qy * inB[o + 1]! + qz * inB[o + 2]!;
		if (arcAngle[i]! > 0 && along >= 0 && alongB >= 0) {
			const qa = qx * ends0[o]! + qy * ends0[o + 1]! + qz * ends0[o + 2]!;
			return Math.min(1, Math.atan2(along, qa) / arcAngle[i]!);
		}
		return squaredChord(p, ends0, o) <= squaredChord(p, ends1, o) ? 0 : 1;
	};

	// Search state of the current walk.
	let bestChord2 = 4;
	let bestPiece = -1;
	let limit = Math.PI; // angle beyond which nothing can hold the nearest point
	let limitChord2 = 4;
	let cosLimit = -1;
	let sinLimit = 0;

	const consider = (piece: number, ratio: number) => {
		const chord2 = pieceChord2(piece);
		if (chord2 > limitChord2) return;
		candidates.add(piece, chord2);
		if (chord2 >= bestChord2) return;
		bestChord2 = chord2;
		bestPiece = piece;
		// limit = best·ratio + margin = best + δ, with cos/sin found without trigonometry:
		// cos best = 1 − c²/2, sin best = c·√(1 − c²/4), and δ ≤ 1e-4 rad is small enough for
		// its Taylor terms. best ≤ c·(1 + c²/5) bounds the angle from above (asin x ≤ x(1 + 4x²/5)).
		const c = Math.sqrt(chord2);
		const cosBest = 1 - chord2 / 2;
		const sinBest = c * Math.sqrt(Math.max(0, 1 - chord2 / 4));
		const bestUpper = c * (1 + chord2 / 5);
		const delta = bestUpper * (ratio - 1) + margin;
		const cosDelta = 1 - (delta * delta) / 2;
		limit = bestUpper + delta;
		if (limit >= Math.PI) {
			limit = Math.PI;
			cosLimit = -1;
			sinLimit = 0;
			limitChord2 = 4;
			return;
		}
		cosLimit = cosBest * cosDelta - sinBest * delta;
		sinLimit = sinBest * cosDelta + cosBest * delta;
		limitChord2 = 2 - 2 * cosLimit;
	};

	/**
	 * Collects every piece that could hold the point p's nearest border point. A seed piece
	 * (any piece; ideally a near one) tightens the limit from the start, so most caps are pruned
	 * at once. Depth-first, nearer child first; stacked nodes keep their dot product with p and
	 * are pruned again when popped (the limit may have tightened meanwhile).
	 */
	const walk = (ratio: number, seedPiece: number) => {
		bestChord2 = 4;
		bestPiece = -1;
		limit = Math.PI;
		limitChord2 = 4;
		cosLimit = -1;
		sinLimit = 0;
		candidates.count = 0;
		if (seedPiece >= 0) consider(seedPiece, ratio);
		let top = 0;
		stack[top] = 0;
		stackDot[top++] = dotNode(p, nodes, 0);
		while (top > 0) {
			const o = stack[--top]! * NODE_STRIDE;
			// Skip a cap when angle(p, centre) > limit + cap radius, compared through cosines.
			if (
				limit + nodes[o + 5]! < Math.PI &&
				stackDot[top]! < cosLimit * nodes[o + 3]! - sinLimit * nodes[o + 4]!
			) {
				continue;
			}
			const left = nodes[o + 6]!;
			if (left < 0) {
				const piece = nodes[o + 7]!;
				if (piece !== seedPiece) consider(piece, ratio);
				continue;
			}
			const right = nodes[o + 7]!;
			const dotLeft = dotNode(p, nodes, left);
			const dotRight = dotNode(p, nodes, right);
			const leftNearer = dotLeft >= dotRight;
			const farChild = leftNearer ? right : left;
			const dotFar = leftNearer ? dotRight : dotLeft;
			const f = farChild * NODE_STRIDE;
			if (
				limit + nodes[f + 5]! >= Math.PI ||
				dotFar >= cosLimit * nodes[f + 3]! - sinLimit * nodes[f + 4]!
			) {
				stack[top] = farChild;
				stackDot[top++] = dotFar;
			}
			stack[top] = leftNearer ? left : right;
			stackDot[top++] = leftNearer ? dotLeft : dotRight;
		}
	};

	// The index's seed grid: a cell is filled the first time a point falls in it.
	const { west, south, step, columns, rows, cells: seedCells } = index.seedGrid;
	const seedFor = (lon: number, lat: number): number => {
		const column = Math.floor((lon - west) / step);
		const row = Math.floor((lat - south) / step);
		if (column < 0 || column >= columns || row < 0 || row >= rows) return -1;
		const cell = row * columns + column;
		if (seedCells[cell] === -1) {
			const centreLat = south + (row + 0.5) * step;
			sphere.toUnitVector(west + (column + 0.5) * step, centreLat, p, 0);
			walk(ratioFor(centreLat), -1);
			seedCells[cell] = bestPiece;
		}
		return seedCells[cell]!;
	};

	return (lon, lat, out, at) => {
		stats.points++;
		if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) {
			out.distance[at] = Number.NaN;
			out.nearestLon[at] = Number.NaN;
			out.nearestLat[at] = Number.NaN;
			return;
		}
		const seedPiece = seedFor(lon, lat); // before p is set: filling a cell uses p too
		sphere.toUnitVector(lon, lat, p, 0);
		const ratio = ratioFor(lat);

		walk(ratio, seedPiece);

		// Group the surviving pieces by segment, keeping each segment's best piece.
		const far = limit > FAR_ANGLE || Math.abs(lat) > FAR_LATITUDE;
		touched.length = 0;
		if (far) {
			stats.farPoints++;
			for (let j = 0; j < segmentCount; j++) {
				touched.push(j);
				segmentT[j] = 0.5;
			}
		} else {
			for (let c = 0; c < candidates.count; c++) {
				if (candidates.chord2[c]! > limitChord2) continue;
				const j = pieces.segment[candidates.piece[c]!]!;
				const previous = bestCandidateOfSegment[j]!;
				if (previous === -1) touched.push(j);
				if (previous === -1 || candidates.chord2[c]! < candidates.chord2[previous]!) {
					bestCandidateOfSegment[j] = c;
				}
			}
			for (const j of touched) {
				const piece = candidates.piece[bestCandidateOfSegment[j]!]!;
				const t0 = pieces.t0[piece]!;
				segmentT[j] = t0 + pieceParameter(piece) * (pieces.t1[piece]! - t0);
				bestCandidateOfSegment[j] = -1;
			}
		}

		let bestS = Infinity;
		let bestLon = Number.NaN;
		let bestLat = Number.NaN;
		for (const j of touched) {
			stats.segmentsEvaluated++;
			const t = segmentT[j]!;
			const exact = far
				? segmentFoot(lon, lat, lon0[j]!, lat0[j]!, lon1[j]!, lat1[j]!, t, foot)
				: sphereFoot(sphere, p, lon0[j]!, lat0[j]!, lon1[j]!, lat1[j]!, t, footVector, nearFoot);
			if (far) stats.geodesicInverses += foot.inverses;
			if (exact.distance < bestS) {
				bestS = exact.distance;
				bestLon = exact.lon;
				bestLat = exact.lat;
			}
		}
		out.distance[at] = bestS;
		out.nearestLon[at] = bestLon;
		out.nearestLat[at] = bestLat;
	};
}

/** Candidate pieces of one query, in typed arrays that grow when needed. */
function growableCandidates() {
	const state = {
		count: 0,
		piece: new Int32Array(64),
		chord2: new Float64Array(64),
		add(piece: number, chord2: number) {
			if (state.count === state.piece.length) {
				const piece2 = new Int32Array(state.count * 2);
				piece2.set(state.piece);
				const chord22 = new Float64Array(state.count * 2);
				chord22.set(state.chord2);
				state.piece = piece2;
				state.chord2 = chord22;
			}
			state.piece[state.count] = piece;
			state.chord2[state.count++] = chord2;
		}
	};
	return state;
}

/**
 * k_max/k_min of the conformal sphere over the latitudes a path between a point and the border
 * can cross (the point's latitude to the border's, widened by a degree for great-circle bulge),
 * computed once per half-degree band of the point's latitude.
 */
function scaleRatioTable(index: BorderIndex): (lat: number) => number {
	const [latMin, latMax] = index.latitudeRange;
	const table = new Float64Array(361).fill(Number.NaN);
	return (lat) => {
		const band = Math.min(359, Math.floor((lat + 90) * 2));
		let ratio = table[band]!;
		if (Number.isNaN(ratio)) {
			const lo = Math.max(-90, Math.min(band / 2 - 90, latMin) - 1);
			const hi = Math.min(90, Math.max((band + 1) / 2 - 90, latMax) + 1);
			let kMin = Infinity;
			let kMax = -Infinity;
			for (let l = lo; ; l = Math.min(hi, l + 0.25)) {
				const k = index.sphere.scale(l);
				kMin = Math.min(kMin, k);
				kMax = Math.max(kMax, k);
				if (l >= hi) break;
			}
			ratio = (kMax / kMin) * (1 + 1e-9);
			table[band] = ratio;
		}
		return ratio;
	};
}

function cross(
	u: Float64Array,
	i: number,
	v: Float64Array,
	j: number,
	out: Float64Array,
	k: number
) {
	out[k] = u[i + 1]! * v[j + 2]! - u[i + 2]! * v[j + 1]!;
	out[k + 1] = u[i + 2]! * v[j]! - u[i]! * v[j + 2]!;
	out[k + 2] = u[i]! * v[j + 1]! - u[i + 1]! * v[j]!;
}

function dotNode(p: Float64Array, nodes: Float64Array, node: number): number {
	const o = node * NODE_STRIDE;
	return p[0]! * nodes[o]! + p[1]! * nodes[o + 1]! + p[2]! * nodes[o + 2]!;
}

function squaredChord(p: Float64Array, v: Float64Array, o: number): number {
	const dx = p[0]! - v[o]!;
	const dy = p[1]! - v[o + 1]!;
	const dz = p[2]! - v[o + 2]!;
	return dx * dx + dy * dy + dz * dz;
}
