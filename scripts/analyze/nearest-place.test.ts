import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { NeighbourIndex } from '../../src/lib/analysis/nearest';
import { seededRandom } from '../../src/lib/data/testing/random';
import { SmallGazetteer } from './nearest-place';

const places = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../geodata/places.geojson'), 'utf8')
	) as FeatureCollection<Point | null>
).features.flatMap((feature, i) =>
	feature.geometry
		? [
				{
					id: String(i),
					lon: feature.geometry.coordinates[0]!,
					lat: feature.geometry.coordinates[1]!
				}
			]
		: []
);

describe('nearest of a small gazetteer', () => {
	it('finds the same place at the same distance as NeighbourIndex, near and far', () => {
		const small = new SmallGazetteer(places);
		const index = new NeighbourIndex(places);
		const random = seededRandom(5);
		const points: [number, number][] = [
			...places.map((p): [number, number] => [p.lon, p.lat]), // on a place: 0 m
			[-179.9, -89.9],
			[2.35, 48.86],
			[180, 0],
			...Array.from({ length: 3000 }, (): [number, number] => [
				33 + 17 * random(),
				27 + 12 * random()
			]),
			...Array.from({ length: 500 }, (): [number, number] => [
				360 * random() - 180,
				180 * random() - 90
			])
		];
		for (const [lon, lat] of points) {
			const ours = small.nearest(lon, lat)!;
			const reference = index.nearest(lon, lat)!;
			expect(places[ours.index]!.id, `${lon}, ${lat}`).toBe(reference.id);
			expect(ours.distance).toBe(reference.distance);
		}
	});

	it('has no answer without places or for a point that is not a number', () => {
		expect(new SmallGazetteer([]).nearest(40, 34)).toBeNull();
		expect(new SmallGazetteer(places).nearest(Number.NaN, 34)).toBeNull();
	});
});
