import { describe, expect, it } from 'vitest';
import type { LegendSection } from '$lib/map/style/legend';
import {
	layoutComposition,
	mapArea,
	wrap,
	type Box,
	type CompositionLayout,
	type LayoutInput,
	type Measure
} from './compose-layout';
import { SIZE_PRESETS, exportSize } from './presets';

// A font-independent stand-in for the canvas: every character is 0.55 em wide.
const pxOf = (font: string) => Number(/([\d.]+)px/.exec(font)?.[1]);
const measure: Measure = (text, font) => [...text].length * pxOf(font) * 0.55;

const words = (count: number, word = 'border') => Array(count).fill(word).join(' ');

const entry = (label: string) => ({
	symbol: { kind: 'fill' as const, colour: '#c00', opacity: 0.2 },
	label
});
const LEGEND: LegendSection[] = [
	{ title: 'Incidents', entries: [1, 2, 3, 4, 5].map((i) => entry(`Incident symbol number ${i}`)) },
	{ title: 'Border', entries: [1, 2, 3, 4].map((i) => entry(`Proximity band ${i}`)) },
	{ title: 'Basemap', entries: [1, 2, 3, 4, 5].map((i) => entry(`Basemap layer ${i}`)) }
];
const INSET = {
	countries: { type: 'FeatureCollection' as const, features: [] },
	extent: [33, 27, 50, 39] as const
};

const input = (overrides: Partial<LayoutInput> = {}): LayoutInput => ({
	title: 'Strikes near Al-Susah — السوسة',
	subtitle: '15 Nov 2018 – 25 Nov 2018 · 2 of 14 incidents',
	legend: LEGEND,
	credits: ['Made with Natural Earth', 'Iraqi strikes on ISIS in Syria'],
	exported: 'Exported 24 Nov 2026, 09:05 UTC',
	metresPerPixel: 120,
	inset: INSET,
	...overrides
});

const layout = (width: number, height: number, overrides: Partial<LayoutInput> = {}) =>
	layoutComposition({ layoutWidth: width, layoutHeight: height }, input(overrides), measure);

const bottomOf = (box: Box) => box.y + box.height;
const legendBox = ({ legend }: CompositionLayout): Box => ({
	x: legend.x,
	y: legend.y,
	width: legend.width * legend.scale,
	height: legend.height * legend.scale
});

describe('wrap', () => {
	const font = '400 10px sans-serif'; // 5.5 px a character

	it('breaks between words so that every line fits the width', () => {
		const lines = wrap(measure, words(6), font, 80, 5);
		expect(lines).toEqual(['border border', 'border border', 'border border']);
		for (const line of lines) expect(measure(line, font)).toBeLessThanOrEqual(80);
	});

	it('gives a word longer than a line a line of its own, uncut', () => {
		expect(wrap(measure, 'a Supercalifragilistic b', font, 40, 5)).toEqual([
			'a',
			'Supercalifragilistic',
			'b'
		]);
	});

	it('cuts text beyond the last line and ends that line with an ellipsis that fits', () => {
		const lines = wrap(measure, words(10), font, 75, 2);
		expect(lines).toEqual(['border border', 'border borde…']);
		expect(measure(lines[1]!, font)).toBeLessThanOrEqual(75);
	});

	it('gives no lines for blank text', () => {
		expect(wrap(measure, '  \n ', font, 80, 2)).toEqual([]);
	});
});

describe('the unit u', () => {
	it('is the smaller side over 1080, kept between 0.55 and 1.5, and sets the margin', () => {
		const u = (width: number, height: number) => layout(width, height).u;
		expect(u(1920, 1080)).toBe(1);
		expect(u(1080, 1350)).toBe(1);
		expect(u(1123, 794)).toBeCloseTo(794 / 1080, 12);
		expect(u(200, 200)).toBe(0.55);
		expect(u(3000, 2000)).toBe(1.5);
		expect(layout(1123, 794).margin).toBeCloseTo((24 * 794) / 1080, 12);
	});

	it('scales the cards with it: at u = 1.5 they are 1.5 times the size they are at u = 1', () => {
		const small = layout(1080, 1080, { credits: [] });
		const large = layout(2000, 2000, { credits: [] });
		expect(large.u).toBe(1.5);
		expect(large.title!.card.height).toBeCloseTo(small.title!.card.height * 1.5, 9);
		expect(large.scale.card.height).toBeCloseTo(small.scale.card.height * 1.5, 9);
		expect(large.credits.band.height).toBeCloseTo(small.credits.band.height * 1.5, 9);
	});
});

describe('the title card', () => {
	it('wraps the title to at most two lines, the second ending with an ellipsis', () => {
		const { title } = layout(1920, 1080, { title: words(60) });
		expect(title!.title.lines).toHaveLength(2);
		expect(title!.title.lines[1]).toMatch(/…$/);
	});

	it('wraps the subtitle to at most three lines, the third ending with an ellipsis', () => {
		const { title } = layout(1920, 1080, { subtitle: words(200) });
		expect(title!.subtitle.lines).toHaveLength(3);
		expect(title!.subtitle.lines[2]).toMatch(/…$/);
	});

	it('keeps its lines inside the card', () => {
		const { title } = layout(1080, 1350, { title: words(60), subtitle: words(200) });
		const { card } = title!;
		const pad = title!.title.x - card.x;
		for (const text of [title!.title, title!.subtitle]) {
			for (const line of text.lines) {
				expect(measure(line, text.font)).toBeLessThanOrEqual(card.width - 2 * pad);
			}
		}
		const lastLine = title!.subtitle.top + title!.subtitle.lineHeight * 3;
		expect(lastLine).toBeCloseTo(bottomOf(card) - pad, 9);
	});

	it('hugs a short title, at the top left inside the margin', () => {
		const { title, margin } = layout(1920, 1080, { title: 'Hajin', subtitle: '' });
		expect(title!.title.lines).toEqual(['Hajin']);
		expect(title!.subtitle.lines).toEqual([]);
		expect([title!.card.x, title!.card.y]).toEqual([margin, margin]);
		expect(title!.card.width).toBeCloseTo(measure('Hajin', title!.title.font) + 2 * 18, 9);
	});

	it('is left out when there is neither title nor subtitle', () => {
		expect(layout(1920, 1080, { title: ' ', subtitle: '' }).title).toBeNull();
	});

	it('keeps clear of the inset', () => {
		const { title, inset, margin } = layout(1080, 1080, { title: words(60) });
		expect(title!.card.x + title!.card.width).toBeLessThanOrEqual(inset!.x - margin);
	});
});

describe('the credits', () => {
	it('run along the bottom, the full width of the image', () => {
		const { credits } = layout(1920, 1080);
		expect(credits.band.x).toBe(0);
		expect(credits.band.width).toBe(1920);
		expect(bottomOf(credits.band)).toBeCloseTo(1080, 9);
		expect(credits.text.lines).toEqual([
			'Made with Natural Earth · Iraqi strikes on ISIS in Syria · Exported 24 Nov 2026, 09:05 UTC'
		]);
	});

	it('wrap to at most three lines, the third ending with an ellipsis', () => {
		const { credits } = layout(1080, 1080, { credits: [words(100)] });
		expect(credits.text.lines).toHaveLength(3);
		expect(credits.text.lines[2]).toMatch(/…$/);
	});
});

describe('the legend', () => {
	it('keeps its full size where there is room, at the bottom right above the credits', () => {
		const result = layout(1920, 1080);
		const box = legendBox(result);
		expect(result.legend.scale).toBe(1);
		expect(box.x + box.width).toBeCloseTo(1920 - result.margin, 9);
		expect(bottomOf(box)).toBeCloseTo(result.credits.band.y - result.margin, 9);
	});

	it('shrinks to fit between the title card and the credits on a small image', () => {
		const result = layout(1000, 300);
		const box = legendBox(result);
		expect(result.legend.scale).toBeGreaterThan(0.3);
		expect(result.legend.scale).toBeLessThan(1);
		expect(box.y).toBeCloseTo(bottomOf(result.title!.card) + result.margin, 9);
		expect(bottomOf(box)).toBeCloseTo(result.credits.band.y - result.margin, 9);
	});

	it('shrinks to 0.3 at the least, however little room there is', () => {
		expect(layout(200, 200, { title: words(60), subtitle: words(200) }).legend.scale).toBe(0.3);
	});

	it('reaches up to the top margin when there is no title card', () => {
		const result = layout(1000, 300, { title: '', subtitle: '' });
		expect(legendBox(result).y).toBeGreaterThanOrEqual(2 * result.margin - 1e-9);
	});

	it('puts each entry a row below the last, under its section title', () => {
		const { legend, u } = layout(1920, 1080);
		const [first] = legend.sections;
		const rows = first!.entries.map((placed) => placed.symbolY);
		expect(rows[1]! - rows[0]!).toBeCloseTo(24 * u, 9);
		expect(first!.title.y).toBeLessThan(rows[0]!);
		expect(first!.entries[0]!.label.x).toBeGreaterThan(first!.entries[0]!.symbolX);
	});
});

describe('the inset', () => {
	it('sits at the top right, inside the margin', () => {
		const { inset, margin, u } = layout(1920, 1080);
		expect(inset!.x + inset!.width).toBeCloseTo(1920 - margin, 9);
		expect(inset!.y).toBe(margin);
		expect(inset!.width).toBe(190 * u);
		expect(inset!.height).toBe(inset!.width);
	});

	it('stays under 28% of the smaller side on a narrow image', () => {
		expect(layout(300, 1600).inset!.width).toBeCloseTo(300 * 0.28, 9);
	});

	it('is left out when the composition has none', () => {
		expect(layout(1920, 1080, { inset: null }).inset).toBeNull();
	});
});

describe('the scale bar and north arrow', () => {
	it('stand on the margin above the credits, at the left', () => {
		const { scale, credits, margin } = layout(1920, 1080);
		expect(scale.card.x).toBe(margin);
		expect(bottomOf(scale.card)).toBeCloseTo(credits.band.y - margin, 9);
	});

	it('hold the bar, its distance and the arrow inside their card', () => {
		const { scale } = layout(1920, 1080, { metresPerPixel: 120 });
		expect(scale.distance.text).toBe('10 km');
		expect(scale.bar.width).toBeCloseTo(10_000 / 120, 9);
		expect(inside(scale.bar, scale.card)).toBe(true);
		expect(scale.arrow.x - scale.arrow.size / 2).toBeGreaterThan(scale.card.x);
		expect(scale.distance.y).toBeLessThan(scale.bar.y);
	});
});

describe('a video frame’s date caption', () => {
	const caption = {
		date: 'May 2018',
		detail: '3 incidents',
		dates: ['May 2018', 'September 2018', 'June 2018'],
		details: ['3 incidents', '12 incidents']
	};
	const overlaps = (a: Box, b: Box) =>
		a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

	it('is only in a video frame', () => {
		expect(layout(1920, 1080).caption).toBeNull();
		expect(layout(1920, 1080, { caption }).caption).not.toBeNull();
	});

	it('sits under the title card at the left, clear of the inset, the legend below it', () => {
		for (const preset of SIZE_PRESETS) {
			const size = exportSize(preset.id, { width: 0, height: 0 }, 1);
			const result = layoutComposition(size, input({ caption }), measure);
			const card = result.caption!.card;
			expect(card.x, preset.id).toBe(result.margin);
			expect(card.y, preset.id).toBeGreaterThan(bottomOf(result.title!.card));
			expect(overlaps(card, result.inset!), preset.id).toBe(false);
			expect(overlaps(card, legendBox(result)), preset.id).toBe(false);
			expect(overlaps(card, result.scale.card), preset.id).toBe(false);
			expect(bottomOf(card), preset.id).toBeLessThan(result.map.height);
		}
	});

	it('takes the top margin when there is no title card', () => {
		const result = layout(1080, 1080, { title: '', subtitle: '', caption });
		expect(result.caption!.card.y).toBe(result.margin);
	});

	it('keeps its size whatever the date, as wide as the widest of the video', () => {
		const widths = caption.dates.map(
			(date) => layout(1080, 1080, { caption: { ...caption, date } }).caption!.card
		);
		expect(new Set(widths.map((card) => card.width)).size).toBe(1);
		expect(new Set(widths.map((card) => card.height)).size).toBe(1);
		const { caption: card, u } = layout(1080, 1080, { caption });
		const widest = measure('September 2018', card!.date.font);
		expect(card!.card.width).toBeCloseTo(widest + 28 * u, 9);
	});
});

function inside(box: Box, outer: Box): boolean {
	const eps = 1e-9;
	return (
		box.x >= outer.x - eps &&
		box.y >= outer.y - eps &&
		box.x + box.width <= outer.x + outer.width + eps &&
		box.y + box.height <= outer.y + outer.height + eps
	);
}

describe('every box stays inside the image', () => {
	const sizes = [
		...SIZE_PRESETS.map((preset) => ({ name: preset.id, ratio: 1, id: preset.id })),
		{ name: '4k at ratio 2', ratio: 2, id: '4k' },
		{ name: 'tiny custom', ratio: 1, id: 'custom' }
	].map(({ name, ratio, id }) => ({
		name,
		size: exportSize(id, { width: 200, height: 200 }, ratio)
	}));

	it.each(sizes)('$name', ({ size }) => {
		const image = { x: 0, y: 0, width: size.layoutWidth, height: size.layoutHeight };
		const result = layoutComposition(
			size,
			input({
				title: words(60),
				subtitle: words(200),
				credits: [words(100)],
				caption: { date: '28 May – 3 Jun 2018', detail: '12 of 14 incidents' }
			}),
			measure
		);
		const boxes = {
			credits: result.credits.band,
			title: result.title!.card,
			caption: result.caption!.card,
			inset: result.inset!,
			scale: result.scale.card,
			legend: legendBox(result)
		};
		for (const [name, box] of Object.entries(boxes)) {
			expect(inside(box, image), `${name} ${JSON.stringify(box)}`).toBe(true);
		}
	});
});

describe('a tall image (stories, 9:16)', () => {
	const story = exportSize('story', { width: 0, height: 0 }, 1);
	const layout = layoutComposition(story, input(), measure);
	const image = { x: 0, y: 0, width: story.layoutWidth, height: story.layoutHeight };

	it('puts the legend below the map, in a panel the width of the image', () => {
		expect(layout.map.height).toBeLessThan(story.layoutHeight);
		expect(layout.panel).toEqual({
			x: 0,
			y: layout.map.height,
			width: story.layoutWidth,
			height: story.layoutHeight - layout.map.height
		});
		const legend = legendBox(layout);
		expect(legend.y).toBeGreaterThanOrEqual(layout.map.height);
		expect(inside(legend, layout.panel!)).toBe(true);
		expect(legend.y + legend.height).toBeLessThanOrEqual(layout.credits.band.y + 0.5);
	});

	it('lays the legend out in two columns when they fit, at full size', () => {
		expect(layout.legend.scale).toBe(1);
		const columns = new Set(layout.legend.sections.map((section) => Math.round(section.title.x)));
		expect(columns.size).toBe(2);
	});

	it('keeps the title, inset and scale bar on the map', () => {
		for (const box of [layout.title!.card, layout.inset!, layout.scale.card]) {
			expect(inside(box, layout.map), JSON.stringify(box)).toBe(true);
		}
		expect(inside(layout.credits.band, image)).toBe(true);
	});

	it('has its map area known before the map is drawn (it does not depend on the map)', () => {
		// Whatever the map's scale turns out to be, the area is the same.
		expect(mapArea(story, input({ metresPerPixel: 1 }), measure)).toEqual(layout.map);
		expect(mapArea(story, input({ metresPerPixel: 5000 }), measure)).toEqual(layout.map);
	});

	it('other presets draw the map over the whole image, the legend over it', () => {
		for (const id of ['hd', 'square', 'portrait']) {
			const size = exportSize(id, { width: 0, height: 0 }, 1);
			const other = layoutComposition(size, input(), measure);
			expect(other.map).toEqual({ x: 0, y: 0, width: size.layoutWidth, height: size.layoutHeight });
			expect(other.panel).toBeNull();
		}
	});
});

describe('right to left (Arabic)', () => {
	const arabic = { language: { locale: 'ar' as const, digits: 'native' as const } };

	it('mirrors the composition: title and scale on the right, legend and inset on the left', () => {
		for (const size of [
			[1920, 1080],
			[1080, 1080],
			[1080, 1920]
		] as const) {
			const ltr = layout(size[0], size[1]);
			const rtl = layout(size[0], size[1], arabic);
			const W = size[0];
			expect(rtl.dir).toBe('rtl');
			expect(ltr.dir).toBe('ltr');
			// Every box is its left-to-right twin reflected across the image.
			const reflect = (box: Box) => ({ ...box, x: W - box.x - box.width });
			expect(rtl.title!.card).toEqual(reflect(ltr.title!.card));
			expect(rtl.scale.card).toEqual(reflect(ltr.scale.card));
			expect(rtl.inset).toEqual(reflect(ltr.inset!));
			expect(legendBox(rtl).x).toBeCloseTo(W - legendBox(ltr).x - legendBox(ltr).width, 6);
			expect(rtl.title!.card.x + rtl.title!.card.width).toBeGreaterThan(W / 2);
			expect(rtl.inset!.x).toBeLessThan(W / 2);
			// Texts end where their left-to-right twins start: right-aligned at the mirrored x.
			expect(rtl.title!.title.x).toBe(W - ltr.title!.title.x);
			expect(rtl.credits.text.x).toBe(W - ltr.credits.text.x);
			// In the legend card, symbols go right of their labels.
			const entryRtl = rtl.legend.sections[0]!.entries[0]!;
			expect(entryRtl.symbolX).toBeGreaterThan(entryRtl.label.x);
		}
		const square = layout(1080, 1080, arabic);
		expect(legendBox(square).x).toBeLessThan(1080 / 2);
	});

	it('writes the scale, the north arrow and the credits’ separators in Arabic', () => {
		const rtl = layout(1920, 1080, arabic);
		expect(rtl.scale.north.text).toBe('ش');
		expect(rtl.scale.distance.text).toMatch(/^[٠-٩]+ كم$/);
		expect(rtl.credits.text.lines.join(' ')).toContain(' | ');
		const ltr = layout(1920, 1080);
		expect(ltr.scale.north.text).toBe('N');
		expect(ltr.scale.distance.text).toMatch(/^\d+ km$/);
	});
});
