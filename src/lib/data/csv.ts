/**
 * CSV writing per RFC 4180: a field is quoted when it holds a comma, a double quote, a line
 * break or leading/trailing space, and quotes inside are doubled. Values are written as given
 * (no number formatting), so what was read comes back out unchanged.
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

/** The UTF-8 byte order mark: spreadsheets need it to read Arabic in a CSV correctly. */
export const BOM = '\ufeff';

/** A whole file: BOM, optional comment lines (each starting with "# "), the header, the rows. */
export function csvDocument(
	header: readonly string[],
	rows: Iterable<readonly Value[]>,
	comments: readonly string[] = []
): string {
	const parts = [BOM];
	for (const comment of comments) parts.push(`# ${comment.replace(/[\r\n]+/g, ' ')}\r\n`);
	parts.push(csvRow(header));
	for (const row of rows) parts.push(csvRow(row));
	return parts.join('');
}
