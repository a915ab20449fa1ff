import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentCollection, IncidentFeature, PlaceCollection } from './incident';
import { linkPlaces } from './place-link';
import { normaliseForSearch } from './search';

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', path), 'utf8')) as T;
const places = geodata<PlaceCollection>('places.geojson').features;
const strikes = geodata<IncidentCollection>('incidents/strikes.geojson').features;

function incident(place: string, at: [number, number] | null, place_ar: string | null = null) {
	const [first] = strikes;
	return {
		...first!,
		geometry: at ? { type: 'Point', coordinates: at } : null,
		properties: { ...first!.properties, place, place_ar }
	} as IncidentFeature;
}
const linked = (incidents: IncidentFeature[]) => {
	const links = linkPlaces(incidents, places);
	return Array.from(links.placeOf, (i) => (i < 0 ? null : places[i]!.id));
};

describe('linkPlaces', () => {
	it('puts every shipped strike at its curated place, by position or by its Arabic name', () => {
		const found = linked(strikes);
		expect(Object.fromEntries(strikes.map((s, i) => [s.id, found[i]]))).toEqual({
			'IQ-SY-001': 'al-bukamal',
			'IQ-SY-002': 'hajin',
			// No position: "South of Al-Dashisha" is a description, but الدشيشة names one place.
			'IQ-SY-003': 'al-dashisha',
			'IQ-SY-004': 'al-dashisha',
			'IQ-SY-005': 'hajin',
			'IQ-SY-006': 'hajin',
			'IQ-SY-007': 'hajin',
			'IQ-SY-008': null, // "Unspecified, eastern Syria near the Iraqi border"
			'IQ-SY-009a': 'al-susah',
			'IQ-SY-009b': 'al-baghuz-fawqani',
			'IQ-SY-010': 'al-susah',
			'IQ-SY-011': 'hajin',
			'IQ-SY-012': 'al-susah',
			'IQ-SY-013': 'al-baghuz-fawqani'
		});
	});

	it('links by position within 1 km, whatever the place is called', () => {
		// 700 m north of Dhībān's GeoNames point, and 1.3 km: too far.
		expect(linked([incident('a village', [40.51085, 35.0218])])).toEqual(['geonames:170691']);
		expect(linked([incident('a village', [40.51085, 35.0272])])).toEqual([null]);
	});

	it('links by name, alternates and brackets included, the nearest within 25 km', () => {
		expect(
			linked([
				incident('Abu Kamal', [40.9, 34.47]), // 3.7 km off: by name
				incident('Al Busayrah', null),
				incident('Baghouz (as reported)', null),
				incident('x', null, 'ذيبان'),
				// Two Sinjārs (Iraq, and Idlib in Syria): the one near, or none without a position.
				incident('Sinjar', [37.01, 35.6]),
				incident('Sinjar', null),
				incident('Abu Kamal', [42.5, 36]) // far from any Abu Kamal
			])
		).toEqual([
			'al-bukamal',
			'geonames:173927',
			'al-baghuz-fawqani',
			'geonames:170691',
			'geonames:164094',
			null,
			null
		]);
	});

	it('gives each place the names a search knows it by, in both scripts', () => {
		const names = normaliseForSearch(
			linkPlaces([], places).names[places.findIndex((p) => p.id === 'al-bukamal')]!
		);
		for (const name of ['Al-Bukamal', 'Abu Kamal', 'Albu Kamal', 'البوكمال', 'أبو كمال']) {
			expect(names, name).toContain(normaliseForSearch(name));
		}
		expect(names).not.toContain('абу'); // other scripts are left out
		expect(names).not.toMatch(/\babw kmal\b/); // and GeoNames' letter-for-letter readings
	});

	it('does not change the incidents', () => {
		const copy = structuredClone(strikes);
		linkPlaces(strikes, places);
		expect(strikes).toEqual(copy);
	});
});
