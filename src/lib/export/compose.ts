import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { LegendSection, LegendSymbol } from '$lib/map/style/legend';
import type { Theme } from '$lib/map/style/theme';
import type { ExportSize } from './presets';
import { scaleBar } from './scale-bar';

/**
 * An export image composed on a 2D canvas, over the map drawn at the image's size: title and
 * subtitle, legend (from the same data as the on-screen legend), scale bar, north arrow,
 * optional locator inset, and credits with the export time. Drawn, not screenshotted, so it is
 * the same at any size and pixel ratio. Everything is laid out in the image's layout pixels
 * and scaled with its size, so a square post and an A4 page both read well.
 */

export interface InsetData {
	countries: FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>;
	/** The inset's extent: west, south, east, north. */
	extent: readonly [number, number, number, number];
}

export interface Composition {
	title: string;
	subtitle: string;
	legend: LegendSection[];
	/** Credits, in order ("Made with Natural Earth", the datasets' credits…). */
	credits: string[];
	/** "Exported 24 Nov 2026, 09:00 UTC" */
	exported: string;
	/** Metres per layout pixel at the centre of the image. */
	metresPerPixel: number;
	bearing: number;
	/** West, south, east, north of the view, for the inset. */
	view: readonly [number, number, number, number];
	inset: InsetData | null;
	theme: Theme;
}

export const EXPORT_FONT = '"Noto Sans", "Noto Sans Arabic", sans-serif';
const INK = '#1f1b18';
const MUTED = '#4f483f';
const CARD = 'rgba(255, 255, 255, 0.93)';
const CARD_LINE = 'rgba(31, 27, 24, 0.18)';

/** Loads the faces the texts need (Latin and Arabic, every weight used) before drawing. */
export async function loadExportFonts(texts: string[]): Promise<void> {
	const sample = texts.join(' ') || 'A';
	await Promise.all(
		[400, 600, 700].map((weight) => document.fonts.load(`${weight} 16px ${EXPORT_FONT}`, sample))
	);
}

type Context = CanvasRenderingContext2D;

const font = (weight: number, px: number) => `${weight} ${px}px ${EXPORT_FONT}`;

/** Words into lines no wider than `width`; a word longer than a line is cut by characters. */
function wrap(ctx: Context, text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (ctx.measureText(candidate).width <= width || !line) {
			line = candidate;
		} else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1] ?? '';
	while (last.length > 1 && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1);
	kept[maxLines - 1] = `${last}…`;
	return kept;
}

/** The width of the widest line in a font (0 for none). */
function widest(ctx: Context, lineFont: string, lines: readonly string[]): number {
	ctx.font = lineFont;
	return Math.max(0, ...lines.map((line) => ctx.measureText(line).width));
}

function card(ctx: Context, x: number, y: number, w: number, h: number, u: number) {
	ctx.save();
	ctx.fillStyle = CARD;
	ctx.strokeStyle = CARD_LINE;
	ctx.lineWidth = Math.max(1, u);
	ctx.beginPath();
	ctx.roundRect(x, y, w, h, 8 * u);
	ctx.fill();
	ctx.stroke();
	ctx.restore();
}

export function composeImage(
	map: HTMLCanvasElement,
	size: ExportSize,
	composition: Composition
): HTMLCanvasElement {
	const canvas = document.createElement('canvas');
	canvas.width = size.width;
	canvas.height = size.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('this browser cannot draw on a canvas');
	ctx.drawImage(map, 0, 0);
	ctx.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
	const W = size.layoutWidth;
	const H = size.layoutHeight;
	const u = Math.min(1.5, Math.max(0.55, Math.min(W, H) / 1080));
	const margin = 24 * u;

	const creditsTop = drawCredits(ctx, composition, W, H, u, margin);
	const insetSize = composition.inset ? Math.min(190 * u, W * 0.28, H * 0.28) : 0;
	if (composition.inset) {
		drawInset(ctx, composition, composition.inset, W - margin - insetSize, margin, insetSize, u);
	}
	const titleWidth = Math.min(
		780 * u,
		W - 2 * margin - (insetSize ? insetSize + margin : 0) - 36 * u
	);
	const titleBottom = drawTitle(ctx, composition, margin, margin, titleWidth, u);
	drawScaleAndNorth(ctx, composition, margin, creditsTop - margin, u);
	drawLegend(ctx, composition, W - margin, creditsTop - margin, titleBottom + margin, u);
	return canvas;
}

/** The credits band along the bottom; returns its top. */
function drawCredits(
	ctx: Context,
	c: Composition,
	W: number,
	H: number,
	u: number,
	margin: number
): number {
	const px = 12.5 * u;
	ctx.font = font(400, px);
	const lines = wrap(ctx, [...c.credits, c.exported].join(' · '), W - 2 * margin, 3);
	const lineHeight = px * 1.45;
	const height = lines.length * lineHeight + px * 1.2;
	const top = H - height;
	ctx.fillStyle = CARD;
	ctx.fillRect(0, top, W, height);
	ctx.fillStyle = MUTED;
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	lines.forEach((line, i) => ctx.fillText(line, margin, top + px * 0.6 + lineHeight * (i + 0.5)));
	return top;
}

/** Title and subtitle in a card at the top left; returns the card's bottom. */
function drawTitle(
	ctx: Context,
	c: Composition,
	x: number,
	y: number,
	width: number,
	u: number
): number {
	const pad = 18 * u;
	const titlePx = 34 * u;
	const subtitlePx = 17 * u;
	const inner = width - 2 * pad;
	ctx.font = font(700, titlePx);
	const title = c.title.trim() ? wrap(ctx, c.title.trim(), inner, 2) : [];
	ctx.font = font(400, subtitlePx);
	const subtitle = c.subtitle.trim() ? wrap(ctx, c.subtitle.trim(), inner, 3) : [];
	if (title.length === 0 && subtitle.length === 0) return y;
	const titleLine = titlePx * 1.2;
	const subtitleLine = subtitlePx * 1.4;
	const gap = title.length && subtitle.length ? 6 * u : 0;
	const height = 2 * pad + title.length * titleLine + gap + subtitle.length * subtitleLine;
	const used = Math.max(
		widest(ctx, font(700, titlePx), title),
		widest(ctx, font(400, subtitlePx), subtitle)
	);
	card(ctx, x, y, Math.min(width, used + 2 * pad), height, u);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	ctx.fillStyle = INK;
	ctx.font = font(700, titlePx);
	title.forEach((line, i) => ctx.fillText(line, x + pad, y + pad + titleLine * (i + 0.5)));
	ctx.fillStyle = MUTED;
	ctx.font = font(400, subtitlePx);
	const subtitleTop = y + pad + title.length * titleLine + gap;
	subtitle.forEach((line, i) =>
		ctx.fillText(line, x + pad, subtitleTop + subtitleLine * (i + 0.5))
	);
	return y + height;
}

/** Scale bar and north arrow, standing on `bottom` at the left. */
function drawScaleAndNorth(ctx: Context, c: Composition, x: number, bottom: number, u: number) {
	const bar = scaleBar(c.metresPerPixel, 160 * u);
	const pad = 10 * u;
	const px = 13 * u;
	const arrow = 30 * u;
	const width = pad * 3 + arrow + Math.max(bar.pixels, 40 * u);
	const height = pad * 2 + Math.max(arrow + px, px * 2 + 8 * u);
	const top = bottom - height;
	card(ctx, x, top, width, height, u);

	// North arrow, turned with the map (north stays up in this app, but an image says so).
	const cx = x + pad + arrow / 2;
	const cy = top + pad + arrow / 2 + px * 0.4;
	ctx.save();
	ctx.translate(cx, cy);
	ctx.rotate((-c.bearing * Math.PI) / 180);
	ctx.fillStyle = INK;
	ctx.beginPath();
	ctx.moveTo(0, -arrow * 0.45);
	ctx.lineTo(arrow * 0.22, arrow * 0.3);
	ctx.lineTo(0, arrow * 0.16);
	ctx.lineTo(-arrow * 0.22, arrow * 0.3);
	ctx.closePath();
	ctx.fill();
	ctx.restore();
	ctx.fillStyle = INK;
	ctx.font = font(700, px * 0.9);
	ctx.textAlign = 'center';
	ctx.textBaseline = 'top';
	ctx.fillText('N', cx, top + pad * 0.6);

	// Scale bar: alternating halves, the distance above.
	const bx = x + pad * 2 + arrow;
	const by = top + height - pad - 7 * u;
	ctx.fillStyle = INK;
	ctx.fillRect(bx, by, bar.pixels / 2, 6 * u);
	ctx.fillStyle = 'white';
	ctx.fillRect(bx + bar.pixels / 2, by, bar.pixels / 2, 6 * u);
	ctx.strokeStyle = INK;
	ctx.lineWidth = Math.max(1, u);
	ctx.strokeRect(bx, by, bar.pixels, 6 * u);
	ctx.fillStyle = INK;
	ctx.font = font(600, px);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'bottom';
	ctx.fillText(bar.label, bx, by - 4 * u);
}

function drawSymbol(ctx: Context, symbol: LegendSymbol, cx: number, cy: number, u: number) {
	ctx.save();
	if (symbol.kind === 'circle') {
		const r = symbol.radius * u;
		ctx.beginPath();
		ctx.arc(cx, cy, r, 0, Math.PI * 2);
		ctx.globalAlpha = symbol.fillOpacity ?? 1;
		ctx.fillStyle = symbol.fill;
		ctx.fill();
		ctx.globalAlpha = 1;
		ctx.lineWidth = symbol.strokeWidth * u;
		ctx.strokeStyle = symbol.stroke;
		ctx.stroke();
		if (symbol.text && r > 6 * u) {
			ctx.fillStyle = symbol.textColour ?? INK;
			ctx.font = font(700, Math.min(11, symbol.radius) * u);
			ctx.textAlign = 'center';
			ctx.textBaseline = 'middle';
			ctx.fillText(symbol.text, cx, cy + 0.5 * u);
		}
	} else if (symbol.kind === 'line') {
		const half = 13 * u;
		if (symbol.dashed) ctx.setLineDash([4 * u, 3 * u]);
		if (symbol.casing) {
			ctx.strokeStyle = symbol.casing;
			ctx.lineWidth = (symbol.width + 3) * u;
			ctx.beginPath();
			ctx.moveTo(cx - half, cy);
			ctx.lineTo(cx + half, cy);
			ctx.stroke();
		}
		ctx.strokeStyle = symbol.colour;
		ctx.lineWidth = symbol.width * u;
		ctx.beginPath();
		ctx.moveTo(cx - half, cy);
		ctx.lineTo(cx + half, cy);
		ctx.stroke();
	} else {
		const [w, h] = [26 * u, 14 * u];
		ctx.globalAlpha = Math.min(1, symbol.opacity * 2.5);
		ctx.fillStyle = symbol.colour;
		ctx.fillRect(cx - w / 2, cy - h / 2, w, h);
		ctx.globalAlpha = 1;
		if (symbol.outline) {
			ctx.strokeStyle = symbol.outline;
			ctx.lineWidth = u;
			ctx.strokeRect(cx - w / 2, cy - h / 2, w, h);
		}
	}
	ctx.restore();
}

/**
 * The legend in a card at the bottom right, standing on `bottom`; shrunk to fit between
 * `minTop` and `bottom` on small images rather than cut off.
 */
function drawLegend(
	ctx: Context,
	c: Composition,
	right: number,
	bottom: number,
	minTop: number,
	u: number
) {
	const pad = 14 * u;
	const titlePx = 13 * u;
	const labelPx = 12.5 * u;
	const row = 24 * u;
	const symbolWidth = 40 * u;
	const sectionGap = 8 * u;
	const labelWidth = widest(
		ctx,
		font(400, labelPx),
		c.legend.flatMap((section) => section.entries.map((entry) => entry.label))
	);
	const width = pad * 2 + symbolWidth + labelWidth;
	const height =
		pad * 2 +
		c.legend.reduce(
			(sum, section, i) =>
				sum + titlePx * 1.6 + section.entries.length * row + (i ? sectionGap : 0),
			0
		);
	const k = Math.min(1, Math.max(0.3, (bottom - minTop) / height));
	ctx.save();
	ctx.translate(right - width * k, bottom - height * k);
	ctx.scale(k, k);
	card(ctx, 0, 0, width, height, u);
	let y = pad;
	c.legend.forEach((section, i) => {
		if (i) y += sectionGap;
		ctx.fillStyle = INK;
		ctx.font = font(600, titlePx);
		ctx.textAlign = 'left';
		ctx.textBaseline = 'middle';
		ctx.fillText(section.title, pad, y + titlePx * 0.8);
		y += titlePx * 1.6;
		for (const entry of section.entries) {
			drawSymbol(ctx, entry.symbol, pad + symbolWidth / 2 - 4 * u, y + row / 2, u);
			ctx.fillStyle = INK;
			ctx.font = font(400, labelPx);
			ctx.textAlign = 'left';
			ctx.textBaseline = 'middle';
			ctx.fillText(entry.label, pad + symbolWidth, y + row / 2);
			y += row;
		}
	});
	ctx.restore();
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Where the view sits between Iraq and Syria: a small map of the region with the view boxed. */
function drawInset(
	ctx: Context,
	c: Composition,
	inset: InsetData,
	x: number,
	y: number,
	size: number,
	u: number
) {
	const [west, south, east, north] = inset.extent;
	const top = mercatorY(north);
	const widthRadians = ((east - west) * Math.PI) / 180;
	const heightMercator = top - mercatorY(south);
	const scale = size / Math.max(widthRadians, heightMercator);
	const left = x + (size - widthRadians * scale) / 2;
	const upper = y + (size - heightMercator * scale) / 2;
	const project = ([lon, lat]: Position): [number, number] => [
		left + (((lon ?? 0) - west) * Math.PI * scale) / 180,
		upper + (top - mercatorY(lat ?? 0)) * scale
	];
	ctx.save();
	card(ctx, x - 4 * u, y - 4 * u, size + 8 * u, size + 8 * u, u);
	ctx.beginPath();
	ctx.rect(x, y, size, size);
	ctx.clip();
	ctx.fillStyle = c.theme.water;
	ctx.fillRect(x, y, size, size);
	const colour = (code: string) =>
		code === 'IRQ' ? c.theme.iraq : code === 'SYR' ? c.theme.syria : c.theme.neighbour;
	for (const feature of inset.countries.features) {
		const polygons =
			feature.geometry.type === 'Polygon'
				? [feature.geometry.coordinates]
				: feature.geometry.coordinates;
		ctx.beginPath();
		for (const rings of polygons) {
			for (const ring of rings) {
				ring.forEach((position, i) => {
					const [px, py] = project(position);
					if (i === 0) ctx.moveTo(px, py);
					else ctx.lineTo(px, py);
				});
				ctx.closePath();
			}
		}
		ctx.fillStyle = colour(feature.properties.adm0_a3);
		ctx.fill('evenodd');
		ctx.strokeStyle = c.theme.countryBorder;
		ctx.lineWidth = 0.8 * u;
		ctx.stroke();
	}
	ctx.fillStyle = MUTED;
	ctx.font = font(600, 10 * u);
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	for (const [name, lon, lat] of [
		['SYRIA', 38.6, 35.2],
		['IRAQ', 43.6, 33.0]
	] as const) {
		const [px, py] = project([lon, lat]);
		ctx.fillText(name, px, py);
	}
	const [vw, vs, ve, vn] = c.view;
	const [x0, y0] = project([vw, vn]);
	const [x1, y1] = project([ve, vs]);
	ctx.strokeStyle = '#b3261e';
	ctx.lineWidth = 2 * u;
	if (x1 - x0 < 6 * u && y1 - y0 < 6 * u) {
		ctx.beginPath();
		ctx.arc((x0 + x1) / 2, (y0 + y1) / 2, 5 * u, 0, Math.PI * 2);
		ctx.stroke();
	} else {
		ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
	}
	ctx.restore();
}
