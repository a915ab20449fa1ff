import { getContext, setContext, untrack } from 'svelte';
import type { IncidentFeature } from '$lib/data/incident';
import type { AppState } from '$lib/state/context';
import { CLUSTER_ZOOM_END } from '$lib/analysis/groups';
import { selectSite } from '$lib/state/select-site';
import type { ExportSize } from '$lib/export/presets';
import type { RenderedMap, StepMap } from '$lib/export/rendered-map';
import type { IncidentFilter } from '$lib/data/filter';
import { drawingLimit, insetCountries } from './export-map';
import { markerRadiusBySite } from './incident-features';
import { killedForSize } from '$lib/data/format';
import {
	MapController,
	type MapLanguage,
	type MapHover,
	type SelectedMarker
} from './map-controller.svelte';
import { measureFeatures } from './measure-features';
import { m } from '$lib/paraglide/messages';
import { placeMapFeatures } from './place-features';
import type { LegendOptions } from './style/legend';
import { THEMES, type Theme } from './style/theme';
import { effectiveLayers } from '$lib/state/map-view.svelte';

/** Delay before the band for a distance being dragged is asked for. */
const BAND_DELAY = 50;

/**
 * Runs `apply` with what `read` returns, now and whenever it changes. `apply` is untracked:
 * only what `read` reads is followed (a controller call must not subscribe to what it reads).
 */
function follow<T>(read: () => T, apply: (value: T) => void) {
	$effect(() => {
		const value = read();
		untrack(() => apply(value));
	});
}

/** The selected incident's ring, where it has a position. */
function selectedMarker(incident: IncidentFeature | undefined): SelectedMarker | null {
	const [lon, lat] = incident?.geometry?.coordinates ?? [];
	if (!incident || lon === undefined || lat === undefined) return null;
	const { killed_min: min, killed_max: max } = incident.properties;
	return { lon, lat, killedBest: killedForSize(min, max) };
}

/**
 * The map as the rest of the app knows it. It owns the MapLibre controller: creates it on a
 * container, makes it follow the app state (one effect root it disposes), and offers what
 * others need from the map (an export rendering, the centre, focus), so no component outside
 * src/lib/map knows MapLibre or its DOM.
 */
export class MapContext {
	/** What the pointer is over, for the tooltip (null when nothing). */
	hover = $state.raw<MapHover | null>(null);
	/** Something the map could not do for the user, in words. */
	problem = $state<string | null>(null);

	#app: AppState;
	#controller = $state.raw<MapController | null>(null);
	#overlay: HTMLElement | null = null;
	/** Not reactive: read only when a marker is brought into view. */
	#chrome: HTMLElement[] = [];

	constructor(app: AppState) {
		this.#app = app;
	}

	/**
	 * Whether the map shows density rather than markers when zoomed out: the user's choice,
	 * else density above DENSITY_AUTO_LIMIT incidents shown.
	 */
	get densityShown(): boolean {
		const { mapView, filters, incidents } = this.#app;
		const shown = filters.result?.count ?? incidents.incidents.length;
		return effectiveLayers(mapView.layers, shown) === 'density';
	}

	/** What the legend adds to the map's fixed symbols: the density section while it is drawn. */
	get legendOptions(): LegendOptions {
		return { density: this.densityShown ? { weight: this.#app.mapView.densityWeight } : null };
	}

	/** The style has loaded: the map can draw, export and answer. */
	get ready(): boolean {
		return this.#controller?.ready ?? false;
	}

	/** Creates the map in `container` and makes it follow the state; returns the teardown. */
	mount(container: HTMLElement): () => void {
		const app = this.#app;
		const { incidents, selection, mapView, measure } = app;
		const controller = new MapController(
			container,
			THEMES[app.appearance.theme],
			{
				// The points come from the filter worker (#follow), once the map can draw them.
				incidents: { count: 0 },
				places: placeMapFeatures(incidents.places, markerRadiusBySite(incidents.placeSites)),
				border: {
					type: 'FeatureCollection',
					features: [{ type: 'Feature', properties: {}, geometry: incidents.border }]
				}
			},
			mapView.requested,
			{
				select: (id) => selection.select(id),
				selectPosition: (lon, lat) => void selectSite(app, lon, lat),
				clickBackground: () => selection.clear(),
				hover: (hover) => (this.hover = hover),
				measureClick: (lon, lat) => measure.add([lon, lat]),
				viewChanged: (view) => (mapView.current = view),
				pointTile: (version, z, x, y) => app.filters.pointTile(version, z, x, y)
			},
			this.#language()
		);
		this.#controller = controller;
		const resize = new ResizeObserver(() => controller.resize());
		resize.observe(container);
		const stop = $effect.root(() => {
			$effect(() => {
				if (controller.ready) this.#follow(controller);
			});
		});
		return () => {
			stop();
			resize.disconnect();
			controller.destroy();
			this.#controller = null;
			this.hover = null;
		};
	}

	/** The map's language, from the interface's (reads the state: reactive where called). */
	#language(): MapLanguage {
		const { language } = this.#app;
		return {
			labels: { locale: language.locale, digits: language.digits },
			dir: language.dir,
			zoomIn: m.zoom_in(),
			zoomOut: m.zoom_out(),
			title: m.map_canvas()
		};
	}

	/** What the map shows, from the state: each line one part of the state and its call. */
	#follow(map: MapController) {
		const { incidents, filters, selection, mapView, measure, appearance, language } = this.#app;
		// Markers write their tolls in the interface's digits (English: plain ones); the filter
		// worker builds the points again for new incidents by itself.
		follow(
			() => (language.format.isArabic ? language.format.tag : null),
			(numberTag) => filters.drawPoints(numberTag)
		);
		follow(
			() => filters.points,
			(points) => points && map.setIncidents(points)
		);
		follow(
			() => this.#language(),
			(next) => map.setLanguage(next)
		);
		follow(
			() => ({ id: selection.id, reveal: selection.reveal }),
			({ id, reveal }) => {
				map.setSelected(selectedMarker(id === null ? undefined : incidents.byId.get(id)));
				// Once the panel has been drawn for it: its size is what the marker must avoid.
				requestAnimationFrame(() => this.#bringSelectionIntoView(reveal));
			}
		);
		follow(
			() => mapView.requested,
			(view) => view && map.showView(view)
		);
		follow(
			() => mapView.place,
			(place) => map.setPlaceMark(place)
		);
		follow(
			() => ({
				on: this.densityShown,
				weight: mapView.densityWeight
			}),
			({ on, weight }) => map.setDensity(on, weight)
		);
		// The surface's darkest colour is where the incidents shown are densest: its scale is
		// computed in the filter worker for each filter while the surface is drawn.
		follow(
			() => (this.densityShown ? mapView.densityWeight : null),
			(weight) => filters.drawDensity(weight)
		);
		follow(
			() => filters.densityIntensity,
			(intensity) => intensity && map.setDensityIntensity(intensity)
		);
		follow(
			() => filters.maxBorderKm !== null,
			(on) => map.setDistanceFilter(on)
		);
		follow(
			() => filters.pending || filters.pointsPending,
			(busy) => map.setBusy(busy)
		);
		follow(
			() => filters.shown,
			(shown) => shown && map.setMatches(shown.mask, shown.groups)
		);
		follow(
			() => THEMES[appearance.theme],
			(theme) => map.setTheme(theme)
		);
		follow(
			() => measure.active,
			(on) => map.setMeasuring(on)
		);
		follow(
			() =>
				measureFeatures(measure.points, measure.legs, (metres) => language.format.distance(metres)),
			(features) => map.setMeasure(features)
		);
		// The band up to the filter's distance follows the slider (the latest request wins).
		$effect(() => {
			const km = filters.maxBorderKm;
			if (km === null) {
				untrack(() => map.setFilterBand(null));
				return;
			}
			let current = true;
			const timer = setTimeout(() => {
				incidents
					.borderBand(km)
					.then((band) => current && map.setFilterBand(band))
					.catch((error: unknown) => {
						this.problem = m.band_failed({
							km: this.#app.language.format.km(km),
							error: String(error)
						});
					});
			}, BAND_DELAY);
			return () => {
				current = false;
				clearTimeout(timer);
			};
		});
	}

	/**
	 * The element that covers part of the map (the incident panel or sheet): the selected
	 * marker is kept out from under it.
	 */
	setOverlay(element: HTMLElement | null) {
		this.#overlay = element;
	}

	/**
	 * A control floating over the map (the toolbar): the selected marker is not left under it.
	 * Returns the call that forgets it.
	 */
	addChrome(element: HTMLElement): () => void {
		this.#chrome.push(element);
		return () => (this.#chrome = this.#chrome.filter((other) => other !== element));
	}

	/** The overlay has come to rest at a new size (a sheet dragged): keep the marker clear. */
	overlayMoved() {
		this.#bringSelectionIntoView(false);
	}

	/** The selected incident's marker where it can be seen, zoomed in when a list asked. */
	#bringSelectionIntoView(reveal: boolean) {
		const controller = this.#controller;
		const id = this.#app.selection.id;
		if (!controller?.ready || id === null) return;
		const [lon, lat] = this.#app.incidents.byId.get(id)?.geometry?.coordinates ?? [];
		if (lon === undefined || lat === undefined) return;
		const overlay = this.#overlay?.isConnected ? this.#overlay.getBoundingClientRect() : null;
		const chrome = this.#chrome.map((element) => element.getBoundingClientRect());
		controller.bringIntoView(lon, lat, overlay, chrome, reveal ? CLUSTER_ZOOM_END : 0);
	}

	/** The current view drawn off screen at an image's size, for an export. */
	renderForExport(size: ExportSize, theme?: Theme): Promise<RenderedMap> {
		const controller = this.#controller;
		if (!controller?.ready) return Promise.reject(new Error('the map is not ready yet'));
		return controller.renderForExport(size, theme);
	}

	/**
	 * The current view off screen at a size, in a theme, to draw once per filter (a video's
	 * steps): each filter is evaluated by the filter worker as a one-off (the live map and the
	 * filter shown are untouched), and one map is reused for every drawing.
	 */
	async openStepMap(size: ExportSize, theme?: Theme, signal?: AbortSignal): Promise<StepMap> {
		const controller = this.#controller;
		if (!controller?.ready) throw new Error('the map is not ready yet');
		const filters = this.#app.filters;
		const map = await controller.openExportMap(size, theme, signal);
		return {
			async draw(filter: IncidentFilter) {
				const { mask, count, groups } = await filters.evaluateOnce(filter);
				return { map: await map.draw({ mask, groups }), count };
			},
			close: () => map.close()
		};
	}

	/** The widest and tallest image this browser's WebGL can draw, in pixels (asked once). */
	drawingLimit(): number {
		this.#drawingLimit ??= drawingLimit();
		return this.#drawingLimit;
	}
	#drawingLimit: number | null = null;

	/** The country shapes for an export's locator inset. */
	insetCountries() {
		return insetCountries();
	}

	/** The position at the centre of the view (to measure from the keyboard), when drawn. */
	centre(): [number, number] | null {
		return this.#controller?.centre() ?? null;
	}

	/** Moves keyboard focus to the map (it pans with the arrow keys). */
	focus() {
		this.#controller?.focus();
	}
}

const KEY = Symbol('map');

/** Creates the map context for the app state and puts it in context for the components below. */
export function provideMapContext(app: AppState): MapContext {
	return setContext(KEY, new MapContext(app));
}

export function getMapContext(): MapContext {
	const map = getContext<MapContext | undefined>(KEY);
	if (!map) throw new Error('getMapContext() needs provideMapContext() in a parent component');
	return map;
}
