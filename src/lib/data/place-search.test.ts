import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentCollection, PlaceCollection } from './incident';
import { encodeIncidents } from './import/incident-chunk';
import { ChunkedIncidents } from './incident-rows';
import { linkPlaces } from './place-link';
import { matchRank, searchIndex, suggest } from './place-search';

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', path), 'utf8')) as T;
const places = geodata<PlaceCollection>('places.geojson').features;
const strikes = geodata<IncidentCollection>('incidents/strikes.geojson').features;
const index = searchIndex(places, strikes);
const first = (query: string) => suggest(index, query).places[0];
const HAJIN = ['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011'];

describe('matchRank', () => {
	it('ranks the whole name, its start, a later word’s start, then inside a word', () => {
		expect(matchRank('abu kamal', 'abu kamal')).toBe(0);
		expect(matchRank('abu kamal', 'abu k')).toBe(1);
		expect(matchRank('abu kamal', 'kam')).toBe(2);
		expect(matchRank('busayra', 'ayr')).toBe(3);
		expect(matchRank('busayra', 'ay')).toBeNull(); // too short to look inside words
		expect(matchRank('busayra', '')).toBeNull();
	});
});

describe('place suggestions', () => {
	it('finds GeoNames places by their English or Arabic name', () => {
		for (const query of ['Dhiban', 'ذيبان', 'Dhībān', 'dhib']) {
			expect(first(query), query).toMatchObject({
				id: 'geonames:170691',
				label: 'Dhībān',
				name_ar: 'ذيبان',
				position: [40.51085, 35.0155],
				source: 'geonames'
			});
		}
		expect(first('Al Busayrah')).toMatchObject({ id: 'geonames:173927', rank: 0 });
		expect(first('البصيرة')?.id).toBe('geonames:173927');
		expect(first('Subaykhan')?.name_ar).toBe('سبيخان');
	});

	it('finds a place by any alternate, and says which name matched', () => {
		expect(first('Abu Kamal')).toMatchObject({ id: 'al-bukamal', matched: 'Abu Kamal', rank: 0 });
		expect(first('Albu Kamal')).toMatchObject({ id: 'al-bukamal', matched: 'Albu Kamal' });
		expect(first('أبو كمال')?.id).toBe('al-bukamal');
		expect(first('Baghouz')).toMatchObject({ id: 'al-baghuz-fawqani', matched: 'Baghouz' });
		expect(first('Hajeen')).toMatchObject({ id: 'hajin', matched: null, source: 'curated' });
		expect(first('al-Hasakeh')?.id).toBe('al-hasakah');
	});

	it('puts the whole name before its start, then the larger place first', () => {
		const sinjar = suggest(index, 'Sinjar').places.map((place) => place.id);
		// Iraq's Sinjar (curated, 38,294 people) before the one in Idlib (population unknown).
		expect(sinjar.slice(0, 2)).toEqual(['sinjar', 'geonames:164094']);
		const ranked = suggest(index, 'al q').places;
		for (let i = 1; i < ranked.length; i++) {
			const [a, b] = [ranked[i - 1]!, ranked[i]!];
			expect(a.rank <= b.rank, `${a.label} / ${b.label}`).toBe(true);
			if (a.rank === b.rank) expect((a.population ?? -1) >= (b.population ?? -1)).toBe(true);
		}
		expect(suggest(index, 'a', { places: 3, incidents: 0 }).places).toHaveLength(3);
	});

	it('suggests nothing for nothing, and does not take ح for ه', () => {
		expect(suggest(index, '  ')).toEqual({ places: [], incidents: [] });
		expect(suggest(index, 'حجين').places.map((place) => place.id)).not.toContain('hajin');
	});
});

describe('incident suggestions', () => {
	it('finds the incidents at a place by its names in either script', () => {
		for (const query of ['Hajin', 'Hajeen', 'هجين']) {
			expect(
				suggest(index, query)
					.incidents.map((i) => i.id)
					.sort(),
				query
			).toEqual(HAJIN);
		}
		// By the gazetteer's other names for the place they are at.
		expect(suggest(index, 'Albu Kamal').incidents.map((i) => i.id)).toEqual(['IQ-SY-001']);
		expect(suggest(index, 'Baghouz').incidents.map((i) => i.id)).toEqual([
			'IQ-SY-009b',
			'IQ-SY-013'
		]);
	});

	it('finds an incident by the start of its id, in date order', () => {
		const found = suggest(index, 'IQ-SY-01', { places: 0, incidents: 10 }).incidents;
		expect(found.map((i) => i.id)).toEqual(['IQ-SY-010', 'IQ-SY-011', 'IQ-SY-012', 'IQ-SY-013']);
		expect(found[0]).toMatchObject({ place: 'Al-Susah (Sousa/As Susah area)', rank: 1 });
	});
});

describe('the index of an imported dataset (kept as columns)', () => {
	/** The built-in rows as an import's chunks, counting the rows decoded. */
	let decoded = 0;
	class Counting extends ChunkedIncidents {
		override at(i: number) {
			decoded++;
			return super.at(i);
		}
	}
	const chunked = new Counting([
		encodeIncidents(strikes.slice(0, 6)),
		encodeIncidents(strikes.slice(6))
	]);
	const links = linkPlaces(strikes, places);

	it('suggests what the rows as objects suggest, decoding only the rows suggested', () => {
		const columns = searchIndex(places, chunked, links);
		expect(decoded).toBe(0);
		for (const query of ['Hajin', 'هجين', 'Baghouz', 'IQ-SY-01', 'al', 'su']) {
			decoded = 0;
			const found = suggest(columns, query, { places: 3, incidents: 4 });
			expect(found, query).toEqual(suggest(index, query, { places: 3, incidents: 4 }));
			expect(decoded).toBe(found.incidents.length);
		}
	});
});
