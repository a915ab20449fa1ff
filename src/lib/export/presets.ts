/**
 * Image sizes. A preset gives the image's size in pixels at pixel ratio 1 and the scale its
 * layout is drawn at: 4K is the 1920 × 1080 view at twice the detail, and A4 at 300 dpi is a
 * 96-dpi page drawn at 300/96, so text and markers keep a readable size on paper. The pixel
 * ratio multiplies both (a ratio-2 4K image is 7680 × 4320).
 */
export interface SizePreset {
	id: string;
	label: string;
	width: number;
	height: number;
	scale: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
	{ id: 'hd', label: '1920 × 1080 (16:9)', width: 1920, height: 1080, scale: 1 },
	{ id: 'square', label: '1080 × 1080 (square)', width: 1080, height: 1080, scale: 1 },
	{ id: 'portrait', label: '1080 × 1350 (4:5 portrait)', width: 1080, height: 1350, scale: 1 },
	{
		id: 'story',
		label: '1080 × 1920 (9:16 vertical, stories)',
		width: 1080,
		height: 1920,
		scale: 1
	},
	{ id: '4k', label: '3840 × 2160 (4K)', width: 3840, height: 2160, scale: 2 },
	{
		id: 'a4',
		label: 'A4 landscape, 300 dpi (3508 × 2480)',
		width: 3508,
		height: 2480,
		scale: 300 / 96
	}
];

export const DEFAULT_PRESET = 'hd';
export const CUSTOM_PRESET = 'custom';
export const PIXEL_RATIOS = [1, 2, 3, 4] as const;
export const CUSTOM_LIMITS = { min: 200, max: 8192 };

export interface ExportSize {
	/** The layout (CSS pixels) the map and the composition are drawn in. */
	layoutWidth: number;
	layoutHeight: number;
	/** Device pixels per layout pixel. */
	pixelRatio: number;
	/** The image's size in pixels. */
	width: number;
	height: number;
}

/** The size of an export: a preset or a custom width × height (scale 1), at a pixel ratio. */
export function exportSize(
	presetId: string,
	custom: { width: number; height: number },
	ratio: number
): ExportSize {
	const preset = SIZE_PRESETS.find((candidate) => candidate.id === presetId) ?? {
		width: clampCustom(custom.width),
		height: clampCustom(custom.height),
		scale: 1
	};
	return sizeFor(
		Math.round(preset.width / preset.scale),
		Math.round(preset.height / preset.scale),
		Math.round(preset.width * ratio),
		Math.round(preset.height * ratio)
	);
}

/**
 * A layout (whole CSS pixels: a map's container measures in them) drawn at an exact pixel size:
 * the ratio is the larger of the two axes' (they differ by a hair when the layout was rounded),
 * nudged up so the map's canvas is never a pixel short; the image is cut to the exact size.
 */
export function sizeFor(
	layoutWidth: number,
	layoutHeight: number,
	width: number,
	height: number
): ExportSize {
	const pixelRatio = Math.max(width / layoutWidth, height / layoutHeight) * (1 + 1e-9);
	return { layoutWidth, layoutHeight, pixelRatio, width, height };
}

/**
 * The size to draw the map at for a part of an image (its map area, in layout pixels): the
 * image itself when the area is all of it, else the area at the image's pixel ratio.
 */
export function areaSize(size: ExportSize, area: { width: number; height: number }): ExportSize {
	if (area.width >= size.layoutWidth && area.height >= size.layoutHeight) return size;
	const layoutWidth = Math.round(area.width);
	const layoutHeight = Math.round(area.height);
	return sizeFor(
		layoutWidth,
		layoutHeight,
		Math.round((layoutWidth * size.width) / size.layoutWidth),
		Math.round((layoutHeight * size.height) / size.layoutHeight)
	);
}

/** The same image, smaller (a preview): its longest side at most `maxSide` pixels. */
export function previewSize(size: ExportSize, maxSide: number): ExportSize {
	const k = Math.min(1, maxSide / Math.max(size.width, size.height));
	return sizeFor(
		size.layoutWidth,
		size.layoutHeight,
		Math.max(1, Math.round(size.width * k)),
		Math.max(1, Math.round(size.height * k))
	);
}

export function clampCustom(value: number): number {
	if (!Number.isFinite(value)) return CUSTOM_LIMITS.min;
	return Math.min(CUSTOM_LIMITS.max, Math.max(CUSTOM_LIMITS.min, Math.round(value)));
}
