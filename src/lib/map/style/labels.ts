import type { Digits, Locale } from '$lib/i18n/locale';

/** The language the map's labels are in: Arabic puts Arabic names first, in its digits. */
export interface LabelLanguage {
	locale: Locale;
	digits: Digits;
}

export const ENGLISH_LABELS: LabelLanguage = { locale: 'en', digits: 'native' };
