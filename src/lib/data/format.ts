import type { DatePrecision } from './incident';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from './months';

/**
 * Words and numbers as a reader sees them. Fixed English formats (not the browser's locale) so
 * the panel, exports and tests agree everywhere; unknown stays "not reported", never 0.
 */

/** The number written by the digits of iso[from, to), or NaN if any is not a digit. */
function digitsAt(iso: string, from: number, to: number): number {
	let value = 0;
	for (let i = from; i < to; i++) {
		const digit = iso.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return Number.NaN;
		value = value * 10 + digit;
	}
	return value;
}

function parts(iso: string): { year: number; month: number; day: number } {
	// "YYYY-MM-DD" read digit by digit: every row of an import goes through here.
	if (iso.length === 10 && iso[4] === '-' && iso[7] === '-') {
		const year = digitsAt(iso, 0, 4);
		const month = digitsAt(iso, 5, 7);
		const day = digitsAt(iso, 8, 10);
		if (!Number.isNaN(year + month + day)) return { year, month, day };
	}
	const [year, month, day] = iso.split('-').map(Number);
	return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
}

/** "19 April 2018" */
export function formatDay(iso: string): string {
	const { year, month, day } = parts(iso);
	return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "19 Apr 2018" */
export function formatShortDay(iso: string): string {
	const { year, month, day } = parts(iso);
	return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

/** The date as precisely as it is known: "19 April 2018", "week of 24 May 2018", "May 2018". */
export function formatIncidentDate(iso: string, precision: DatePrecision): string {
	if (precision === 'day') return formatDay(iso);
	if (precision === 'week') return `week of ${formatDay(iso)}`;
	const { year, month } = parts(iso);
	return `${MONTH_NAMES[month - 1]} ${year}`;
}

export const DATE_PRECISION_WORDS: Record<DatePrecision, string> = {
	day: 'exact day reported',
	week: 'exact day uncertain: within the week of this date',
	month: 'exact day unknown: within this month'
};

export interface KilledText {
	/** For reading: "36", "41–44", "up to 30", "at least 20", "not reported". */
	long: string;
	/** For a map marker: "36", "41–44", "≤30", "≥20", or null when not reported. */
	short: string | null;
}

/** A reported toll as a range; blank bounds are unknown, not zero. */
export function formatKilled(min: number | null, max: number | null): KilledText {
	if (min === null && max === null) return { long: 'not reported', short: null };
	if (min !== null && max !== null) {
		const text = min === max ? String(min) : `${min}–${max}`;
		return { long: text, short: text };
	}
	if (max !== null) return { long: `up to ${max}`, short: `≤${max}` };
	return { long: `at least ${min}`, short: `≥${min}` };
}

/** The figure a marker is sized by: the highest reported, else the lowest, else null. */
export function killedForSize(min: number | null, max: number | null): number | null {
	return max ?? min;
}

/** "25.68 km" (metres below 1 km: "640 m"). */
export function formatDistance(metres: number): string {
	if (!Number.isFinite(metres)) return 'unknown';
	if (metres < 1000) return `${Math.round(metres)} m`;
	return `${(metres / 1000).toFixed(metres < 100_000 ? 2 : 1)} km`;
}

/** The host of a URL without "www.", for link text: "kurdistan24.net". */
export function sourceHost(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return url;
	}
}

/** Days since 1970-01-01 for an ISO date (UTC): a number the map can compare. */
export function dayNumber(iso: string): number {
	const { year, month, day } = parts(iso);
	return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** The ISO date of a day number (the inverse of dayNumber). */
export function isoFromDayNumber(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
