/**
 * The English month names, January first: the one spelling that dates on screen, the timeline's
 * axis, exported images and the date parser of imports all share (fixed, not the browser's
 * locale, so they agree everywhere).
 */
export const MONTH_NAMES: readonly string[] = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "Jan", "Feb", … "Dec". */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));
