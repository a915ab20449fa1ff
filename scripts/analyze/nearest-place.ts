import { geodesicDistance } from '../../src/lib/analysis/geodesic';

/**
 * The nearest of a few places (a gazetteer of tens), by WGS84 geodesic, for millions of points:
 * a linear scan on the sphere finds every place that could win, and only those are measured
 * exactly, with the same bound and tie rule as NeighbourIndex (whose k-d tree pays off for
 * thousands of points, not for twenty).
 */

/** As NeighbourIndex: spherical over WGS84 distance stays within 0.9955–1.0056, so 1.011. */
const SLACK = 1.011;
const EPSILON_KM = 0.001;
const RADIUS_KM = 6371;
const DEG = Math.PI / 180;

export class SmallGazetteer {
	readonly #lons: Float64Array;
	readonly #lats: Float64Array;
	readonly #cosLats: Float64Array;
	/** Spherical distances of the current point to each place, reused between calls. */
	readonly #sphere: Float64Array;

	constructor(places: readonly { lon: number; lat: number }[]) {
		this.#lons = Float64Array.from(places, (p) => p.lon);
		this.#lats = Float64Array.from(places, (p) => p.lat);
		this.#cosLats = this.#lats.map((lat) => Math.cos(lat * DEG));
		this.#sphere = new Float64Array(places.length);
	}

	/** The index of the nearest place and its distance in metres, or null without places. */
	nearest(lon: number, lat: number): { index: number; distance: number } | null {
		const count = this.#lons.length;
		if (count === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
		const cosLat = Math.cos(lat * DEG);
		let closest = Infinity;
		for (let i = 0; i < count; i++) {
			const dLat = Math.sin(((this.#lats[i]! - lat) * DEG) / 2);
			const dLon = Math.sin(((this.#lons[i]! - lon) * DEG) / 2);
			const h = dLat * dLat + cosLat * this.#cosLats[i]! * dLon * dLon;
			const km = 2 * RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
			this.#sphere[i] = km;
			if (km < closest) closest = km;
		}
		const bound = closest * SLACK + EPSILON_KM;
		let best = -1;
		let bestDistance = Infinity;
		for (let i = 0; i < count; i++) {
			if (this.#sphere[i]! > bound) continue;
			const distance = geodesicDistance(lat, lon, this.#lats[i]!, this.#lons[i]!);
			if (distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
		}
		return best < 0 ? null : { index: best, distance: bestDistance };
	}
}
