/**
 * The part of the map that nothing covers. The incident panel (a column on the right) or sheet
 * (a band along the bottom) hides part of the map; a selected marker must sit in what is left.
 * Rectangles are in the map container's own pixels.
 */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/**
 * The largest rectangle of the container beside the overlay: to its left, right, above or below.
 * Without an overlay (or one that misses the container) it is the whole container.
 */
export function clearArea(width: number, height: number, overlay: Box | null): Box {
	const whole = { left: 0, top: 0, right: width, bottom: height };
	if (!overlay) return whole;
	const o = {
		left: Math.max(0, overlay.left),
		top: Math.max(0, overlay.top),
		right: Math.min(width, overlay.right),
		bottom: Math.min(height, overlay.bottom)
	};
	if (o.right <= o.left || o.bottom <= o.top) return whole;
	const sides: Box[] = [
		{ ...whole, right: o.left },
		{ ...whole, left: o.right },
		{ ...whole, bottom: o.top },
		{ ...whole, top: o.bottom }
	];
	const area = (box: Box) => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
	return sides.reduce((best, side) => (area(side) > area(best) ? side : best));
}

/** Whether a point lies in a box, at least `margin` pixels inside its edges. */
export function insideBox(x: number, y: number, box: Box, margin = 0): boolean {
	return (
		x >= box.left + margin &&
		x <= box.right - margin &&
		y >= box.top + margin &&
		y <= box.bottom - margin
	);
}
