import type { Box } from './compose-layout';

/** The export's ink and its cards: white, nearly opaque, so the map shows faintly through. */
export const INK = '#1f1b18';
export const MUTED = '#4f483f';
export const CARD = 'rgba(255, 255, 255, 0.93)';
const CARD_LINE = 'rgba(31, 27, 24, 0.18)';

export function paintCard(ctx: CanvasRenderingContext2D, box: Box, u: number) {
	ctx.save();
	ctx.fillStyle = CARD;
	ctx.strokeStyle = CARD_LINE;
	ctx.lineWidth = Math.max(1, u);
	ctx.beginPath();
	ctx.roundRect(box.x, box.y, box.width, box.height, 8 * u);
	ctx.fill();
	ctx.stroke();
	ctx.restore();
}
