import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRow } from './csv';
import {
	CsvReader,
	MAX_QUOTED_CHARACTERS,
	delimiterProblem,
	type CsvReadResult
} from './csv-reader';

/** Reads a whole text, fed in the given pieces. */
function read(pieces: string[] | string, delimiter = ','): CsvReadResult[] {
	const reader = new CsvReader(delimiter);
	const results: CsvReadResult[] = [];
	for (const piece of typeof pieces === 'string' ? [pieces] : pieces)
		results.push(...reader.push(piece));
	results.push(...reader.end());
	return results;
}

const fieldsOf = (results: CsvReadResult[]) =>
	results.map((result) => (result.error ? `ERROR line ${result.line}` : result.fields));

describe('CSV reader', () => {
	it('reads quoted fields with delimiters, doubled quotes, line breaks and Arabic', () => {
		const results = read('\ufeffid,notes\r\n1,"a, ""b""\r\nc"\r\n2,هجين\r\n');
		expect(fieldsOf(results)).toEqual([
			['id', 'notes'],
			['1', 'a, "b"\r\nc'],
			['2', 'هجين']
		]);
		expect(results.map((r) => r.line)).toEqual([1, 2, 4]);
		expect(results[1]!.text).toBe('1,"a, ""b""\r\nc"');
	});

	it('ends a record at LF, CRLF or a lone CR, mixed in one file', () => {
		const results = read('h1,h2\n1,a\r2,b\r\n3,c\n4,d\r');
		expect(fieldsOf(results)).toEqual([
			['h1', 'h2'],
			['1', 'a'],
			['2', 'b'],
			['3', 'c'],
			['4', 'd']
		]);
		expect(results.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
	});

	it('gives blank lines as empty records and keeps a trailing empty field', () => {
		expect(read('a,b\n\n1,\n').map((r) => r.text)).toEqual(['a,b', '', '1,']);
		expect(fieldsOf(read('a,b\n1,'))).toEqual([
			['a', 'b'],
			['1', '']
		]);
	});

	it('treats a quote inside an unquoted field as an ordinary character', () => {
		expect(fieldsOf(read('a,b\n5" shell,x\n'))).toEqual([
			['a', 'b'],
			['5" shell', 'x']
		]);
	});

	it('an unterminated quote in row 3 of 10 is that row’s error; rows 4–10 are still read', () => {
		const lines = ['id,notes,latitude,longitude'];
		for (let i = 1; i <= 10; i++)
			lines.push(i === 3 ? `${i},"unterminated,34.5,40.9` : `${i},note ${i},34.5,40.9`);
		const results = read(lines.join('\n') + '\n');
		expect(results).toHaveLength(11);
		const broken = results[3]!;
		expect(broken.error).toBe('the quote that opens field 2 is never closed');
		expect(broken.line).toBe(4);
		expect(broken.text).toBe('3,"unterminated,34.5,40.9');
		expect(results.slice(4).map((r) => r.fields?.[0])).toEqual([
			'4',
			'5',
			'6',
			'7',
			'8',
			'9',
			'10'
		]);
		expect(results.slice(4).map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
	});

	it('a stray quote does not pair with a later row’s quotes', () => {
		const results = read('a,b\n1,"broken\n2,ok\n3,"x, y"\n');
		expect(fieldsOf(results)).toEqual([['a', 'b'], 'ERROR line 2', ['2', 'ok'], ['3', 'x, y']]);
		expect(results[1]!.error).toMatch(/field 2 has text after its closing quote/);
	});

	it('text after a closing quote is an error for that record only', () => {
		const results = read('a,b\n1,"x"y\n2,z\n');
		expect(fieldsOf(results)).toEqual([['a', 'b'], 'ERROR line 2', ['2', 'z']]);
	});

	it('counts a quoted field over the limit as never closed, and reads on', () => {
		const long = 'x'.repeat(MAX_QUOTED_CHARACTERS + 10);
		const results = read(['a,b\n1,"', long, '\n2,', 'z\n3,"ok"\n']);
		expect(fieldsOf(results)).toEqual([['a', 'b'], 'ERROR line 2', ['2', 'z'], ['3', 'ok']]);
	});

	it('reads the same whatever the pieces: a CR and its LF, a doubled quote, split apart', () => {
		const text = 'a,b\r\n1,"x""y"\r\n2,"p\r\nq"\r3,z';
		const whole = read(text);
		for (let cut = 1; cut < text.length; cut++) {
			expect(read([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
		}
		for (let cut = 1; cut < text.length - 1; cut++) {
			const pieces = [text.slice(0, cut), text.slice(cut, cut + 1), text.slice(cut + 1)];
			expect(read(pieces), `cut at ${cut}, ${cut + 1}`).toEqual(whole);
		}
	});

	it('reads well-formed CSV as Papa Parse does, in any pieces (property test)', () => {
		const text = fc.string({
			unit: fc.constantFrom('a', 'ح', ',', ';', '"', ' ', '\n', '\r\n', '\r', '-')
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
				fc.array(fc.nat(), { maxLength: 5 }),
				fc.constantFrom('\n', '\r\n', '\r'),
				(rows, cuts, lineBreak) => {
					const csv = rows.map((row) => csvRow(row, lineBreak)).join('');
					const at = [...new Set(cuts.map((cut) => cut % (csv.length + 1)))].sort((a, b) => a - b);
					const pieces = [0, ...at].map((from, i) => csv.slice(from, at[i] ?? csv.length));
					const results = read(pieces);
					expect(results.every((r) => !r.error)).toBe(true);
					expect(fieldsOf(results)).toEqual(rows);
					const papa = Papa.parse<string[]>(csv, { delimiter: ',', newline: lineBreak }).data;
					expect(fieldsOf(results)).toEqual(papa.filter((row) => row.length > 1));
				}
			),
			{ numRuns: 300, seed: 1013 }
		);
	});

	it('every line of arbitrary bytes ends up in exactly one record or error (property test)', () => {
		const junk = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', ' ') });
		fc.assert(
			fc.property(junk, fc.nat(), (csv, cut) => {
				const at = cut % (csv.length + 1);
				const results = read([csv.slice(0, at), csv.slice(at)]);
				// The records' texts and their line breaks make up the whole file again.
				const lines = results.reduce((n, r) => n + (r.text.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
				const breaks = csv.match(/\r\n|\r|\n/g)?.length ?? 0;
				expect(lines + results.length).toBeGreaterThanOrEqual(breaks);
				expect(results.map((r) => r.text).join('').length).toBeLessThanOrEqual(csv.length);
				let line = 1;
				for (const result of results) {
					expect(result.line).toBe(line);
					line += (result.text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
				}
			}),
			{ numRuns: 500, seed: 77 }
		);
	});

	it.each([
		['"', 'the delimiter cannot be the quote character (")'],
		['\n', 'the delimiter cannot be a line break'],
		['\r', 'the delimiter cannot be a line break'],
		[';;', 'the delimiter must be one character'],
		['', 'the delimiter must be one character']
	])('refuses the delimiter %j', (delimiter, message) => {
		expect(delimiterProblem(delimiter)).toBe(message);
		expect(() => new CsvReader(delimiter)).toThrow(message);
	});

	it('reads with another delimiter, a tab or a semicolon', () => {
		expect(fieldsOf(read('a\tb\n"x\ty"\t2\n', '\t'))).toEqual([
			['a', 'b'],
			['x\ty', '2']
		]);
		expect(fieldsOf(read('a;b\n1,5;2\n', ';'))).toEqual([
			['a', 'b'],
			['1,5', '2']
		]);
	});
});
