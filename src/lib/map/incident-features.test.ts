import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '$lib/data/incident';
import { WGS84 } from '$lib/analysis/geodesic';
import { incidentMapFeatures, pixelsAtZoomZero } from './incident-features';

const incident = (
	id: string,
	coordinates: [number, number] | null,
	precision: 1 | 2 | 3
): IncidentFeature => ({
	type: 'Feature',
	id,
	geometry: coordinates ? { type: 'Point', coordinates } : null,
	properties: {
		id,
		dataset: 't',
		date: '2018-04-19',
		date_precision: 'day',
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
		killed_min: null,
		killed_max: 30,
		claimed_by: null,
		summary: null,
		sources: ['https://example.org']
	}
});

describe('incidentMapFeatures', () => {
	it('draws located incidents only, with halos sized by location precision', () => {
		const { features } = incidentMapFeatures([
			incident('a', [40.83083, 34.68944], 1),
			incident('b', null, 2),
			incident('c', [40.83083, 34.68944], 3)
		]);
		expect(features.map((f) => f.id)).toEqual(['a', 'c']);
		// Same position: one halo, the widest (precision 3 → 25 km), drawn by its owner only.
		expect(features[0]?.properties.halo_z0_px).toBe(0);
		expect(features[1]?.properties.halo_z0_px).toBeCloseTo(pixelsAtZoomZero(25_000, 34.68944), 9);
		expect(features[1]?.properties).toMatchObject({ killed_best: 30, killed_label: '≤30' });
	});

	it('draws one halo per position however many incidents share it', () => {
		const { features } = incidentMapFeatures(
			['a', 'b', 'c'].map((id) => incident(id, [40.9675, 34.528889], 2))
		);
		expect(features.filter((f) => f.properties.halo_z0_px > 0).map((f) => f.id)).toEqual(['a']);
	});

	it('sizes a halo so it covers its radius on the ground (to 1 %)', () => {
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
