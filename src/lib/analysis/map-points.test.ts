import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { IncidentFeature } from '$lib/data/incident';
import { buildColumns } from '$lib/data/filter-engine';
import { Formatter } from '$lib/i18n/format';
import { WGS84 } from './geodesic';
import {
	mapPointsJson,
	pixelsAtZoomZero,
	relabel,
	tollLabelWriter,
	type MapIncidentProperties,
	type MapPointsOptions
} from './map-points';

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

/** The points as MapLibre's worker reads them: the text parsed. */
function points(incidents: IncidentFeature[], options: MapPointsOptions = ENGLISH) {
	const { parts, count } = mapPointsJson(buildColumns(incidents, undefined, false), options);
	const collection = JSON.parse(parts.join('')) as FeatureCollection<Point, MapIncidentProperties>;
	expect(collection.features).toHaveLength(count);
	return collection.features;
}

describe('the map points (built in the filter worker)', () => {
	it('draw located incidents only, with halos sized by location precision', () => {
		const features = points([
			incident('a', [40.83083, 34.68944], 1),
			incident('b', null, 2),
			incident('c', [40.83083, 34.68944], 3)
		]);
		expect(features.map((f) => f.id)).toEqual(['a', 'c']);
		// Same position: one halo, the widest (precision 3 → 25 km), drawn by its owner only.
		expect(features[0]?.properties.halo_z0_px).toBe(0);
		expect(features[1]?.properties.halo_z0_px).toBeCloseTo(pixelsAtZoomZero(25_000, 34.68944), 9);
		// `i` is the incident's place in the list (the filter mask's), unlocated ones included.
		expect(features[1]).toEqual({
			type: 'Feature',
			id: 'c',
			geometry: { type: 'Point', coordinates: [40.83083, 34.68944] },
			properties: {
				i: 2,
				id: 'c',
				killed_best: 30,
				killed_label: '≤30',
				halo_z0_px: features[1]?.properties.halo_z0_px ?? NaN,
				approximate_date: false
			}
		} satisfies Feature<Point, MapIncidentProperties>);
	});

	it('draw one halo per position however many incidents share it', () => {
		const features = points(['a', 'b', 'c'].map((id) => incident(id, [40.9675, 34.528889], 2)));
		expect(features.filter((f) => f.properties.halo_z0_px > 0).map((f) => f.id)).toEqual(['a']);
	});

	it('write every toll as the panel does, a colour only for datasets that have one', () => {
		const features = points(
			[
				incident('a', [40, 34], 1, [36, 36], 'builtin'),
				incident('b', [40, 34.1], 1, [41, 44], 'imp:1', 'week'),
				incident('c', [40, 34.2], 1, [20, null], 'imp:1', 'month'),
				incident('d', [40, 34.3], 1, [null, null], 'other'),
				incident('e "quoted" \\ عربي', [41.123456789012, 34.000000000001], 1, [1250, 1250])
			],
			{ colours: { 'imp:1': '#aa3377' }, numberTag: null }
		);
		expect(features.map((f) => [f.properties.killed_label, f.properties.killed_best])).toEqual([
			['36', 36],
			['41–44', 44],
			['≥20', 20],
			[null, null],
			['1250', 1250]
		]);
		expect(features.map((f) => f.properties.colour)).toEqual([
			undefined,
			'#aa3377',
			'#aa3377',
			undefined,
			undefined
		]);
		expect(features.map((f) => f.properties.approximate_date)).toEqual([
			false,
			true,
			true,
			false,
			false
		]);
		// Ids with quotes and Arabic, and positions to the last digit, survive the text.
		expect(features[4]?.id).toBe('e "quoted" \\ عربي');
		expect(features[4]?.geometry.coordinates).toEqual([41.123456789012, 34.000000000001]);
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
			const labels = points(incidents, { colours: {}, numberTag: f.tag }).map(
				(feature) => feature.properties.killed_label
			);
			expect(labels).toEqual(tolls.map(([min, max]) => f.killed(min, max).short));
		}
		expect(relabel('41–44', new Intl.NumberFormat('ar-SY-u-nu-arab').format)).toBe('٤١–٤٤');
		// The same writer labels the groups below zoom 8 (the filter worker's groups).
		const write = tollLabelWriter(new Formatter('ar').tag);
		expect([write('≤30'), write('1250'), write(null)]).toEqual(['≤٣٠', '١٬٢٥٠', null]);
		expect(tollLabelWriter(null)('≥20')).toBe('≥20');
	});

	it('are an empty collection for no incidents', () => {
		expect(points([])).toEqual([]);
	});

	it('come in parts of at most 10,000 features', () => {
		const many = Array.from({ length: 25_001 }, (_, i) => incident(`m${i}`, [40 + i / 1e5, 34], 1));
		const { parts, count } = mapPointsJson(buildColumns(many, undefined, false), ENGLISH);
		expect(count).toBe(25_001);
		expect(parts).toHaveLength(5); // head, three parts, tail
		expect(JSON.parse(parts.join('')).features).toHaveLength(25_001);
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
