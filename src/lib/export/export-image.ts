import { ENGLISH, type Formatter } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { composeImage, loadExportFonts, measureOn } from './compose';
import { mapArea } from './compose-layout';
import type { Composition } from './composition';
import { addPngText } from './png-text';
import { areaSize, type ExportSize } from './presets';
import type { RenderedMap, RenderMap } from './rendered-map';
import { metresPerPixel } from './scale-bar';

/** What the image says besides the map; the view-dependent parts come from the drawn map. */
export type ImageText = Omit<Composition, 'metresPerPixel' | 'bearing' | 'view'>;

/**
 * A PNG of the current view: the map drawn off screen at the size, the composition over it, and
 * the metadata (permalink, datasets, time, citation) as text chunks.
 */
export async function exportPng(
	renderMap: RenderMap,
	size: ExportSize,
	text: ImageText,
	metadata: readonly [string, string][]
): Promise<Blob> {
	const canvas = await compose(await drawMap(renderMap, size, text), size, text);
	const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!png) throw new Error('the browser could not encode the image');
	const bytes = addPngText(new Uint8Array(await png.arrayBuffer()), metadata);
	return new Blob([bytes as BlobPart], { type: 'image/png' });
}

/** The composed image as a PNG without metadata: what the dialog's preview shows. */
export async function previewPng(
	renderMap: RenderMap,
	size: ExportSize,
	text: ImageText
): Promise<Blob | null> {
	const canvas = await compose(await drawMap(renderMap, size, text), size, text);
	return new Promise((resolve) => canvas.toBlob(resolve));
}

const textsOf = (text: ImageText) => [
	text.title,
	text.subtitle,
	...text.credits,
	text.exported,
	...text.legend.flatMap((section) => [section.title, ...section.entries.map((e) => e.label)]),
	...(text.caption ? [text.caption.date, text.caption.detail, ...(text.caption.dates ?? [])] : [])
];

/**
 * The map for an image, drawn off screen at exactly the size of the image's map area: all of
 * it, or (a tall image) what the legend panel below leaves. The texts are measured for that, so
 * their fonts are loaded first.
 */
export async function drawMap(
	renderMap: RenderMap,
	size: ExportSize,
	text: ImageText
): Promise<RenderedMap> {
	return renderMap(await mapSize(size, text));
}

/** The size the map is drawn at for an image: its map area (fonts loaded to measure). */
export async function mapSize(size: ExportSize, text: ImageText): Promise<ExportSize> {
	await loadExportFonts(textsOf(text));
	const scratch = document.createElement('canvas').getContext('2d');
	if (!scratch) throw new Error('this browser cannot draw on a canvas');
	return areaSize(size, mapArea(size, text, measureOn(scratch)));
}

/** The composition over a drawn map, on `target` when given (else a new canvas). */
export async function compose(
	map: RenderedMap,
	size: ExportSize,
	text: ImageText,
	target?: HTMLCanvasElement
): Promise<HTMLCanvasElement> {
	await loadExportFonts(textsOf(text));
	return composeImage(
		map.canvas,
		size,
		{
			...text,
			metresPerPixel: metresPerPixel(map.centre.lat, map.zoom),
			bearing: map.bearing,
			view: map.bounds
		},
		target
	);
}

/** "Exported 24 Nov 2026, 09:05 UTC", in a language. */
export function exportedLine(at: Date, f: Formatter = ENGLISH): string {
	return m.exported_at({ time: f.utc(at) }, { locale: f.locale });
}

/** Saves a blob as a file through a temporary link (nothing leaves the browser). */
export function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
