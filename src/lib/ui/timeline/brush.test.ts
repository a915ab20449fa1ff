import { describe, expect, it } from 'vitest';
import { dayNumber } from '$lib/data/format';
import { binningFor } from '$lib/data/timeline';
import {
	clickedBin,
	dayAtX,
	dragTo,
	keyWindow,
	startDrag,
	xOfDay,
	type TimelineScale
} from './brush';

/** 100 days on 1,000 pixels: 10 px a day, from day 1000 to day 1099; weekly bins. */
const scale: TimelineScale = { firstDay: 1000, lastDay: 1099, width: 1000 };
const weeks = binningFor('week', scale.firstDay, scale.lastDay);
const window = { from: 1020, to: 1029 }; // x 200–300

describe('the timeline brush', () => {
	it('maps pixels to days and back, kept inside the data', () => {
		expect(xOfDay(scale, 1020)).toBe(200);
		expect(dayAtX(scale, 205)).toBe(1020);
		expect(dayAtX(scale, -50)).toBe(1000);
		expect(dayAtX(scale, 5000)).toBe(1099);
	});

	it('grabs an edge within 7 px, the window inside it, and starts a new window elsewhere', () => {
		expect(startDrag(scale, window, 195).kind).toBe('from');
		expect(startDrag(scale, window, 306).kind).toBe('to');
		expect(startDrag(scale, window, 250).kind).toBe('move');
		expect(startDrag(scale, window, 600).kind).toBe('new');
		expect(startDrag(scale, null, 250).kind).toBe('new');
	});

	it('draws a new window either way from the press', () => {
		const drag = startDrag(scale, null, 500);
		expect(dragTo(scale, drag, 700)).toEqual({ from: 1050, to: 1070 });
		expect(dragTo(scale, drag, 300)).toEqual({ from: 1030, to: 1050 });
	});

	it('moves an edge without crossing the other', () => {
		const left = startDrag(scale, window, 200);
		expect(dragTo(scale, left, 100)).toEqual({ from: 1010, to: 1029 });
		expect(dragTo(scale, left, 900)).toEqual({ from: 1029, to: 1029 });
		const right = startDrag(scale, window, 300);
		expect(dragTo(scale, right, 50)).toEqual({ from: 1020, to: 1020 });
	});

	it('moves the whole window keeping its width, stopping at the ends of the data', () => {
		const drag = startDrag(scale, window, 250);
		expect(dragTo(scale, drag, 350)).toEqual({ from: 1030, to: 1039 });
		expect(dragTo(scale, drag, 990)).toEqual({ from: 1090, to: 1099 });
		expect(dragTo(scale, drag, -400)).toEqual({ from: 1000, to: 1009 });
	});

	it('a click (under 3 px of movement) picks the bar under it; a drag does not', () => {
		const drag = startDrag(scale, null, 505);
		const bin = weeks.binOf(1050);
		expect(clickedBin(scale, drag, 506, weeks)).toEqual({
			from: weeks.startOf(bin),
			to: weeks.endOf(bin)
		});
		expect(clickedBin(scale, drag, 520, weeks)).toBeNull();
		expect(clickedBin(scale, startDrag(scale, window, 250), 250, weeks)).toBeNull();
	});

	it('a click on the first bar keeps the window inside the data', () => {
		const picked = clickedBin(scale, startDrag(scale, null, 1), 1, weeks)!;
		expect(picked.from).toBe(1000);
		expect(picked.to).toBe(weeks.endOf(0));
	});
});

describe('the timeline window from the keyboard', () => {
	const months = binningFor('month', dayNumber('2018-01-01'), dayNumber('2018-12-31'));
	const year: TimelineScale = {
		firstDay: dayNumber('2018-01-01'),
		lastDay: dayNumber('2018-12-31'),
		width: 800
	};
	const april = { from: dayNumber('2018-04-01'), to: dayNumber('2018-04-30') };

	it('arrows move the window by one bin, keeping its length', () => {
		expect(keyWindow(year, months, april, 'ArrowRight', false)).toEqual({
			from: dayNumber('2018-05-01'),
			to: dayNumber('2018-05-30')
		});
		expect(keyWindow(year, months, april, 'ArrowLeft', false)).toEqual({
			from: dayNumber('2018-03-01'),
			to: dayNumber('2018-03-30')
		});
	});

	it('Shift+arrows resize the window by one bin, never below one bin', () => {
		expect(keyWindow(year, months, april, 'ArrowRight', true)).toEqual({
			from: april.from,
			to: dayNumber('2018-05-31')
		});
		expect(keyWindow(year, months, april, 'ArrowLeft', true)).toEqual(april);
	});

	it('Home and End jump to the ends of the data; the window stays inside it', () => {
		expect(keyWindow(year, months, april, 'Home', false)).toEqual({
			from: year.firstDay,
			to: year.firstDay + 29
		});
		expect(keyWindow(year, months, april, 'End', false)).toEqual({
			from: year.lastDay - 29,
			to: year.lastDay
		});
		const december = { from: dayNumber('2018-12-01'), to: year.lastDay };
		expect(keyWindow(year, months, december, 'ArrowRight', false)).toEqual(december);
	});

	it('without a window, a key starts from the first or the last bin', () => {
		expect(keyWindow(year, months, null, 'ArrowRight', false)).toEqual({
			from: year.firstDay,
			to: dayNumber('2018-01-31')
		});
		expect(keyWindow(year, months, null, 'End', false)).toEqual({
			from: dayNumber('2018-12-01'),
			to: year.lastDay
		});
	});

	it('other keys do nothing', () => {
		expect(keyWindow(year, months, april, 'a', false)).toBeNull();
	});
});
