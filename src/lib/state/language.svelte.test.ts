import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { LanguageState } from './language.svelte';
import { MapViewState } from './map-view.svelte';
import { Selection } from './selection.svelte';
import { UrlSync, type HashHistory } from './url-sync.svelte';
import { FilterState } from './filters.svelte';
import { IncidentStore } from './incidents.svelte';
import { builtinData, inThreadAnalysis, InThreadFilterEngine } from './testing/stand-ins';

/** A choice kept in memory, as localStorage would keep it. */
const memory = (value: string | null = null) => ({
	value,
	get() {
		return this.value;
	},
	set(next: string) {
		this.value = next;
	}
});

/** One history entry, the hash written over it. */
class OneEntry implements HashHistory {
	constructor(public hash: string) {}
	writes: string[] = [];
	#changed: (() => void) | null = null;
	read() {
		return this.hash;
	}
	write(hash: string) {
		this.hash = hash;
		this.writes.push(hash);
	}
	listen(changed: () => void) {
		this.#changed = changed;
		return () => (this.#changed = null);
	}
	edit(hash: string) {
		this.hash = hash;
		this.#changed?.();
	}
}

describe('LanguageState', () => {
	beforeEach(() => localStorage.clear());
	afterEach(() => localStorage.clear());

	it('is Paraglide’s locale: messages follow a switch at once, and it is remembered', () => {
		const language = new LanguageState(memory());
		expect(language.locale).toBe('en');
		expect(m.tab_filters()).toBe('Filters');
		let shown = '';
		const stop = $effect.root(() => {
			$effect(() => {
				shown = m.tab_filters();
			});
		});
		flushSync();
		expect(shown).toBe('Filters');
		language.set('ar');
		flushSync();
		expect(shown).toBe('التصفية');
		expect(language.dir).toBe('rtl');
		expect(language.format.count(14)).toBe('١٤');
		expect(localStorage.getItem('PARAGLIDE_LOCALE')).toBe('ar');
		stop();
		language.set('en');
	});

	it('digits: the language’s own, or Latin, remembered', () => {
		const store = memory();
		const language = new LanguageState(store);
		language.set('ar');
		expect(language.format.incidentDate('2018-04-19', 'day')).toBe('١٩ نيسان ٢٠١٨');
		language.setDigits('latin');
		expect(language.format.incidentDate('2018-04-19', 'day')).toBe('19 نيسان 2018');
		expect(store.value).toBe('latin');
		expect(new LanguageState(memory('latin')).digits).toBe('latin');
		language.set('en');
	});

	it('lang= in the hash: a link opens in its language, a switch rewrites it over the entry', () => {
		const language = new LanguageState(memory());
		const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
		const filters = new FilterState(incidents, (handlers) => new InThreadFilterEngine(handlers));
		const history = new OneEntry('#map=12/34.68944/40.83083&lang=ar');
		const stop = new UrlSync(
			{ selection: new Selection(), mapView: new MapViewState(), filters, language },
			history
		).start();
		flushSync();
		expect(language.locale).toBe('ar');
		expect(history.writes).toEqual([]);
		language.set('en');
		flushSync();
		expect(history.hash).toBe('#map=12/34.68944/40.83083&lang=en');
		history.edit('#map=12/34.68944/40.83083&lang=ar');
		flushSync();
		expect(language.locale).toBe('ar');
		stop();
		language.set('en');
	});
});
