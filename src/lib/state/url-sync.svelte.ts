import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { untrack } from 'svelte';
import { on } from 'svelte/events';
import type { AppState } from './context';
import { filterFromPairs, filterToPairs } from './filter-hash';
import { formatHash, parseHash, withHash } from './url-hash';

/** Filter changes come in bursts (a brush drag): the URL follows once they pause. */
const FILTER_WRITE_DELAY = 250;

/**
 * Keeps the URL hash and the app state in step, both ways:
 * - choosing an incident adds a history entry (back closes it again);
 * - moving the map or changing the filter replaces the current entry;
 * - opening a link, going back/forward or editing the hash applies it to the state.
 * Writes go through SvelteKit's shallow routing so its history bookkeeping stays right; reads
 * use `location` itself (SvelteKit's `page.url` is not updated by shallow hash changes).
 * Must be called while a component initialises (it sets up effects).
 */
export function syncUrlWithState({
	selection,
	mapView,
	filters
}: Pick<AppState, 'selection' | 'mapView' | 'filters'>): void {
	/** The last hash this module wrote or applied, so its own changes are not applied again. */
	let known = location.hash;
	applyHash(known);

	function applyHash(hash: string) {
		const state = parseHash(hash);
		if (state.map) {
			mapView.request(state.map);
			mapView.current = state.map;
		}
		if (state.incident === null) selection.clear();
		else if (state.incident !== selection.id) selection.select(state.incident);
		const { filter } = filterFromPairs(state.rest);
		if (JSON.stringify(filter) !== JSON.stringify(filters.filter)) filters.set(filter);
	}

	// SvelteKit's router can take writes only once the first navigation has finished.
	let routerReady = false;
	afterNavigate(() => {
		if (routerReady) return;
		routerReady = true;
		write('replace'); // tidy the link that opened the page, without a history entry
	});

	function write(mode: 'push' | 'replace') {
		if (!routerReady) return;
		const { others } = filterFromPairs(parseHash(location.hash).rest);
		const hash = formatHash({
			map: mapView.current,
			incident: selection.id,
			rest: [...filterToPairs(filters.filter), ...others]
		});
		if (hash === location.hash) return;
		known = hash;
		// Only the hash changes (shallow routing on this one page): there is no route to resolve().
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		(mode === 'push' ? pushState : replaceState)(withHash(location.href, hash), {});
	}

	$effect(() => {
		void selection.id;
		untrack(() => write('push'));
	});

	$effect(() => {
		void mapView.current;
		untrack(() => write('replace'));
	});

	$effect(() => {
		void filters.filter;
		const timer = setTimeout(() => write('replace'), FILTER_WRITE_DELAY);
		return () => clearTimeout(timer);
	});

	$effect(() => {
		const applyIfNew = () => {
			if (location.hash === known) return;
			known = location.hash;
			applyHash(known);
		};
		const offPopState = on(window, 'popstate', applyIfNew);
		const offHashChange = on(window, 'hashchange', applyIfNew);
		return () => {
			offPopState();
			offHashChange();
		};
	});
}
