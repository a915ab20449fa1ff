import { Formatter } from '$lib/i18n/format';
import {
	direction,
	isDigits,
	toLocale,
	type Digits,
	type Direction,
	type Locale
} from '$lib/i18n/locale';
import {
	defineCustomClientStrategy,
	getLocale,
	setLocale as setParaglideLocale
} from '$lib/paraglide/runtime';
import type { ChoiceStore } from './appearance.svelte';

const DIGITS_KEY = 'incident-map:digits';

const browserStore = (): ChoiceStore | null => {
	try {
		const storage = globalThis.localStorage;
		if (!storage) return null;
		return { get: () => storage.getItem(DIGITS_KEY), set: (v) => storage.setItem(DIGITS_KEY, v) };
	} catch {
		return null; // storage refused: the choice lasts for this visit
	}
};

/**
 * The interface's language and its digits. The language is Paraglide's locale, resolved by the
 * strategies in vite.config.ts: this state first (the `lang=` of a link, applied by UrlSync, or
 * the reader's switch), then the language last shown (localStorage), then the browser's
 * languages, then English. Paraglide's message functions ask the custom strategy for the
 * locale, which reads `current` here: every message in a template or a $derived follows a
 * switch at once, with no reload. Digits (Arabic-Indic or Latin, for Arabic) are a choice of
 * their own, remembered.
 */
export class LanguageState {
	#current = $state<Locale | undefined>(undefined);
	digits = $state<Digits>('native');
	#store: ChoiceStore | null;
	readonly #format = $derived(new Formatter(this.locale, this.digits));

	constructor(store: ChoiceStore | null = browserStore()) {
		this.#store = store;
		// The one piece of global state: Paraglide's registry of strategies (last one wins).
		defineCustomClientStrategy('custom-hash', {
			getLocale: () => this.#current,
			setLocale: (locale) => {
				this.#current = toLocale(locale) ?? this.#current;
			}
		});
		// Nothing chosen yet: Paraglide's other strategies decide (and remember it).
		this.#current = getLocale();
		const saved = store?.get();
		if (isDigits(saved)) this.digits = saved;
	}

	get locale(): Locale {
		return this.#current ?? 'en';
	}

	get dir(): Direction {
		return direction(this.locale);
	}

	/** Numbers, dates and distances in the current language and digits. */
	get format(): Formatter {
		return this.#format;
	}

	/** Shows the interface in a language, in place (no reload); remembered for the next visit. */
	set(locale: Locale) {
		if (locale === this.#current) return;
		setParaglideLocale(locale, { reload: false });
		this.#current = locale;
	}

	/** Arabic-Indic or Latin digits, remembered. */
	setDigits(digits: Digits) {
		this.digits = digits;
		try {
			this.#store?.set(digits);
		} catch {
			// Not kept (storage full or refused): it still holds for this visit.
		}
	}
}
