import type { DensityWeight } from '$lib/analysis/density-scale';

/** A map view as the URL carries it (#map=ZOOM/LAT/LON, like OpenStreetMap). */
export interface MapView {
	zoom: number;
	lat: number;
	lon: number;
}

/** A view the app asks the map for: jumped to, or flown to (a place chosen in the search). */
export interface MapViewRequest extends MapView {
	fly?: boolean;
}

/** A place chosen in the search box: the map flies there and marks it with its name. */
export interface PlaceMark {
	id: string;
	name: string;
	name_ar: string | null;
	lon: number;
	lat: number;
}

/**
 * How the map draws incidents: one marker each (clustered when zoomed out), or a density
 * surface. `null` is the map's own choice: density above DENSITY_AUTO_LIMIT incidents shown.
 */
export type IncidentLayers = 'markers' | 'density';
/** What a density surface adds up: incidents, or their reported killed. */
export type { DensityWeight };

/** Above this many incidents shown, the map shows density unless the user chose markers. */
export const DENSITY_AUTO_LIMIT = 20_000;
/** The zoom a chosen place is shown at, at least (a village's streets, its neighbours). */
export const PLACE_ZOOM = 11;

/** What the map draws, from the user's choice (null: none) and how many incidents are shown. */
export function effectiveLayers(choice: IncidentLayers | null, shown: number): IncidentLayers {
	return choice ?? (shown > DENSITY_AUTO_LIMIT ? 'density' : 'markers');
}

/** The map's view as the app knows it, and views the app asks the map to show. */
export class MapViewState {
	/** Where the map is (updated when a move ends). */
	current = $state<MapView | null>(null);
	/** A view to go to (a permalink, back/forward, a place); a new object each time it is asked. */
	requested = $state.raw<MapViewRequest | null>(null);
	/** The place chosen in the search, marked on the map until the search is cleared. */
	place = $state.raw<PlaceMark | null>(null);
	/** Markers or density, as the user chose (null: the map decides by the number shown). */
	layers = $state<IncidentLayers | null>(null);
	densityWeight = $state<DensityWeight>('count');

	request(view: MapView, options: { fly?: boolean } = {}) {
		this.requested = { zoom: view.zoom, lat: view.lat, lon: view.lon, ...options };
	}

	/** Flies to a place (zoomed in to PLACE_ZOOM at least) and marks it. */
	showPlace(place: PlaceMark) {
		this.place = { ...place };
		const zoom = Math.max(this.current?.zoom ?? 0, PLACE_ZOOM);
		this.request({ zoom, lat: place.lat, lon: place.lon }, { fly: true });
	}

	clearPlace() {
		if (this.place !== null) this.place = null;
	}
}
