import type { Binning, DayWindow } from '$lib/data/timeline';

/**
 * The timeline's date window as a control: where a pointer press lands (a new window, the
 * window itself, or one of its edges), what dragging makes of it, what a click picks, and what
 * the keys do. Pure functions of days and pixels, so the view only turns events into calls.
 */

/** The days the timeline spans and the pixels it has for them. */
export interface TimelineScale {
	firstDay: number;
	lastDay: number;
	width: number;
}

/** Pixels either side of an edge that grab the edge rather than the window. */
export const EDGE_GRAB_PX = 7;
/** A press that moves less than this is a click (it picks the bar under it). */
export const CLICK_SLOP_PX = 3;

const span = (scale: TimelineScale) => scale.lastDay + 1 - scale.firstDay;

/** The x position of the start of a day. */
export function xOfDay(scale: TimelineScale, day: number): number {
	return ((day - scale.firstDay) / span(scale)) * scale.width;
}

/** The day under an x position, kept inside the data. */
export function dayAtX(scale: TimelineScale, x: number): number {
	const day = scale.firstDay + Math.floor((x / scale.width) * span(scale));
	return Math.min(scale.lastDay, Math.max(scale.firstDay, day));
}

export type DragKind = 'new' | 'move' | 'from' | 'to';

export interface Drag {
	kind: DragKind;
	startX: number;
	startDay: number;
	/** The window when the press began. */
	from: number;
	to: number;
}

/** What a press at `x` takes hold of: an edge, the window, or a new window from here. */
export function startDrag(scale: TimelineScale, window: DayWindow | null, x: number): Drag {
	const day = dayAtX(scale, x);
	let kind: DragKind = 'new';
	if (window) {
		const left = xOfDay(scale, window.from);
		const right = xOfDay(scale, window.to + 1);
		if (Math.abs(x - left) <= EDGE_GRAB_PX) kind = 'from';
		else if (Math.abs(x - right) <= EDGE_GRAB_PX) kind = 'to';
		else if (x > left && x < right) kind = 'move';
	}
	return { kind, startX: x, startDay: day, from: window?.from ?? day, to: window?.to ?? day };
}

/** The window while the pointer is at `x`: edges never cross, a moved window keeps its width. */
export function dragTo(scale: TimelineScale, drag: Drag, x: number): DayWindow {
	const day = dayAtX(scale, x);
	switch (drag.kind) {
		case 'new':
			return { from: Math.min(drag.startDay, day), to: Math.max(drag.startDay, day) };
		case 'from':
			return { from: Math.min(day, drag.to), to: drag.to };
		case 'to':
			return { from: drag.from, to: Math.max(day, drag.from) };
		case 'move': {
			const width = drag.to - drag.from;
			const from = Math.min(
				scale.lastDay - width,
				Math.max(scale.firstDay, drag.from + day - drag.startDay)
			);
			return { from, to: from + width };
		}
	}
}

/** A press released near where it began, on empty ground: the bar (bin) under it. */
export function clickedBin(
	scale: TimelineScale,
	drag: Drag,
	x: number,
	binning: Binning
): DayWindow | null {
	if (drag.kind !== 'new' || Math.abs(x - drag.startX) >= CLICK_SLOP_PX) return null;
	return binWindow(scale, binning, binning.binOf(drag.startDay));
}

/** A bin's days, kept inside the data. */
function binWindow(scale: TimelineScale, binning: Binning, bin: number): DayWindow {
	return {
		from: Math.max(scale.firstDay, binning.startOf(bin)),
		to: Math.min(scale.lastDay, binning.endOf(bin))
	};
}

/**
 * The window after a key: arrows move it by one bin (the window keeps its length in days),
 * Shift+arrows move its end by one bin (never shorter than a bin), Home/End jump to the start
 * or end of the data. Without a window, any of these starts from the first or last bin. Null
 * for keys that do nothing here.
 */
export function keyWindow(
	scale: TimelineScale,
	binning: Binning,
	window: DayWindow | null,
	key: string,
	shift: boolean
): DayWindow | null {
	const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
	if (!step && key !== 'Home' && key !== 'End') return null;
	const firstBin = binning.binOf(scale.firstDay);
	const lastBin = binning.binOf(scale.lastDay);
	if (!window) return binWindow(scale, binning, key === 'End' || step < 0 ? lastBin : firstBin);
	const length = window.to - window.from;
	if (key === 'Home')
		return { from: scale.firstDay, to: Math.min(scale.lastDay, scale.firstDay + length) };
	if (key === 'End')
		return { from: Math.max(scale.firstDay, scale.lastDay - length), to: scale.lastDay };
	if (shift) {
		// Resize: the end moves to the end of the next (or previous) bin, never before the start bin.
		const endBin = Math.min(
			lastBin,
			Math.max(binning.binOf(window.from), binning.binOf(window.to) + step)
		);
		return { from: window.from, to: binWindow(scale, binning, endBin).to };
	}
	const startBin = Math.min(lastBin, Math.max(firstBin, binning.binOf(window.from) + step));
	const from = Math.max(
		scale.firstDay,
		Math.min(binWindow(scale, binning, startBin).from, scale.lastDay - length)
	);
	return { from, to: from + length };
}
