import { repairHash } from '$lib/state/url-hash';

/**
 * Before the router starts: a hash with malformed percent-encoding (`#q=100%`) would make its
 * first navigation throw, and the app would never write a link again in this tab. Its pairs
 * that do not decode are dropped (the others stay), over the same history entry.
 */
export function init() {
	const repaired = repairHash(location.hash);
	if (repaired !== null) {
		history.replaceState(history.state, '', `${location.pathname}${location.search}${repaired}`);
	}
}
