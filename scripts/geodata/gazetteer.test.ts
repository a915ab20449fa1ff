/**
 * The gazetteer build's parts on a sample of real cities1000 rows (fixtures/): reading the
 * dump, picking Arabic names, and merging with curated places (curated wins, ids kept).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlaceFeature } from '../../src/lib/data/incident';
import { placesRowsToFeatures } from '../../src/lib/data/places-csv';
import { isArabicAlphabet, pickArabicName, similarity, skeleton } from './arabic-name';
import { buildGazetteer, matchCurated } from './gazetteer';
import { parseCities1000, type GeoNamesPlace } from './geonames';

const sample = readFileSync(join(import.meta.dirname, 'fixtures/cities1000-sample.txt'), 'utf8');
const geonames = parseCities1000(sample, ['SY', 'IQ']);
const byName = (name: string) => geonames.find((place) => place.asciiname === name)!;
const pick = (place: GeoNamesPlace) =>
	pickArabicName([place.name, place.asciiname], place.alternates);

const curated = placesRowsToFeatures([
	{
		name: 'Hajin',
		name_ar: 'هجين',
		kind: 'town',
		admin1: 'Deir ez-Zor',
		country: 'Syria',
		latitude: '34.68944',
		longitude: '40.83083',
		source_url: 'https://example.org/hajin'
	},
	{
		name: 'Al-Bukamal (Abu Kamal)',
		name_ar: 'البوكمال',
		kind: 'city',
		latitude: '34.45361',
		longitude: '40.93667',
		source_url: 'https://example.org/bukamal'
	},
	{
		name: 'Sinjar',
		name_ar: 'سنجار',
		kind: 'town',
		admin1: 'Nineveh',
		country: 'Iraq',
		latitude: '36.32250',
		longitude: '41.86417',
		source_url: 'https://example.org/sinjar'
	},
	{ name: 'Husaybah', name_ar: 'حصيبة', kind: 'town', source_url: 'https://example.org/h' }
]).features;

describe('parseCities1000', () => {
	it('keeps the countries asked for, in file order, with unknown populations null', () => {
		expect(geonames.map((place) => place.geonameid)).toEqual([
			97417, 100077, 448149, 2960, 164094, 166597, 170063, 170654, 170691, 173927, 174448, 174506,
			6943439, 99072
		]);
		expect(byName('Hajin')).toMatchObject({
			name: 'Hajīn',
			lat: 34.6927,
			lon: 40.827,
			featureCode: 'PPLA3',
			country: 'SY',
			admin1Code: '07',
			population: 29237
		});
		// GeoNames writes 0 for a population it does not know.
		expect(byName('Dhiban').population).toBeNull();
		expect(byName('Dhiban').alternates).toContain('ذيبان');
	});

	it('refuses a malformed row rather than guessing', () => {
		expect(() => parseCities1000('1\tX\tX\t\tnorth\t40\tP\tPPL\tSY', ['SY'])).toThrow(/line 1/);
	});
});

describe('Arabic names from untagged alternates', () => {
	it('takes only the Arabic alphabet, not Persian or Kurdish spellings', () => {
		expect(isArabicAlphabet('ذيبان')).toBe(true);
		expect(isArabicAlphabet('هَجِين')).toBe(true);
		expect(isArabicAlphabet('چمچمال')).toBe(false); // Persian/Kurdish چ
		expect(isArabicAlphabet('زاخۆ')).toBe(false); // Kurdish ۆ
		expect(isArabicAlphabet('رمادی')).toBe(false); // Persian ی
		expect(isArabicAlphabet('Hajin')).toBe(false);
		expect(pick(byName('Chamchamal'))).toMatchObject({ name_ar: null, doubtful: false });
	});

	it('reads both scripts into the same consonants', () => {
		expect(skeleton('Dhībān')).toBe(skeleton('ذيبان'));
		expect(skeleton('Al-Bukamal')).toBe(skeleton('البوكمال'));
		// Ta marbuta is its own code, close to a final h or t ("-ah", "-at").
		expect(skeleton('Al Buşayrah')).toBe('bSrh');
		expect(skeleton('البصيرة')).toBe('bSrQ');
		expect(similarity('bSrh', 'bSrQ')).toBeGreaterThan(0.9);
		expect(similarity(skeleton('Dhiban'), skeleton('ديبان'))).toBeLessThan(1);
	});

	it('picks the alternate that reads as the name', () => {
		// Dhībān lists ديبان and ذيبان: dh is ذ.
		expect(pick(byName('Dhiban'))).toMatchObject({ name_ar: 'ذيبان', doubtful: false });
		expect(pick(byName('Al Busayrah')).name_ar).toBe('البصيرة');
		expect(pick(byName('Hajin')).name_ar).toBe('هجين');
		// Al Jalā' lists المسلّخة too: another name of the place (Al Musallakhah), not the main one.
		expect(pick(byName("Al Jala'")).name_ar).toBe('الجلاء');
		// Only inside "Abu Ghraib - أبو غريب".
		expect(pick(byName('Abu Ghurayb')).name_ar).toBe('أبو غريب');
		// English drops the article, Arabic keeps it: الموصل, listed before موصل.
		expect(pick(byName('Mosul')).name_ar).toBe('الموصل');
		// Nothing reads as "Aleppo"; حلب reads as its alternate "Halab", so it is not doubtful.
		expect(pick(byName('Aleppo'))).toMatchObject({ name_ar: 'حلب', doubtful: false });
	});

	it('flags a name that reads like none of the place’s Latin names, and keeps it', () => {
		const jala = byName("Al Jala'");
		// As if GeoNames had listed only the other place's name, with its own machine reading.
		const wrong = pickArabicName([jala.name, jala.asciiname], ['Al Jala', 'almslkht', 'المسلّخة']);
		expect(wrong).toMatchObject({ name_ar: 'المسلّخة', doubtful: true });
		expect(wrong.similarity).toBeLessThan(0.5);
	});
});

describe('buildGazetteer', () => {
	const governorate = () => 'Dayr Az Zawr';
	const built = buildGazetteer(curated, geonames, governorate);
	const byId = new Map(built.features.map((feature) => [feature.id, feature]));

	it('matches curated places to GeoNames by a shared name within 10 km', () => {
		expect(matchCurated(curated, geonames).map((m) => [m.curated, m.geonameid])).toEqual([
			['hajin', 174506],
			['al-bukamal', 174448],
			['sinjar', 448149] // the Iraqi Sinjār, not the one in Idlib 480 km away
		]);
	});

	it('keeps curated ids, names, positions, kinds and sources: curated wins', () => {
		const hajin = byId.get('hajin') as PlaceFeature;
		expect(hajin.geometry?.coordinates).toEqual([40.83083, 34.68944]);
		expect(hajin.properties).toMatchObject({
			name: 'Hajin',
			name_ar: 'هجين',
			kind: 'town',
			source: 'curated',
			sources: ['https://example.org/hajin'],
			// What the curated table lacks comes from GeoNames.
			geonames_id: 174506,
			population: 29237,
			feature_code: 'PPLA3'
		});
		expect(hajin.properties.alternates).toContain('Hajīn');
		expect(byId.get('al-bukamal')?.properties.alternates).toEqual(
			expect.arrayContaining(['Albu Kamal', 'Abu Kamal', 'أبو كمال', 'البو كمال'])
		);
	});

	it('adds the other GeoNames places once each, with provenance', () => {
		expect(built.features).toHaveLength(curated.length + geonames.length - 3);
		expect(byId.has('geonames:174506')).toBe(false);
		const dhiban = byId.get('geonames:170691')!;
		expect(dhiban.geometry?.coordinates).toEqual([40.51085, 35.0155]);
		expect(dhiban.properties).toMatchObject({
			name: 'Dhībān',
			name_ar: 'ذيبان',
			name_ar_doubtful: false,
			kind: 'town',
			feature_code: 'PPLA3',
			population: null,
			admin1: 'Dayr Az Zawr',
			country: 'Syria',
			source: 'geonames',
			geonames_id: 170691,
			sources: ['https://www.geonames.org/170691']
		});
		expect(dhiban.properties.alternates).toContain('Dhiban');
		expect(dhiban.properties.alternates).not.toContain('Dhībān');
		expect(byId.get('geonames:170063')?.properties.kind).toBe('city'); // Aleppo, PPLA
		// GeoNames names this one only in Arabic: that is its Arabic name.
		expect(byId.get('geonames:6943439')?.properties).toMatchObject({
			name: 'كاف الجاع',
			name_ar: 'كاف الجاع'
		});
	});

	it('keeps curated places without a position, unmatched', () => {
		expect(byId.get('husaybah')?.geometry).toBeNull();
		expect(byId.get('husaybah')?.properties.geonames_id).toBeNull();
	});

	it('refuses a GeoNames entry that two curated places claim', () => {
		const twice = [curated[0]!, { ...curated[0]!, id: 'hajin-again' }];
		expect(() => matchCurated(twice, geonames)).toThrow(/174506 matches both/);
	});
});
