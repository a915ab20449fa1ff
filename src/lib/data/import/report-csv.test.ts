import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM } from '$lib/data/csv';
import type { ImportReport } from './importer';
import { reportCsv } from './report-csv';

const report: ImportReport = {
	format: 'csv',
	total: 4,
	imported: 1,
	unlocated: 0,
	rejected: [
		{ row: 2, id: '=HYPERLINK("http://example.org","x")', field: 'date', message: 'bad' },
		{ row: 3, id: '+cmd|x', field: 'latitude', message: '"@SUM(A1)" is not a number' },
		{ row: 4, id: '-5', field: 'longitude', message: 'longitude -500 is out of range' }
	],
	notes: [],
	fileError: null
};

describe('import report CSV', () => {
	it('lists every rejected row with its number, id, field and reason', () => {
		const text = reportCsv('points.csv', report);
		expect(text.startsWith(`${BOM}# import report for points.csv: 4 rows, 1 imported`)).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
			header: true,
			comments: '#',
			skipEmptyLines: true
		});
		expect(parsed.errors).toEqual([]);
		expect(parsed.data.map((row) => row.row)).toEqual(['2', '3', '4']);
	});

	it('neutralises ids and reasons a spreadsheet would run (the file is the user’s own input)', () => {
		const rows = Papa.parse<string[]>(reportCsv('points.csv', report).slice(1), {
			comments: '#',
			skipEmptyLines: true
		}).data.slice(1);
		expect(rows.map((row) => row[1])).toEqual([
			`'=HYPERLINK("http://example.org","x")`,
			"'+cmd|x",
			'-5'
		]);
		expect(rows[1]![3]).toBe('"@SUM(A1)" is not a number');
	});
});
