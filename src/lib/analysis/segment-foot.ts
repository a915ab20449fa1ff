import { WGS84_A, WGS84_F } from './conformal-sphere';
import { DISTANCE_AND_AZIMUTH, WGS84 } from './geodesic';

/**
 * The exact nearest point of one segment (straight in longitude/latitude) to a point, by
 * Newton's method on the perpendicularity condition, measuring with GeographicLib.
 *
 * Moving the foot F along the segment by ds changes the geodesic distance s by ds·cos θ, where θ
 * is the angle between the geodesic's azimuth on arrival at F and the segment's azimuth at F.
 * The quadratic model f(ds) ≈ s + ds·cos θ + ds²·sin²θ / (2s) gives the step and the gain still
 * available; it is exact for a plane and accurate to a few per cent at regional distances.
 */

const DEG = Math.PI / 180;
const E2 = WGS84_F * (2 - WGS84_F);

/**
 * Below this predicted gain (metres) the search stops and takes the model's minimum, whose
 * error on so small a gain is far under a millimetre.
 */
const GAIN_TOLERANCE = 1e-2;
const MAX_STEPS = 12;

export interface SegmentFoot {
	/** Geodesic distance in metres. */
	distance: number;
	lon: number;
	lat: number;
	/** GeographicLib inverse solutions used. */
	inverses: number;
}

export function segmentFoot(
	lonP: number,
	latP: number,
	lon0: number,
	lat0: number,
	lon1: number,
	lat1: number,
	startT: number,
	out: SegmentFoot
): SegmentFoot {
	const dLon = lon1 - lon0;
	const dLat = lat1 - lat0;
	out.distance = Infinity;
	out.inverses = 0;
	let t = startT;
	for (let step = 0; step < MAX_STEPS; step++) {
		const lon = lon0 + t * dLon;
		const lat = lat0 + t * dLat;
		const g = WGS84.Inverse(latP, lonP, lat, lon, DISTANCE_AND_AZIMUTH);
		out.inverses++;
		const s = g.s12 ?? Number.NaN;
		if (s < out.distance) {
			out.distance = s;
			out.lon = lon;
			out.lat = lat;
		}
		if (s < 1e-6) return out; // the point lies on the segment

		// The segment's azimuth, and its length per unit t, at the foot (radii M and N).
		const phi = lat * DEG;
		const sinPhi = Math.sin(phi);
		const w2 = 1 - E2 * sinPhi * sinPhi;
		const n = WGS84_A / Math.sqrt(w2);
		const east = dLon * DEG * n * Math.cos(phi);
		const north = (dLat * DEG * n * (1 - E2)) / w2;
		const metresPerT = Math.sqrt(east * east + north * north);
		if (metresPerT === 0) return out; // a zero-length segment has one point

		const cosTheta = Math.cos((g.azi2 ?? 0) * DEG - Math.atan2(east, north));
		const sin2 = Math.max(1 - cosTheta * cosTheta, 1e-12);
		// Near a corner (sin²θ → 0) the distance is V-shaped; the foot is never more than 2s away.
		const move = Math.max(-2 * s, Math.min(2 * s, (-cosTheta * s) / sin2));
		const nextT = Math.min(1, Math.max(0, t + move / metresPerT));
		if (nextT === t) return out; // at an end, with the minimum beyond it
		const gain = (cosTheta * cosTheta * s) / (2 * sin2);
		if (gain < GAIN_TOLERANCE && nextT > 0 && nextT < 1) {
			if (s - gain < out.distance) {
				out.distance = s - gain;
				out.lon = lon0 + nextT * dLon;
				out.lat = lat0 + nextT * dLat;
			}
			return out;
		}
		t = nextT;
	}
	return out;
}
