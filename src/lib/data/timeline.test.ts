import { describe, expect, it } from 'vitest';
import { dayNumber as day, isoFromDayNumber as iso } from './format';
import {
	addUnits,
	binningFor,
	chooseBinning,
	firstWindow,
	stepWindow,
	timeTicks
} from './timeline';

describe('timeline binning', () => {
	it('adapts the unit to the span', () => {
		expect(chooseBinning(day('2018-11-01'), day('2018-12-31')).unit).toBe('day');
		expect(chooseBinning(day('2017-02-24'), day('2019-01-19')).unit).toBe('week');
		expect(chooseBinning(day('2014-01-01'), day('2024-12-31')).unit).toBe('month');
	});

	it('puts every day in exactly one bin, bins in order and contiguous', () => {
		for (const unit of ['day', 'week', 'month'] as const) {
			const [first, last] = [day('2017-02-24'), day('2019-01-19')];
			const binning = binningFor(unit, first, last);
			for (let d = first; d <= last; d++) {
				const bin = binning.binOf(d);
				expect(bin).toBeGreaterThanOrEqual(0);
				expect(bin).toBeLessThan(binning.count);
				expect(binning.startOf(bin)).toBeLessThanOrEqual(d);
				expect(binning.endOf(bin)).toBeGreaterThanOrEqual(d);
			}
			for (let bin = 1; bin < binning.count; bin++)
				expect(binning.startOf(bin)).toBe(binning.endOf(bin - 1) + 1);
		}
	});

	it('starts weeks on Monday and months on the 1st', () => {
		const weeks = binningFor('week', day('2018-04-19'), day('2018-05-30'));
		expect(iso(weeks.startOf(0))).toBe('2018-04-16'); // a Monday
		expect(iso(weeks.endOf(0))).toBe('2018-04-22');
		const months = binningFor('month', day('2018-01-15'), day('2018-03-02'));
		expect([0, 1, 2].map((bin) => [iso(months.startOf(bin)), iso(months.endOf(bin))])).toEqual([
			['2018-01-01', '2018-01-31'],
			['2018-02-01', '2018-02-28'],
			['2018-03-01', '2018-03-31']
		]);
	});

	it('steps by calendar units', () => {
		expect(iso(addUnits(day('2018-01-31'), 'month', 1))).toBe('2018-02-28');
		expect(iso(addUnits(day('2018-12-15'), 'month', 1))).toBe('2019-01-15');
		expect(iso(addUnits(day('2018-12-15'), 'week', 2))).toBe('2018-12-29');
		expect(iso(addUnits(day('2018-12-15'), 'day', -15))).toBe('2018-11-30');
	});
});

describe('playback steps', () => {
	const [first, last] = [day('2018-01-01'), day('2018-03-10')];
	const show = (w: { from: number; to: number } | null) =>
		w ? `${iso(w.from)}…${iso(w.to)}` : null;

	it('moves a window by whole units, keeping its width, until the data ends', () => {
		let window: { from: number; to: number } | null = firstWindow('month', first, last);
		const seen: (string | null)[] = [show(window)];
		while (window) {
			window = stepWindow(window, 'month', 'window', first, last);
			seen.push(show(window));
		}
		expect(seen).toEqual([
			'2018-01-01…2018-01-31',
			'2018-02-01…2018-02-28',
			'2018-03-01…2018-03-10',
			null
		]);
	});

	it('keeps a month’s window ending on the month’s last day', () => {
		let window = { from: day('2018-10-01'), to: day('2018-10-31') };
		const seen = [show(window)];
		for (let i = 0; i < 3; i++) {
			window = stepWindow(window, 'month', 'window', first, day('2019-03-31'))!;
			seen.push(show(window));
		}
		expect(seen).toEqual([
			'2018-10-01…2018-10-31',
			'2018-11-01…2018-11-30',
			'2018-12-01…2018-12-31',
			'2019-01-01…2019-01-31'
		]);
	});

	it('grows a cumulative window from the first day', () => {
		const start = { from: day('2018-01-01'), to: day('2018-01-07') };
		expect(show(stepWindow(start, 'week', 'cumulative', first, last))).toBe(
			'2018-01-01…2018-01-14'
		);
		expect(show(stepWindow(start, 'day', 'window', first, last))).toBe('2018-01-02…2018-01-08');
		expect(stepWindow({ from: first, to: last }, 'day', 'window', first, last)).toBeNull();
	});
});

describe('axis ticks', () => {
	it('marks years for long spans and months (with the year in January) for short ones', () => {
		expect(timeTicks(day('2014-03-01'), day('2017-06-30')).map((t) => t.label)).toEqual([
			'2015',
			'2016',
			'2017'
		]);
		expect(
			timeTicks(day('2018-11-10'), day('2019-02-10')).map((t) => [iso(t.day), t.label])
		).toEqual([
			['2018-12-01', 'Dec 2018'],
			['2019-01-01', 'Jan 2019'],
			['2019-02-01', 'Feb']
		]);
	});
});
