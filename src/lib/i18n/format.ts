import {
	formatDay,
	formatDistance,
	formatIncidentDate,
	formatKilled,
	formatShortDay,
	type KilledText
} from '$lib/data/format';
import type { DatePrecision } from '$lib/data/incident';
import { formatBytes, scaledBytes } from '$lib/data/import/storage-quota';
import { MONTH_ABBREVIATIONS } from '$lib/data/months';
import { m } from '$lib/paraglide/messages';
import { direction, intlTag, type Digits, type Direction, type Locale } from './locale';

/**
 * Numbers, dates, distances and bearings as the reader's language writes them. English keeps
 * the app's fixed formats (data/format.ts: "19 April 2018", "25.68 km"), so the panel, exports
 * and tests read the same everywhere; Arabic goes through `Intl` (ar-SY: Syriac month names,
 * Arabic-Indic digits unless Latin ones are chosen). Phrases around the numbers come from the
 * message catalogue, whole ("week of …"), never put together from pieces.
 */
export class Formatter {
	readonly locale: Locale;
	readonly digits: Digits;
	readonly dir: Direction;
	/** The tag `Intl` formats with (en-GB, ar-SY-u-nu-arab, ar-SY-u-nu-latn). */
	readonly tag: string;
	readonly #options: { locale: Locale };
	readonly #integer: Intl.NumberFormat;
	readonly #day: Intl.DateTimeFormat;
	readonly #month: Intl.DateTimeFormat;
	readonly #monthOnly: Intl.DateTimeFormat;
	readonly #year: Intl.DateTimeFormat;
	readonly #time: Intl.DateTimeFormat;

	constructor(locale: Locale = 'en', digits: Digits = 'native') {
		this.locale = locale;
		this.digits = digits;
		this.dir = direction(locale);
		this.tag = intlTag(locale, digits);
		this.#options = { locale };
		const utc = { timeZone: 'UTC' } as const;
		this.#integer = new Intl.NumberFormat(this.tag, { maximumFractionDigits: 0 });
		this.#day = new Intl.DateTimeFormat(this.tag, {
			...utc,
			day: 'numeric',
			month: 'long',
			year: 'numeric'
		});
		this.#month = new Intl.DateTimeFormat(this.tag, { ...utc, month: 'long', year: 'numeric' });
		this.#monthOnly = new Intl.DateTimeFormat(this.tag, { ...utc, month: 'long' });
		this.#year = new Intl.DateTimeFormat(this.tag, { ...utc, year: 'numeric' });
		this.#time = new Intl.DateTimeFormat(this.tag, {
			...utc,
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
	}

	get isArabic(): boolean {
		return this.locale === 'ar';
	}

	/** A whole number, grouped: "1,234" / "١٬٢٣٤". */
	count(value: number): string {
		return this.#integer.format(value);
	}

	/** A number with exactly `decimals` decimals (English: no grouping, as the app wrote it). */
	fixed(value: number, decimals: number): string {
		if (!this.isArabic) return value.toFixed(decimals);
		return new Intl.NumberFormat(this.tag, {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			useGrouping: false
		}).format(value);
	}

	/** Any number as the language writes it ("2.5", "٢٫٥"). */
	number(value: number): string {
		if (!this.isArabic) return String(value);
		return new Intl.NumberFormat(this.tag, { maximumFractionDigits: 6 }).format(value);
	}

	/** Latin digits in a text of ours (the years in the built-in dataset's title) in the language's digits. */
	digitsIn(text: string): string {
		if (!this.isArabic || this.digits === 'latin') return text;
		return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
	}

	#date(iso: string): Date {
		const [year, month, day] = iso.split('-').map(Number);
		return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
	}

	/** A size in bytes, in decimal units: "2.5 MB" / "٢٫٥ م.ب". */
	bytes(value: number): string {
		if (!this.isArabic) return formatBytes(value);
		const { value: size, unit, fractionDigits } = scaledBytes(value);
		const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
		return new Intl.NumberFormat(this.tag, {
			style: 'unit',
			unit: units[unit],
			maximumFractionDigits: fractionDigits
		}).format(size);
	}

	/** "19 April 2018" / "١٩ نيسان ٢٠١٨" */
	day(iso: string): string {
		return this.isArabic ? this.#day.format(this.#date(iso)) : formatDay(iso);
	}

	/** "19 Apr 2018"; Arabic month names are not shortened: "١٩ نيسان ٢٠١٨". */
	shortDay(iso: string): string {
		return this.isArabic ? this.#day.format(this.#date(iso)) : formatShortDay(iso);
	}

	/** "April 2018" / "نيسان ٢٠١٨" */
	month(iso: string): string {
		return this.isArabic ? this.#month.format(this.#date(iso)) : formatIncidentDate(iso, 'month');
	}

	/** A timeline tick: "Apr", "Jan 2018" or "2018" (Arabic: "نيسان", "كانون الثاني ٢٠١٨"). */
	tick(year: number, month: number, kind: 'year' | 'month' | 'month-year'): string {
		const date = new Date(Date.UTC(year, month, 1));
		if (!this.isArabic) {
			if (kind === 'year') return String(year);
			const name = MONTH_ABBREVIATIONS[month] ?? '';
			return kind === 'month' ? name : `${name} ${year}`;
		}
		if (kind === 'year') return this.#year.format(date);
		return (kind === 'month' ? this.#monthOnly : this.#month).format(date);
	}

	/** The date as precisely as it is known: "19 April 2018", "week of 24 May 2018", "May 2018". */
	incidentDate(iso: string, precision: DatePrecision): string {
		if (!this.isArabic) return formatIncidentDate(iso, precision);
		if (precision === 'day') return this.day(iso);
		if (precision === 'week') return m.date_week_of({ day: this.day(iso) }, this.#options);
		return this.month(iso);
	}

	/** What the precision of a date means, as a note beside it. */
	datePrecisionNote(precision: DatePrecision): string {
		if (precision === 'day') return m.date_precision_day_note({}, this.#options);
		if (precision === 'week') return m.date_precision_week_note({}, this.#options);
		return m.date_precision_month_note({}, this.#options);
	}

	/** A reported toll: "36", "41–44", "up to 30", "at least 20", "not reported". */
	killed(min: number | null, max: number | null): KilledText {
		if (!this.isArabic) return formatKilled(min, max);
		const o = this.#options;
		if (min === null && max === null) return { long: m.killed_not_reported({}, o), short: null };
		if (min !== null && max !== null) {
			const text = min === max ? this.count(min) : `${this.count(min)}–${this.count(max)}`;
			return { long: text, short: text };
		}
		if (max !== null) {
			const n = this.count(max);
			return { long: m.killed_up_to({ n }, o), short: `≤${n}` };
		}
		const n = this.count(min ?? 0);
		return { long: m.killed_at_least({ n }, o), short: `≥${n}` };
	}

	/** "25.68 km", "640 m" (Arabic: "٢٥٫٦٨ كم", "٦٤٠ مترًا"). */
	distance(metres: number): string {
		if (!this.isArabic) return formatDistance(metres);
		if (!Number.isFinite(metres)) return m.distance_unknown({}, this.#options);
		if (metres < 1000) return this.#unit(Math.round(metres), 'meter', 0);
		return this.#unit(metres / 1000, 'kilometer', metres < 100_000 ? 2 : 1);
	}

	/** Kilometres as a whole or given number: "25 km" / "٢٥ كم". */
	km(value: number, decimals = 0): string {
		if (!this.isArabic) return `${value.toFixed(decimals)} km`;
		return this.#unit(value, 'kilometer', decimals);
	}

	#unit(value: number, unit: 'meter' | 'kilometer', decimals: number): string {
		return new Intl.NumberFormat(this.tag, {
			style: 'unit',
			unit,
			unitDisplay: 'short',
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		}).format(value);
	}

	/** A bearing with its compass point: "45° NE" / "٤٥° شمال شرق". */
	bearing(degrees: number): string {
		const point = COMPASS[Math.round(degrees / 45) % 8] ?? 'n';
		const value = this.isArabic
			? this.count(Math.round(degrees) % 360)
			: String(Math.round(degrees) % 360);
		return m.bearing({ degrees: value, point: compassPoint(point, this.locale) }, this.#options);
	}

	/** "34.68944° N, 40.83083° E" */
	coordinates([lon, lat]: readonly [number, number]): string {
		const o = this.#options;
		const latText = this.fixed(Math.abs(lat), 5);
		const lonText = this.fixed(Math.abs(lon), 5);
		return m.coordinates(
			{
				lat:
					lat < 0
						? m.latitude_south({ value: latText }, o)
						: m.latitude_north({ value: latText }, o),
				lon:
					lon < 0
						? m.longitude_west({ value: lonText }, o)
						: m.longitude_east({ value: lonText }, o)
			},
			o
		);
	}

	/** A moment in UTC: "24 Nov 2026, 09:05 UTC" / "٢٤ تشرين الثاني ٢٠٢٦، ٠٩:٠٥ UTC". */
	utc(at: Date): string {
		const iso = at.toISOString();
		const date = this.isArabic ? this.#day.format(at) : formatShortDay(iso.slice(0, 10));
		const time = this.isArabic ? this.#time.format(at) : iso.slice(11, 16);
		return m.utc_time({ date, time }, this.#options);
	}
}

/** A range of numbers ("2017–2019", "٢٠١٧–٢٠١٩") kept on one line, for a heading. */
export function keepRangesTogether(text: string): string {
	return text.replace(/([0-9٠-٩])–(?=[0-9٠-٩])/g, '$1\u2060–\u2060');
}

const COMPASS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
type CompassPoint = (typeof COMPASS)[number];

function compassPoint(point: CompassPoint, locale: Locale): string {
	const o = { locale };
	switch (point) {
		case 'n':
			return m.compass_n({}, o);
		case 'ne':
			return m.compass_ne({}, o);
		case 'e':
			return m.compass_e({}, o);
		case 'se':
			return m.compass_se({}, o);
		case 's':
			return m.compass_s({}, o);
		case 'sw':
			return m.compass_sw({}, o);
		case 'w':
			return m.compass_w({}, o);
		case 'nw':
			return m.compass_nw({}, o);
	}
}

/** English with the app's fixed formats: what pure code and tests use when no language is given. */
export const ENGLISH = new Formatter('en');
