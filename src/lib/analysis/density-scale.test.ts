import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '$lib/data/incident';
import { killedForSize } from '$lib/data/format';
import { DENSITY_RADII, densityIntensity, mercatorPoints } from './density-scale';

const incident = (
	lon: number,
	lat: number,
	killed: number | null,
	located = true
): IncidentFeature =>
	({
		type: 'Feature',
		id: `${lon},${lat},${killed}`,
		geometry: located ? { type: 'Point', coordinates: [lon, lat] } : null,
		properties: { killed_min: killed, killed_max: killed }
	}) as IncidentFeature;

/** The points from the columns the filter worker would hold for these incidents. */
const mercator = (list: readonly IncidentFeature[]) =>
	mercatorPoints({
		lon: Float64Array.from(list, (i) => i.geometry?.coordinates[0] ?? NaN),
		lat: Float64Array.from(list, (i) => i.geometry?.coordinates[1] ?? NaN),
		killedBest: Float64Array.from(
			list,
			(i) => killedForSize(i.properties.killed_min, i.properties.killed_max) ?? NaN
		)
	});

/** n incidents at one position. */
const stack = (n: number, lon: number, lat: number, killed: number | null = null) =>
	Array.from({ length: n }, () => incident(lon, lat, killed));

describe('the density surface’s scale', () => {
	it('puts Web Mercator positions where MapLibre does', () => {
		const { x, y } = mercator([incident(0, 0, null), incident(180, 85.0511287798, null)]);
		expect(x[0]).toBeCloseTo(0.5, 12);
		expect(y[0]).toBeCloseTo(0.5, 12);
		expect(x[1]).toBeCloseTo(1, 12);
		expect(y[1]).toBeCloseTo(0, 6);
	});

	it('draws the dense places darkest, however many incidents there are', () => {
		const few = densityIntensity(mercator(stack(4, 40.8, 34.7)), null, 'count');
		const many = densityIntensity(mercator(stack(4000, 40.8, 34.7)), null, 'count');
		expect(few.map(([zoom]) => zoom)).toEqual(DENSITY_RADII.map(([zoom]) => zoom));
		for (const [i, [, intensity]] of many.entries()) {
			// A thousand times the incidents in one place: a thousandth of the intensity.
			expect(intensity * 1000).toBeCloseTo(few[i]?.[1] ?? NaN, 6);
			// The reference cell comes out near the top of the ramp (MapLibre's kernel peak 1/√2π).
			expect(4000 * intensity * (1 / Math.sqrt(2 * Math.PI))).toBeCloseTo(0.9, 6);
		}
	});

	it('takes the 90th percentile of the cells as its reference, not the single densest', () => {
		// Nine places with 2 incidents each, one with 500: the 500 do not make the others pale.
		const places = Array.from({ length: 9 }, (_, i) => stack(2, 38 + i, 33 + i * 0.5)).flat();
		const withOutlier = [...places, ...stack(500, 48, 37)];
		const [a, b] = [places, withOutlier].map((list) =>
			densityIntensity(mercator(list), null, 'count')
		);
		expect(b).toEqual(a);
		expect(a?.[0]?.[1]).toBeCloseTo(0.9 / (2 / Math.sqrt(2 * Math.PI)), 9);
	});

	it('counts only what the mask keeps, and only what has a position', () => {
		const incidents = [...stack(10, 40.8, 34.7), ...stack(3, 41.5, 34.2), incident(0, 0, 5, false)];
		const mask = Uint8Array.from(incidents, (_, i) => (i < 10 ? 0 : 1));
		const masked = densityIntensity(mercator(incidents), mask, 'count');
		const three = densityIntensity(mercator(stack(3, 41.5, 34.2)), null, 'count');
		expect(masked).toEqual(three);
	});

	it('weighs by reported killed, an unknown toll as nothing', () => {
		const incidents = [...stack(50, 40.8, 34.7, null), ...stack(2, 41.5, 34.2, 30)];
		const byKilled = densityIntensity(mercator(incidents), null, 'killed');
		const sixty = densityIntensity(mercator(stack(1, 41.5, 34.2, 60)), null, 'killed');
		expect(byKilled).toEqual(sixty);
		// Nothing to weigh: the placeholder intensity, and nothing is drawn anyway.
		const none = densityIntensity(mercator(stack(5, 40.8, 34.7, null)), null, 'killed');
		expect(none.every(([, intensity]) => intensity === 1)).toBe(true);
	});
});
