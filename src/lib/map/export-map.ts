import { Map as MapLibreMap, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ExportSize } from '$lib/export/presets';
import type { RenderedMap } from '$lib/export/rendered-map';
import type { GroupCollection } from '$lib/analysis/groups';
import { basemapUrls } from './geodata-urls';
import { DENSITY_MASK_STATE, MASK_STATE, maskState, maskText } from './style/filter';
import { DENSITY_STATE } from './style/density';
import { GROUPS_SOURCE } from './style/incidents';
import { styleLayers } from './style/index';
import type { Theme } from './style/theme';

/**
 * The map drawn for an image export: a second MapLibre map, off screen, at the image's size and
 * pixel ratio, with the live map's style, data, global state (the filter), centre, zoom and
 * bearing. It is read once every source has loaded and the frame is drawn (the map's `idle`),
 * so the image is never blank or partial; only this map keeps its drawing buffer (the live map
 * would pay for it on every frame). A video draws one such map again and again, a step's
 * matches at a time.
 */

export class ExportTooLargeError extends Error {}

/** Raised when the image would be clamped: never hand back an image smaller than asked. */
export function drawingLimit(): number {
	const gl = document.createElement('canvas').getContext('webgl2');
	if (!gl) return 4096;
	const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
	const limit = Math.min(
		gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
		gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
		viewport[0] ?? 4096,
		viewport[1] ?? 4096
	);
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return limit;
}

/**
 * The live style with its global state's current values as the defaults, painted in `theme`
 * (an export may use either theme, whatever the screen shows).
 */
function styleWithState(
	live: MapLibreMap,
	theme: Theme,
	incidentCount: number
): StyleSpecification {
	const style = live.getStyle();
	const values = live.getGlobalState();
	const state = Object.fromEntries(
		Object.entries(style.state ?? {}).map(([name, spec]) => [
			name,
			{ ...spec, default: values[name] ?? spec.default }
		])
	);
	const paints = new Map(
		styleLayers(theme, incidentCount).map((layer) => [
			layer.id,
			'paint' in layer ? layer.paint : undefined
		])
	);
	// The theme's paint, except what the map set from its data (the density's intensity).
	const fromData = (paint: unknown) => {
		const intensity = (paint as Record<string, unknown> | undefined)?.['heatmap-intensity'];
		return intensity === undefined ? {} : { 'heatmap-intensity': intensity };
	};
	const layers = style.layers.map((layer) =>
		paints.has(layer.id)
			? ({
					...layer,
					paint: {
						...paints.get(layer.id),
						...fromData('paint' in layer ? layer.paint : undefined)
					}
				} as typeof layer)
			: layer
	);
	return { ...style, state, layers };
}

/** What the map shows of the incidents: the filter's mask (null: all) and its groups. */
export interface ExportMatches {
	mask: Uint8Array | null;
	groups: GroupCollection;
}

/**
 * One off-screen map for as many drawings as an export needs (one for a PNG, one per step for
 * a video): made once with the live map's style, data and view, then for each drawing given
 * new matches (the renderer's mask and the groups), drawn until `idle`, and copied at exactly
 * the size asked. `close()` removes the map and its element.
 */
export class ExportMap {
	#map: MapLibreMap;
	#container: HTMLElement;
	#size: ExportSize;
	#timeoutMs: number;
	#copy: HTMLCanvasElement;
	#failure: Error | null = null;
	#onFailure: ((error: Error) => void) | null = null;
	#closed = false;

	private constructor(
		live: MapLibreMap,
		size: ExportSize,
		theme: Theme,
		incidentCount: number,
		timeoutMs: number,
		limit: number
	) {
		this.#size = size;
		this.#timeoutMs = timeoutMs;
		const container = document.createElement('div');
		container.setAttribute('aria-hidden', 'true');
		// Tests look for it: an export that ends (or is cancelled) leaves none behind.
		container.dataset.exportMap = '';
		Object.assign(container.style, {
			position: 'fixed',
			left: '-100000px',
			top: '0',
			width: `${size.layoutWidth}px`,
			height: `${size.layoutHeight}px`,
			pointerEvents: 'none'
		});
		document.body.append(container);
		this.#container = container;
		try {
			this.#map = this.#create(live, container, size, theme, incidentCount, limit);
		} catch (error) {
			container.remove();
			throw error;
		}
		this.#map.on('error', (event) => {
			const error = event.error instanceof Error ? event.error : new Error(String(event.error));
			this.#failure = error;
			this.#onFailure?.(error);
		});
		this.#copy = document.createElement('canvas');
		this.#copy.width = size.width;
		this.#copy.height = size.height;
	}

	#create(
		live: MapLibreMap,
		container: HTMLElement,
		size: ExportSize,
		theme: Theme,
		incidentCount: number,
		limit: number
	): MapLibreMap {
		return new MapLibreMap({
			container,
			style: styleWithState(live, theme, incidentCount),
			center: live.getCenter(),
			zoom: live.getZoom(),
			bearing: live.getBearing(),
			pitch: live.getPitch(),
			pixelRatio: size.pixelRatio,
			maxCanvasSize: [limit, limit],
			maxZoom: live.getMaxZoom(),
			interactive: false,
			attributionControl: false,
			fadeDuration: 0,
			// Without multisampling: SwiftShader's is not deterministic (a pixel or two differ).
			canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false }
		});
	}

	/** The map, off screen, once it has drawn the live map's view (or the error it met). */
	static async open(
		live: MapLibreMap,
		size: ExportSize,
		theme: Theme,
		incidentCount: number,
		{ timeoutMs = 180_000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {}
	): Promise<ExportMap> {
		signal?.throwIfAborted();
		const limit = drawingLimit();
		if (size.width > limit || size.height > limit) {
			throw new ExportTooLargeError(
				`${size.width} × ${size.height} pixels is more than this browser's graphics can draw ` +
					`(at most ${limit} × ${limit}); choose a lower pixel ratio or a smaller size`
			);
		}
		const map = new ExportMap(live, size, theme, incidentCount, timeoutMs, limit);
		// Given up while it loads: closed at once (which ends the wait below).
		const giveUp = () => map.close();
		signal?.addEventListener('abort', giveUp, { once: true });
		try {
			await map.#settled();
			signal?.throwIfAborted();
			return map;
		} catch (error) {
			map.close();
			throw error;
		} finally {
			signal?.removeEventListener('abort', giveUp);
		}
	}

	/** Waits for the next `idle` (everything loaded and drawn). */
	#settled(): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			if (this.#failure) return reject(this.#failure);
			const timer = setTimeout(() => {
				this.#onFailure = null;
				reject(new Error('the map did not finish drawing in time'));
			}, this.#timeoutMs);
			this.#onFailure = (error) => {
				clearTimeout(timer);
				this.#onFailure = null;
				reject(error);
			};
			this.#map.once('idle', () => {
				clearTimeout(timer);
				this.#onFailure = null;
				resolve();
			});
		});
	}

	/**
	 * The map drawn with these matches (or as it is), as a canvas of exactly the size asked.
	 * The canvas is the same one every time: read it before the next drawing.
	 */
	async draw(matches?: ExportMatches): Promise<RenderedMap> {
		if (this.#closed) throw new Error('the export map was closed');
		const map = this.#map;
		if (matches) {
			const mask = matches.mask ?? null;
			map.setGlobalStateProperty(MASK_STATE, maskText(mask));
			// The density layer's set only where the copied state shows the surface.
			if (map.getGlobalState()[DENSITY_STATE])
				map.setGlobalStateProperty(DENSITY_MASK_STATE, maskState(mask));
			await map.getSource<GeoJSONSource>(GROUPS_SOURCE)?.setData(matches.groups);
			const settled = this.#settled();
			map.triggerRepaint();
			await settled;
		}
		if (this.#closed) throw new Error('the export map was closed');
		const size = this.#size;
		const source = map.getCanvas();
		if (source.width < size.width || source.height < size.height) {
			throw new ExportTooLargeError(
				`the map was drawn at ${source.width} × ${source.height} instead of ` +
					`${size.width} × ${size.height}`
			);
		}
		// The canvas may be a pixel larger than asked (whole-pixel layouts): cut to the size.
		const copy = this.#copy.getContext('2d');
		copy?.clearRect(0, 0, size.width, size.height);
		copy?.drawImage(source, 0, 0, size.width, size.height, 0, 0, size.width, size.height);
		const bounds = map.getBounds();
		const drawnCentre = map.getCenter();
		return {
			canvas: this.#copy,
			bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
			centre: { lon: drawnCentre.lng, lat: drawnCentre.lat },
			zoom: map.getZoom(),
			bearing: map.getBearing()
		};
	}

	/** Removes the map (its WebGL context, workers' tiles) and its element. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#onFailure?.(new Error('the export map was closed'));
		this.#map.remove();
		this.#container.remove();
	}
}

/** The live map's view drawn once off screen, for an image. */
export async function renderMap(
	live: MapLibreMap,
	size: ExportSize,
	theme: Theme,
	incidentCount: number,
	timeoutMs = 180_000
): Promise<RenderedMap> {
	const map = await ExportMap.open(live, size, theme, incidentCount, { timeoutMs });
	try {
		return await map.draw();
	} finally {
		map.close();
	}
}

/** The country shapes for a locator inset (the basemap's own file, from this site). */
export async function insetCountries(): Promise<
	FeatureCollection<Polygon | MultiPolygon, { name: string; adm0_a3: string }>
> {
	const response = await fetch(basemapUrls(document.baseURI).countries);
	if (!response.ok) throw new Error(`countries: ${response.status}`);
	return response.json();
}
