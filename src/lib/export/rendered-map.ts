import type { ExportSize } from './presets';

/**
 * The map drawn for an export, as the composition sees it. Defined here rather than beside the
 * MapLibre code that draws it, so that exporting depends only on this shape, never on MapLibre.
 */
export interface RenderedMap {
	canvas: HTMLCanvasElement;
	/** West, south, east, north of what the image shows. */
	bounds: [number, number, number, number];
	centre: { lon: number; lat: number };
	zoom: number;
	bearing: number;
}

/** Draws the current view off screen at an export's size (src/lib/map does it). */
export type RenderMap = (size: ExportSize) => Promise<RenderedMap>;
