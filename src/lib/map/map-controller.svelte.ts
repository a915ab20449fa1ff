import {
	Map as MapLibreMap,
	NavigationControl,
	ScaleControl,
	addProtocol,
	setWorkerUrl,
	type GeoJSONSource,
	type VectorTileSource,
	type MapGeoJSONFeature,
	type MapLayerMouseEvent,
	type Subscription
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon
} from 'geojson';

import { REGION_BBOX } from '$lib/data/region';
import type { ExportSize } from '$lib/export/presets';
import type { RenderedMap } from '$lib/export/rendered-map';
import { ExportMap, renderMap } from './export-map';
import { clearArea, insideBox } from './clear-area';
import { absoluteUrl } from './geodata-urls';
import { CLUSTER_ZOOM_END, type GroupCollection } from '$lib/analysis/groups';
import type { MeasureProperties } from './measure-features';
import type { MapPlaceProperties } from './place-features';
import { FILTER_BAND_SOURCE } from './style/border';
import {
	DENSITY_FADE_START,
	DENSITY_FADE_END,
	DENSITY_LAYER,
	DENSITY_STATE,
	DENSITY_WEIGHT_STATE,
	densityIntensityExpression
} from './style/density';
import { PLACE_MARK_SOURCE } from './style/place-mark';
import { MEASURE_SOURCE } from './style/measure';
import {
	DENSITY_MASK_STATE,
	DISTANCE_FILTER_STATE,
	MASK_STATE,
	NO_MASK,
	maskState,
	maskText
} from './style/filter';
import { EMPTY_BAND, mapStyle, styleLayers, type IncidentPointsData } from './style/index';
import {
	GROUPS_SOURCE,
	HALO_LAYER,
	INCIDENTS_SOURCE,
	INTERACTIVE_LAYERS,
	MAX_ZOOM,
	SELECTION_SOURCE,
	haloMinZoom
} from './style/incidents';
import type { Theme } from './style/theme';
import { ENGLISH_LABELS, type LabelLanguage } from './style/labels';
import type { Direction } from '$lib/i18n/locale';
import type { DensityWeight, MapView, MapViewRequest, PlaceMark } from '$lib/state/map-view.svelte';
import { sameView } from '$lib/state/url-hash';
import type { MapPoints } from '$lib/state/filter-client';
import { DEFAULT_BOUNDS } from './view';

/** The map's language: its labels, the side its controls go on, its buttons' names. */
export interface MapLanguage {
	labels: LabelLanguage;
	dir: Direction;
	zoomIn: string;
	zoomOut: string;
	/** The map canvas's name for screen readers. */
	title: string;
}

/** What the pointer is over, for a tooltip; positions are CSS pixels within the map. */
export type MapHover =
	| { kind: 'incident'; x: number; y: number; id: string }
	| {
			kind: 'group';
			x: number;
			y: number;
			count: number;
			dayMin: number;
			dayMax: number;
			/** All its incidents share one position (lon, lat). */
			oneSite: boolean;
			lon: number;
			lat: number;
	  };

export interface MapCallbacks {
	/** An incident was clicked. */
	select(id: string): void;
	/** A group of incidents sharing one position was clicked: the app lists the matching ones. */
	selectPosition(lon: number, lat: number): void;
	/** A click on the map away from any incident. */
	clickBackground(): void;
	hover(hover: MapHover | null): void;
	/** A click while measuring: a point to add. */
	measureClick(lon: number, lat: number): void;
	/** The view settled after a move (the user's, or one the app asked for). */
	viewChanged(view: MapView): void;
	/** A vector tile of the incident points of `version` (MapPoints), as MVT bytes. */
	pointTile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer>;
}

/** The selected incident as its ring needs it: the position and the toll its marker is sized by. */
export interface SelectedMarker {
	lon: number;
	lat: number;
	killedBest: number | null;
}

export interface MapData {
	/** How many incident points there are to begin with (their tiles come with setIncidents). */
	incidents: Pick<IncidentPointsData, 'count'>;
	places: FeatureCollection<Point, MapPlaceProperties>;
	border: FeatureCollection<LineString | MultiLineString>;
}

const EMPTY_GROUPS: GroupCollection = { type: 'FeatureCollection', features: [] };
/** How far inside the clear part of the map a selected marker must sit (px). */
const CLEAR_MARGIN = 36;

let workerConfigured = false;

/**
 * The incident points' vector tiles: MapLibre's workers ask the page for a URL of this scheme,
 * the page asks the map's tile source (the filter worker, through the app) and hands the bytes
 * back. The page only relays them: it never builds, parses or holds the points.
 * `incident-tiles://<map>/<version>/<z>/<x>/<y>`; an export map drawn from a live map's style
 * asks the same map's source.
 */
const POINT_TILES_SCHEME = 'incident-tiles';
type PointTileSource = MapCallbacks['pointTile'];
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const pointTileSources = new Map<string, PointTileSource>();
let pointTilesProtocol = false;
let mapsMade = 0;
const pointTilesUrl = (map: string, version: number) =>
	`${POINT_TILES_SCHEME}://${map}/${version}/{z}/{x}/{y}`;

function servePointTiles() {
	if (pointTilesProtocol) return;
	pointTilesProtocol = true;
	addProtocol(POINT_TILES_SCHEME, async ({ url }) => {
		const [map = '', ...numbers] = url.slice(POINT_TILES_SCHEME.length + 3).split('/');
		const [version, z, x, y] = numbers.map(Number) as [number, number, number, number];
		const source = pointTileSources.get(map);
		// A map removed meanwhile (its tiles are no longer wanted): an empty tile.
		return { data: source ? await source(version, z, x, y) : new ArrayBuffer(0) };
	});
}

/**
 * Owns the MapLibre map: the style, sources, layers, every event subscription, and the worker
 * that groups incidents for it. The rest of the app talks to it through these methods and
 * callbacks, never to MapLibre directly.
 */
export class MapController {
	/** The style has loaded and every method is usable. */
	ready = $state(false);
	view = $state<MapView>({ zoom: 0, lat: 0, lon: 0 });

	#map: MapLibreMap;
	#container: HTMLElement;
	#subscriptions: Subscription[] = [];
	#callbacks: MapCallbacks;
	/** Groups being drawn: the map is not "idle" before they are. */
	#groupsPending = false;
	#mapIdle = false;
	#busy = false;
	#reducedMotion: boolean;
	#measuring = false;
	/** The density view is on: markers are not there to point at until zoomed in. */
	#density = false;
	/** The last matches' mask (null: all), for the density layer's set when it is turned on. */
	#mask: Uint8Array | null = null;
	/** The density surface's intensity by zoom (set from the incidents shown). */
	#densityIntensity: [number, number][] | null = null;
	#theme: Theme;
	#labels: LabelLanguage;
	/** The place marked (kept to write its names again in another language). */
	#placeMark: PlaceMark | null = null;
	#dir: Direction = 'ltr';
	#controls: { navigation: NavigationControl; scale: ScaleControl } | null = null;
	/** The last pointer over the map was a finger (no hover tooltips then). */
	#touch = false;
	#unlisten: (() => void)[] = [];
	/** How many incident points are drawn (the style's halos and exports depend on it). */
	#count: number;
	/** This map's name in the incident tiles' URLs (see servePointTiles). */
	#tilesKey = String(++mapsMade);

	constructor(
		container: HTMLElement,
		theme: Theme,
		data: MapData,
		initialView: MapView | null,
		callbacks: MapCallbacks,
		language: MapLanguage = {
			labels: ENGLISH_LABELS,
			dir: 'ltr',
			zoomIn: 'Zoom in',
			zoomOut: 'Zoom out',
			title: 'Map'
		}
	) {
		if (!workerConfigured) {
			// The built app does not emit MapLibre's worker by itself: point MapLibre at it.
			setWorkerUrl(absoluteUrl(workerUrl, document.baseURI));
			workerConfigured = true;
		}
		servePointTiles();
		pointTileSources.set(this.#tilesKey, callbacks.pointTile);
		this.#container = container;
		this.#callbacks = callbacks;
		this.#theme = theme;
		this.#labels = language.labels;
		this.#count = data.incidents.count;
		this.#reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

		const [west, south, east, north] = REGION_BBOX;
		this.#map = new MapLibreMap({
			container,
			style: mapStyle(
				theme,
				document.baseURI,
				{
					...data,
					// Version 0 has no points: the first points come with setIncidents.
					incidents: { tiles: pointTilesUrl(this.#tilesKey, 0), count: data.incidents.count },
					groups: EMPTY_GROUPS
				},
				language.labels
			),
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
			canvasContextAttributes: { antialias: false },
			fadeDuration: 0
		});
		this.#map.touchZoomRotate.disableRotation();
		this.#map.keyboard.disableRotation();
		// On the reading side's start: the incident panel opens at its end.
		this.#placeControls(language);
		this.#setIdle(false);
		this.#listen();
		// The browser benchmark (scripts/bench/browser.ts) drives and times the map itself.
		if (/[?&]bench(=|&|$)/.test(location.search)) {
			Reflect.set(window, '__incidentMap', this.#map);
		}
	}

	#setIdle(mapIdle: boolean) {
		this.#mapIdle = mapIdle;
		this.#container.dataset.idle = String(mapIdle && !this.#groupsPending && !this.#busy);
	}

	/**
	 * The app is still computing what the map should show (a filter in the worker): until it is
	 * done the map does not report itself idle, so waiting for idle waits for the answer.
	 */
	setBusy(busy: boolean) {
		this.#busy = busy;
		this.#setIdle(this.#mapIdle);
	}

	#listen() {
		const map = this.#map;
		const on = (subscription: Subscription) => this.#subscriptions.push(subscription);
		on(map.on('load', () => (this.ready = true)));
		on(map.on('idle', () => this.#setIdle(true)));
		on(map.on('movestart', () => this.#setIdle(false)));
		on(map.on('dataloading', () => this.#setIdle(false)));
		on(
			map.on('moveend', () => {
				this.view = this.#currentView();
				this.#callbacks.viewChanged(this.view);
			})
		);
		this.view = this.#currentView();

		// Tooltips are for pointers that hover: a finger's tap opens the panel instead.
		const pointerKind = (event: PointerEvent) => (this.#touch = event.pointerType === 'touch');
		this.#container.addEventListener('pointerdown', pointerKind, { capture: true });
		this.#container.addEventListener('pointermove', pointerKind, { capture: true });
		this.#unlisten.push(() => {
			this.#container.removeEventListener('pointerdown', pointerKind, { capture: true });
			this.#container.removeEventListener('pointermove', pointerKind, { capture: true });
		});
		on(
			map.on('mousemove', INTERACTIVE_LAYERS, (event) => {
				if (!this.#measuring && !this.#touch && this.#markersShown()) this.#hover(event);
			})
		);
		// A tooltip never outlives the pointer: gone when it leaves the map or the map moves.
		on(map.on('mouseout', () => this.#callbacks.hover(null)));
		on(map.on('movestart', () => this.#callbacks.hover(null)));
		on(
			map.on('mouseleave', INTERACTIVE_LAYERS, () => {
				map.getCanvas().style.cursor = this.#measuring ? 'crosshair' : '';
				this.#callbacks.hover(null);
			})
		);
		on(
			map.on('click', (event) => {
				this.#callbacks.hover(null);
				if (this.#measuring) {
					this.#callbacks.measureClick(event.lngLat.lng, event.lngLat.lat);
					return;
				}
				const feature = this.#markersShown()
					? map.queryRenderedFeatures(event.point, { layers: INTERACTIVE_LAYERS })[0]
					: undefined;
				if (feature) this.#click(feature);
				else this.#callbacks.clickBackground();
			})
		);
	}

	/**
	 * Whether markers can be seen (and so pointed at): always, except where the density view
	 * has them faded out (below halfway through its fade).
	 */
	#markersShown(): boolean {
		return !this.#density || this.#map.getZoom() >= (DENSITY_FADE_START + DENSITY_FADE_END) / 2;
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
		if (p.kind === 'cluster' || p.kind === 'site') {
			this.#callbacks.hover({
				kind: 'group',
				x,
				y,
				count: p.count,
				dayMin: p.day_min,
				dayMax: p.day_max,
				oneSite: p.west === p.east && p.south === p.north,
				lon: p.west,
				lat: p.south
			});
		} else if (p.id !== undefined) {
			// Tiles below CLUSTER_ZOOM_END carry no ids (point-tiles.ts): nothing to point at there.
			this.#callbacks.hover({ kind: 'incident', x, y, id: String(p.id) });
		}
	}

	#click(feature: MapGeoJSONFeature) {
		const p = feature.properties;
		if (p.kind !== 'cluster' && p.kind !== 'site') {
			if (p.id !== undefined) this.#callbacks.select(String(p.id));
			return;
		}
		if (p.west === p.east && p.south === p.north) {
			// One position: zooming cannot separate them, so the panel lists them.
			this.#callbacks.selectPosition(p.west, p.south);
			return;
		}
		// Zoom until the cluster's incidents are drawn one by one.
		this.#map.fitBounds(
			[
				[p.west, p.south],
				[p.east, p.north]
			],
			{ padding: 80, minZoom: CLUSTER_ZOOM_END, maxZoom: MAX_ZOOM, animate: !this.#reducedMotion }
		);
	}

	/**
	 * Shows what the filter matched: the incidents drawn one by one, given as a mask (null for
	 * all), filtered in the renderer so nothing is re-uploaded; and the clusters and site badges
	 * computed for them. Both in one frame.
	 */
	setMatches(mask: Uint8Array | null, groups: GroupCollection) {
		this.#mask = mask;
		this.#map.setGlobalStateProperty(MASK_STATE, maskText(mask));
		// The density layer's own mask, only while it is drawn (style/filter.ts says why).
		if (this.#density) this.#map.setGlobalStateProperty(DENSITY_MASK_STATE, maskState(mask));
		this.#groupsPending = true;
		this.#setIdle(false);
		const source = this.#map.getSource<GeoJSONSource>(GROUPS_SOURCE);
		void source?.setData(groups).then(() => {
			this.#groupsPending = false;
			this.#setIdle(this.#mapIdle);
		});
	}

	/** With a distance filter, the fixed proximity bands give way to the filter's own band. */
	setDistanceFilter(on: boolean) {
		this.#map.setGlobalStateProperty(DISTANCE_FILTER_STATE, on);
	}

	/** Draws the band up to the filter's distance (null hides it). */
	setFilterBand(band: FeatureCollection<Polygon | MultiPolygon> | null) {
		void this.#map.getSource<GeoJSONSource>(FILTER_BAND_SOURCE)?.setData(band ?? EMPTY_BAND);
	}

	/**
	 * The zoom buttons and the scale at the start of the reading direction (left, or right for
	 * Arabic: the incident panel opens at the other side), their buttons named in the language.
	 */
	#placeControls(language: MapLanguage) {
		if (this.#controls && language.dir === this.#dir) {
			this.#nameButtons(language);
			return;
		}
		if (this.#controls) {
			this.#map.removeControl(this.#controls.navigation);
			this.#map.removeControl(this.#controls.scale);
		}
		this.#dir = language.dir;
		const side = language.dir === 'rtl' ? 'right' : 'left';
		this.#controls = {
			navigation: new NavigationControl({ showCompass: false }),
			scale: new ScaleControl({ unit: 'metric', maxWidth: 120 })
		};
		this.#map.addControl(this.#controls.navigation, `top-${side}`);
		this.#map.addControl(this.#controls.scale, `bottom-${side}`);
		this.#nameButtons(language);
	}

	#nameButtons(language: MapLanguage) {
		const name = (selector: string, text: string) => {
			const button = this.#container.querySelector<HTMLElement>(selector);
			button?.setAttribute('title', text);
			button?.setAttribute('aria-label', text);
		};
		name('.maplibregl-ctrl-zoom-in', language.zoomIn);
		name('.maplibregl-ctrl-zoom-out', language.zoomOut);
		this.#map.getCanvas().setAttribute('aria-label', language.title);
	}

	/** Rewrites the labels in another language (Arabic names first) and moves the controls. */
	setLanguage(language: MapLanguage) {
		this.#placeControls(language);
		if (
			language.labels.locale === this.#labels.locale &&
			language.labels.digits === this.#labels.digits
		)
			return;
		this.#labels = language.labels;
		this.setPlaceMark(this.#placeMark);
		for (const layer of styleLayers(this.#theme, this.#count, language.labels)) {
			if (layer.type !== 'symbol' || !layer.layout) continue;
			for (const property of ['text-field', 'text-letter-spacing'] as const) {
				const value = layer.layout[property];
				if (value !== undefined) this.#map.setLayoutProperty(layer.id, property, value);
			}
		}
	}

	/** Repaints every layer in another theme's colours (sources and data stay as they are). */
	setTheme(theme: Theme) {
		if (theme === this.#theme) return;
		this.#theme = theme;
		for (const layer of styleLayers(theme, this.#count, this.#labels)) {
			const paint = ('paint' in layer ? layer.paint : undefined) ?? {};
			for (const [property, value] of Object.entries(paint)) {
				// A style layer's own paint property: MapLibre checks the name and value itself.
				this.#map.setPaintProperty(layer.id, property as 'fill-color', value);
			}
		}
		// The style's default intensity is a placeholder: the data's own stays.
		if (this.#densityIntensity) this.setDensityIntensity(this.#densityIntensity);
	}

	/**
	 * Draws the incident points the filter worker prepared (analysis/point-tiles.ts): the source
	 * asks for the tiles of their version, and the worker cuts them (see servePointTiles).
	 */
	setIncidents(points: MapPoints) {
		this.#count = points.count;
		this.#map.setLayerZoomRange(HALO_LAYER, haloMinZoom(points.count), 24);
		this.#map
			.getSource<VectorTileSource>(INCIDENTS_SOURCE)
			?.setTiles([pointTilesUrl(this.#tilesKey, points.version)]);
	}

	/** While measuring, clicks place points instead of choosing incidents. */
	setMeasuring(on: boolean) {
		this.#measuring = on;
		this.#map.getCanvas().style.cursor = on ? 'crosshair' : '';
		if (on) {
			this.#map.doubleClickZoom.disable();
			this.#callbacks.hover(null);
		} else {
			this.#map.doubleClickZoom.enable();
		}
	}

	/** Draws the measured path. */
	setMeasure(features: FeatureCollection<LineString | Point, MeasureProperties>) {
		void this.#map.getSource<GeoJSONSource>(MEASURE_SOURCE)?.setData(features);
	}

	/** The map position at the centre of the view (to measure from the keyboard). */
	centre(): [number, number] {
		const centre = this.#map.getCenter();
		return [centre.lng, centre.lat];
	}

	/** Highlights one incident (or none): a ring at its position, around its marker's size. */
	setSelected(selected: SelectedMarker | null) {
		void this.#map.getSource<GeoJSONSource>(SELECTION_SOURCE)?.setData({
			type: 'FeatureCollection',
			features: selected
				? [
						{
							type: 'Feature',
							geometry: { type: 'Point', coordinates: [selected.lon, selected.lat] },
							properties: { killed_best: selected.killedBest }
						}
					]
				: []
		});
	}

	/**
	 * Moves to a view the app asks for (a permalink, back/forward), unless it is there already;
	 * flies there when asked (a place chosen in the search) unless motion is to be reduced.
	 */
	showView(view: MapViewRequest) {
		if (sameView(view, this.#currentView())) return;
		const target = { center: [view.lon, view.lat] as [number, number], zoom: view.zoom };
		if (view.fly && !this.#reducedMotion) this.#map.flyTo({ ...target, maxDuration: 2500 });
		else this.#map.jumpTo(target);
	}

	/** Marks the place chosen in the search with a ring and its name (null: none). */
	setPlaceMark(place: PlaceMark | null) {
		this.#placeMark = place;
		// Said on the map's element too, as its idleness is (tests read what is marked).
		this.#container.dataset.placeMark = place?.name ?? '';
		// The reader's script first, the other below it.
		const arabicFirst = this.#labels.locale === 'ar' && !!place?.name_ar;
		const first = arabicFirst ? place?.name_ar : place?.name;
		const second = arabicFirst ? place?.name : place?.name_ar;
		void this.#map.getSource<GeoJSONSource>(PLACE_MARK_SOURCE)?.setData({
			type: 'FeatureCollection',
			features: place
				? [
						{
							type: 'Feature',
							properties: { first: first ?? '', second: second ?? '' },
							geometry: { type: 'Point', coordinates: [place.lon, place.lat] }
						}
					]
				: []
		});
	}

	/** How strongly the density surface is drawn, by zoom (analysis/density-scale.ts, computed in the filter worker). */
	setDensityIntensity(stops: [number, number][]) {
		this.#densityIntensity = stops;
		this.#map.setPaintProperty(
			DENSITY_LAYER,
			'heatmap-intensity',
			densityIntensityExpression(stops)
		);
	}

	/** Density instead of markers when zoomed out, weighed by count or reported killed. */
	setDensity(on: boolean, weight: DensityWeight) {
		if (on && !this.#density) this.#callbacks.hover(null);
		if (on !== this.#density)
			this.#map.setGlobalStateProperty(DENSITY_MASK_STATE, on ? maskState(this.#mask) : NO_MASK);
		this.#density = on;
		this.#map.setGlobalStateProperty(DENSITY_STATE, on);
		this.#map.setGlobalStateProperty(DENSITY_WEIGHT_STATE, weight);
	}

	/** Keyboard focus to the map itself (its canvas takes the arrow keys and + / −). */
	focus() {
		this.#map.getCanvas().focus();
	}

	/**
	 * Brings a position into the part of the map nothing covers (`overlay`: the panel or sheet,
	 * in the page's pixels), at `minZoom` at least, moving only when it is not there already or
	 * sits under one of the map's floating controls (`chrome`): then it eases to the middle of
	 * that part.
	 */
	bringIntoView(
		lon: number,
		lat: number,
		overlay: DOMRect | null,
		chrome: readonly DOMRect[],
		minZoom = 0
	) {
		const frame = this.#container.getBoundingClientRect();
		const local = (rect: DOMRect) => ({
			left: rect.left - frame.left,
			top: rect.top - frame.top,
			right: rect.right - frame.left,
			bottom: rect.bottom - frame.top
		});
		const clear = clearArea(frame.width, frame.height, overlay && local(overlay));
		const zoom = this.#map.getZoom();
		const { x, y } = this.#map.project([lon, lat]);
		const hidden = chrome.some((rect) => insideBox(x, y, local(rect), -CLEAR_MARGIN / 2));
		if (zoom >= minZoom && !hidden && insideBox(x, y, clear, CLEAR_MARGIN)) return;
		this.#map.easeTo({
			center: [lon, lat],
			zoom: Math.max(zoom, minZoom),
			// The position ends at the middle of the clear part, not of the whole map.
			offset: [
				(clear.left + clear.right - frame.width) / 2,
				(clear.top + clear.bottom - frame.height) / 2
			],
			animate: !this.#reducedMotion
		});
	}

	/** The current view drawn off screen at an image's size, in a theme (see export-map.ts). */
	renderForExport(size: ExportSize, theme: Theme = this.#theme): Promise<RenderedMap> {
		return renderMap(this.#map, size, theme, this.#count);
	}

	/** An off-screen map of the current view to draw many times (a video's steps). */
	openExportMap(
		size: ExportSize,
		theme: Theme = this.#theme,
		signal?: AbortSignal
	): Promise<ExportMap> {
		return ExportMap.open(this.#map, size, theme, this.#count, { signal });
	}

	resize() {
		this.#map.resize();
	}

	destroy() {
		for (const subscription of this.#subscriptions) subscription.unsubscribe();
		for (const unlisten of this.#unlisten) unlisten();
		this.#map.remove();
		pointTileSources.delete(this.#tilesKey);
	}
}
