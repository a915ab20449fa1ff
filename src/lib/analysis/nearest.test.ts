import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceCollection } from '../data/incident';
import { geodesicDistance } from './geodesic';
import { labelledPoints, NeighbourIndex, type LabelledPoint } from './nearest';
import { seededRandom } from '$lib/data/testing/random';

const places = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../geodata/places.geojson'), 'utf8')
) as PlaceCollection;
const gazetteer = new NeighbourIndex(labelledPoints(places.features));

function brute(points: readonly LabelledPoint[], lon: number, lat: number) {
	return points
		.map((point) => ({ id: point.id, distance: geodesicDistance(lat, lon, point.lat, point.lon) }))
		.sort((a, b) => a.distance - b.distance);
}

describe('NeighbourIndex.nearest', () => {
	it('finds the gazetteer place at an incident site, and the next one when it is excluded', () => {
		expect(gazetteer.nearest(40.83083, 34.68944)).toEqual({ id: 'hajin', distance: 0 });
		const next = gazetteer.nearest(40.83083, 34.68944, (p) => p.id !== 'hajin');
		// GeoNames' Al Jalā' (5.8 km), nearer than the curated Al-Shafa (15.9 km).
		expect(next?.id).toBe('geonames:166597');
		expect(next?.distance).toBe(geodesicDistance(34.68944, 40.83083, 34.63705, 40.83284));
	});

	it(
		'agrees with brute force over the whole gazetteer (curated and GeoNames)',
		{ timeout: 30_000 },
		() => {
			const points = labelledPoints(places.features);
			expect(points.length).toBeGreaterThan(300);
			const random = seededRandom(14);
			const queries = [
				// Every place itself, and seeded points over the region.
				...points.map((point) => [point.lon, point.lat] as const),
				...Array.from({ length: 300 }, () => [33 + 17 * random(), 27 + 12 * random()] as const)
			];
			for (const [lon, lat] of queries) {
				const expected = brute(points, lon, lat)[0]!;
				const found = gazetteer.nearest(lon, lat);
				expect(found?.distance, `${lon},${lat}`).toBe(expected.distance);
				// Ties (distance 0 to two places) go to the earlier point, as brute force's stable sort.
				expect(found?.id, `${lon},${lat}`).toBe(expected.id);
			}
		}
	);

	it('returns null when there is nothing to compare', () => {
		expect(new NeighbourIndex([]).nearest(40, 34)).toBeNull();
		const one = new NeighbourIndex([{ id: 'a', lon: 40, lat: 34 }]);
		expect(one.nearest(41, 35, (p) => p.id !== 'a')).toBeNull();
		expect(one.nearest(Number.NaN, 35)).toBeNull();
	});

	it('agrees with brute force, near-ties included (property test)', () => {
		const random = seededRandom(42);
		for (let trial = 0; trial < 300; trial++) {
			const lon = 33 + 17 * random();
			const lat = 27 + 12 * random();
			// Odd trials put the points on a ring around the query: near-ties the tree must keep.
			const points = Array.from({ length: 40 }, (_, i) => {
				if (trial % 2 === 0)
					return { id: `p${i}`, lon: 33 + 17 * random(), lat: 27 + 12 * random() };
				const angle = 2 * Math.PI * random();
				return { id: `p${i}`, lon: lon + Math.cos(angle), lat: lat + Math.sin(angle) * 0.83 };
			});
			const index = new NeighbourIndex(points);
			expect(index.nearest(lon, lat)?.distance).toBe(brute(points, lon, lat)[0]?.distance);
		}
	});
});

describe('NeighbourIndex.within', () => {
	it('lists the points within a radius, nearest first, the radius included', () => {
		const found = gazetteer.within(40.9675, 34.528889, 25_000);
		const expected = brute(labelledPoints(places.features), 40.9675, 34.528889).filter(
			(n) => n.distance <= 25_000
		);
		expect(found).toEqual(expected);
		expect(found[0]).toEqual({ id: 'al-susah', distance: 0 });
		const exact = geodesicDistance(34.528889, 40.9675, 34.68944, 40.83083);
		expect(gazetteer.within(40.9675, 34.528889, exact).map((n) => n.id)).toContain('hajin');
		expect(gazetteer.within(40.9675, 34.528889, exact - 0.001).map((n) => n.id)).not.toContain(
			'hajin'
		);
	});
});
