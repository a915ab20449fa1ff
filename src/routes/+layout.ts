import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { IncidentCollection, PlaceCollection } from '$lib/data/incident';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import { checkIncidentCollection, isFeatureCollection } from '$lib/data/incident-collection';
import { checkDatasetInfo } from '$lib/data/import/stored-dataset';
import { formatRowError } from '$lib/data/row-error';
import type { IncidentData } from '$lib/state/incidents.svelte';
import strikesUrl from '$geodata/incidents/strikes.geojson?url';
import placesUrl from '$geodata/places.geojson?url';
import borderUrl from '$geodata/border/iraq-syria.geojson?url';
import sidesUrl from '$geodata/border/sides.geojson?url';
import { sha256Hex } from '$lib/data/sha256';
import { pageLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import type { LayoutLoad } from './$types';

// A static single-page app: prerender the shell, render the map in the browser.
export const prerender = true;
export const ssr = false;

/** Why the data could not be loaded, said in the page (see +layout.svelte). */
export interface LoadFailure {
	/** The ?data= file asked for, when one was. */
	file: string | null;
	message: string;
}

/** A failure worded for the user: `problem` says what went wrong with which file. */
class LoadProblem extends Error {}

/**
 * The data: the embedded strikes, or another incident file hosted beside the app and named in
 * the page's query (`?data=incidents.geojson`, same origin only: the app fetches nothing from
 * elsewhere). Rows of that file that do not fit the schema are reported, not silently dropped.
 * A file that cannot be used at all (missing, not JSON, not UTF-8, not incidents, another
 * origin) is not an exception: the load returns why, and the layout shows it in the page. A
 * thrown error here would reach SvelteKit's root error page, which runs this same load again,
 * fails again, and falls back to a bare "500 Internal Error".
 */
export const load: LayoutLoad = async ({
	fetch
}): Promise<IncidentData | { failure: LoadFailure }> => {
	// Read from location itself: the page is prerendered, so SvelteKit's url has no query.
	const custom = new URLSearchParams(location.search).get('data');
	// The failure is said in the page's language (the app's state, with its own, is not made).
	const o = { locale: pageLocale() };
	try {
		return await loadData(fetch, custom, o);
	} catch (error) {
		const message =
			error instanceof LoadProblem
				? error.message
				: m.load_unreadable({ error: error instanceof Error ? error.message : String(error) }, o);
		return { failure: { file: custom, message } };
	}
};

async function loadData(
	fetch: typeof globalThis.fetch,
	custom: string | null,
	o: { locale: ReturnType<typeof pageLocale> }
): Promise<IncidentData> {
	const fetched = async (url: string): Promise<Response> => {
		const response = await fetch(url);
		if (!response.ok) {
			const status = `${response.status} ${response.statusText}`.trim();
			throw new LoadProblem(m.load_http({ url, status }, o));
		}
		return response;
	};
	const json = async <T>(url: string): Promise<T> => (await (await fetched(url)).json()) as T;
	let dataUrl: URL | null = null;
	if (custom !== null) {
		try {
			dataUrl = new URL(custom, location.href);
		} catch {
			throw new LoadProblem(m.load_not_address({ file: custom }, o));
		}
		if (dataUrl.origin !== location.origin) {
			throw new LoadProblem(
				m.load_other_origin({ origin: location.origin, other: dataUrl.origin }, o)
			);
		}
	}
	// The incident file is hashed as read: its SHA-256 is its version in exports and citations.
	const incidentFile = async (url: string) => {
		const response = await fetched(url).catch((error: unknown) => {
			if (error instanceof LoadProblem || !dataUrl) throw error;
			throw new LoadProblem(
				m.load_fetch_failed({ file: dataUrl.pathname, error: String(error) }, o)
			);
		});
		const bytes = await response.arrayBuffer();
		const name = dataUrl ? dataUrl.pathname.split('/').pop() || dataUrl.pathname : url;
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw new LoadProblem(m.load_not_utf8({ file: name }, o));
		}
		let collection: unknown;
		try {
			collection = JSON.parse(text.replace(/^\uFEFF/, ''));
		} catch (error) {
			throw new LoadProblem(
				m.load_not_json(
					{ file: name, error: error instanceof Error ? error.message : String(error) },
					o
				)
			);
		}
		if (!isFeatureCollection(collection)) {
			throw new LoadProblem(m.load_not_incidents({ file: name }, o));
		}
		return {
			collection: collection as unknown as IncidentCollection,
			sha256: await sha256Hex(bytes)
		};
	};
	const [incidentRead, places, border, sides] = await Promise.all([
		incidentFile(dataUrl?.href ?? strikesUrl),
		json<PlaceCollection>(placesUrl),
		json<FeatureCollection<LineString | MultiLineString>>(borderUrl),
		json<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>(sidesUrl)
	]);
	const incidents = incidentRead.collection;
	const checked = checkIncidentCollection(incidents);
	const borderGeometry = border.features[0]?.geometry;
	if (!borderGeometry) throw new LoadProblem(m.load_no_border({}, o));
	const file = dataUrl
		? dataUrl.pathname.split('/').pop() || dataUrl.pathname
		: 'geodata/incidents/strikes.geojson';
	// The file's own description when it has a readable one (a foreign member, checked like
	// any input); a ?data= file without one is named by its file, never as the built-in data.
	const described = checkDatasetInfo(incidents.dataset);
	const info =
		typeof described !== 'string'
			? described
			: dataUrl
				? {
						id: 'data',
						title: file,
						credit: `Incidents: ${file}`,
						description: `Incidents loaded from ${file} (?data=).`
					}
				: BUILTIN_DATASET;
	return {
		dataset: {
			...info,
			file,
			...(incidentRead.sha256 ? { sha256: incidentRead.sha256 } : {})
		},
		incidents: checked.incidents,
		rejected: checked.errors.map(formatRowError),
		places: places.features,
		border: borderGeometry,
		sides: sides.features.map((side) => ({
			name: side.properties.adm0_a3,
			geometry: side.geometry
		}))
	};
}
