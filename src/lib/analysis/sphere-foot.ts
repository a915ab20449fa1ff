import { WGS84_F, type ConformalSphere } from './conformal-sphere';

/**
 * The nearest point of one segment (straight in longitude/latitude) to a point, and the WGS84
 * distance to it, computed on the conformal sphere.
 *
 * Foot: the map is conformal, so the segment's direction on the sphere at a foot F is its
 * ellipsoidal azimuth. Along the great circle through F in that direction u, the point nearest
 * to p lies exactly atan2(p·u, p·f) radians from F. What is minimised, though, is the distance
 * σ·W (W: the path's mean 1/k), so the step is shifted by −σ·tan σ·(d ln W/ds) (from
 * σ(s) ≈ σ₀ + s²/(2 tan σ₀) near the minimum). One or two steps converge: the segment's image
 * curves away from the great circle by only ~1e-7 per metre.
 *
 * Distance: the great-circle angle σ times R, divided by the mapping's scale k averaged along
 * the path by Simpson's rule (ends and midpoint). Within 1,300 km of the border this matches
 * GeographicLib to a few millimetres (tested against an exact reference); the scale varies by
 * only ~1e-5 over the region, and the geodesic's image differs from the great circle by far less.
 */

const DEG = Math.PI / 180;
const E2 = WGS84_F * (2 - WGS84_F);
const MAX_STEPS = 4;
/** A step shorter than this (radians, ~0.6 mm) ends the search. */
const STEP_TOLERANCE = 1e-10;

export interface SphereFoot {
	/** WGS84 distance in metres. */
	distance: number;
	lon: number;
	lat: number;
}

/**
 * @param p the point's unit vector on the sphere (3 numbers)
 * @param f scratch for the foot's unit vector (3 numbers)
 */
export function sphereFoot(
	sphere: ConformalSphere,
	p: Float64Array,
	lon0: number,
	lat0: number,
	lon1: number,
	lat1: number,
	startT: number,
	f: Float64Array,
	out: SphereFoot
): SphereFoot {
	const dLon = lon1 - lon0;
	const dLat = lat1 - lat0;
	const px = p[0]!;
	const py = p[1]!;
	const pz = p[2]!;
	let t = startT;
	let lon = lon0 + t * dLon;
	let lat = lat0 + t * dLat;
	sphere.toUnitVector(lon, lat, f, 0);
	for (let step = 0; step < MAX_STEPS; step++) {
		const fx = f[0]!;
		const fy = f[1]!;
		const fz = f[2]!;
		const cosChi = Math.sqrt(fx * fx + fy * fy);
		if (cosChi < 1e-12) break; // at a pole the local frame is undefined; keep this foot
		const cosL = fx / cosChi;
		const sinL = fy / cosChi;
		// The segment's direction in F's east/north frame (conformal ⇒ the ellipsoidal azimuth).
		const phi = lat * DEG;
		const sinPhi = Math.sin(phi);
		const cosPhi = Math.cos(phi);
		const w2 = 1 - E2 * sinPhi * sinPhi;
		const east = (dLon * cosPhi * w2) / (1 - E2);
		const north = dLat;
		const length = Math.sqrt(east * east + north * north);
		if (length === 0) break; // a zero-length segment has one point
		const ue = east / length;
		const un = north / length;
		// u = ue·east̂ + un·nortĥ, with east̂ = (−sinL, cosL, 0), nortĥ = (−sinχ cosL, −sinχ sinL, cosχ).
		const ux = -ue * sinL - un * fz * cosL;
		const uy = ue * cosL - un * fz * sinL;
		const uz = un * cosChi;
		const pf = px * fx + py * fy + pz * fz;
		const cx = py * fz - pz * fy;
		const cy = pz * fx - px * fz;
		const cz = px * fy - py * fx;
		const sigma = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), pf);
		// d ln W / ds, moving F along u: F's sin χ changes by u_z, the midpoint M's by the
		// component of u/|p+f| along z perpendicular to M.
		const mx = px + fx;
		const my = py + fy;
		const mz = pz + fz;
		const mLength = Math.sqrt(mx * mx + my * my + mz * mz);
		const mSinChi = mz / mLength;
		const mu = (mx * ux + my * uy + mz * uz) / mLength;
		const dMid = (uz - mSinChi * mu) / mLength;
		const w =
			(sphere.inverseScaleAt(pz) + 4 * sphere.inverseScaleAt(mSinChi) + sphere.inverseScaleAt(fz)) /
			6;
		const dW =
			(4 * sphere.inverseScaleSlopeAt(mSinChi) * dMid + sphere.inverseScaleSlopeAt(fz) * uz) / 6;
		const along = Math.atan2(px * ux + py * uy + pz * uz, pf) - sigma * Math.tan(sigma) * (dW / w);
		// Radians on the sphere per unit t: c·cos χ·√(Δλ² + (dψ/dφ·Δφ)²), dψ/dφ = (1−e²)/(w² cos φ).
		const dPsi = ((1 - E2) / (w2 * cosPhi)) * dLat * DEG;
		const speed = sphere.c * cosChi * Math.sqrt((dLon * DEG) ** 2 + dPsi * dPsi);
		const nextT = Math.min(1, Math.max(0, t + along / speed));
		if (nextT === t || Math.abs(along) < STEP_TOLERANCE) break;
		t = nextT;
		lon = lon0 + t * dLon;
		lat = lat0 + t * dLat;
		sphere.toUnitVector(lon, lat, f, 0);
	}
	out.lon = lon;
	out.lat = lat;
	out.distance = sphereDistance(sphere, p, f);
	return out;
}

/** WGS84 distance between two points given by their unit vectors on the conformal sphere. */
export function sphereDistance(sphere: ConformalSphere, p: Float64Array, f: Float64Array): number {
	const px = p[0]!;
	const py = p[1]!;
	const pz = p[2]!;
	const fx = f[0]!;
	const fy = f[1]!;
	const fz = f[2]!;
	const cx = py * fz - pz * fy;
	const cy = pz * fx - px * fz;
	const cz = px * fy - py * fx;
	const sigma = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), px * fx + py * fy + pz * fz);
	const mx = px + fx;
	const my = py + fy;
	const mz = pz + fz;
	const midSinChi = mz / Math.sqrt(mx * mx + my * my + mz * mz);
	const inverseScale =
		(sphere.inverseScaleAt(pz) + 4 * sphere.inverseScaleAt(midSinChi) + sphere.inverseScaleAt(fz)) /
		6;
	return sigma * sphere.radius * inverseScale;
}
