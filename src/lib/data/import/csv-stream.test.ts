import { describe, expect, it } from 'vitest';
import { formatRowError } from '../row-error';
import { parseCsv } from './csv-stream';
import { importText, RowImport, type ImportResult } from './importer';
import { streamImport } from './testing/stream-import';

/** The same import from a string, `chunkSize` characters at a time (all at once if unset). */
function stringImport(text: string, chunkSize?: number): ImportResult {
	const rows = new RowImport('ds');
	parseCsv(text, rows, chunkSize ? { chunkSize } : {});
	return rows.result();
}

const messages = (result: ImportResult) => result.report.rejected.map(formatRowError);

/** Ten rows; row 3 ends with a quote that nothing closes (the case). */
const UNCLOSED_ON_ROW_3 = [
	'id,date,lat,lon,notes',
	...Array.from({ length: 10 }, (_, i) =>
		i === 2
			? `E3,2018-11-03,34.5,40.5,"unterminated`
			: `E${i + 1},2018-11-${String(i + 1).padStart(2, '0')},34.5,40.5,note ${i + 1}`
	)
].join('\r\n');

describe('CSV rows are numbered as the file numbers them, not by batch', () => {
	it('an unterminated quote on row 3 of 10 costs row 3 alone: 9 imported, 1 rejected, 10 in all', async () => {
		for (const result of [
			stringImport(UNCLOSED_ON_ROW_3),
			stringImport(UNCLOSED_ON_ROW_3, 17),
			await streamImport(UNCLOSED_ON_ROW_3, 5),
			await streamImport(UNCLOSED_ON_ROW_3, 1 << 20)
		]) {
			expect(result.report).toMatchObject({ total: 10, imported: 9 });
			expect(messages(result)).toEqual([
				'row 3 (E3), row: a quote opens a field that no quote closes before the end of the ' +
					'file: this row is rejected, and the rows after it are read on their own'
			]);
			expect(result.incidents.map((incident) => incident.properties.original_id)).toEqual([
				'E1',
				'E2',
				'E4',
				'E5',
				'E6',
				'E7',
				'E8',
				'E9',
				'E10'
			]);
		}
	});

	it('an unterminated quote on the last row, or in the header', () => {
		const last = stringImport('id,date,lat,lon\nE1,2018-11-01,34,40\nE2,2018-11-02,34,"40');
		expect(last.report).toMatchObject({ total: 2, imported: 1 });
		expect(messages(last)[0]).toMatch(/^row 2 \(E2\), row: a quote opens a field/);
		const header = stringImport('id,date,"lat,lon\nE1,2018-11-01,34,40');
		expect(header.report.fileError).toMatch(/^the header cannot be read: a quote opens a field/);
		expect(header.report.total).toBe(0);
	});

	it('a complaint in a later batch lands on its own row (Papa Parse counts its rows per batch)', async () => {
		const lines = ['id,date,lat,lon,notes'];
		for (let i = 1; i <= 40; i++) {
			lines.push(
				i === 33
					? `E${i},2018-11-01,34,40,"a "bad" quote"`
					: i === 27
						? `E${i},2018-11-01,34`
						: `E${i},2018-11-01,34,40,"fine, quoted"`
			);
		}
		const text = lines.join('\n');
		const expected = [
			'row 27 (E27), row: has 3 fields where the header has 5',
			'row 33 (E33), row: a quoted field is malformed: a quote inside it is not doubled ("")'
		];
		for (const result of [
			stringImport(text),
			stringImport(text, 64),
			await streamImport(text, 64),
			await streamImport(text, 7)
		]) {
			expect(messages(result)).toEqual(expected);
			expect(result.report).toMatchObject({ total: 40, imported: 38 });
		}
	});
});

describe('reading a file in pieces', () => {
	it('decodes a character whose bytes straddle two pieces whole (decoding each piece alone breaks it)', async () => {
		const text =
			'id,date,lat,lon,place\r\nE1,2018-11-25,34.5,40.9,السوسة\r\nE2,2018-11-26,34.5,40.9,هجين\r\n';
		for (const size of [1, 2, 3, 5, 7, 64]) {
			const result = await streamImport(text, size);
			expect(result.incidents.map((incident) => incident.properties.place)).toEqual([
				'السوسة',
				'هجين'
			]);
		}
	});

	it('reads the encoding it is told: Windows-1256 Arabic', async () => {
		// "السوسة" in Windows-1256.
		const arabic = [0xc7, 0xe1, 0xd3, 0xe6, 0xd3, 0xc9];
		const bytes = new Uint8Array([
			...new TextEncoder().encode('id,date,lat,lon,place\nE1,2018-11-25,34.5,40.9,'),
			...arabic,
			0x0a
		]);
		const result = await streamImport(bytes, 4, 'windows-1256');
		expect(result.incidents[0]?.properties.place).toBe('السوسة');
	});

	it('streams the same result as the whole string, for every piece size', async () => {
		const whole = importText(UNCLOSED_ON_ROW_3, 'ds');
		for (const size of [1, 3, 8, 100]) {
			const streamed = await streamImport(UNCLOSED_ON_ROW_3, size);
			expect(streamed).toEqual(whole);
		}
	});
});

describe('the app re-imports its own CSV export', () => {
	it('skips the comment lines before the header (and says so); a "#" row after it is a row', () => {
		const text =
			'\uFEFF# citation: a map. https://example.org/#q=x\r\n# permalink: https://example.org/\r\n' +
			'id,date,latitude,longitude,place\r\n#5,2018-11-20,34.6,40.8,Hajin\r\n';
		const { incidents, report } = importText(text, 'ds');
		expect(report).toMatchObject({ total: 1, imported: 1, rejected: [] });
		expect(report.notes).toEqual([
			'2 comment lines before the header (starting with "#") were skipped'
		]);
		expect(incidents[0]?.id).toBe('ds:#5');
	});
});
