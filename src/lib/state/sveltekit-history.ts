import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { on } from 'svelte/events';
import type { HashHistory } from './url-sync.svelte';
import { withHash } from './url-hash';

/**
 * The hash history through SvelteKit's shallow routing, so its own history bookkeeping stays
 * right; reads use `location` itself (SvelteKit's `page.url` is not updated by shallow hash
 * changes). Its router takes writes only once the first navigation has finished: until then
 * the latest write waits, and is made then, over the entry the page opened with.
 * Must be created while a component initialises (afterNavigate).
 */
export function sveltekitHistory(): HashHistory {
	let routerReady = false;
	let waiting: string | null = null;
	const write = (hash: string, mode: 'push' | 'replace') => {
		if (!routerReady) {
			waiting = hash;
			return;
		}
		// Only the hash changes (shallow routing on this one page): there is no route to resolve().
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		(mode === 'push' ? pushState : replaceState)(withHash(location.href, hash), {});
	};
	afterNavigate(() => {
		if (routerReady) return;
		routerReady = true;
		if (waiting !== null && waiting !== location.hash) write(waiting, 'replace');
		waiting = null;
	});
	return {
		read: () => location.hash,
		write,
		listen(changed) {
			const offPopState = on(window, 'popstate', changed);
			const offHashChange = on(window, 'hashchange', changed);
			return () => {
				offPopState();
				offHashChange();
			};
		}
	};
}
