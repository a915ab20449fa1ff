import { baseLocale, getLocale, locales, toLocale, type Locale } from '$lib/paraglide/runtime';

/**
 * The interface's languages (messages/*.json, compiled by Paraglide) and how each writes numbers
 * and dates. English keeps the app's fixed formats ("19 April 2018"); Arabic is written as in
 * Iraq and Syria, where the incidents are: CLDR's `ar-SY` (the same as `ar-IQ`), whose months
 * are the Syriac names (كانون الثاني، شباط، آذار، نيسان …) used by the Iraqi and Syrian press,
 * not the transliterated أبريل of `ar` (Egypt and the Gulf).
 */
export type { Locale };
export { baseLocale, locales, toLocale };

/**
 * Digits for numbers and dates: the language's own (Arabic-Indic ٠١٢٣ for Arabic, as CLDR
 * writes ar-SY) or Latin 0123, which many Arabic outlets print.
 */
export type Digits = 'native' | 'latin';

export const DIGITS: readonly Digits[] = ['native', 'latin'];

export const isDigits = (value: unknown): value is Digits =>
	value === 'native' || value === 'latin';

export type Direction = 'ltr' | 'rtl';

export function direction(locale: Locale): Direction {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The BCP 47 tag `Intl` formats with: the region that decides month names, and the digits. */
export function intlTag(locale: Locale, digits: Digits): string {
	if (locale === 'ar') return digits === 'latin' ? 'ar-SY-u-nu-latn' : 'ar-SY-u-nu-arab';
	return 'en-GB';
}

/** The language's own name, for the switch (each language names itself). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية' };

/** The first of the reader's languages (navigator.languages) that the app has, if any. */
export function preferredLocale(languages: readonly string[]): Locale | undefined {
	for (const tag of languages) {
		const found = toLocale(tag) ?? toLocale(tag.split('-')[0]);
		if (found) return found;
	}
	return undefined;
}

/**
 * The language of a text of the data (a summary, a source, an imported value), for `lang=`:
 * Arabic when it is written in Arabic script, else English (the built-in data's, and ACLED's
 * and UCDP's). Such text is shown as it is, never translated.
 */
export function textLang(text: string | null | undefined): 'ar' | 'en' {
	return text && /[\u0600-\u06ff]/.test(text) ? 'ar' : 'en';
}

/**
 * The page's language before the app's state exists (a page that could not load its data):
 * the link's `lang=`, else what Paraglide's strategies give (the language last shown, the
 * browser's, English).
 */
export function pageLocale(): Locale {
	const hash = globalThis.location?.hash ?? '';
	for (const pair of hash.replace(/^#/, '').split('&')) {
		const [key, value] = pair.split('=');
		if (key === 'lang') {
			const found = toLocale(value);
			if (found) return found;
		}
	}
	return getLocale();
}
