/**
 * CSV writing per RFC 4180: a field is quoted when it holds a comma, a double quote, a line
 * break or leading/trailing space, and quotes inside are doubled. `csvField` and `csvRow` write
 * values as given (no number formatting), so what was read comes back out unchanged;
 * `csvDocument`, which every export goes through, also neutralises formulas by default.
 */

type Value = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /["\r\n]|^\s|\s$/;

/** One field; quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(value: Value, delimiter = ','): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return NEEDS_QUOTES.test(text) || text.includes(delimiter)
		? `"${text.replace(/"/g, '""')}"`
		: text;
}

export function csvRow(values: readonly Value[], lineBreak = '\r\n', delimiter = ','): string {
	return values.map((value) => csvField(value, delimiter)).join(delimiter) + lineBreak;
}

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, such as -5, -3.2, +7 or -1.5e3: a spreadsheet reads it as a number. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `-2+3`, `@SUM(…)`, or
 * one starting with a tab or carriage return) gets a leading `'`, which spreadsheets read as
 * "this is text" and do not show. Numbers, and text that is exactly a number such as "-5", are
 * left alone: they are values, not formulas.
 */
export function neutraliseFormula<T extends Value>(value: T): T | string {
	if (typeof value !== 'string') return value;
	// Text that already starts with quotes before a formula character ("'=x") gets one more, so
	// that restoreFormula can tell it from a neutralised "=x"; a spreadsheet shows it as it was.
	const unquoted = value.replace(/^'+/, '');
	if (!FORMULA_START.test(unquoted) || PLAIN_NUMBER.test(unquoted)) return value;
	return `'${value}`;
}

/**
 * The inverse of neutraliseFormula, for a file this app wrote: a cell that is `'` followed by
 * what neutraliseFormula would have prefixed comes back as it was. Only for the app's own
 * exports (the importer recognises their header): elsewhere a leading `'` is the file's text.
 */
export function restoreFormula(value: string): string {
	if (!value.startsWith("'")) return value;
	const original = value.slice(1);
	return neutraliseFormula(original) === value ? original : value;
}

/** The UTF-8 byte order mark: spreadsheets need it to read Arabic in a CSV correctly. */
export const BOM = '\ufeff';

export interface CsvDocumentOptions {
	/**
	 * 'neutralise' (the default): cells a spreadsheet would run get a leading `'`; 'raw':
	 * every value exactly as given, for programs that read the file.
	 */
	formulas?: 'neutralise' | 'raw';
}

/** A whole file: BOM, optional comment lines (each starting with "# "), the header, the rows. */
export function csvDocument(
	header: readonly string[],
	rows: Iterable<readonly Value[]>,
	comments: readonly string[] = [],
	options: CsvDocumentOptions = {}
): string {
	return [...csvDocumentParts(header, rows, comments, options, Infinity)].join('');
}

/**
 * csvDocument a part at a time: the BOM, comments and header, then `rowsPerPart` rows a part,
 * for a file too large to be one string (a Blob takes the parts) or to write in one task.
 */
export function* csvDocumentParts(
	header: readonly string[],
	rows: Iterable<readonly Value[]>,
	comments: readonly string[] = [],
	{ formulas = 'neutralise' }: CsvDocumentOptions = {},
	rowsPerPart = 2_000
): Generator<string> {
	const cells = formulas === 'raw' ? (row: readonly Value[]) => row : safeCells;
	const head = [BOM];
	for (const comment of comments) head.push(`# ${comment.replace(/[\r\n]+/g, ' ')}\r\n`);
	head.push(csvRow(cells(header)));
	let part = head;
	for (const row of rows) {
		part.push(csvRow(cells(row)));
		if (part.length >= rowsPerPart) {
			yield part.join('');
			part = [];
		}
	}
	if (part.length > 0) yield part.join('');
}

/** Every cell of a row through neutraliseFormula. */
export function safeCells(row: readonly Value[]): Value[] {
	return row.map(neutraliseFormula);
}
