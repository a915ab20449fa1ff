import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { IncidentFeature } from '$lib/data/incident';
import { buildColumns } from '$lib/data/filter-engine';
import { Formatter } from '$lib/i18n/format';
import { WGS84 } from './geodesic';
import { pixelsAtZoomZero, relabel, tollLabelWriter, type MapPointsOptions } from './map-points';
import {
	POINT_TILE_EXTENT,
	POINT_TILE_LAYER,
	encodePointTile,
	pointTiles,
	type PointTiles
} from './point-tiles';

const incident = (
	id: string,
	coordinates: [number, number] | null,
	precision: 1 | 2 | 3,
	killed: [number | null, number | null] = [null, 30],
	dataset = 't',
	datePrecision: 'day' | 'week' | 'month' = 'day'
): IncidentFeature => ({
	type: 'Feature',
	id,
	geometry: coordinates ? { type: 'Point', coordinates } : null,
	properties: {
		id,
		dataset,
		date: '2018-04-19',
		date_precision: datePrecision,
		date_end: null,
		weekday_reported: null,
		place: 'Hajin',
		place_ar: null,
		admin1: null,
		country: null,
		location_precision: precision,
		actor: null,
		aircraft: null,
		target: null,
		killed_min: killed[0],
		killed_max: killed[1],
		claimed_by: null,
		summary: null,
		sources: ['https://example.org']
	}
});

const ENGLISH: MapPointsOptions = { colours: {}, numberTag: null };

/** Tile x/y at zoom z of a position (Web Mercator, as MapLibre asks for them). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
	return [Math.floor((lon / 360 + 0.5) * n), Math.floor(y * n)];
}

interface Decoded {
	id: number | undefined;
	lon: number;
	lat: number;
	properties: Record<string, unknown>;
}

/** A tile as MapLibre's worker reads it: with @mapbox/vector-tile, MapLibre's own reader. */
function decode(bytes: Uint8Array, z: number, x: number, y: number): Decoded[] {
	if (bytes.length === 0) return [];
	const layer = new VectorTile(new PbfReader(bytes)).layers[POINT_TILE_LAYER];
	expect(layer?.extent).toBe(POINT_TILE_EXTENT);
	expect(layer?.version).toBe(2);
	const features: Decoded[] = [];
	for (let k = 0; k < (layer?.length ?? 0); k++) {
		const feature = layer!.feature(k);
		expect(feature.type).toBe(1); // a point
		const geometry = feature.toGeoJSON(x, y, z).geometry;
		if (geometry.type !== 'Point') throw new Error(geometry.type);
		const [lon, lat] = geometry.coordinates as [number, number];
		features.push({ id: feature.id, lon, lat, properties: { ...feature.properties } });
	}
	return features;
}

const build = (incidents: IncidentFeature[], options: MapPointsOptions = ENGLISH) =>
	pointTiles(buildColumns(incidents, undefined, false), options);

/** The features of the tile at zoom z holding a position. */
function tileAt(tiles: PointTiles, lon: number, lat: number, z: number): Decoded[] {
	const [x, y] = tileOf(lon, lat, z);
	return decode(encodePointTile(tiles, z, x, y), z, x, y);
}

/** One tile unit at zoom 14 (MapLibre's last tiled zoom here), in degrees of longitude. */
const UNIT_Z14 = 360 / 2 ** 14 / POINT_TILE_EXTENT;

describe('the map points as vector tiles (cut in the filter worker)', () => {
	it('draw located incidents only, their index as id, with halos sized by location precision', () => {
		const tiles = build([
			incident('a', [40.83083, 34.68944], 1),
			incident('b', null, 2),
			incident('c', [40.83083, 34.68944], 3)
		]);
		expect(tiles.count).toBe(2);
		const features = tileAt(tiles, 40.83083, 34.68944, 10);
		// The id is the incident's place in the list (the filter mask's), unlocated ones counted.
		expect(features.map((f) => f.id)).toEqual([0, 2]);
		// Same position: one halo, the widest (precision 3 → 25 km), drawn by its owner only.
		expect(features[0]?.properties['halo_z0_px']).toBe(0);
		expect(features[1]?.properties).toEqual({
			id: 'c',
			killed_label: '≤30',
			killed_best: 30,
			halo_z0_px: pixelsAtZoomZero(25_000, 34.68944),
			approximate_date: false
		});
		expect(features[1]?.lon).toBeCloseTo(40.83083, 3);
	});

	it('write the incident’s own id only where markers can be pointed at (zoom 8 up)', () => {
		const tiles = build([incident('a', [40.83083, 34.68944], 1)]);
		expect(tileAt(tiles, 40.83083, 34.68944, 7)[0]?.properties['id']).toBeUndefined();
		expect(tileAt(tiles, 40.83083, 34.68944, 7)[0]?.id).toBe(0);
		expect(tileAt(tiles, 40.83083, 34.68944, 8)[0]?.properties['id']).toBe('a');
	});

	it('draw one halo per position however many incidents share it', () => {
		const tiles = build(['a', 'b', 'c'].map((id) => incident(id, [40.9675, 34.528889], 2)));
		const features = tileAt(tiles, 40.9675, 34.528889, 9);
		expect(features.filter((f) => Number(f.properties['halo_z0_px']) > 0).map((f) => f.id)).toEqual(
			[0]
		);
	});

	it('write every toll as the panel does, a colour only for datasets that have one', () => {
		const tiles = build(
			[
				incident('a', [40, 34], 1, [36, 36], 'builtin'),
				incident('b', [40, 34.1], 1, [41, 44], 'imp:1', 'week'),
				incident('c', [40, 34.2], 1, [20, null], 'imp:1', 'month'),
				incident('d', [40, 34.3], 1, [null, null], 'other'),
				incident('e "quoted" \\ عربي', [40.123456789012, 34.000000000001], 1, [1250, 1250])
			],
			{ colours: { 'imp:1': '#aa3377' }, numberTag: null }
		);
		const features = decode(encodePointTile(tiles, 0, 0, 0), 0, 0, 0);
		const at8 = tileAt(tiles, 40.123456789012, 34.000000000001, 8);
		const p = (name: string) => features.map((f) => f.properties[name]);
		// An unknown toll has no value at all (MapLibre reads it as null), never 0.
		expect(p('killed_label')).toEqual(['36', '41–44', '≥20', undefined, '1250']);
		expect(p('killed_best')).toEqual([36, 44, 20, undefined, 1250]);
		expect(p('colour')).toEqual([undefined, '#aa3377', '#aa3377', undefined, undefined]);
		expect(p('approximate_date')).toEqual([false, true, true, false, false]);
		// Ids with quotes and Arabic survive; positions to a tile unit (under half a metre).
		const e = at8.find((f) => f.id === 4);
		expect(e?.properties['id']).toBe('e "quoted" \\ عربي');
		expect(Math.abs(e!.lon - 40.123456789012)).toBeLessThan(2 ** (14 - 8) * UNIT_Z14);
		const z14 = tileAt(tiles, 40.123456789012, 34.000000000001, 14).find((f) => f.id === 4)!;
		expect(Math.abs(z14.lon - 40.123456789012)).toBeLessThan(UNIT_Z14);
		expect(Math.abs(z14.lat - 34.000000000001)).toBeLessThan(UNIT_Z14);
	});

	it('write the tolls in the interface’s digits, as the formatter does', () => {
		const tolls: [number | null, number | null][] = [
			[36, 36],
			[41, 44],
			[null, 30],
			[20, null],
			[1250, 1250],
			[null, null]
		];
		const incidents = tolls.map((killed, i) => incident(`k${i}`, [40, 34 + i / 10], 1, killed));
		for (const digits of ['native', 'latin'] as const) {
			const f = new Formatter('ar', digits);
			const tiles = build(incidents, { colours: {}, numberTag: f.tag });
			const labels = decode(encodePointTile(tiles, 0, 0, 0), 0, 0, 0).map(
				(feature) => feature.properties['killed_label'] ?? null
			);
			expect(labels).toEqual(tolls.map(([min, max]) => f.killed(min, max).short));
		}
		expect(relabel('41–44', new Intl.NumberFormat('ar-SY-u-nu-arab').format)).toBe('٤١–٤٤');
		// The same writer labels the groups below zoom 8 (the filter worker's groups).
		const write = tollLabelWriter(new Formatter('ar').tag);
		expect([write('≤30'), write('1250'), write(null)]).toEqual(['≤٣٠', '١٬٢٥٠', null]);
		expect(tollLabelWriter(null)('≥20')).toBe('≥20');
	});

	it('are empty tiles where there are no points', () => {
		expect(encodePointTile(build([]), 0, 0, 0)).toHaveLength(0);
		const tiles = build([incident('a', [40.83083, 34.68944], 1)]);
		expect(encodePointTile(tiles, 10, 0, 0)).toHaveLength(0);
	});

	it('put every point in exactly one tile of a zoom, those on a tile’s edge included', () => {
		// Random points, and points on tile edges at zoom 6 (a west edge is its tile's own).
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const incidents = [
			...Array.from({ length: 2000 }, (_, i) =>
				incident(`r${i}`, [36 + random() * 6, 32 + random() * 5], 1)
			),
			// 39.375°E is the west edge of tile x = 39 at zoom 6 (39 / 64 of the world), and at 9.
			incident('edge', [39.375, 35], 1)
		];
		const tiles = build(incidents);
		for (const z of [0, 3, 6, 9]) {
			const seen = new Map<number, number>();
			const n = 2 ** z;
			const [west, north] = tileOf(35.9, 37.1, z);
			const [east, south] = tileOf(42.1, 31.9, z);
			for (let x = west; x <= Math.min(east, n - 1); x++) {
				for (let y = north; y <= Math.min(south, n - 1); y++) {
					for (const f of decode(encodePointTile(tiles, z, x, y), z, x, y)) {
						seen.set(f.id!, (seen.get(f.id!) ?? 0) + 1);
					}
				}
			}
			expect(seen.size).toBe(incidents.length);
			expect([...seen.values()].every((times) => times === 1)).toBe(true);
		}
	});

	it('hold tens of thousands of points in one tile (the density surface’s low zooms)', () => {
		const many = Array.from({ length: 30_000 }, (_, i) =>
			incident(
				`m${i} عربي`,
				[38 + (i % 300) / 100, 33 + Math.floor(i / 300) / 100],
				(1 + (i % 3)) as 1 | 2 | 3,
				[i % 7 === 0 ? null : i % 50, i % 50]
			)
		);
		const tiles = build(many);
		const features = decode(
			encodePointTile(tiles, 5, ...tileOf(39, 33.5, 5)),
			5,
			...tileOf(39, 33.5, 5)
		);
		expect(features).toHaveLength(30_000);
		expect(features.map((f) => f.id)).toEqual(many.map((_, i) => i));
		expect(features[29_999]?.properties['killed_best']).toBe(29_999 % 50);
	});

	it('size a halo so it covers its radius on the ground (to 1 %)', () => {
		// Points 25 km from Hajin by exact geodesic, projected with Web Mercator at zoom 10.
		const [lon, lat] = [40.83083, 34.68944];
		const world = 512 * 2 ** 10;
		const project = (lo: number, la: number) => [
			((lo + 180) / 360) * world,
			((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * world
		];
		const [x0, y0] = project(lon, lat);
		const halo = pixelsAtZoomZero(25_000, lat) * 2 ** 10;
		for (const bearing of [0, 45, 90, 180, 270]) {
			const end = WGS84.Direct(lat, lon, bearing, 25_000);
			const [x, y] = project(end.lon2!, end.lat2!);
			expect(Math.hypot(x! - x0!, y! - y0!) / halo).toBeCloseTo(1, 2);
		}
	});
});
