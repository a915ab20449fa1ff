import {
	EXPORT_FONT,
	layoutComposition,
	type CompositionLayout,
	type Label,
	type Measure,
	type ScaleCard,
	type TextLines
} from './compose-layout';
import type { Composition } from './composition';
import { paintCard, type Print } from './paint-card';
import { paintInset } from './paint-inset';
import { paintLegend } from './paint-legend';
import type { ExportSize } from './presets';

/**
 * An export image composed on a 2D canvas, over the map drawn at the image's size: title and
 * subtitle, legend (from the same data as the on-screen legend), scale bar, north arrow,
 * optional locator inset, and credits with the export time. Drawn, not screenshotted, so it is
 * the same at any size and pixel ratio. compose-layout.ts decides where everything goes; this
 * module only paints it.
 */

/** Loads the faces the texts need (Latin and Arabic, every weight used) before drawing. */
export async function loadExportFonts(texts: string[]): Promise<void> {
	const sample = texts.join(' ') || 'A';
	await Promise.all(
		[400, 600, 700].map((weight) => document.fonts.load(`${weight} 16px ${EXPORT_FONT}`, sample))
	);
}

type Context = CanvasRenderingContext2D;

/**
 * The image composed over `map`, on `target` when given (a video reuses one canvas for every
 * frame), else on a new canvas.
 */
export function composeImage(
	map: HTMLCanvasElement,
	size: ExportSize,
	composition: Composition,
	target?: HTMLCanvasElement
): HTMLCanvasElement {
	const canvas = target ?? document.createElement('canvas');
	if (canvas.width !== size.width) canvas.width = size.width;
	if (canvas.height !== size.height) canvas.height = size.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('this browser cannot draw on a canvas');
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.clearRect(0, 0, size.width, size.height);
	const layout = layoutComposition(size, composition, measureOn(ctx));
	ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
	if (layout.panel) {
		// A tall image: the panel below the map is the export's own paper.
		ctx.fillStyle = composition.theme.labelHalo;
		ctx.fillRect(layout.panel.x, layout.panel.y, layout.panel.width, layout.panel.height);
	}
	// The map was drawn at the map area's size, in device pixels.
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.drawImage(map, layout.map.x * size.pixelRatio, layout.map.y * size.pixelRatio);
	ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
	paintLayout(ctx, layout, composition);
	return canvas;
}

/** Text widths as a canvas draws them (the transform does not change them). */
export function measureOn(ctx: Context): Measure {
	return (text, textFont) => {
		ctx.font = textFont;
		return ctx.measureText(text).width;
	};
}

function paintLayout(ctx: Context, layout: CompositionLayout, composition: Composition) {
	const { u } = layout;
	const print = composition.theme.print;
	// Right to left, text runs from its x leftwards, and the canvas orders it as Arabic.
	ctx.direction = layout.dir;
	const start = layout.dir === 'rtl' ? 'right' : 'left';
	paintCredits(ctx, layout.credits, print, start);
	if (layout.inset && composition.inset) {
		paintInset(ctx, composition, composition.inset, layout.inset, u);
	}
	if (layout.title) {
		paintCard(ctx, layout.title.card, u, print);
		ctx.textAlign = start;
		ctx.textBaseline = 'middle';
		ctx.fillStyle = print.ink;
		paintLines(ctx, layout.title.title);
		ctx.fillStyle = print.muted;
		paintLines(ctx, layout.title.subtitle);
	}
	if (layout.caption) {
		paintCard(ctx, layout.caption.card, u, print);
		ctx.textAlign = start;
		ctx.textBaseline = 'middle';
		ctx.fillStyle = print.ink;
		paintLines(ctx, layout.caption.date);
		ctx.fillStyle = print.muted;
		paintLines(ctx, layout.caption.detail);
	}
	paintScaleAndNorth(ctx, layout.scale, composition.bearing, u, composition.theme, start);
	paintLegend(ctx, layout.legend, u, print, start);
}

/** Lines in the context's current colour and alignment. */
function paintLines(ctx: Context, text: TextLines) {
	ctx.font = text.font;
	text.lines.forEach((line, i) =>
		ctx.fillText(line, text.x, text.top + text.lineHeight * (i + 0.5))
	);
}

function paintLabel(ctx: Context, label: Label) {
	ctx.font = label.font;
	ctx.fillText(label.text, label.x, label.y);
}

function paintCredits(
	ctx: Context,
	credits: CompositionLayout['credits'],
	print: Print,
	start: CanvasTextAlign
) {
	const { band } = credits;
	ctx.fillStyle = print.card;
	ctx.fillRect(band.x, band.y, band.width, band.height);
	ctx.fillStyle = print.muted;
	ctx.textBaseline = 'middle';
	ctx.textAlign = start;
	paintLines(ctx, credits.text);
}

function paintScaleAndNorth(
	ctx: Context,
	scale: ScaleCard,
	bearing: number,
	u: number,
	theme: Composition['theme'],
	start: CanvasTextAlign
) {
	const INK = theme.print.ink;
	paintCard(ctx, scale.card, u, theme.print);

	// North arrow, turned with the map (north stays up in this app, but an image says so).
	const { arrow } = scale;
	ctx.save();
	ctx.translate(arrow.x, arrow.y);
	ctx.rotate((-bearing * Math.PI) / 180);
	ctx.fillStyle = INK;
	ctx.beginPath();
	ctx.moveTo(0, -arrow.size * 0.45);
	ctx.lineTo(arrow.size * 0.22, arrow.size * 0.3);
	ctx.lineTo(0, arrow.size * 0.16);
	ctx.lineTo(-arrow.size * 0.22, arrow.size * 0.3);
	ctx.closePath();
	ctx.fill();
	ctx.restore();
	ctx.fillStyle = INK;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'top';
	paintLabel(ctx, scale.north);

	// Scale bar: alternating halves, the distance above.
	const { bar } = scale;
	ctx.fillStyle = INK;
	ctx.fillRect(bar.x, bar.y, bar.width / 2, bar.height);
	ctx.fillStyle = theme.labelHalo; // the paper colour the ink stands on
	ctx.fillRect(bar.x + bar.width / 2, bar.y, bar.width / 2, bar.height);
	ctx.strokeStyle = INK;
	ctx.lineWidth = Math.max(1, u);
	ctx.strokeRect(bar.x, bar.y, bar.width, bar.height);
	ctx.fillStyle = INK;
	ctx.textAlign = start;
	ctx.textBaseline = 'bottom';
	paintLabel(ctx, scale.distance);
}
