import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { untrack } from 'svelte';
import { on } from 'svelte/events';
import type { AppState } from './context';
import { formatHash, parseHash, withHash } from './url-hash';

/**
 * Keeps the URL hash and the app state in step, both ways:
 * - choosing an incident adds a history entry (back closes it again);
 * - moving the map replaces the current entry (panning is not worth a back-step);
 * - opening a link, going back/forward or editing the hash applies it to the state.
 * Writes go through SvelteKit's shallow routing so its history bookkeeping stays right; reads
 * use `location` itself (SvelteKit's `page.url` is not updated by shallow hash changes).
 * Must be called while a component initialises (it sets up effects).
 */
export function syncUrlWithState({
	selection,
	mapView
}: Pick<AppState, 'selection' | 'mapView'>): void {
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
		const hash = formatHash({
			...parseHash(location.hash),
			map: mapView.current,
			incident: selection.id
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
