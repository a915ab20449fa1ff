import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { IncidentCollection, PlaceCollection } from '$lib/data/incident';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import type { IncidentData } from '$lib/state/incidents.svelte';
import strikesUrl from '$geodata/incidents/strikes.geojson?url';
import placesUrl from '$geodata/places.geojson?url';
import borderUrl from '$geodata/border/iraq-syria.geojson?url';
import sidesUrl from '$geodata/border/sides.geojson?url';
import type { LayoutLoad } from './$types';

// A static single-page app: prerender the shell, render the map in the browser.
export const prerender = true;
export const ssr = false;

/** The embedded data, shipped with the app as assets of its own origin. */
export const load: LayoutLoad = async ({ fetch }): Promise<IncidentData> => {
	const json = async <T>(url: string): Promise<T> => {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
		return (await response.json()) as T;
	};
	const [strikes, places, border, sides] = await Promise.all([
		json<IncidentCollection>(strikesUrl),
		json<PlaceCollection>(placesUrl),
		json<FeatureCollection<LineString | MultiLineString>>(borderUrl),
		json<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>(sidesUrl)
	]);
	const borderGeometry = border.features[0]?.geometry;
	if (!borderGeometry) throw new Error('the border file has no geometry');
	return {
		dataset: strikes.dataset ?? BUILTIN_DATASET,
		incidents: strikes.features,
		places: places.features,
		border: borderGeometry,
		sides: sides.features.map((side) => ({
			name: side.properties.adm0_a3,
			geometry: side.geometry
		}))
	};
};
