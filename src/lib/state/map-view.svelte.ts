/** A map view as the URL carries it (#map=ZOOM/LAT/LON, like OpenStreetMap). */
export interface MapView {
	zoom: number;
	lat: number;
	lon: number;
}

/** The map's view as the app knows it, and views the app asks the map to show. */
export class MapViewState {
	/** Where the map is (updated when a move ends). */
	current = $state<MapView | null>(null);
	/** A view to jump to (a permalink, back/forward); a new object each time it is asked. */
	requested = $state.raw<MapView | null>(null);

	request(view: MapView) {
		this.requested = { ...view };
	}
}
