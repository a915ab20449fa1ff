import { untrack } from 'svelte';
import type { AppState } from './app-state';
import { toLocale } from '$lib/i18n/locale';
import { filterFromPairs, filterToPairs } from './filter-hash';
import { formatHash, parseHash, sameView } from './url-hash';
import { viewFromPairs, viewToPairs } from './view-hash';

/** Filter changes come in bursts (a brush drag): the URL follows once they pause. */
export const FILTER_WRITE_DELAY = 250;

/** The browser's history as far as the hash goes (SvelteKit's shallow routing in the app). */
export interface HashHistory {
	/** The current hash: '' or '#…'. */
	read(): string;
	/** Writes a hash, as a new history entry ('push') or over the current one ('replace'). */
	write(hash: string, mode: 'push' | 'replace'): void;
	/** Calls back when the hash changes from outside: back/forward, an edited link. */
	listen(changed: () => void): () => void;
}

export type SyncedState = Pick<AppState, 'selection' | 'mapView' | 'filters'> &
	Partial<Pick<AppState, 'language'>>;

/** The hash key of the interface's language (`lang=ar`, `lang=en`): a link opens in it. */
export const LANGUAGE_KEY = 'lang';

/**
 * Keeps the URL hash and the app state in step, both ways:
 * - choosing an incident adds a history entry (back closes it again);
 * - moving the map, changing the filter or how the map draws (markers or density) replaces the
 *   current entry;
 * - opening a link, going back/forward or editing the hash applies it to the state.
 * One rule keeps the two from echoing each other: they are compared in the URL's own terms
 * (formatHash), and a write or an apply happens only where they differ. Applying a hash makes
 * the state equal to it, so the writes that follow find nothing to change; writing a hash
 * makes the URL equal to the state, so nothing is applied back.
 */
export class UrlSync {
	#state: SyncedState;
	#history: HashHistory;

	constructor(state: SyncedState, history: HashHistory) {
		this.#state = state;
		this.#history = history;
	}

	/** Applies the hash the page opened with, then follows both sides; returns the stop. */
	start(): () => void {
		const { selection, mapView, filters } = this.#state;
		this.#apply(this.#history.read());
		// The link that opened the page, as this app writes it (a link typed by hand is tidied),
		// over its own entry; from here the state and the URL are equal, so nothing echoes.
		this.#write('replace');
		const stopEffects = $effect.root(() => {
			$effect(() => {
				void selection.id;
				untrack(() => this.#write('push'));
			});
			$effect(() => {
				void mapView.current;
				void mapView.layers;
				void mapView.densityWeight;
				untrack(() => this.#write('replace'));
			});
			$effect(() => {
				void this.#state.language?.locale;
				untrack(() => this.#write('replace'));
			});
			$effect(() => {
				void filters.filter;
				const timer = setTimeout(() => this.#write('replace'), FILTER_WRITE_DELAY);
				return () => clearTimeout(timer);
			});
		});
		const stopListening = this.#history.listen(() => this.#apply(this.#history.read()));
		return () => {
			stopEffects();
			stopListening();
		};
	}

	/** The hash the state stands for, keeping pairs other features wrote. */
	#hashOfState(): string {
		const { selection, mapView, filters, language } = this.#state;
		const { others } = filterFromPairs(parseHash(this.#history.read()).rest);
		return formatHash({
			map: mapView.current,
			incident: selection.id,
			rest: [
				...filterToPairs(filters.filter),
				...viewToPairs(mapView),
				...(language ? [[LANGUAGE_KEY, language.locale] as [string, string]] : []),
				...viewFromPairs(others).others.filter(([key]) => key !== LANGUAGE_KEY)
			]
		});
	}

	#write(mode: 'push' | 'replace') {
		const hash = this.#hashOfState();
		if (hash !== this.#history.read()) this.#history.write(hash, mode);
	}

	#apply(hash: string) {
		const { selection, mapView, filters } = this.#state;
		const state = parseHash(hash);
		if (state.map && !sameView(state.map, mapView.current)) {
			mapView.request(state.map);
			mapView.current = state.map;
		}
		if (state.incident !== selection.id) {
			if (state.incident === null) selection.clear();
			else selection.select(state.incident);
		}
		const lang = toLocale(state.rest.findLast(([key]) => key === LANGUAGE_KEY)?.[1]);
		if (lang && this.#state.language) this.#state.language.set(lang);
		const { filter, others } = filterFromPairs(state.rest);
		if (JSON.stringify(filter) !== JSON.stringify(filters.filter)) filters.set(filter);
		const { view } = viewFromPairs(others);
		if (view.layers !== mapView.layers) mapView.layers = view.layers;
		if (view.densityWeight !== mapView.densityWeight) mapView.densityWeight = view.densityWeight;
	}
}
