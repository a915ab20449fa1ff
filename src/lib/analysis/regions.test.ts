import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildRegionIndex, regionAt } from './regions';
import { seededRandom } from '$lib/data/testing/random';

const geodata = (path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', path), 'utf8'));
const sides = geodata('border/sides.geojson') as FeatureCollection<
	Polygon | MultiPolygon,
	{ adm0_a3: string }
>;
const border = (geodata('border/iraq-syria.geojson') as FeatureCollection<MultiLineString>)
	.features[0]!.geometry;
const index = buildRegionIndex(
	sides.features.map((f) => ({ name: f.properties.adm0_a3, geometry: f.geometry }))
);

describe('regionAt', () => {
	it('agrees with Turf booleanPointInPolygon on random points across the region', () => {
		const random = seededRandom(3);
		for (let i = 0; i < 5000; i++) {
			const lon = 33 + 17 * random();
			const lat = 27 + 12 * random();
			const turf =
				sides.features.find((f) => booleanPointInPolygon([lon, lat], f))?.properties.adm0_a3 ??
				null;
			expect(regionAt(index, lon, lat), `${lon},${lat}`).toBe(turf);
		}
	});

	it('puts points just off each border segment on opposite sides', () => {
		for (const part of border.coordinates) {
			for (let v = 1; v < part.length; v++) {
				const [lon0, lat0] = part[v - 1] as [number, number];
				const [lon1, lat1] = part[v] as [number, number];
				const length = Math.hypot(lon1 - lon0, lat1 - lat0);
				if (length < 1e-3) continue; // the 10 m connector between parts
				const [mx, my] = [(lon0 + lon1) / 2, (lat0 + lat1) / 2];
				const [nx, ny] = [-(lat1 - lat0) / length, (lon1 - lon0) / length];
				const left = regionAt(index, mx + nx * 1e-4, my + ny * 1e-4);
				const right = regionAt(index, mx - nx * 1e-4, my - ny * 1e-4);
				expect([left, right].sort(), `segment ${v - 1}`).toEqual(['IRQ', 'SYR']);
			}
		}
	});

	it('knows Hajin is in Syria and Al-Qaim in Iraq, and the sea in neither', () => {
		expect(regionAt(index, 40.83083, 34.68944)).toBe('SYR');
		expect(regionAt(index, 41.13889, 34.36694)).toBe('IRQ');
		expect(regionAt(index, 34.5, 34.0)).toBeNull();
		expect(regionAt(index, Number.NaN, 34)).toBeNull();
	});

	it('handles holes', () => {
		const square = (x: number, y: number, size: number, clockwise: boolean) => {
			const ring = [
				[x, y],
				[x + size, y],
				[x + size, y + size],
				[x, y + size],
				[x, y]
			];
			return clockwise ? ring.reverse() : ring;
		};
		const donut = buildRegionIndex([
			{
				name: 'donut',
				geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, false), square(4, 4, 2, true)] }
			}
		]);
		expect(regionAt(donut, 1, 1)).toBe('donut');
		expect(regionAt(donut, 5, 5)).toBeNull();
	});
});
