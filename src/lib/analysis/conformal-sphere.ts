/**
 * Gauss's conformal sphere for the WGS84 ellipsoid.
 *
 * The ellipsoid is mapped conformally onto a sphere of radius R so that the scale factor k is
 * exactly 1 at a standard latitude φ0 with zero first and second derivatives there: near φ0 the
 * scale error grows only with the cube of the latitude difference (≈ 1e-5 six degrees away).
 * Great circles on this sphere are therefore an excellent, cheap proxy for ellipsoidal geodesics
 * in a region, and because the map is conformal, angles (perpendicularity!) are preserved.
 *
 * Bounds used by the border search: for any two points, the geodesic length s satisfies
 *   σ·R / k_max ≤ s ≤ σ·R / k_min
 * where σ is their great-circle angle on the sphere and k_min/k_max bound the scale factor over
 * the latitudes the paths cross (the image of the geodesic is at least as long as the great circle,
 * and the image of the great circle is a path at least as long as the geodesic).
 */

export const WGS84_A = 6378137;
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;

/** Isometric latitude of the ellipsoid. */
function isometricLatitude(phi: number): number {
	const sinPhi = Math.sin(phi);
	return Math.atanh(sinPhi) - E * Math.atanh(E * sinPhi);
}

export interface ConformalSphere {
	/** Radius of the sphere in metres. */
	readonly radius: number;
	/** Standard latitude in degrees. */
	readonly standardLatitude: number;
	/** Central meridian in degrees. */
	readonly centralMeridian: number;
	/** Writes the unit vector of (lon, lat) in degrees into out[offset..offset+2]. */
	toUnitVector(lon: number, lat: number, out: Float64Array, offset: number): void;
	/** Scale factor k of the mapping at a geodetic latitude in degrees. */
	scale(lat: number): number;
	/**
	 * 1/k at the sphere latitude whose sine is `sinChi` (a unit vector's z), by linear
	 * interpolation in a table (error ~1e-11 of the value within 75° of the equator).
	 */
	inverseScaleAt(sinChi: number): number;
	/** d(1/k)/d(sin χ) at `sinChi`, from the same table. */
	inverseScaleSlopeAt(sinChi: number): number;
	/** The mapping's constant c (sphere longitude = c × ellipsoid longitude). */
	readonly c: number;
}

export function conformalSphere(
	standardLatitude: number,
	centralMeridian: number
): ConformalSphere {
	const phi0 = standardLatitude * DEG;
	const sin0 = Math.sin(phi0);
	const cos0 = Math.cos(phi0);
	const c = Math.sqrt(1 + (E2 * cos0 ** 4) / (1 - E2));
	const radius = (WGS84_A * Math.sqrt(1 - E2)) / (1 - E2 * sin0 * sin0);
	const chi0 = Math.asin(sin0 / c);
	const offset = Math.atanh(Math.sin(chi0)) - c * isometricLatitude(phi0);

	const conformalSin = (phi: number) => Math.tanh(c * isometricLatitude(phi) + offset);
	const scale = (lat: number) => {
		const phi = lat * DEG;
		const sinPhi = Math.sin(phi);
		const cosPhi = Math.cos(phi);
		if (cosPhi < 1e-12) return 1; // at a pole the ratio tends to a finite limit; not used there
		const sinChi = conformalSin(phi);
		const cosChi = Math.sqrt(Math.max(0, 1 - sinChi * sinChi));
		const n = WGS84_A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
		return (radius * c * cosChi) / (n * cosPhi);
	};
	let inverseScaleTable: Float64Array | null = null;

	return {
		radius,
		c,
		standardLatitude,
		centralMeridian,
		toUnitVector(lon, lat, out, at) {
			let dLon = lon - centralMeridian;
			dLon -= 360 * Math.round(dLon / 360);
			const lambda = c * dLon * DEG;
			const sinChi = conformalSin(lat * DEG);
			const cosChi = Math.sqrt(Math.max(0, 1 - sinChi * sinChi));
			out[at] = cosChi * Math.cos(lambda);
			out[at + 1] = cosChi * Math.sin(lambda);
			out[at + 2] = sinChi;
		},
		scale,
		inverseScaleAt(sinChi) {
			const table = (inverseScaleTable ??= tabulateInverseScale(
				scale,
				(psi) => (psi - offset) / c
			));
			const x = ((sinChi + 1) / 2) * (INVERSE_SCALE_STEPS - 1);
			const i = Math.min(INVERSE_SCALE_STEPS - 2, Math.max(0, Math.floor(x)));
			const f = x - i;
			return table[i]! * (1 - f) + table[i + 1]! * f;
		},
		inverseScaleSlopeAt(sinChi) {
			const table = (inverseScaleTable ??= tabulateInverseScale(
				scale,
				(psi) => (psi - offset) / c
			));
			const x = ((sinChi + 1) / 2) * (INVERSE_SCALE_STEPS - 1);
			const i = Math.min(INVERSE_SCALE_STEPS - 2, Math.max(0, Math.floor(x)));
			return ((table[i + 1]! - table[i]!) * (INVERSE_SCALE_STEPS - 1)) / 2;
		}
	};
}

const INVERSE_SCALE_STEPS = 8193;

/**
 * 1/k on an even grid of sin χ from −1 to 1. Each entry finds the geodetic latitude whose
 * isometric latitude is (atanh(sin χ) − offset)/c, by fixed-point iteration on
 * ψ = atanh(sin φ) − e·atanh(e·sin φ).
 */
function tabulateInverseScale(
	scale: (lat: number) => number,
	isometricFromSphere: (psi: number) => number
): Float64Array {
	const table = new Float64Array(INVERSE_SCALE_STEPS);
	for (let i = 0; i < INVERSE_SCALE_STEPS; i++) {
		const sinChi = Math.min(
			1 - 1e-15,
			Math.max(-1 + 1e-15, (2 * i) / (INVERSE_SCALE_STEPS - 1) - 1)
		);
		const psi = isometricFromSphere(Math.atanh(sinChi));
		let phi = Math.asin(Math.tanh(psi));
		for (let k = 0; k < 8; k++) phi = Math.asin(Math.tanh(psi + E * Math.atanh(E * Math.sin(phi))));
		table[i] = 1 / scale(phi / DEG);
	}
	return table;
}
