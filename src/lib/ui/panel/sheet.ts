/**
 * The incident panel on a narrow screen is a bottom sheet with three resting heights: a peek
 * (the place and the date, with the map above it), half the screen, and nearly all of it. A drag
 * on its grip moves it; where it comes to rest depends on where and how fast it was let go.
 * Pure numbers, so the behaviour is tested without a browser.
 */
export type SheetSnap = 'peek' | 'half' | 'full';

export const SNAPS: readonly SheetSnap[] = ['peek', 'half', 'full'];

/** The peek shows the sheet's head: close button, id, place and date. */
export const PEEK_HEIGHT = 168;
/** Room left above a full sheet, so the page never looks like a different page. */
export const FULL_GAP = 48;
/** Dragged this far below the peek, the sheet closes when let go. */
export const CLOSE_DISTANCE = 64;
/** A release faster than this (px per ms) is a flick: it goes one step in its direction. */
export const FLICK_SPEED = 0.5;

export type SheetHeights = Record<SheetSnap, number>;

/** The resting heights for a viewport of this height (never taller than the viewport). */
export function sheetHeights(viewportHeight: number): SheetHeights {
	const full = Math.max(PEEK_HEIGHT, viewportHeight - FULL_GAP);
	const half = Math.min(full, Math.max(PEEK_HEIGHT, Math.round(viewportHeight / 2)));
	return { peek: Math.min(PEEK_HEIGHT, full), half, full };
}

/** A drag's height, kept between nothing and full. */
export function dragHeight(startHeight: number, dy: number, heights: SheetHeights): number {
	return Math.min(heights.full, Math.max(0, startHeight - dy));
}

/**
 * Where a sheet let go at `height` comes to rest, after a drag that began at `from`. `velocity`
 * is px per ms, positive downwards. Pulled well below the peek, it closes. A flick goes on in its
 * direction: to the snap beyond the one it started from that is nearest where it was let go (a
 * flick down from the peek closes). A slow release rests at the nearest snap.
 */
export function settle(
	height: number,
	velocity: number,
	heights: SheetHeights,
	from: SheetSnap
): SheetSnap | 'closed' {
	if (height < heights.peek - CLOSE_DISTANCE) return 'closed';
	const nearest = (snaps: readonly SheetSnap[]) =>
		snaps.reduce((best, snap) =>
			Math.abs(heights[snap] - height) < Math.abs(heights[best] - height) ? snap : best
		);
	const start = heights[from];
	if (velocity > FLICK_SPEED) {
		const below = SNAPS.filter((snap) => heights[snap] < start - 1);
		return below.length > 0 ? nearest(below) : 'closed';
	}
	if (velocity < -FLICK_SPEED) {
		const above = SNAPS.filter((snap) => heights[snap] > start + 1);
		return above.length > 0 ? nearest(above) : from;
	}
	return nearest(SNAPS);
}

/** The snap the grip's button goes to next: up to full, then back down to half. */
export function nextSnap(snap: SheetSnap): SheetSnap {
	return snap === 'full' ? 'half' : snap === 'half' ? 'full' : 'half';
}
