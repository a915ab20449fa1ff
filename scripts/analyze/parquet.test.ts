/** The analyze CLI with (Geo)Parquet in and out, read back with hyparquet. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeoParquet } from '../../src/lib/data/geoparquet';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'analyze-parquet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = promisify(execFile);

async function analyze(args: string[]) {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['--import', 'tsx', 'scripts/analyze.ts', ...args],
			{
				cwd: root
			}
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

const readParquet = (path: string) => {
	const bytes = readFileSync(path);
	const file = bytes.buffer.slice(
		bytes.byteOffset,
		bytes.byteOffset + bytes.byteLength
	) as ArrayBuffer;
	const metadata = parquetMetadata(file);
	const geo = JSON.parse(
		metadata.key_value_metadata?.find(({ key }) => key === 'geo')?.value ?? 'null'
	);
	return { file, metadata, geo };
};

const csvRows = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), {
		header: true,
		skipEmptyLines: true
	}).data;

describe('analyze CLI: GeoParquet', { timeout: 120_000 }, () => {
	it('CSV → GeoParquet: the CSV output’s columns and values, a WKB Point geometry, GeoParquet 1.1 metadata', async () => {
		const input = join(fixtures, 'points.csv');
		const out = join(work, 'points.parquet');
		const csvOut = join(work, 'points.csv');
		expect((await analyze([input, '--out', out])).code).toBe(0);
		expect((await analyze([input, '--out', csvOut])).code).toBe(0);
		const { file, metadata, geo } = readParquet(out);
		const expected = csvRows(csvOut);
		expect(metadata.schema.slice(1).map((element) => element.name)).toEqual([
			...Object.keys(expected[0]!),
			'geometry'
		]);
		expect(geo).toMatchObject({
			version: '1.1.0',
			primary_column: 'geometry',
			columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } }
		});
		expect(geo.columns.geometry.crs).toBeUndefined();
		expect(geo.columns.geometry.bbox).toHaveLength(4);
		const rows = await parquetReadObjects({ file });
		expect(rows).toHaveLength(expected.length);
		rows.forEach((row, i) => {
			const csv = expected[i]!;
			for (const [name, value] of Object.entries(csv)) {
				const got = row[name];
				if (['border_distance_m', 'nearest_place_km'].includes(name))
					expect(got, name).toBe(value === '' ? null : Number(value));
				else expect(got ?? '', `${csv.id} ${name}`).toBe(value);
			}
			if (csv.border_distance_m === '') expect(row.geometry).toBeNull();
			else
				expect(row.geometry).toEqual({
					type: 'Point',
					coordinates: [Number(csv.longitude), Number(csv.latitude)]
				});
		});
	});

	it('GeoJSON → GeoParquet: properties as typed columns, unlocated features with a null geometry', async () => {
		const input = join(root, 'geodata/incidents/strikes.geojson');
		const out = join(work, 'strikes.parquet');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		expect(stderr).toContain('→ ' + out + ' (GeoParquet)');
		const before = JSON.parse(readFileSync(input, 'utf8'));
		const rows = await parquetReadObjects({ file: readParquet(out).file });
		expect(rows.map((row) => row.id)).toEqual(before.features.map((f: { id: string }) => f.id));
		const hajin = rows[1]!;
		expect(hajin.place_ar).toBe(before.features[1].properties.place_ar);
		expect(hajin.nearest_place).toBe('Hajin');
		expect(rows.filter((row) => row.geometry === null)).toHaveLength(3);
		expect(rows.find((row) => row.killed_min === null)).toBeDefined(); // unknown stays unknown
	});

	it('GeoParquet → CSV and → GeoParquet; a plain Parquet with latitude/longitude → GeoJSON', async () => {
		const input = join(work, 'made.parquet');
		writeFileSync(
			input,
			await writeGeoParquet(
				[
					{ name: 'id', type: 'STRING' },
					{ name: 'name', type: 'STRING' },
					{ name: 'count', type: 'INT64' }
				],
				[
					['P1', 'هجين "Hajin"', 3n],
					['P2', '=cmd', null]
				],
				[40.83083, Number.NaN],
				[34.68944, Number.NaN]
			)
		);
		const csv = join(work, 'made.csv');
		const toCsv = await analyze([input, '--out', csv]);
		expect(toCsv.code).toBe(0);
		expect(toCsv.stderr).toMatch(/2 rows: 1 measured, 1 kept without results/);
		const rows = csvRows(csv);
		expect(rows[0]).toMatchObject({
			id: 'P1',
			name: 'هجين "Hajin"',
			count: '3',
			longitude: '40.83083',
			latitude: '34.68944',
			border_side: 'SYR',
			nearest_place: 'Hajin'
		});
		expect(rows[1]).toMatchObject({
			id: 'P2',
			name: "'=cmd",
			count: '',
			longitude: '',
			border_distance_m: ''
		});

		const again = join(work, 'made-out.parquet');
		expect((await analyze([input, '--out', again])).code).toBe(0);
		const read = await parquetReadObjects({ file: readParquet(again).file });
		expect(read.map((row) => [row.id, row.count, row.nearest_place])).toEqual([
			['P1', 3n, 'Hajin'],
			['P2', null, null]
		]);
		expect(read[0]!.geometry).toEqual({ type: 'Point', coordinates: [40.83083, 34.68944] });

		const plain = join(work, 'plain.parquet');
		writeFileSync(
			plain,
			new Uint8Array(
				parquetWriteBuffer({
					columnData: [
						{ name: 'lat', data: [34.68944, 134], type: 'DOUBLE' },
						{ name: 'lon', data: [40.83083, 40], type: 'DOUBLE' }
					]
				})
			)
		);
		const geojson = join(work, 'plain.geojson');
		const toGeoJson = await analyze([plain, '--out', geojson]);
		expect(toGeoJson.code).toBe(0);
		expect(toGeoJson.stderr).toContain('row 2: latitude 134 is out of range');
		const collection = JSON.parse(readFileSync(geojson, 'utf8'));
		expect(collection.features[0].geometry).toEqual({
			type: 'Point',
			coordinates: [40.83083, 34.68944]
		});
		expect(collection.features[0].properties.nearest_place).toBe('Hajin');
		expect(collection.features[1].geometry).toBeNull();
	});

	it('says why it will not turn CSV into GeoJSON, and a broken Parquet file is refused with a reason', async () => {
		const refused = await analyze([join(fixtures, 'points.csv'), '--out', join(work, 'x.geojson')]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('CSV input is written as CSV or GeoParquet, not GeoJSON');
		const broken = join(work, 'broken.parquet');
		writeFileSync(broken, 'PAR1 this is not really parquet');
		const result = await analyze([broken, '--out', join(work, 'y.csv')]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/cannot be read as Parquet/);
	});
});
