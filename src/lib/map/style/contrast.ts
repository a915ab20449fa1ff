/**
 * WCAG contrast between colours, for the style's own tests: text needs 4.5:1, markers and the
 * other graphics a reader must see need 3:1 against what they are drawn on (WCAG 1.4.3, 1.4.11).
 * Colours are #rrggbb.
 */
type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
	return [1, 2, 3].map((i) => parseInt(match[i] ?? '0', 16)) as Rgb;
}

const hex = (colour: Rgb) =>
	`#${colour.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `over` painted at `opacity` on `under`. */
export function blend(over: string, opacity: number, under: string): string {
	const below = rgb(under);
	return hex(rgb(over).map((c, i) => c * opacity + (below[i] ?? 0) * (1 - opacity)) as Rgb);
}

function luminance(colour: string): number {
	const [r, g, b] = rgb(colour).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio, 1 (none) to 21 (black on white). */
export function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}
