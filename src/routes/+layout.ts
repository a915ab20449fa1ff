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
	const json = async <T>(url: string): Promise<T> => {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
		return (await response.json()) as T;
	};
	// Read from location itself: the page is prerendered, so SvelteKit's url has no query.
	const custom = new URLSearchParams(location.search).get('data');
	const dataUrl = custom ? new URL(custom, location.href) : null;
	if (dataUrl && dataUrl.origin !== location.origin) {
		throw new Error(
			`?data= must name a file on this site (${location.origin}), not ${dataUrl.origin}`
		);
	}
	const [incidents, places, border, sides] = await Promise.all([
		json<IncidentCollection>(dataUrl?.href ?? strikesUrl),
		json<PlaceCollection>(placesUrl),
		json<FeatureCollection<LineString | MultiLineString>>(borderUrl),
		json<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>(sidesUrl)
	]);
	const checked = checkIncidentCollection(incidents);
	const borderGeometry = border.features[0]?.geometry;
	if (!borderGeometry) throw new Error('the border file has no geometry');
	return {
		dataset: incidents.dataset ?? BUILTIN_DATASET,
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
