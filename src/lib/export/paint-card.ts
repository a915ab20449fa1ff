import type { Theme } from '$lib/map/style/theme';
import type { Box } from './compose-layout';

/** The export's own ink and cards, from its theme: nearly opaque, so the map shows faintly. */
export type Print = Theme['print'];

export function paintCard(ctx: CanvasRenderingContext2D, box: Box, u: number, print: Print) {
	ctx.save();
	ctx.fillStyle = print.card;
	ctx.strokeStyle = print.cardLine;
	ctx.lineWidth = Math.max(1, u);
	ctx.beginPath();
	ctx.roundRect(box.x, box.y, box.width, box.height, 8 * u);
	ctx.fill();
	ctx.stroke();
	ctx.restore();
}
