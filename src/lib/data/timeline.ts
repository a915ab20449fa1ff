import { dayNumber } from './format';
import { MONTH_ABBREVIATIONS } from './months';

/**
 * Time bins for the timeline's histogram, chosen to suit the span of the data: days for a few
 * months, weeks (from Monday) for a few years, calendar months beyond. Days are numbered from
 * 1970-01-01 (format.ts dayNumber), so bins are plain integer arithmetic.
 */
export type TimeUnit = 'day' | 'week' | 'month';

export interface Binning {
	unit: TimeUnit;
	/** Number of bins, covering the first to the last day of the data. */
	count: number;
	/** The bin a day falls in (may be outside 0..count-1 for days outside the data). */
	binOf(day: number): number;
	/** First day of a bin. */
	startOf(bin: number): number;
	/** Last day of a bin (inclusive). */
	endOf(bin: number): number;
}

function monthIndex(day: number): number {
	const date = new Date(day * 86_400_000);
	return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function monthStart(index: number): number {
	return Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000;
}

/** Monday on or before a day (1970-01-01 was a Thursday). */
function weekStart(day: number): number {
	return day - ((((day + 3) % 7) + 7) % 7);
}

export function binningFor(unit: TimeUnit, firstDay: number, lastDay: number): Binning {
	if (unit === 'day') {
		return {
			unit,
			count: lastDay - firstDay + 1,
			binOf: (day) => day - firstDay,
			startOf: (bin) => firstDay + bin,
			endOf: (bin) => firstDay + bin
		};
	}
	if (unit === 'week') {
		const start = weekStart(firstDay);
		return {
			unit,
			count: Math.floor((lastDay - start) / 7) + 1,
			binOf: (day) => Math.floor((day - start) / 7),
			startOf: (bin) => start + 7 * bin,
			endOf: (bin) => start + 7 * bin + 6
		};
	}
	const first = monthIndex(firstDay);
	return {
		unit,
		count: monthIndex(lastDay) - first + 1,
		binOf: (day) => monthIndex(day) - first,
		startOf: (bin) => monthStart(first + bin),
		endOf: (bin) => monthStart(first + bin + 1) - 1
	};
}

/** The finest unit that keeps the histogram within `maxBins` bars. */
export function chooseBinning(firstDay: number, lastDay: number, maxBins = 160): Binning {
	for (const unit of ['day', 'week', 'month'] as const) {
		const binning = binningFor(unit, firstDay, lastDay);
		if (binning.count <= maxBins || unit === 'month') return binning;
	}
	throw new Error('unreachable');
}

/** A day moved by whole units (months keep the day of month where they can, else the last). */
export function addUnits(day: number, unit: TimeUnit, count: number): number {
	if (unit === 'day') return day + count;
	if (unit === 'week') return day + 7 * count;
	const date = new Date(day * 86_400_000);
	const target = date.getUTCMonth() + count;
	const lastOfTarget = new Date(Date.UTC(date.getUTCFullYear(), target + 1, 0)).getUTCDate();
	return (
		Date.UTC(date.getUTCFullYear(), target, Math.min(date.getUTCDate(), lastOfTarget)) / 86_400_000
	);
}

export type PlaybackMode = 'window' | 'cumulative';

export interface DayWindow {
	from: number;
	to: number;
}

/** The date window a filter sets, in days (an open end is the data's end); null for none. */
export function filterWindow(
	filter: { from: string | null; to: string | null },
	firstDay: number,
	lastDay: number
): DayWindow | null {
	if (filter.from === null && filter.to === null) return null;
	return {
		from: filter.from ? dayNumber(filter.from) : firstDay,
		to: filter.to ? dayNumber(filter.to) : lastDay
	};
}

/** The window playback starts from when none is set: the first unit of the data. */
export function firstWindow(unit: TimeUnit, firstDay: number, lastDay: number): DayWindow {
	return { from: firstDay, to: Math.min(lastDay, addUnits(firstDay, unit, 1) - 1) };
}

/**
 * One playback step: the window's end moves on by a unit ("window" keeps its width, so its start
 * follows; "cumulative" keeps its start). Null once the end has reached the data's last day.
 */
export function stepWindow(
	current: DayWindow,
	unit: TimeUnit,
	mode: PlaybackMode,
	firstDay: number,
	lastDay: number
): DayWindow | null {
	if (current.to >= lastDay) return null;
	// The day after the end, moved on and back a day: a month's end stays a month's end (31 Oct
	// steps to 30 Nov, then 31 Dec, never 30 Dec).
	const to = Math.min(lastDay, addUnits(current.to + 1, unit, 1) - 1);
	const from =
		mode === 'cumulative' ? Math.min(current.from, firstDay) : addUnits(current.from, unit, 1);
	return { from: Math.min(from, to), to };
}

/** Axis ticks: 1 January of each year for spans over two years, else the 1st of each month. */
export interface TimeTick {
	day: number;
	/** In English: "2018", "Apr", or "Jan 2018" (the year on January and on the first tick). */
	label: string;
	year: number;
	/** 0 for January. */
	month: number;
	/** What the label shows, for other languages to write it their way. */
	kind: 'year' | 'month' | 'month-year';
}

export function timeTicks(firstDay: number, lastDay: number): TimeTick[] {
	const ticks: TimeTick[] = [];
	const byYear = lastDay - firstDay > 730;
	let index = monthIndex(firstDay);
	if (byYear) index = Math.floor(index / 12) * 12;
	for (;;) {
		const day = monthStart(index);
		if (day > lastDay) break;
		if (day >= firstDay) {
			const [year, month] = [Math.floor(index / 12), index % 12];
			// Years, or months with the year on January and on the first tick.
			const withYear = month === 0 || ticks.length === 0;
			const label = byYear
				? String(year)
				: `${MONTH_ABBREVIATIONS[month] ?? ''}${withYear ? ` ${year}` : ''}`;
			const kind = byYear ? 'year' : withYear ? 'month-year' : 'month';
			ticks.push({ day, label, year, month, kind });
		}
		index += byYear ? 12 : 1;
	}
	return ticks;
}
