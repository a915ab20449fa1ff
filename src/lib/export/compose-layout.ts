import type { LegendSymbol } from '$lib/map/style/legend';
import { Formatter } from '$lib/i18n/format';
import type { Direction } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import type { Composition } from './composition';
import type { ExportSize } from './presets';
import { scaleBar } from './scale-bar';

/**
 * Where everything over an export's map goes, in the image's layout pixels: pure arithmetic on
 * the layout size and the texts, with text widths from a `measure` function (the canvas's in
 * the browser, a fake in tests), so the rules can be tested without a canvas. The design is
 * drawn for a 1080-pixel image and scaled by `u` with the image's smaller side, so a square post
 * and an A4 page both read well; compose.ts paints the result.
 */

/** The width of a text in a CSS font, in layout pixels. */
export type Measure = (text: string, font: string) => number;

export const EXPORT_FONT = '"Noto Sans", "Noto Sans Arabic", sans-serif';

export const font = (weight: number, px: number) => `${weight} ${px}px ${EXPORT_FONT}`;

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Lines of text, aligned at `x` on their start side (left, or right in a right-to-left
 * layout); line i is centred on top + lineHeight × (i + ½).
 */
export interface TextLines {
	lines: string[];
	font: string;
	x: number;
	top: number;
	lineHeight: number;
}

/** A text at a point (the painter says how it is aligned there). */
export interface Label {
	text: string;
	font: string;
	x: number;
	y: number;
}

export interface TitleCard {
	card: Box;
	title: TextLines;
	subtitle: TextLines;
}

export interface CaptionCard {
	card: Box;
	date: TextLines;
	detail: TextLines;
}

export interface ScaleCard {
	card: Box;
	/** The north arrow: its centre and the size of the square it is drawn in. */
	arrow: { x: number; y: number; size: number };
	north: Label;
	/** The bar itself (two halves), with its distance written above it. */
	bar: Box;
	distance: Label;
}

export interface LegendEntryLayout {
	symbol: LegendSymbol;
	/** The symbol's centre. */
	symbolX: number;
	symbolY: number;
	label: Label;
}

/**
 * The legend card, laid out at full size in its own coordinates (its top left at 0, 0) and
 * drawn at `scale` with its top left at `x`, `y`.
 */
export interface LegendCard {
	x: number;
	y: number;
	scale: number;
	width: number;
	height: number;
	sections: { title: Label; entries: LegendEntryLayout[] }[];
}

export interface CompositionLayout {
	/**
	 * Right to left (Arabic): everything is mirrored, and text that starts at an `x` ends
	 * there instead (drawn right-aligned, with the canvas's direction set to rtl).
	 */
	dir: Direction;
	/** Layout pixels per design pixel (the design is for a 1080-pixel image). */
	u: number;
	margin: number;
	/** Where the map is drawn: the whole image, or the part above the panel of a tall one. */
	map: Box;
	/** A tall image's band below the map (legend, then credits), or null: all over the map. */
	panel: Box | null;
	/** The band along the bottom, the full width of the image. */
	credits: { band: Box; text: TextLines };
	/** The locator map's square (its card's frame goes a little outside), or null for none. */
	inset: Box | null;
	/** Null when there is neither title nor subtitle. */
	title: TitleCard | null;
	/** A video frame's date card, under the title (null in a still image). */
	caption: CaptionCard | null;
	scale: ScaleCard;
	legend: LegendCard;
}

export type LayoutInput = Pick<
	Composition,
	| 'title'
	| 'subtitle'
	| 'legend'
	| 'credits'
	| 'exported'
	| 'metresPerPixel'
	| 'inset'
	| 'caption'
	| 'language'
>;

/** Frames at least this much taller than wide (stories, 9:16) put the legend below the map. */
export const TALL_RATIO = 1.5;

export const isTall = (size: Pick<ExportSize, 'layoutWidth' | 'layoutHeight'>) =>
	size.layoutHeight / size.layoutWidth >= TALL_RATIO;

const unitOf = (W: number, H: number) => Math.min(1.5, Math.max(0.55, Math.min(W, H) / 1080));

/**
 * Where the map goes in an image of this size: all of it, or, in a tall image, what the panel
 * below (the legend in columns, then the credits) leaves. Needed before the map is drawn, so
 * it is drawn at exactly that size; it does not depend on the map.
 */
export function mapArea(
	size: Pick<ExportSize, 'layoutWidth' | 'layoutHeight'>,
	input: Omit<LayoutInput, 'metresPerPixel'>,
	measure: Measure
): Box {
	const W = size.layoutWidth;
	const H = size.layoutHeight;
	if (!isTall(size)) return { x: 0, y: 0, width: W, height: H };
	const u = unitOf(W, H);
	const margin = 24 * u;
	const credits = layoutCredits(input, measure, W, H, u, margin);
	const legend = layoutLegendColumns(input, measure, margin, 0, W - 2 * margin, u);
	const panelHeight = legend.height * legend.scale + 2 * margin + credits.band.height;
	return { x: 0, y: 0, width: W, height: Math.round(Math.max(H * 0.4, H - panelHeight)) };
}

export function layoutComposition(
	size: Pick<ExportSize, 'layoutWidth' | 'layoutHeight'>,
	input: LayoutInput,
	measure: Measure
): CompositionLayout {
	const W = size.layoutWidth;
	const H = size.layoutHeight;
	const u = unitOf(W, H);
	const margin = 24 * u;
	const map = mapArea(size, input, measure);
	const tall = map.height < H;

	const credits = layoutCredits(input, measure, W, H, u, margin);
	// Over the map, the scale and the legend stand on the credits; in a tall image, on the
	// map's own bottom edge, with the legend in the panel below it.
	const creditsTop = tall ? map.height : credits.band.y;
	const insetSize = input.inset ? Math.min(190 * u, W * 0.28, map.height * 0.28) : 0;
	const inset = input.inset
		? { x: W - margin - insetSize, y: margin, width: insetSize, height: insetSize }
		: null;
	// The title keeps clear of the inset.
	const titleWidth = Math.min(
		780 * u,
		W - 2 * margin - (insetSize ? insetSize + margin : 0) - 36 * u
	);
	const title = layoutTitle(input, measure, margin, margin, titleWidth, u);
	const captionTop = title ? title.card.y + title.card.height + 12 * u : margin;
	const caption = input.caption
		? layoutCaption(input.caption, measure, margin, captionTop, titleWidth, u)
		: null;
	const titleBottom = caption
		? caption.card.y + caption.card.height
		: title
			? title.card.y + title.card.height
			: margin;
	const f = new Formatter(input.language?.locale, input.language?.digits);
	const layout: CompositionLayout = {
		dir: f.dir,
		u,
		margin,
		map,
		panel: tall ? { x: 0, y: map.height, width: W, height: H - map.height } : null,
		credits,
		inset,
		title,
		caption,
		scale: layoutScale(input.metresPerPixel, margin, creditsTop - margin, u, f),
		legend: tall
			? layoutLegendColumns(input, measure, margin, map.height + margin, W - 2 * margin, u)
			: layoutLegend(input, measure, W - margin, creditsTop - margin, titleBottom + margin, u)
	};
	return layout.dir === 'rtl' ? mirrored(layout, W) : layout;
}

/**
 * The layout for a right-to-left language: every box mirrored across the image (the title
 * and the scale on the right, the legend and the inset on the left, the legend's symbols to
 * the right of their labels), and every text that started at an x now ending there.
 */
export function mirrored(layout: CompositionLayout, W: number): CompositionLayout {
	const box = (b: Box): Box => ({ ...b, x: W - b.x - b.width });
	const lines = (text: TextLines): TextLines => ({ ...text, x: W - text.x });
	const at = (label: Label): Label => ({ ...label, x: W - label.x });
	const { legend, scale, title } = layout;
	const inCard = (label: Label): Label => ({ ...label, x: legend.width - label.x });
	return {
		...layout,
		dir: 'rtl',
		credits: { band: layout.credits.band, text: lines(layout.credits.text) },
		inset: layout.inset ? box(layout.inset) : null,
		title: title
			? { card: box(title.card), title: lines(title.title), subtitle: lines(title.subtitle) }
			: null,
		caption: layout.caption
			? {
					card: box(layout.caption.card),
					date: lines(layout.caption.date),
					detail: lines(layout.caption.detail)
				}
			: null,
		scale: {
			card: box(scale.card),
			arrow: { ...scale.arrow, x: W - scale.arrow.x },
			north: at(scale.north),
			bar: box(scale.bar),
			distance: at(scale.distance)
		},
		legend: {
			...legend,
			x: W - legend.x - legend.width * legend.scale,
			sections: legend.sections.map((section) => ({
				title: inCard(section.title),
				entries: section.entries.map((entry) => ({
					...entry,
					symbolX: legend.width - entry.symbolX,
					label: inCard(entry.label)
				}))
			}))
		}
	};
}

/**
 * Words into at most `maxLines` lines no wider than `width`; a word longer than a line gets a
 * line of its own (it overflows rather than being split mid-word). Text beyond the last line is
 * dropped and the last line ends with "…", cut by characters until it fits.
 */
export function wrap(
	measure: Measure,
	text: string,
	lineFont: string,
	width: number,
	maxLines: number
): string[] {
	const fits = (candidate: string) => measure(candidate, lineFont) <= width;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (fits(candidate) || !line) {
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
	while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
	kept[maxLines - 1] = `${last}…`;
	return kept;
}

/** The width of the widest line in a font (0 for none). */
function widest(measure: Measure, lineFont: string, lines: readonly string[]): number {
	return Math.max(0, ...lines.map((line) => measure(line, lineFont)));
}

/** The credits and the export time, in up to three lines along the bottom. */
function layoutCredits(
	input: Pick<LayoutInput, 'credits' | 'exported' | 'language'>,
	measure: Measure,
	W: number,
	H: number,
	u: number,
	margin: number
): CompositionLayout['credits'] {
	const px = 12.5 * u;
	const lineFont = font(400, px);
	const separator = m.separator({}, { locale: input.language?.locale ?? 'en' });
	const text = [...input.credits, input.exported].join(separator);
	const lines = wrap(measure, text, lineFont, W - 2 * margin, 3);
	const lineHeight = px * 1.45;
	const height = lines.length * lineHeight + px * 1.2;
	const top = H - height;
	return {
		band: { x: 0, y: top, width: W, height },
		text: { lines, font: lineFont, x: margin, top: top + px * 0.6, lineHeight }
	};
}

/** Title (up to two lines) and subtitle (up to three) in a card at x, y, at most `width` wide. */
function layoutTitle(
	input: LayoutInput,
	measure: Measure,
	x: number,
	y: number,
	width: number,
	u: number
): TitleCard | null {
	const pad = 18 * u;
	const titlePx = 34 * u;
	const subtitlePx = 17 * u;
	const titleFont = font(700, titlePx);
	const subtitleFont = font(400, subtitlePx);
	const inner = width - 2 * pad;
	const titleText = input.title.trim();
	const subtitleText = input.subtitle.trim();
	const title = titleText ? wrap(measure, titleText, titleFont, inner, 2) : [];
	const subtitle = subtitleText ? wrap(measure, subtitleText, subtitleFont, inner, 3) : [];
	if (title.length === 0 && subtitle.length === 0) return null;
	const titleLine = titlePx * 1.2;
	const subtitleLine = subtitlePx * 1.4;
	const gap = title.length && subtitle.length ? 6 * u : 0;
	const height = 2 * pad + title.length * titleLine + gap + subtitle.length * subtitleLine;
	// The card hugs its text: a short title gets a short card.
	const used = Math.max(widest(measure, titleFont, title), widest(measure, subtitleFont, subtitle));
	return {
		card: { x, y, width: Math.min(width, used + 2 * pad), height },
		title: { lines: title, font: titleFont, x: x + pad, top: y + pad, lineHeight: titleLine },
		subtitle: {
			lines: subtitle,
			font: subtitleFont,
			x: x + pad,
			top: y + pad + title.length * titleLine + gap,
			lineHeight: subtitleLine
		}
	};
}

/**
 * A video's date in large type with what it shows below, in a card at x, y at most `width`
 * wide: as wide as the widest date and detail of the video, so it holds still as they change.
 */
function layoutCaption(
	caption: NonNullable<LayoutInput['caption']>,
	measure: Measure,
	x: number,
	y: number,
	width: number,
	u: number
): CaptionCard {
	const pad = 14 * u;
	const datePx = 40 * u;
	const detailPx = 17 * u;
	const dateFont = font(700, datePx);
	const detailFont = font(400, detailPx);
	const dates = [caption.date, ...(caption.dates ?? [])];
	const details = [caption.detail, ...(caption.details ?? [])].filter(Boolean);
	const used = Math.max(widest(measure, dateFont, dates), widest(measure, detailFont, details));
	const cardWidth = Math.min(width, used + 2 * pad);
	const inner = cardWidth - 2 * pad;
	const date = wrap(measure, caption.date, dateFont, inner, 1);
	const detail = caption.detail ? wrap(measure, caption.detail, detailFont, inner, 1) : [];
	const dateLine = datePx * 1.2;
	const detailLine = detailPx * 1.4;
	const height = 2 * pad + dateLine + (detail.length ? 2 * u + detailLine : 0);
	return {
		card: { x, y, width: cardWidth, height },
		date: { lines: date, font: dateFont, x: x + pad, top: y + pad, lineHeight: dateLine },
		detail: {
			lines: detail,
			font: detailFont,
			x: x + pad,
			top: y + pad + dateLine + 2 * u,
			lineHeight: detailLine
		}
	};
}

/** Scale bar and north arrow in a card at `x`, standing on `bottom`. */
function layoutScale(
	metresPerPixel: number,
	x: number,
	bottom: number,
	u: number,
	f: Formatter
): ScaleCard {
	const bar = scaleBar(metresPerPixel, 160 * u);
	// English keeps the bar's own label ("50 km"); another language writes it its way.
	const distance = !f.isArabic
		? bar.label
		: bar.metres >= 1000
			? f.km(bar.metres / 1000)
			: f.distance(bar.metres);
	const pad = 10 * u;
	const px = 13 * u;
	const arrow = 30 * u;
	const width = pad * 3 + arrow + Math.max(bar.pixels, 40 * u);
	const height = pad * 2 + Math.max(arrow + px, px * 2 + 8 * u);
	const top = bottom - height;
	const arrowX = x + pad + arrow / 2;
	const barX = x + pad * 2 + arrow;
	const barY = top + height - pad - 7 * u;
	return {
		card: { x, y: top, width, height },
		arrow: { x: arrowX, y: top + pad + arrow / 2 + px * 0.4, size: arrow },
		north: {
			text: m.north({}, { locale: f.locale }),
			font: font(700, px * 0.9),
			x: arrowX,
			y: top + pad * 0.6
		},
		bar: { x: barX, y: barY, width: bar.pixels, height: 6 * u },
		distance: { text: distance, font: font(600, px), x: barX, y: barY - 4 * u }
	};
}

/**
 * The legend at the bottom right, standing on `bottom`: shrunk (to no less than 0.3) to fit
 * between `minTop` and `bottom` on small images rather than cut off.
 */
function layoutLegend(
	input: Pick<LayoutInput, 'legend'>,
	measure: Measure,
	right: number,
	bottom: number,
	minTop: number,
	u: number
): LegendCard {
	const pad = 14 * u;
	const titlePx = 13 * u;
	const labelPx = 12.5 * u;
	const row = 24 * u;
	const symbolWidth = 40 * u;
	const sectionGap = 8 * u;
	const titleFont = font(600, titlePx);
	const labelFont = font(400, labelPx);
	const sections = input.legend;
	const labelWidth = widest(
		measure,
		labelFont,
		sections.flatMap((section) => section.entries.map((entry) => entry.label))
	);
	const width = pad * 2 + symbolWidth + labelWidth;
	const height =
		pad * 2 +
		sections.reduce(
			(sum, section, i) =>
				sum + titlePx * 1.6 + section.entries.length * row + (i ? sectionGap : 0),
			0
		);
	const k = Math.min(1, Math.max(0.3, (bottom - minTop) / height));
	let y = pad;
	const placed = sections.map((section, i) => {
		if (i) y += sectionGap;
		const title = { text: section.title, font: titleFont, x: pad, y: y + titlePx * 0.8 };
		y += titlePx * 1.6;
		const entries = section.entries.map((entry) => {
			const centre = y + row / 2;
			y += row;
			return {
				symbol: entry.symbol,
				symbolX: pad + symbolWidth / 2 - 4 * u,
				symbolY: centre,
				label: { text: entry.label, font: labelFont, x: pad + symbolWidth, y: centre }
			};
		});
		return { title, entries };
	});
	return {
		x: right - width * k,
		y: bottom - height * k,
		scale: k,
		width,
		height,
		sections: placed
	};
}

/**
 * A tall image's legend: its sections in columns side by side (two when they fit, else one),
 * each section in the column that is shortest so far, starting at `x`, `y`; shrunk only if
 * even that is too wide.
 */
function layoutLegendColumns(
	input: Pick<LayoutInput, 'legend'>,
	measure: Measure,
	x: number,
	y: number,
	maxWidth: number,
	u: number
): LegendCard {
	const single = layoutLegend(input, measure, 0, 0, -Infinity, u);
	const pad = 14 * u;
	const gutter = 24 * u;
	const sectionGap = 8 * u;
	const columnWidth = single.width - 2 * pad;
	const columns = 2 * columnWidth + gutter + 2 * pad <= maxWidth ? 2 : 1;
	const heights = Array.from({ length: columns }, () => pad);
	// A section spans from its title's top to its last row's bottom, in the single column.
	const spans = single.sections.map((section, i) => {
		const top = section.title.y - 13 * u * 0.8;
		const next = single.sections[i + 1];
		const bottom = next ? next.title.y - 13 * u * 0.8 - sectionGap : single.height - pad;
		return { top, bottom };
	});
	const sections = single.sections.map((section, i) => {
		const span = spans[i] ?? { top: 0, bottom: 0 };
		const column = heights.indexOf(Math.min(...heights));
		const dx = column * (columnWidth + gutter);
		const dy = (heights[column] ?? pad) - span.top;
		heights[column] = (heights[column] ?? pad) + span.bottom - span.top + sectionGap;
		const moved = (label: Label): Label => ({ ...label, x: label.x + dx, y: label.y + dy });
		return {
			title: moved(section.title),
			entries: section.entries.map((entry) => ({
				...entry,
				symbolX: entry.symbolX + dx,
				symbolY: entry.symbolY + dy,
				label: moved(entry.label)
			}))
		};
	});
	const width = columns * columnWidth + (columns - 1) * gutter + 2 * pad;
	const height = Math.max(...heights) - sectionGap + pad;
	return { x, y, scale: Math.min(1, maxWidth / width), width, height, sections };
}
