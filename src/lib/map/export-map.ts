import { Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ExportSize } from '$lib/export/presets';
import type { RenderedMap } from '$lib/export/rendered-map';
import { basemapUrls } from './geodata-urls';
import { styleLayers } from './style/index';
import type { Theme } from './style/theme';

/**
 * The map drawn for an image export: a second MapLibre map, off screen, at the image's size and
 * pixel ratio, with the live map's style, data, global state (the filter), centre, zoom and
 * bearing. It is read once every source has loaded and the frame is drawn (the map's `idle`),
 * so the image is never blank or partial; only this map keeps its drawing buffer (the live map
 * would pay for it on every frame).
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

export async function renderMap(
	live: MapLibreMap,
	size: ExportSize,
	theme: Theme,
	incidentCount: number,
	timeoutMs = 180_000
): Promise<RenderedMap> {
	const limit = drawingLimit();
	if (size.width > limit || size.height > limit) {
		throw new ExportTooLargeError(
			`${size.width} × ${size.height} pixels is more than this browser's graphics can draw ` +
				`(at most ${limit} × ${limit}); choose a lower pixel ratio or a smaller size`
		);
	}
	const container = document.createElement('div');
	container.setAttribute('aria-hidden', 'true');
	Object.assign(container.style, {
		position: 'fixed',
		left: '-100000px',
		top: '0',
		width: `${size.layoutWidth}px`,
		height: `${size.layoutHeight}px`,
		pointerEvents: 'none'
	});
	document.body.append(container);
	const centre = live.getCenter();
	const map = new MapLibreMap({
		container,
		style: styleWithState(live, theme, incidentCount),
		center: centre,
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
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error('the map did not finish drawing in time')),
				timeoutMs
			);
			map.once('idle', () => {
				clearTimeout(timer);
				resolve();
			});
			map.on('error', (event) => {
				clearTimeout(timer);
				reject(event.error instanceof Error ? event.error : new Error(String(event.error)));
			});
		});
		const source = map.getCanvas();
		if (source.width < size.width || source.height < size.height) {
			throw new ExportTooLargeError(
				`the map was drawn at ${source.width} × ${source.height} instead of ` +
					`${size.width} × ${size.height}`
			);
		}
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		// The canvas may be a pixel larger than asked (whole-pixel layouts): cut to the size.
		const copy = canvas.getContext('2d');
		copy?.drawImage(source, 0, 0, size.width, size.height, 0, 0, size.width, size.height);
		const bounds = map.getBounds();
		const drawnCentre = map.getCenter();
		return {
			canvas,
			bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
			centre: { lon: drawnCentre.lng, lat: drawnCentre.lat },
			zoom: map.getZoom(),
			bearing: map.getBearing()
		};
	} finally {
		map.remove();
		container.remove();
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
