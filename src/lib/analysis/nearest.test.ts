import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceCollection } from '../data/incident';
import { geodesicDistance } from './geodesic';
import { labelledPoints, nearestPoint, pointsWithin, type LabelledPoint } from './nearest';
import { seededRandom } from './testing/random';

const places = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../geodata/places.geojson'), 'utf8')
) as PlaceCollection;
const gazetteer = labelledPoints(places.features);

function bruteNearest(points: LabelledPoint[], lon: number, lat: number) {
	return points
		.map((point) => ({ id: point.id, distance: geodesicDistance(lat, lon, point.lat, point.lon) }))
		.sort((a, b) => a.distance - b.distance)[0];
}

describe('nearestPoint', () => {
	it('finds the gazetteer place at an incident site, and the next one when it is excluded', () => {
		expect(nearestPoint(gazetteer, 40.83083, 34.68944)).toEqual({ id: 'hajin', distance: 0 });
		const next = nearestPoint(gazetteer, 40.83083, 34.68944, 'hajin');
		expect(next?.id).toBe(
			bruteNearest(
				gazetteer.filter((p) => p.id !== 'hajin'),
				40.83083,
				34.68944
			)?.id
		);
		expect(next?.id).toBe('al-shafa');
	});

	it('returns null when there is nothing to compare', () => {
		expect(nearestPoint([], 40, 34)).toBeNull();
		expect(nearestPoint([{ id: 'a', lon: 40, lat: 34 }], 41, 35, 'a')).toBeNull();
	});

	it('agrees with brute force everywhere, including near-ties (property test)', () => {
		const random = seededRandom(42);
		for (let trial = 0; trial < 300; trial++) {
			// Half the trials put points on a circle around the query: near-ties the prefilter must keep.
			const lon = 33 + 17 * random();
			const lat = 27 + 12 * random();
			const points = Array.from({ length: 12 }, (_, i) => {
				if (trial % 2 === 0)
					return { id: `p${i}`, lon: 33 + 17 * random(), lat: 27 + 12 * random() };
				const angle = 2 * Math.PI * random();
				return { id: `p${i}`, lon: lon + Math.cos(angle), lat: lat + Math.sin(angle) * 0.83 };
			});
			expect(nearestPoint(points, lon, lat)?.distance).toBe(
				bruteNearest(points, lon, lat)?.distance
			);
		}
	});
});

describe('pointsWithin', () => {
	it('lists the places within a radius, nearest first, radius included', () => {
		const found = pointsWithin(gazetteer, 40.9675, 34.528889, 25_000);
		expect(found.map((n) => n.id)).toEqual(
			gazetteer
				.map((p) => ({ id: p.id, d: geodesicDistance(34.528889, 40.9675, p.lat, p.lon) }))
				.filter((p) => p.d <= 25_000)
				.sort((a, b) => a.d - b.d)
				.map((p) => p.id)
		);
		expect(found[0]).toEqual({ id: 'al-susah', distance: 0 });
		const exact = geodesicDistance(34.528889, 40.9675, 34.68944, 40.83083);
		expect(pointsWithin(gazetteer, 40.9675, 34.528889, exact).map((n) => n.id)).toContain('hajin');
	});
});
