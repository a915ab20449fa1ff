import type { LegendSymbol } from '$lib/map/style/legend';
import { font, type LegendCard } from './compose-layout';
import { paintCard, type Print } from './paint-card';

type Context = CanvasRenderingContext2D;

/** The legend card, drawn from the same legend data as the on-screen legend. */
export function paintLegend(
	ctx: Context,
	legend: LegendCard,
	u: number,
	print: Print,
	start: CanvasTextAlign = 'left'
) {
	const INK = print.ink;
	ctx.save();
	ctx.translate(legend.x, legend.y);
	ctx.scale(legend.scale, legend.scale);
	paintCard(ctx, { x: 0, y: 0, width: legend.width, height: legend.height }, u, print);
	for (const section of legend.sections) {
		ctx.fillStyle = INK;
		ctx.font = section.title.font;
		ctx.textAlign = start;
		ctx.textBaseline = 'middle';
		ctx.fillText(section.title.text, section.title.x, section.title.y);
		for (const entry of section.entries) {
			paintSymbol(ctx, entry.symbol, entry.symbolX, entry.symbolY, u, INK);
			ctx.fillStyle = INK;
			ctx.font = entry.label.font;
			ctx.textAlign = start;
			ctx.textBaseline = 'middle';
			ctx.fillText(entry.label.text, entry.label.x, entry.label.y);
		}
	}
	ctx.restore();
}

/** A legend symbol centred on cx, cy: a marker, a line or a patch of fill, as the map draws it. */
function paintSymbol(
	ctx: Context,
	symbol: LegendSymbol,
	cx: number,
	cy: number,
	u: number,
	ink: string
) {
	ctx.save();
	if (symbol.kind === 'ramp') {
		const [w, h] = [30 * u, 14 * u];
		const gradient = ctx.createLinearGradient(cx - w / 2, 0, cx + w / 2, 0);
		for (const [offset, colour] of symbol.stops) gradient.addColorStop(offset, colour);
		ctx.fillStyle = gradient;
		ctx.fillRect(cx - w / 2, cy - h / 2, w, h);
		ctx.globalAlpha = 0.35;
		ctx.strokeStyle = ink;
		ctx.lineWidth = u;
		ctx.strokeRect(cx - w / 2, cy - h / 2, w, h);
	} else if (symbol.kind === 'circle') {
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
		// A count only in a marker big enough to hold it.
		if (symbol.text && r > 6 * u) {
			ctx.fillStyle = symbol.textColour ?? ink;
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
		// Fills on the map are faint over the basemap; on a white card they need more strength.
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
