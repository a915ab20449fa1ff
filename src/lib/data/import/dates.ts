import { readIsoDate, type FieldResult } from '../fields';
import { MONTH_NAMES } from '../months';

/**
 * A date as exports write it: "2019-01-15", "2019-01-15 00:00:00.000" (UCDP), "15 January 2019"
 * or "15-January-2019" (older ACLED). Anything else is an error, never a guess: "01/02/2019" is
 * January or February depending on who wrote it.
 */
export function readFlexibleDate(raw: string | undefined): FieldResult<string> {
	const text = (raw ?? '').trim();
	const stamp = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
	if (stamp) return readIsoDate(stamp[1]);
	const words = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(text);
	if (words) {
		const [, day = '', monthName = '', year = ''] = words;
		const name = monthName.toLowerCase();
		const month = MONTH_NAMES.findIndex(
			(full) => full.toLowerCase() === name || full.slice(0, 3).toLowerCase() === name
		);
		if (month >= 0) {
			return readIsoDate(`${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`);
		}
	}
	if (text === '') return { ok: false, reason: 'is missing' };
	return { ok: false, reason: `"${text}" is not a date (write YYYY-MM-DD)` };
}
