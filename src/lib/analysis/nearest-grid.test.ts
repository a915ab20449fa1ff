import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceCollection } from '../data/incident';
import { seededRandom } from '$lib/data/testing/random';
import { geodesicDistance } from './geodesic';
import { labelledPoints, NeighbourIndex, type LabelledPoint } from './nearest';
import { NearestGrid } from './nearest-grid';

const places = labelledPoints(
	(
		JSON.parse(
			readFileSync(join(import.meta.dirname, '../../../geodata/places.geojson'), 'utf8')
		) as PlaceCollection
	).features
);

/** The grid's answer must be NeighbourIndex's (the k-d tree, itself checked by brute force). */
function expectSameAsTree(points: readonly LabelledPoint[], queries: readonly number[][]) {
	const grid = new NearestGrid(points);
	const tree = new NeighbourIndex(points);
	for (const [lon, lat] of queries) {
		const ours = grid.nearest(lon!, lat!);
		const reference = tree.nearest(lon!, lat!);
		expect(ours && points[ours.index]!.id, `${lon}, ${lat}`).toBe(reference?.id);
		expect(ours?.distance, `${lon}, ${lat}`).toBe(reference?.distance);
	}
}

describe('NearestGrid.nearest', () => {
	it('agrees with NeighbourIndex over the gazetteer, on its places, over the region and the world', () => {
		const random = seededRandom(21);
		expectSameAsTree(places, [
			...places.map((p) => [p.lon, p.lat]), // on a place: 0 m
			...Array.from({ length: 5000 }, () => [33 + 17 * random(), 27 + 12 * random()]),
			...Array.from({ length: 1000 }, () => [360 * random() - 180, 180 * random() - 90]),
			[-180, 0],
			[180, 0],
			[179.999, 34],
			[0, 90],
			[0, -90],
			[2.35, 48.86]
		]);
	});

	it('agrees on dense and clustered points, across the antimeridian and near the poles', () => {
		const random = seededRandom(8);
		const points: LabelledPoint[] = [
			// A dense cluster (a city's incidents), a sparse spread, and points by the antimeridian
			// and the poles, where cells are narrow or wrap.
			...Array.from({ length: 2000 }, () => ({
				lon: 44 + random() * 0.2,
				lat: 33 + random() * 0.2
			})),
			...Array.from({ length: 300 }, () => ({
				lon: 360 * random() - 180,
				lat: 170 * random() - 85
			})),
			...Array.from({ length: 50 }, () => ({ lon: 179.5 + random(), lat: 10 * random() })),
			...Array.from({ length: 50 }, () => ({ lon: 360 * random() - 180, lat: 89 + random() }))
		].map((p, i) => ({ id: String(i), lon: p.lon > 180 ? p.lon - 360 : p.lon, lat: p.lat }));
		expectSameAsTree(points, [
			...Array.from({ length: 2000 }, () => [44 + random() * 0.3, 33 + random() * 0.3]),
			...Array.from({ length: 2000 }, () => [360 * random() - 180, 180 * random() - 90]),
			...Array.from({ length: 500 }, () => [
				179 + 2 * random() - (random() < 0.5 ? 360 : 0),
				10 * random()
			]),
			...Array.from({ length: 300 }, () => [360 * random() - 180, 88 + 2 * random()])
		]);
	});

	it('gives a tie to the earlier point, as NeighbourIndex does', () => {
		const twins: LabelledPoint[] = [
			{ id: 'a', lon: 40, lat: 34 },
			{ id: 'b', lon: 40, lat: 34 },
			{ id: 'c', lon: 41, lat: 34 }
		];
		expect(new NearestGrid(twins).nearest(40.2, 34.1)?.index).toBe(0);
		expectSameAsTree(twins, [
			[40.2, 34.1],
			[40.5, 34],
			[41, 35]
		]);
	});

	it('has no answer without points, for a coordinate that is not a number or beyond a pole', () => {
		expect(new NearestGrid([]).nearest(40, 34)).toBeNull();
		const grid = new NearestGrid(places);
		expect(grid.nearest(Number.NaN, 34)).toBeNull();
		expect(grid.nearest(40, Number.POSITIVE_INFINITY)).toBeNull();
		expect(grid.nearest(40, 91)).toBeNull();
	});

	it('leaves out places without a finite position, and answers with the others', () => {
		const broken = [
			{ id: 'blank', lon: Number.NaN, lat: Number.NaN },
			...places,
			{ id: 'half', lon: 44, lat: Number.NaN }
		];
		const grid = new NearestGrid(broken);
		const tree = new NeighbourIndex(places);
		const random = seededRandom(4);
		for (let k = 0; k < 500; k++) {
			const [lon, lat] = [33 + 17 * random(), 27 + 12 * random()];
			const ours = grid.nearest(lon, lat)!;
			expect(broken[ours.index]!.id).toBe(tree.nearest(lon, lat)!.id);
		}
		expect(new NearestGrid([{ lon: Number.NaN, lat: 0 }]).nearest(40, 34)).toBeNull();
	});

	it('measures places written in longitudes of another turn (0 to 360) as the meridians they are', () => {
		// The exact answer by brute force: the k-d tree itself reads −180 to 180 only.
		const turned = places.map((p) => ({ ...p, lon: p.lon + 360 }));
		const grid = new NearestGrid(turned);
		const random = seededRandom(6);
		for (let k = 0; k < 300; k++) {
			const [lon, lat] = [33 + 17 * random(), 27 + 12 * random()];
			const nearest = Math.min(...turned.map((p) => geodesicDistance(lat, lon, p.lat, p.lon)));
			expect(grid.nearest(lon, lat)!.distance).toBe(nearest);
		}
	});

	it('makes its lists with a tree: a gazetteer of 20,000 places answers thousands quickly', () => {
		const random = seededRandom(2);
		const many = Array.from({ length: 20_000 }, (_, i) => ({
			id: String(i),
			lon: 33 + 17 * random(),
			lat: 27 + 12 * random()
		}));
		expectSameAsTree(
			many,
			Array.from({ length: 3000 }, () => [33 + 17 * random(), 27 + 12 * random()])
		);
	});

	it('reads a longitude of another turn as the same meridian', () => {
		const grid = new NearestGrid(places);
		const turned = grid.nearest(40.83083 + 360, 34.68944);
		expect(turned?.index).toBe(grid.nearest(40.83083, 34.68944)?.index);
		// 400.83083 is not exactly 360 + 40.83083 in floating point: a nanometre apart.
		expect(turned?.distance).toBeCloseTo(0, 6);
	});
});
