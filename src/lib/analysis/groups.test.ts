import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { CLUSTER_ZOOM_END, CLUSTER_ZOOM_START, groupIncidents, type GroupPoints } from './groups';

function points(positions: [number, number][]): GroupPoints {
	return {
		ids: positions.map((_, i) => `p${i}`),
		lon: Float64Array.from(positions, (p) => p[0]),
		lat: Float64Array.from(positions, (p) => p[1]),
		day: Float64Array.from(positions, (_, i) => 17_000 + i),
		datePrecision: Uint8Array.from(positions, (_, i) => (i === 1 ? 1 : 0)),
		killedBest: Float64Array.from(positions, (_, i) => (i % 2 ? Number.NaN : i)),
		killedLabel: positions.map((_, i) => (i % 2 ? null : String(i)))
	};
}

const HAJIN: [number, number] = [40.83083, 34.68944];
const SUSAH: [number, number] = [40.9675, 34.528889];

describe('groupIncidents', () => {
	it('counts every included incident once at every cluster zoom (property test)', () => {
		const random = seededRandom(5);
		for (let trial = 0; trial < 20; trial++) {
			const input = points(
				Array.from(
					{ length: 200 },
					() => [38 + 6 * random(), 32 + 5 * random()] as [number, number]
				)
			);
			const include = Uint8Array.from(input.ids, () => (random() < 0.6 ? 1 : 0));
			const expected = include.reduce((sum, flag) => sum + flag, 0);
			const { features } = groupIncidents(input, include);
			for (let z = CLUSTER_ZOOM_START; z < CLUSTER_ZOOM_END; z++) {
				const atZoom = features.filter((f) => f.properties.z === z);
				const counted = atZoom.reduce(
					(sum, f) => sum + ('count' in f.properties ? f.properties.count : 1),
					0
				);
				expect(counted, `zoom ${z}`).toBe(expected);
			}
		}
	});

	it('keeps a shared position together as a site, counting only included incidents', () => {
		const input = points([HAJIN, HAJIN, HAJIN, HAJIN, HAJIN, SUSAH]);
		const all = groupIncidents(input, new Uint8Array([1, 1, 1, 1, 1, 1]));
		const sites = all.features.filter((f) => f.properties.kind === 'site');
		expect(sites).toHaveLength(1);
		expect(sites[0]?.properties).toMatchObject({ count: 5, day_min: 17_000, day_max: 17_004 });
		expect(sites[0]?.geometry.coordinates).toEqual(HAJIN);

		const some = groupIncidents(input, new Uint8Array([1, 0, 0, 1, 0, 1]));
		expect(some.features.find((f) => f.properties.kind === 'site')?.properties).toMatchObject({
			count: 2
		});
		const none = groupIncidents(input, new Uint8Array([1, 0, 0, 0, 0, 1]));
		expect(none.features.filter((f) => f.properties.kind === 'site')).toEqual([]);
	});

	it('draws a lone incident as a single with what its marker needs', () => {
		const { features } = groupIncidents(points([HAJIN, [47, 30]]), new Uint8Array([1, 1]));
		const singles = features.filter((f) => f.properties.kind === 'single' && f.properties.z === 7);
		expect(singles.map((f) => f.properties)).toEqual([
			{
				kind: 'single',
				z: 7,
				id: 'p0',
				killed_best: 0,
				killed_label: '0',
				approximate_date: false
			},
			{
				kind: 'single',
				z: 7,
				id: 'p1',
				killed_best: null,
				killed_label: null,
				approximate_date: true
			}
		]);
	});
});
