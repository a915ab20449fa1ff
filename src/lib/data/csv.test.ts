import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { BOM, csvDocument, csvField, csvRow } from './csv';

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
		expect(parsed.data).toEqual([
			header,
			...rows.map((row) => row.map((value) => (value === null ? '' : String(value))))
		]);
	});
});
