import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { PlaceCollection } from '$lib/data/incident';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import {
	checkIncidentCollection,
	parseIncidentFile,
	type IncidentFileProblem
} from '$lib/data/incident-collection';
import { readIncidentFileInWorker, type IncidentFileRead } from '$lib/state/incident-file-worker';
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
	const incidentBytes = async (url: string) => {
		const response = await fetched(url).catch((error: unknown) => {
			if (error instanceof LoadProblem || !dataUrl) throw error;
			throw new LoadProblem(
				m.load_fetch_failed({ file: dataUrl.pathname, error: String(error) }, o)
			);
		});
		return response.arrayBuffer();
	};
	const [bytes, places, border, sides] = await Promise.all([
		incidentBytes(dataUrl?.href ?? strikesUrl),
		json<PlaceCollection>(placesUrl),
		json<FeatureCollection<LineString | MultiLineString>>(borderUrl),
		json<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>(sidesUrl)
	]);
	// A ?data= file may be large: it is read in a worker and its rows stay columns. The 14
	// built-in strikes are read here, which is quicker than starting a worker for them.
	const read = dataUrl
		? await readIncidentFileInWorker(bytes, places.features)
		: await readIncidentFile(bytes);
	const name = dataUrl ? dataUrl.pathname.split('/').pop() || dataUrl.pathname : strikesUrl;
	if ('problem' in read) throw new LoadProblem(problemText(read, name, o));
	const borderGeometry = border.features[0]?.geometry;
	if (!borderGeometry) throw new LoadProblem(m.load_no_border({}, o));
	const file = dataUrl ? name : 'geodata/incidents/strikes.geojson';
	// The file's own description when it has a readable one (a foreign member, checked like
	// any input); a ?data= file without one is named by its file, never as the built-in data.
	const info = read.info
		? read.info
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
			...(read.sha256 ? { sha256: read.sha256 } : {})
		},
		incidents: read.incidents,
		...(read.columns ? { columns: read.columns } : {}),
		rejected: read.errors.map(formatRowError),
		places: places.features,
		border: borderGeometry,
		sides: sides.features.map((side) => ({
			name: side.properties.adm0_a3,
			geometry: side.geometry
		}))
	};
}

/** The built-in file read on this thread, as the ?data= worker would read it. */
async function readIncidentFile(
	buffer: ArrayBuffer
): Promise<IncidentFileRead | IncidentFileProblem> {
	const bytes = new Uint8Array(buffer);
	const parsed = parseIncidentFile(bytes);
	if ('problem' in parsed) return parsed;
	const { incidents, errors } = checkIncidentCollection(parsed.collection);
	const described = checkDatasetInfo(parsed.collection.dataset);
	const info = typeof described === 'string' ? null : described;
	return { incidents, errors, info, sha256: await sha256Hex(bytes) };
}

function problemText(
	read: IncidentFileProblem,
	file: string,
	o: { locale: ReturnType<typeof pageLocale> }
): string {
	if (read.problem === 'not-utf8') return m.load_not_utf8({ file }, o);
	if (read.problem === 'not-json') return m.load_not_json({ file, error: read.error }, o);
	return m.load_not_incidents({ file }, o);
}
