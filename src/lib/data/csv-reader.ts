/**
 * A streaming CSV reader (RFC 4180) that never lets one broken record take others with it.
 *
 * - Records end at any line break outside quotes: CRLF, LF or a lone CR, mixed freely in one
 *   file (a file edited on two systems must not have its rows merged).
 * - A field that starts with `"` is quoted: `""` inside is one quote, line breaks inside are
 *   kept as they are, and the closing quote must be followed by the delimiter, a line break or
 *   the end. A quote inside an unquoted field is an ordinary character.
 * - A quoted field that is never closed, or has text after its closing quote, makes its record
 *   an error that says where it is; reading resumes at the first line break after that field's
 *   opening quote, so every later line is read (and reported) on its own. A quoted field is
 *   given at most MAX_QUOTED_CHARACTERS before it counts as never closed: memory stays bounded
 *   however the file is broken (a spreadsheet cell holds at most 32,767 characters).
 *
 * Every record carries its text as in the file (without its line break) and the file line it
 * starts on, so errors name lines a user can find and unchanged records can be copied through.
 */

export interface CsvRecord {
	/** The fields: quotes removed, doubled quotes undone, everything else as written. */
	fields: string[];
	/** The record as in the file, without its line break ('' for a blank line). */
	text: string;
	/** The file line the record starts on, from 1. */
	line: number;
	error?: undefined;
}

export interface CsvRecordError {
	/** What is wrong, in words. */
	error: string;
	/** The text taken as this record, without its line break. */
	text: string;
	line: number;
	fields?: undefined;
}

export type CsvReadResult = CsvRecord | CsvRecordError;

export const MAX_QUOTED_CHARACTERS = 1 << 20;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Characters that cannot separate fields, since they mean something else in CSV. */
export function delimiterProblem(delimiter: string): string | null {
	if ([...delimiter].length !== 1) return 'the delimiter must be one character';
	if (delimiter === '"') return 'the delimiter cannot be the quote character (")';
	if (delimiter === '\r' || delimiter === '\n') return 'the delimiter cannot be a line break';
	return null;
}

/** Line breaks in a piece of text: CRLF, LF and lone CR each count once. */
function lineBreaks(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === LF) count++;
		else if (c === CR) {
			count++;
			if (text.charCodeAt(i + 1) === LF) i++;
		}
	}
	return count;
}

/** Where the next line break at or after `from` starts, or -1. */
function nextLineBreak(text: string, from: number): number {
	const lf = text.indexOf('\n', from);
	const cr = text.indexOf('\r', from);
	if (lf < 0) return cr;
	if (cr < 0) return lf;
	return Math.min(lf, cr);
}

export class CsvReader {
	readonly #delimiter: number;
	#pending = '';
	#line = 1;
	#started = false;

	constructor(delimiter = ',') {
		const problem = delimiterProblem(delimiter);
		if (problem) throw new Error(problem);
		this.#delimiter = delimiter.charCodeAt(0);
	}

	/** Feeds a piece of the file; returns the records it completed. */
	push(chunk: string): CsvReadResult[] {
		if (!this.#started) {
			this.#started = true;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		return this.#read(this.#pending + chunk, false);
	}

	/** Call at the end of the file: returns the last record(s). */
	end(): CsvReadResult[] {
		const rest = this.#pending;
		this.#pending = '';
		return rest === '' ? [] : this.#read(rest, true);
	}

	#read(text: string, final: boolean): CsvReadResult[] {
		const results: CsvReadResult[] = [];
		const delimiter = this.#delimiter;
		const delimiterText = String.fromCharCode(delimiter);
		const length = text.length;
		let start = 0;
		let line = this.#line;
		// The next delimiter, LF and CR at or after the cursor (length when there is none): found
		// with indexOf and kept until passed, so plain fields cost one slice each.
		let nextDelimiter = -1;
		let nextLf = -1;
		let nextCr = -1;
		const seek = (i: number) => {
			if (nextDelimiter < i) {
				nextDelimiter = text.indexOf(delimiterText, i);
				if (nextDelimiter < 0) nextDelimiter = length;
			}
			if (nextLf < i) {
				nextLf = text.indexOf('\n', i);
				if (nextLf < 0) nextLf = length;
			}
			if (nextCr < i) {
				nextCr = text.indexOf('\r', i);
				if (nextCr < 0) nextCr = length;
			}
		};

		records: while (start < length) {
			const fields: string[] = [];
			let i = start;
			let extraLines = 0;
			let problem: { quote: number; error: string } | null = null;
			let end = -1;
			let next = -1;

			for (;;) {
				if (text.charCodeAt(i) === QUOTE) {
					const quote = i;
					let value = '';
					let from = i + 1;
					for (;;) {
						const close = text.indexOf('"', from);
						if (close < 0 || close - quote > MAX_QUOTED_CHARACTERS) {
							if (!final && close < 0 && length - quote <= MAX_QUOTED_CHARACTERS) break records;
							problem = {
								quote,
								error: `the quote that opens field ${fields.length + 1} is never closed`
							};
							break;
						}
						if (close + 1 === length && !final) break records; // a doubled quote may follow
						if (text.charCodeAt(close + 1) === QUOTE) {
							value += text.slice(from, close + 1);
							from = close + 2;
							continue;
						}
						value += text.slice(from, close);
						i = close + 1;
						break;
					}
					if (problem) break;
					const after = text.charCodeAt(i);
					if (i < length && after !== delimiter && after !== CR && after !== LF) {
						problem = {
							quote,
							error:
								`field ${fields.length + 1} has text after its closing quote ` +
								'(a quote inside a quoted field is written "")'
						};
						break;
					}
					if (value.includes('\n') || value.includes('\r')) extraLines += lineBreaks(value);
					fields.push(value);
				} else {
					seek(i);
					const j = Math.min(nextDelimiter, nextLf, nextCr);
					if (j === length && !final) break records;
					fields.push(text.slice(i, j));
					i = j;
				}
				if (i >= length) {
					if (!final) break records;
					end = next = length;
					break;
				}
				const c = text.charCodeAt(i);
				if (c === delimiter) {
					i++;
					if (i === length) {
						if (!final) break records;
						fields.push('');
						end = next = length;
						break;
					}
					continue;
				}
				if (c === CR) {
					if (i + 1 === length && !final) break records; // an LF may follow
					end = i;
					next = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
					break;
				}
				end = i; // LF
				next = i + 1;
				break;
			}

			if (problem) {
				// Resume after the line the broken field opens on: later lines are read on their own.
				const lineEnd = nextLineBreak(text, problem.quote);
				if (lineEnd < 0 && !final) break;
				if (!final && text.charCodeAt(lineEnd) === CR && lineEnd + 1 === length) break;
				end = lineEnd < 0 ? length : lineEnd;
				next =
					lineEnd < 0
						? length
						: text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF
							? lineEnd + 2
							: lineEnd + 1;
				const taken = text.slice(start, end);
				results.push({ error: problem.error, text: taken, line });
				line += lineBreaks(taken) + (next > end ? 1 : 0);
			} else {
				results.push({ fields, text: text.slice(start, end), line });
				line += extraLines + (next > end ? 1 : 0);
			}
			start = next;
		}
		this.#pending = text.slice(start);
		this.#line = line;
		return results;
	}
}
