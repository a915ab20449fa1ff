import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeGeoParquet, type GeoParquetColumn } from '../geoparquet';
import { importText, RowImport } from './importer';
import { importParquet, isParquet, parquetCellText } from './parquet-import';

const csv = readFileSync(join(import.meta.dirname, 'fixtures/acled-current.csv'), 'utf8');
const table = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const [header = [], ...body] = table;

const buffer = (bytes: Uint8Array) =>
	bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

async function imported(bytes: Uint8Array) {
	const rows = new RowImport('acled');
	await importParquet(buffer(bytes), rows);
	return rows.result();
}

const withoutSourceRows = (incidents: ReturnType<typeof importText>['incidents']) =>
	incidents.map(({ properties: { source_row, ...rest }, ...incident }) => {
		void source_row;
		return { ...incident, properties: rest };
	});

describe('Parquet import', () => {
	const fromCsv = importText(csv, 'acled');

	it('reads an ACLED table in Parquet exactly as its CSV', async () => {
		const columns: GeoParquetColumn[] = header.map((name) => ({ name, type: 'STRING' }));
		const bytes = await writeGeoParquet(
			columns,
			body.map((row) => row.map((value) => (value === '' ? null : value))),
			body.map(() => Number.NaN),
			body.map(() => Number.NaN)
		);
		expect(isParquet(bytes)).toBe(true);
		const result = await imported(bytes);
		expect(result.report.format).toBe('acled');
		expect(result.report.rejected).toEqual(fromCsv.report.rejected);
		expect(result.incidents).toEqual(fromCsv.incidents);
		expect(result.report.notes).toContain('read from Parquet: its columns as text');
	});

	it('takes the position from the GeoParquet geometry when there are no coordinate columns', async () => {
		const at = (name: string) => header.indexOf(name);
		const keep = header.flatMap((name, i) =>
			name === 'latitude' || name === 'longitude' ? [] : [i]
		);
		// A geometry is a whole point or none: the CSV's row with half a position cannot be written.
		const rows = body.filter(
			(row) => (row[at('latitude')] === '') === (row[at('longitude')] === '')
		);
		const bytes = await writeGeoParquet(
			keep.map((i) => ({ name: header[i] ?? '', type: 'STRING' })),
			rows.map((row) => keep.map((i) => (row[i] === '' ? null : row[i]))),
			rows.map((row) => Number(row[at('longitude')] || Number.NaN)),
			rows.map((row) => Number(row[at('latitude')] || Number.NaN))
		);
		const result = await imported(bytes);
		expect(result.report.total).toBe(body.length - 1);
		expect(withoutSourceRows(result.incidents)).toEqual(withoutSourceRows(fromCsv.incidents));
		expect(result.report.unlocated).toBe(fromCsv.report.unlocated);
		expect(result.incidents[0]?.properties.source_row?.columns.slice(-2)).toEqual([
			'longitude',
			'latitude'
		]);
	});

	it('writes values as the CSV export would', () => {
		expect(parquetCellText(null)).toBe('');
		expect(parquetCellText(12n)).toBe('12');
		expect(parquetCellText(new Date('2024-02-03T00:00:00Z'))).toBe('2024-02-03');
		expect(parquetCellText(new Date('2024-02-03T10:00:00Z'))).toBe('2024-02-03T10:00:00.000Z');
		expect(parquetCellText({ a: [1n] })).toBe('{"a":["1"]}');
	});

	it('says so when the file is not Parquet it can read', async () => {
		const broken = new TextEncoder().encode('PAR1 and then nothing of the kind');
		const result = await imported(broken);
		expect(result.report.fileError).toMatch(/^not a Parquet file this import can read/);
		expect(result.incidents).toEqual([]);
	});
});
