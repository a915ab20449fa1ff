import type { MapView } from './map-view.svelte';

/**
 * The URL hash as state: `#map=ZOOM/LAT/LON&incident=ID`, as OpenStreetMap writes its view.
 * Keys this module does not know are kept in order, so features can add their own.
 */
export interface HashState {
	map: MapView | null;
	incident: string | null;
	/** Other key/value pairs, in their original order. */
	rest: [string, string][];
}

export const EMPTY_HASH: HashState = { map: null, incident: null, rest: [] };

/** A key or value as written in the hash, decoded; null when it is not valid percent-encoding. */
const decode = (text: string): string | null => {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return null;
	}
};

/** The hash's pairs as written ("key=value"), and each decoded, or null where it cannot be. */
function pairs(hash: string): { raw: string; key: string; value: string }[] {
	const found: { raw: string; key: string; value: string }[] = [];
	for (const raw of hash.replace(/^#/, '').split('&')) {
		if (raw === '') continue;
		const at = raw.indexOf('=');
		const key = decode(at < 0 ? raw : raw.slice(0, at));
		const value = at < 0 ? '' : decode(raw.slice(at + 1));
		// A pair that does not decode ("q=100%") is ignored alone; the others still apply.
		if (key !== null && value !== null) found.push({ raw, key, value });
	}
	return found;
}

/**
 * The hash without its pairs that do not decode, or null when every pair does. SvelteKit's
 * router decodes the whole hash when the page starts, and a malformed "%" there throws and
 * stops its first navigation (after which no link is written again): the page's hash is
 * repaired before the router starts (hooks.client.ts).
 */
export function repairHash(hash: string): string | null {
	const body = hash.replace(/^#/, '');
	if (decode(body) !== null) return null;
	const kept = pairs(body).map((pair) => pair.raw);
	return kept.length > 0 ? `#${kept.join('&')}` : '';
}

function parseView(text: string): MapView | null {
	const parts = text.split('/');
	if (parts.length !== 3) return null;
	const [zoom, lat, lon] = parts.map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : NaN));
	if (zoom === undefined || lat === undefined || lon === undefined) return null;
	if (!(zoom >= 0 && zoom <= 24 && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
		return null;
	return { zoom, lat, lon };
}

export function parseHash(hash: string): HashState {
	const state: HashState = { map: null, incident: null, rest: [] };
	for (const { key, value } of pairs(hash)) {
		if (key === 'map') state.map = parseView(value);
		else if (key === 'incident') state.incident = value === '' ? null : value;
		else state.rest.push([key, value]);
	}
	return state;
}

/** A number with at most `decimals` (≤ 5) decimals and no trailing zeros: 12, 34.68944. */
function trimmed(value: number, decimals: number): string {
	const rounded = Number(value.toFixed(decimals));
	return String(rounded === 0 ? 0 : rounded); // no "-0"
}

/**
 * Positions get 5 decimals (about a metre), zoom 2: more would only make links longer.
 * Characters that are safe in a fragment (RFC 3986) stay readable.
 */
const encode = (text: string) =>
	encodeURIComponent(text).replace(/%2F/g, '/').replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** A view as the hash writes it: "12/34.68944/40.83083". */
export function formatView({ zoom, lat, lon }: MapView): string {
	return `${trimmed(zoom, 2)}/${trimmed(lat, 5)}/${trimmed(lon, 5)}`;
}

/**
 * Whether two views are the same view as far as a link can tell. The URL and the state are
 * compared in the URL's own terms: a view that only differs below the link's precision is not
 * a change (so applying a link, or following the map, never echoes back and forth).
 */
export function sameView(a: MapView | null, b: MapView | null): boolean {
	if (a === null || b === null) return a === b;
	return formatView(a) === formatView(b);
}

export function formatHash(state: HashState): string {
	const pairs: string[] = [];
	if (state.map) pairs.push(`map=${formatView(state.map)}`);
	if (state.incident) pairs.push(`incident=${encode(state.incident)}`);
	for (const [key, value] of state.rest) pairs.push(`${encode(key)}=${encode(value)}`);
	return pairs.length > 0 ? `#${pairs.join('&')}` : '';
}

/** A copy of `url` with its hash replaced ('' removes it). */
export function withHash(url: string | URL, hash: string): URL {
	const copy = new URL(url);
	copy.hash = hash;
	return copy;
}
