import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { IncidentCollection, PlaceCollection } from '$lib/data/incident';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import { checkIncidentCollection } from '$lib/data/incident-collection';
import { formatRowError } from '$lib/data/row-error';
import type { IncidentData } from '$lib/state/incidents.svelte';
import strikesUrl from '$geodata/incidents/strikes.geojson?url';
import placesUrl from '$geodata/places.geojson?url';
import borderUrl from '$geodata/border/iraq-syria.geojson?url';
import sidesUrl from '$geodata/border/sides.geojson?url';
import { sha256Hex } from '$lib/data/sha256';
import type { LayoutLoad } from './$types';

// A static single-page app: prerender the shell, render the map in the browser.
export const prerender = true;
export const ssr = false;

/**
 * The data: the embedded strikes, or another incident file hosted beside the app and named in
 * the page's query (`?data=incidents.geojson`, same origin only: the app fetches nothing from
 * elsewhere). Rows of that file that do not fit the schema are reported, not silently dropped.
 */
export const load: LayoutLoad = async ({ fetch }): Promise<IncidentData> => {
	const fetched = async (url: string): Promise<Response> => {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
		return response;
	};
	const json = async <T>(url: string): Promise<T> => (await (await fetched(url)).json()) as T;
	// Read from location itself: the page is prerendered, so SvelteKit's url has no query.
	const custom = new URLSearchParams(location.search).get('data');
	const dataUrl = custom ? new URL(custom, location.href) : null;
	if (dataUrl && dataUrl.origin !== location.origin) {
		throw new Error(
			`?data= must name a file on this site (${location.origin}), not ${dataUrl.origin}`
		);
	}
	// The incident file is hashed as read: its SHA-256 is its version in exports and citations.
	const incidentFile = async (url: string) => {
		const bytes = await (await fetched(url)).arrayBuffer();
		const collection = JSON.parse(new TextDecoder().decode(bytes)) as IncidentCollection;
		return { collection, sha256: await sha256Hex(bytes) };
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
	if (!borderGeometry) throw new Error('the border file has no geometry');
	return {
		dataset: {
			...(incidents.dataset ?? BUILTIN_DATASET),
			file: dataUrl ? dataUrl.pathname.split('/').pop() : 'geodata/incidents/strikes.geojson',
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
};
