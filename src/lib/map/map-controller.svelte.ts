import {
	Map as MapLibreMap,
	NavigationControl,
	ScaleControl,
	setWorkerUrl,
	type GeoJSONSource,
	type MapGeoJSONFeature,
	type MapLayerMouseEvent,
	type StyleSpecification,
	type Subscription
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { REGION_BBOX } from '$lib/data/region';
import { absoluteUrl, basemapUrls } from './geodata-urls';
import type { MapIncidentProperties } from './incident-features';
import type { MapPlaceProperties } from './place-features';
import { basemapLabelLayers, basemapLayers, basemapSources } from './style/basemap';
import { BORDER_SOURCE, bandLabelLayers, borderLayers } from './style/border';
import { fontFaces } from './style/fonts';
import {
	CLUSTERS_SOURCE,
	INCIDENTS_SOURCE,
	INTERACTIVE_LAYERS,
	MAX_ZOOM,
	SELECTED_ID,
	incidentLayers,
	incidentSources
} from './style/incidents';
import { PLACES_SOURCE, placeLayers } from './style/places';
import type { Theme } from './style/theme';
import { DEFAULT_BOUNDS, type MapView } from './view';

/** What the pointer is over, for a tooltip; positions are CSS pixels within the map. */
export type MapHover =
	| { kind: 'incident'; x: number; y: number; id: string }
	| {
			kind: 'cluster';
			x: number;
			y: number;
			count: number;
			dayMin: number;
			dayMax: number;
			/** All its incidents share one position. */
			oneSite: boolean;
			lon: number;
			lat: number;
	  };

export interface MapCallbacks {
	/** An incident was clicked, or a group that cannot be split by zooming (same site). */
	select(ids: string[]): void;
	/** A click on the map away from any incident. */
	clickBackground(): void;
	hover(hover: MapHover | null): void;
	/** The view settled after a move (not fired for moves the app asked for). */
	viewChanged(view: MapView): void;
}

export interface MapData {
	incidents: FeatureCollection<Point, MapIncidentProperties>;
	places: FeatureCollection<Point, MapPlaceProperties>;
	border: FeatureCollection<LineString | MultiLineString>;
}

let workerConfigured = false;

/**
 * Owns the MapLibre map: the style, sources, layers, and every event subscription. The rest of
 * the app talks to it through these methods and callbacks, never to MapLibre directly.
 */
export class MapController {
	/** The style has loaded and every method is usable. */
	ready = $state(false);
	view = $state<MapView>({ zoom: 0, lat: 0, lon: 0 });

	#map: MapLibreMap;
	#container: HTMLElement;
	#subscriptions: Subscription[] = [];
	#callbacks: MapCallbacks;
	/** Moves the app asked for: their moveend is not reported back as a user change. */
	#programmaticMove = false;
	#reducedMotion: boolean;

	constructor(
		container: HTMLElement,
		theme: Theme,
		data: MapData,
		initialView: MapView | null,
		callbacks: MapCallbacks
	) {
		if (!workerConfigured) {
			// The built app does not emit MapLibre's worker by itself: point MapLibre at it.
			setWorkerUrl(absoluteUrl(workerUrl));
			workerConfigured = true;
		}
		this.#container = container;
		this.#callbacks = callbacks;
		this.#reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
		const [west, south, east, north] = REGION_BBOX;
		this.#map = new MapLibreMap({
			container,
			style: this.#style(theme, data),
			...(initialView
				? { center: [initialView.lon, initialView.lat], zoom: initialView.zoom }
				: { bounds: DEFAULT_BOUNDS }),
			maxBounds: [
				[west, south],
				[east, north]
			],
			minZoom: 4,
			maxZoom: MAX_ZOOM,
			// North stays up: a rotated map is easy to misread and to misquote.
			dragRotate: false,
			pitchWithRotate: false,
			touchPitch: false,
			// Our own attribution component renders credits as text (imported data may supply them).
			attributionControl: false,
			canvasContextAttributes: { antialias: true }
		});
		this.#map.touchZoomRotate.disableRotation();
		this.#map.keyboard.disableRotation();
		// Left side: the incident panel opens on the right.
		this.#map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
		this.#map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
		this.#container.dataset.idle = 'false';
		this.#listen();
	}

	#style(theme: Theme, data: MapData): StyleSpecification {
		return {
			version: 8,
			'font-faces': fontFaces(theme),
			state: { [SELECTED_ID]: { default: '' } },
			sources: {
				...basemapSources(basemapUrls(document.baseURI)),
				[BORDER_SOURCE]: { type: 'geojson', data: data.border },
				[PLACES_SOURCE]: { type: 'geojson', data: data.places },
				...incidentSources(data.incidents)
			},
			layers: [
				...basemapLayers(theme),
				...borderLayers(theme),
				...basemapLabelLayers(theme),
				...bandLabelLayers(theme),
				...placeLayers(theme),
				...incidentLayers(theme)
			]
		};
	}

	#listen() {
		const map = this.#map;
		const on = (subscription: Subscription) => this.#subscriptions.push(subscription);
		on(map.on('load', () => (this.ready = true)));
		on(map.on('idle', () => (this.#container.dataset.idle = 'true')));
		on(map.on('movestart', () => (this.#container.dataset.idle = 'false')));
		on(map.on('dataloading', () => (this.#container.dataset.idle = 'false')));
		on(
			map.on('moveend', () => {
				this.view = this.#currentView();
				if (this.#programmaticMove) this.#programmaticMove = false;
				else this.#callbacks.viewChanged(this.view);
			})
		);
		this.view = this.#currentView();

		on(map.on('mousemove', INTERACTIVE_LAYERS, (event) => this.#hover(event)));
		on(
			map.on('mouseleave', INTERACTIVE_LAYERS, () => {
				map.getCanvas().style.cursor = '';
				this.#callbacks.hover(null);
			})
		);
		on(
			map.on('click', (event) => {
				const feature = map.queryRenderedFeatures(event.point, { layers: INTERACTIVE_LAYERS })[0];
				if (feature) void this.#click(feature);
				else this.#callbacks.clickBackground();
			})
		);
	}

	#currentView(): MapView {
		const center = this.#map.getCenter();
		return { zoom: this.#map.getZoom(), lat: center.lat, lon: center.lng };
	}

	#hover(event: MapLayerMouseEvent) {
		const feature = event.features?.[0];
		if (!feature) return;
		this.#map.getCanvas().style.cursor = 'pointer';
		const { x, y } = event.point;
		const p = feature.properties;
		if (p.cluster) {
			this.#callbacks.hover({
				kind: 'cluster',
				x,
				y,
				count: p.point_count,
				dayMin: p.day_min,
				dayMax: p.day_max,
				oneSite: p.lon_min === p.lon_max && p.lat_min === p.lat_max,
				lon: p.lon_min,
				lat: p.lat_min
			});
		} else {
			this.#callbacks.hover({ kind: 'incident', x, y, id: String(p.id) });
		}
	}

	async #click(feature: MapGeoJSONFeature) {
		const p = feature.properties;
		if (!p.cluster) {
			this.#callbacks.select([String(p.id)]);
			return;
		}
		const source = this.#map.getSource<GeoJSONSource>(CLUSTERS_SOURCE);
		if (!source) return;
		const clusterId = Number(p.cluster_id);
		const expansionZoom = await source.getClusterExpansionZoom(clusterId);
		const oneSite = p.lon_min === p.lon_max && p.lat_min === p.lat_max;
		if (oneSite || expansionZoom > MAX_ZOOM) {
			// Zooming cannot separate these: hand every one of them to the panel.
			const leaves = await source.getClusterLeaves(clusterId, Number(p.point_count), 0);
			this.#callbacks.select(leaves.map((leaf) => String(leaf.properties?.id)));
			return;
		}
		const [lon, lat] = (feature.geometry as Point).coordinates as [number, number];
		this.#map.easeTo({ center: [lon, lat], zoom: expansionZoom, animate: !this.#reducedMotion });
	}

	/** Highlights one incident (or none). */
	setSelected(id: string | null) {
		this.#map.setGlobalStateProperty(SELECTED_ID, id ?? '');
	}

	/** Moves to a view the app asks for (a permalink, back/forward). */
	showView(view: MapView) {
		this.#programmaticMove = true;
		this.#map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
	}

	/** Brings a position into view without moving more than needed. */
	reveal(lon: number, lat: number, minZoom = 7) {
		const bounds = this.#map.getBounds();
		const zoom = this.#map.getZoom();
		if (bounds.contains([lon, lat]) && zoom >= minZoom - 2) return;
		this.#map.easeTo({
			center: [lon, lat],
			zoom: Math.max(zoom, minZoom),
			animate: !this.#reducedMotion
		});
	}

	setIncidents(incidents: FeatureCollection<Point, MapIncidentProperties>) {
		for (const id of [INCIDENTS_SOURCE, CLUSTERS_SOURCE]) {
			void this.#map.getSource<GeoJSONSource>(id)?.setData(incidents);
		}
	}

	resize() {
		this.#map.resize();
	}

	destroy() {
		for (const subscription of this.#subscriptions) subscription.unsubscribe();
		this.#map.remove();
	}
}
