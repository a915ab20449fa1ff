import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceCollection, PlaceProperties } from '$lib/data/incident';
import { labelMinZoom, labelSortKey, placeMapFeatures } from './place-features';

const places = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../geodata/places.geojson'), 'utf8')
	) as PlaceCollection
).features;
const geonames = (population: number | null, feature_code = 'PPL') =>
	({ source: 'geonames', population, feature_code, kind: 'town' }) as PlaceProperties;

describe('place labels by population and zoom', () => {
	it('shows curated places from the start, GeoNames ones by population or rank', () => {
		const curated = places.find((place) => place.id === 'hajin')!.properties;
		expect(labelMinZoom(curated)).toBe(0);
		expect(
			[5_000_000, 300_000, 150_000, 50_000, 20_000, 5_000].map((n) => labelMinZoom(geonames(n)))
		).toEqual([3, 5, 6, 7, 8, 9]);
		// Population unknown: by what the place seats.
		expect(['PPLA', 'PPLA2', 'PPLA3'].map((code) => labelMinZoom(geonames(null, code)))).toEqual([
			6, 8, 9
		]);
		// A part of a city counted at two million waits until the city is well labelled.
		expect(labelMinZoom(geonames(2_065_597, 'PPLX'))).toBe(10);
	});

	it('places curated labels first, then the most populous', () => {
		const keys = [
			labelSortKey({ source: 'curated', kind: 'city', population: null, feature_code: null }),
			labelSortKey({
				source: 'curated',
				kind: 'border_crossing',
				population: null,
				feature_code: null
			}),
			labelSortKey(geonames(5_000_000)),
			labelSortKey(geonames(30_000)),
			labelSortKey(geonames(1_000)),
			labelSortKey(geonames(null, 'PPLA')),
			labelSortKey(geonames(null, 'PPLA3'))
		];
		expect([...keys].sort((a, b) => a - b)).toEqual(keys);
	});

	it('keeps the map readable: few places at the wide zooms, all by zoom 10', () => {
		const features = placeMapFeatures(places).features;
		const from = (zoom: number) => features.filter((f) => f.properties.min_zoom <= zoom).length;
		expect(features).toHaveLength(361); // the located ones
		expect(from(6)).toBeLessThanOrEqual(60);
		expect(from(8)).toBeLessThanOrEqual(200); // over both countries; a view at 8 shows a sixteenth of one at 6
		expect(from(10)).toBe(361);
	});

	it('labels in both scripts, and once for a place GeoNames names only in Arabic', () => {
		const features = placeMapFeatures(places).features;
		const byId = new Map(features.map((f) => [f.id, f.properties]));
		expect(byId.get('geonames:170691')).toMatchObject({ label_en: 'Dhībān', name_ar: 'ذيبان' });
		expect(byId.get('al-bukamal')).toMatchObject({ label_en: 'Al-Bukamal', name_ar: 'البوكمال' });
		expect(byId.get('geonames:6943439')).toMatchObject({ label_en: '', name_ar: 'كاف الجاع' });
	});
});
