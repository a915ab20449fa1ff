/**
 * Strict readers for text fields. Each returns a value or a human-readable reason;
 * callers turn reasons into row-level errors. Blank means "not given", never zero.
 */

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): FieldResult<T> => ({ ok: false, reason });

/** Trimmed text, or null when blank. */
export function optionalText(raw: string | undefined): string | null {
	const text = (raw ?? '').trim();
	return text === '' ? null : text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function readIsoDate(raw: string | undefined): FieldResult<string> {
	const text = (raw ?? '').trim();
	const match = ISO_DATE.exec(text);
	if (!match) return fail(`"${text}" is not a date written YYYY-MM-DD`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		return fail(`"${text}" is not a calendar date`);
	}
	return ok(text);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Whether the text is a plain decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)$/, checked by hand because
 * every coordinate of a million-row file goes through here (the regular expression was a tenth
 * of the analyze CLI's reading).
 */
export function isDecimal(text: string): boolean {
	const length = text.length;
	let i = 0;
	const sign = text.charCodeAt(0);
	if (sign === 43 || sign === 45) i++; // + or -
	const wholeStart = i;
	while (i < length && isDigit(text.charCodeAt(i))) i++;
	const whole = i - wholeStart;
	if (i < length && text.charCodeAt(i) === 46) {
		const fractionStart = ++i; // after the point
		while (i < length && isDigit(text.charCodeAt(i))) i++;
		if (whole === 0 && i === fractionStart) return false;
	} else if (whole === 0) return false;
	return i === length;
}

/** A finite decimal number, or null when blank. Rejects "1e3", "0x10", "12abc". */
export function readOptionalNumber(raw: string | undefined): FieldResult<number | null> {
	const text = (raw ?? '').trim();
	if (text === '') return ok(null);
	if (!isDecimal(text)) return fail(`"${text}" is not a number`);
	return ok(Number(text));
}

/** A whole number ≥ 0, or null when blank (unknown — not zero). */
export function readOptionalCount(raw: string | undefined): FieldResult<number | null> {
	const number = readOptionalNumber(raw);
	if (!number.ok || number.value === null) return number;
	if (!Number.isInteger(number.value) || number.value < 0) {
		return fail(`"${(raw ?? '').trim()}" is not a whole number ≥ 0`);
	}
	return number;
}

export type Position = [longitude: number, latitude: number];

/**
 * A WGS84 position from separate latitude/longitude fields.
 * Both blank → null (an unlocated record); only one given or out of range → a reason.
 */
export function readPosition(
	latitudeRaw: string | undefined,
	longitudeRaw: string | undefined
): FieldResult<Position | null> & { field?: 'latitude' | 'longitude' } {
	const latitude = readOptionalNumber(latitudeRaw);
	if (!latitude.ok) return { ...latitude, field: 'latitude' };
	const longitude = readOptionalNumber(longitudeRaw);
	if (!longitude.ok) return { ...longitude, field: 'longitude' };
	if (latitude.value === null && longitude.value === null) return ok(null);
	if (latitude.value === null) {
		return { ...fail('longitude is given but latitude is missing'), field: 'latitude' };
	}
	if (longitude.value === null) {
		return { ...fail('latitude is given but longitude is missing'), field: 'longitude' };
	}
	if (latitude.value < -90 || latitude.value > 90) {
		return { ...fail(`latitude ${latitude.value} is out of range (−90 to 90)`), field: 'latitude' };
	}
	if (longitude.value < -180 || longitude.value > 180) {
		return {
			...fail(`longitude ${longitude.value} is out of range (−180 to 180)`),
			field: 'longitude'
		};
	}
	return ok([longitude.value, latitude.value]);
}

/** Splits a list written "a ; b ; c" (or with bare semicolons) into trimmed, non-empty items. */
export function splitList(raw: string | undefined): string[] {
	return (raw ?? '')
		.split(';')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

/**
 * Splits a list of URLs written "url ; url". A semicolon only separates where a new URL follows,
 * so a URL that itself contains ";" stays whole.
 */
export function splitUrls(raw: string | undefined): string[] {
	return (raw ?? '')
		.split(/;(?=\s*[a-z][a-z0-9+.-]*:\/\/)/i)
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

const WEB_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i;

/**
 * An absolute http(s) URL with a dotted host. A pattern rather than new URL(): it runs once per
 * source of every row of a large import, and URL parsing is far slower.
 */
export function isWebUrl(text: string): boolean {
	return WEB_URL.test(text);
}
