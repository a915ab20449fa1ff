import { arabicCountryName, arabicGovernorateName } from '$lib/data/arabic-names';
import { isolate } from '$lib/data/bidi';
import { BUILTIN_DATASET, type DatasetInfo } from '$lib/data/builtin';
import { FACETS, type FacetKey } from '$lib/data/filter';
import { OTHER_TARGET } from '$lib/data/target-category';
import type { LocationPrecision } from '$lib/data/incident';
import { mainName } from '$lib/data/place-name';
import { m } from '$lib/paraglide/messages';
import type { Locale } from './locale';

/**
 * The data's words in the reader's language, where the data has them: the schema's closed
 * vocabularies (precision, dating, position) from the catalogue, country and governorate names
 * from data/arabic-names.ts, place names from the gazetteer's name_ar. Everything else the data
 * says (actors, targets, summaries, imported values) is shown as it is, never translated.
 */

/** A facet's heading. */
export function facetLabel(key: FacetKey, locale: Locale): string {
	const o = { locale };
	const labels: Record<FacetKey, () => string> = {
		actor: () => m.facet_actor({}, o),
		target: () => m.facet_target({}, o),
		target_category: () => m.facet_target_category({}, o),
		claimed_by: () => m.facet_claimed_by({}, o),
		country: () => m.facet_country({}, o),
		admin1: () => m.facet_admin1({}, o),
		location_precision: () => m.facet_location_precision({}, o),
		date_precision: () => m.facet_date_precision({}, o),
		position: () => m.facet_position({}, o),
		actor2: () => m.facet_actor2({}, o),
		event_type: () => m.facet_event_type({}, o),
		sub_event_type: () => m.facet_sub_event_type({}, o),
		dataset: () => m.facet_dataset({}, o)
	};
	return labels[key]();
}

/**
 * The target categories the app derives (data/target-category.ts): its own words, translated.
 * A category an import brings in a column of its own is shown as it is, unless it is one of these.
 */
const TARGET_CATEGORY_NAMES = new Map<string, (locale: Locale) => string>([
	['headquarters', (locale) => m.target_category_headquarters({}, { locale })],
	['weapons depot', (locale) => m.target_category_weapons_depot({}, { locale })],
	['gathering', (locale) => m.target_category_gathering({}, { locale })],
	['building', (locale) => m.target_category_building({}, { locale })],
	['vehicle', (locale) => m.target_category_vehicle({}, { locale })],
	['fighters and positions', (locale) => m.target_category_fighters({}, { locale })],
	[OTHER_TARGET, (locale) => m.target_category_other({}, { locale })]
]);

/** Whether a facet's values are words of the app's own (translated), or the data's (as is). */
export function facetValueIsOurs(key: FacetKey, value: string): boolean {
	if (value === '') return true;
	return (
		key === 'location_precision' ||
		key === 'date_precision' ||
		key === 'position' ||
		(key === 'country' && arabicCountryName(value) !== null) ||
		(key === 'admin1' && arabicGovernorateName(value) !== null) ||
		(key === 'target_category' && TARGET_CATEGORY_NAMES.has(value))
	);
}

/** A facet value as the reader sees it; values of the data itself stay as they are. */
export function facetValue(key: FacetKey, value: string, locale: Locale): string {
	const o = { locale };
	if (value === '') return m.not_stated({}, o);
	switch (key) {
		case 'location_precision':
			if (value === '1') return m.facet_location_1({}, o);
			if (value === '2') return m.facet_location_2({}, o);
			if (value === '3') return m.facet_location_3({}, o);
			return value;
		case 'date_precision':
			if (value === 'day') return m.facet_date_day({}, o);
			if (value === 'week') return m.facet_date_week({}, o);
			if (value === 'month') return m.facet_date_month({}, o);
			return value;
		case 'position':
			return value === 'located'
				? m.facet_position_located({}, o)
				: m.facet_position_unlocated({}, o);
		case 'country':
			return regionName('country', value, locale);
		case 'admin1':
			return regionName('governorate', value, locale);
		case 'target_category':
			return TARGET_CATEGORY_NAMES.get(value)?.(locale) ?? value;
		default:
			return FACETS.find((facet) => facet.key === key)?.describe(value) ?? value;
	}
}

/** A country or governorate in the reader's language, when the table knows it. */
export function regionName(kind: 'country' | 'governorate', name: string, locale: Locale): string {
	if (locale !== 'ar') return name;
	return (kind === 'country' ? arabicCountryName(name) : arabicGovernorateName(name)) ?? name;
}

/** What a location precision means, beside the place. */
export function locationPrecisionNote(precision: LocationPrecision, locale: Locale): string {
	const o = { locale };
	if (precision === 1) return m.location_precision_1_note({}, o);
	if (precision === 2) return m.location_precision_2_note({}, o);
	return m.location_precision_3_note({}, o);
}

/** The side of the border, from the country code the analysis gives. */
export function sideName(code: string, locale: Locale): string {
	const o = { locale };
	if (code === 'IRQ') return m.country_iraq({}, o);
	if (code === 'SYR') return m.country_syria({}, o);
	return code;
}

/**
 * A place's two names, the reader's language first: `primary` is what to show, `secondary` the
 * other script (or null). Arabic readers get the Arabic name where the data has one.
 */
export function placeNames(
	name: string,
	nameAr: string | null | undefined,
	locale: Locale
): { primary: string; primaryLang: 'ar' | 'en'; secondary: string | null } {
	const latin = mainName(name);
	if (locale === 'ar' && nameAr) return { primary: nameAr, primaryLang: 'ar', secondary: latin };
	return { primary: latin, primaryLang: 'en', secondary: nameAr ?? null };
}

/**
 * A dataset's text as the reader sees it: the app's own wording (`lang` set) in the reader's
 * digits; a file's own title or description (`lang` null) exactly as the file writes it, since
 * its digits are part of what its author wrote, in their language.
 */
export function datasetText(
	text: string,
	lang: Locale | null,
	format: { digitsIn(text: string): string }
): string {
	return lang ? format.digitsIn(text) : text;
}

/**
 * The credit and description an import is given, as they are stored with it: in English, the
 * catalogue's words, so datasetTexts can tell them from words that came with a file.
 */
export function importedDatasetTexts(
	file: string,
	format: string
): { credit: string; description: string } {
	const o = { locale: 'en' as const };
	return {
		credit: m.imported_credit({ file, format }, o),
		description: m.imported_description({ file, format }, o)
	};
}

/**
 * The built-in dataset's own texts (title, credit, description) are the project's words, so
 * they are in the catalogue, and so are the credit and description an import is given; any
 * other dataset's come from its file and are shown as they are. The file's name and format in an
 * import's credit are isolated: Latin in an Arabic line, they must not reorder it.
 */
export function datasetTexts(
	dataset: Pick<DatasetInfo, 'id' | 'title' | 'credit' | 'description' | 'file' | 'imported'>,
	locale: Locale
): { title: string; credit: string; description: string; lang: Locale | null } {
	const builtin =
		dataset.id === BUILTIN_DATASET.id &&
		dataset.title === BUILTIN_DATASET.title &&
		dataset.credit === BUILTIN_DATASET.credit;
	if (!builtin) {
		const { title, credit, description } = dataset;
		if (!dataset.imported || dataset.file === undefined)
			return { title, credit, description, lang: null };
		const { file, imported } = dataset;
		const given = importedDatasetTexts(file, imported.format);
		const words = { file: isolate(file), format: isolate(imported.format) };
		return {
			title,
			credit: credit === given.credit ? m.imported_credit(words, { locale }) : credit,
			description:
				description === given.description ? m.imported_description(words, { locale }) : description,
			lang: null
		};
	}
	const o = { locale };
	return {
		title: m.builtin_title({}, o),
		credit: m.builtin_credit({}, o),
		description: m.builtin_description({}, o),
		lang: locale
	};
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * A weekday as a source reported it ("Friday"), in the reader's language when it is one of the
 * seven English names (the day is the same fact in any language); anything else as written.
 */
export function reportedWeekday(value: string, locale: Locale): string {
	const day = WEEKDAYS.indexOf(value.trim().toLowerCase());
	if (day < 0 || locale === 'en') return value;
	// 1 January 2023 was a Sunday: that week's days, named in the reader's language.
	const date = new Date(Date.UTC(2023, 0, 1 + day));
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}
