import { describe, expect, it } from 'vitest';
import { arabicCountryName, arabicGovernorateName } from '$lib/data/arabic-names';
import { ENGLISH, Formatter } from './format';
import { preferredLocale, textLang } from './locale';
import {
	datasetText,
	datasetTexts,
	facetLabel,
	facetValue,
	facetValueIsOurs,
	importedDatasetTexts,
	placeNames,
	regionName,
	reportedWeekday
} from './vocabulary';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import { OTHER_TARGET, TARGET_CATEGORIES } from '$lib/data/target-category';

const ar = new Formatter('ar');
const arLatin = new Formatter('ar', 'latin');

describe('English keeps the app’s fixed formats', () => {
	it('dates, tolls, distances, bearings, coordinates, times', () => {
		expect(ENGLISH.incidentDate('2018-04-19', 'day')).toBe('19 April 2018');
		expect(ENGLISH.incidentDate('2018-05-24', 'week')).toBe('week of 24 May 2018');
		expect(ENGLISH.incidentDate('2018-05-24', 'month')).toBe('May 2018');
		expect(ENGLISH.shortDay('2018-09-03')).toBe('3 Sep 2018');
		expect(ENGLISH.killed(null, 30).long).toBe('up to 30');
		expect(ENGLISH.distance(25_680)).toBe('25.68 km');
		expect(ENGLISH.distance(640)).toBe('640 m');
		expect(ENGLISH.bearing(44)).toBe('44° NE');
		expect(ENGLISH.coordinates([40.83083, 34.68944])).toBe('34.68944° N, 40.83083° E');
		expect(ENGLISH.utc(new Date('2026-11-24T09:05:59Z'))).toBe('24 Nov 2026, 09:05 UTC');
		expect(ENGLISH.count(200_000)).toBe('200,000');
	});
});

describe('Arabic, as written in Iraq and Syria', () => {
	it('months by their Syriac names (نيسان for April), Arabic-Indic digits', () => {
		expect(ar.incidentDate('2018-04-19', 'day')).toBe('١٩ نيسان ٢٠١٨');
		expect(ar.incidentDate('2018-01-05', 'month')).toBe('كانون الثاني ٢٠١٨');
		expect(ar.incidentDate('2018-05-24', 'week')).toBe('أسبوع ٢٤ أيار ٢٠١٨');
		expect(ar.tick(2018, 3, 'month')).toBe('نيسان');
		expect(ar.tick(2019, 0, 'month-year')).toBe('كانون الثاني ٢٠١٩');
		expect(ar.tick(2019, 0, 'year')).toBe('٢٠١٩');
	});

	it('Latin digits when the reader chooses them', () => {
		expect(arLatin.incidentDate('2018-04-19', 'day')).toBe('19 نيسان 2018');
		expect(arLatin.count(1234)).toBe('1,234');
		expect(arLatin.digitsIn('2017–2019')).toBe('2017–2019');
		expect(ar.digitsIn('2017–2019')).toBe('٢٠١٧–٢٠١٩');
	});

	it('sizes in bytes with the units Arabic writes', () => {
		expect(ar.bytes(2_500_000)).toBe('٢٫٥ م.ب');
		expect(ar.bytes(640)).toBe('٦٤٠ بايت');
		expect(new Formatter('en').bytes(2_500_000)).toBe('2.5 MB');
	});

	it('precision phrases whole, from the catalogue', () => {
		expect(ar.datePrecisionNote('week')).toBe(
			'اليوم غير مؤكد: خلال الأسبوع الذي يبدأ بهذا التاريخ'
		);
		expect(ENGLISH.datePrecisionNote('month')).toBe('exact day unknown: within this month');
	});

	it('tolls, distances, bearings and coordinates', () => {
		expect(ar.killed(36, 36)).toEqual({ long: '٣٦', short: '٣٦' });
		expect(ar.killed(41, 44).long).toBe('٤١–٤٤');
		expect(ar.killed(null, 30)).toEqual({ long: 'حتى ٣٠', short: '≤٣٠' });
		expect(ar.killed(20, null).long).toBe('٢٠ على الأقل');
		expect(ar.killed(null, null)).toEqual({ long: 'لم يُبلَّغ عنه', short: null });
		expect(ar.distance(25_680)).toBe('٢٥٫٦٨ كم');
		expect(arLatin.distance(25_680)).toBe('25.68 كم');
		expect(ar.distance(Infinity)).toBe('غير معروفة');
		expect(ar.bearing(44)).toBe('٤٤° شمال شرق');
		expect(ar.coordinates([40.83083, 34.68944])).toBe('٣٤٫٦٨٩٤٤° شمالًا، ٤٠٫٨٣٠٨٣° شرقًا');
		expect(ar.utc(new Date('2026-11-24T09:05:59Z'))).toBe(
			'٢٤ تشرين الثاني ٢٠٢٦، الساعة ٠٩:٠٥ بالتوقيت العالمي (UTC)'
		);
	});
});

describe('the data in both languages, where it exists', () => {
	it('countries and governorates by their Arabic names, whatever the spelling', () => {
		expect(arabicCountryName('Syria')).toBe('سوريا');
		expect(arabicGovernorateName('Deir ez-Zor')).toBe('دير الزور');
		expect(arabicGovernorateName('Deir-ez-Zor')).toBe('دير الزور');
		expect(arabicGovernorateName('Dayr Az Zawr')).toBe('دير الزور');
		expect(arabicGovernorateName('Al-Hasakah')).toBe('الحسكة');
		expect(arabicGovernorateName('Atlantis')).toBeNull();
		expect(regionName('governorate', 'Atlantis', 'ar')).toBe('Atlantis');
		expect(regionName('country', 'Syria', 'en')).toBe('Syria');
	});

	it('vocabularies translated, the data’s own values kept', () => {
		expect(facetLabel('date_precision', 'ar')).toBe('دقة التاريخ');
		expect(facetValue('date_precision', 'week', 'ar')).toBe('خلال أسبوع');
		expect(facetValue('location_precision', '1', 'en')).toBe('the named town');
		expect(facetValue('position', 'unlocated', 'ar')).toBe('لا موقع مُبلَّغ عنه');
		expect(facetValue('admin1', 'Deir ez-Zor', 'ar')).toBe('دير الزور');
		expect(facetValue('actor', 'Iraqi Air Force', 'ar')).toBe('Iraqi Air Force');
		expect(facetValue('actor', '', 'ar')).toBe('غير مذكور');
	});

	it('places: the reader’s script first', () => {
		expect(placeNames('Hajin (Hajeen)', 'هجين', 'ar')).toEqual({
			primary: 'هجين',
			primaryLang: 'ar',
			secondary: 'Hajin'
		});
		expect(placeNames('Hajin (Hajeen)', 'هجين', 'en').primary).toBe('Hajin');
		expect(placeNames('Tall Afar', null, 'ar').primary).toBe('Tall Afar');
	});

	it('the built-in dataset’s own words are translated; another dataset’s are not', () => {
		expect(datasetTexts(BUILTIN_DATASET, 'ar').title).toBe(
			'الضربات الجوية العراقية على تنظيم داعش داخل سوريا، 2017–2019'
		);
		expect(datasetTexts(BUILTIN_DATASET, 'en').title).toBe(BUILTIN_DATASET.title);
		const other = { ...BUILTIN_DATASET, id: 'mine', title: 'My strikes' };
		expect(datasetTexts(other, 'ar')).toMatchObject({ title: 'My strikes', lang: null });
	});

	it('the target categories the app derives are its own words, translated', () => {
		for (const category of [...TARGET_CATEGORIES.map((c) => c.category), OTHER_TARGET]) {
			expect(facetValueIsOurs('target_category', category), category).toBe(true);
			expect(facetValue('target_category', category, 'en')).toBe(category);
			expect(facetValue('target_category', category, 'ar')).toMatch(/^[\u0600-\u06FF ]+$/);
		}
		expect(facetValue('target_category', 'weapons depot', 'ar')).toBe('مستودعات أسلحة');
		// A category an import brings of its own is the data's word, shown as it is.
		expect(facetValueIsOurs('target_category', 'airfield')).toBe(false);
		expect(facetValue('target_category', 'airfield', 'ar')).toBe('airfield');
	});

	it('a weekday a source reported is named in the reader’s language; other words stay as written', () => {
		expect(reportedWeekday('Friday', 'ar')).toBe('الجمعة');
		expect(reportedWeekday('sunday', 'ar')).toBe('الأحد');
		expect(reportedWeekday('Friday', 'en')).toBe('Friday');
		expect(reportedWeekday('Friday night', 'ar')).toBe('Friday night');
	});

	it('an import’s given credit and description are in the reader’s language, its name isolated', () => {
		const imported = {
			id: 'imported-1',
			title: 'syria.csv',
			file: 'syria.csv',
			...importedDatasetTexts('syria.csv', 'ACLED CSV'),
			imported: {
				format: 'ACLED CSV',
				at: '2026-12-04T00:00:00Z',
				total: 3,
				imported: 3,
				rejected: 0,
				unlocated: 0
			}
		};
		expect(imported.credit).toBe('Imported: syria.csv (ACLED CSV)');
		expect(datasetTexts(imported, 'en').credit).toBe(
			'Imported: \u2068syria.csv\u2069 (\u2068ACLED CSV\u2069)'
		);
		const arabic = datasetTexts(imported, 'ar');
		expect(arabic.credit).toBe('مستورد: \u2068syria.csv\u2069 (\u2068ACLED CSV\u2069)');
		expect(arabic.description).toBe('مستورد من \u2068syria.csv\u2069 (\u2068ACLED CSV\u2069).');
		expect(arabic.title).toBe('syria.csv');
		// Words that came with a dataset (not the ones an import is given) are shown as they are.
		const own = { ...imported, credit: 'ACLED, acleddata.com', description: 'Our export' };
		expect(datasetTexts(own, 'ar')).toMatchObject({
			credit: 'ACLED, acleddata.com',
			description: 'Our export'
		});
	});

	it('a dataset’s own title keeps its digits; the app’s wording takes the reader’s', () => {
		const file = { ...BUILTIN_DATASET, id: 'synthetic', title: 'Synthetic 200000 incidents' };
		const texts = datasetTexts(file, 'ar');
		expect(datasetText(texts.title, texts.lang, ar)).toBe('Synthetic 200000 incidents');
		const ours = datasetTexts(BUILTIN_DATASET, 'ar');
		expect(datasetText(ours.title, ours.lang, ar)).toContain('٢٠١٧–٢٠١٩');
		expect(datasetText(ours.title, ours.lang, arLatin)).toContain('2017–2019');
	});

	it('the language of a text, and of a browser', () => {
		expect(textLang('Strikes near Hajin')).toBe('en');
		expect(textLang('ضربات قرب هجين')).toBe('ar');
		expect(preferredLocale(['ar-IQ', 'en'])).toBe('ar');
		expect(preferredLocale(['fr-FR', 'en-GB'])).toBe('en');
		expect(preferredLocale(['fr'])).toBeUndefined();
	});
});
