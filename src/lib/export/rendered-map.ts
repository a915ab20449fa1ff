import type { IncidentFilter } from '$lib/data/filter';
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

/**
 * The current view off screen, to draw again and again with other filters (a video's steps):
 * each drawing shows what `filter` selects, with its count. The canvas handed back is reused by
 * the next drawing; `close()` frees the map.
 */
export interface StepMap {
	draw(filter: IncidentFilter): Promise<{ map: RenderedMap; count: number }>;
	close(): void;
}

/** Opens a step map at a size (src/lib/map does it); aborting the signal gives it up. */
export type OpenStepMap = (size: ExportSize, signal?: AbortSignal) => Promise<StepMap>;
