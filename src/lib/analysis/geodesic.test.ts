import { describe, expect, it } from 'vitest';
import { geodesicDistance, geodesicInverse, geodesicPath } from './geodesic';

describe('geodesic', () => {
	it('measures on the WGS84 ellipsoid, not a sphere', () => {
		// One degree of longitude on the equator: a·π/180 exactly.
		expect(geodesicDistance(0, 0, 0, 1)).toBeCloseTo((6378137 * Math.PI) / 180, 6);
		// One degree of latitude from the equator is shorter (≈ 110,574 m), from the pole longer.
		expect(geodesicDistance(0, 0, 1, 0)).toBeCloseTo(110574.389, 2);
		expect(geodesicDistance(89, 0, 90, 0)).toBeCloseTo(111693.9, 0);
	});

	it('gives bearings in 0–360 from north', () => {
		const east = geodesicInverse(0, 0, 0, 1);
		expect(east.initialBearing).toBeCloseTo(90, 9);
		const southWest = geodesicInverse(34.68944, 40.83083, 34.528889, 40.9675);
		expect(southWest.initialBearing).toBeGreaterThan(90);
		expect(southWest.initialBearing).toBeLessThan(180);
		expect(geodesicInverse(1, 0, 0, 0).initialBearing).toBeCloseTo(180, 9);
		expect(geodesicInverse(0, 1, 0, 0).initialBearing).toBeCloseTo(270, 9);
	});

	it('traces a geodesic in even steps, ends included', () => {
		const path = geodesicPath(40.83083, 34.68944, 43.13, 36.34, 5000);
		const total = geodesicDistance(34.68944, 40.83083, 36.34, 43.13);
		expect(path[0]).toEqual([40.83083, 34.68944]);
		expect(path.at(-1)).toEqual([43.13, 36.34]);
		expect(path.length).toBe(Math.ceil(total / 5000) + 1);
		// Every vertex lies on the geodesic: the legs add up to the whole.
		let sum = 0;
		for (let i = 1; i < path.length; i++) {
			sum += geodesicDistance(path[i - 1]![1], path[i - 1]![0], path[i]![1], path[i]![0]);
		}
		expect(sum).toBeCloseTo(total, 4);
	});
});
