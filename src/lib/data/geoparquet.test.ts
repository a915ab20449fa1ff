import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import {
	GEOMETRY_COLUMN,
	geoParquetBatches,
	geoParquetInfo,
	GeoParquetWriter,
	wkbPoint,
	writeGeoParquet,
	type GeoParquetColumn
} from './geoparquet';

const columns: GeoParquetColumn[] = [
	{ name: 'id', type: 'STRING' },
	{ name: 'place_ar', type: 'STRING' },
	{ name: 'summary', type: 'STRING' },
	{ name: 'killed', type: 'INT64' },
	{ name: 'distance_km', type: 'DOUBLE' },
	{ name: 'confirmed', type: 'BOOLEAN' },
	{ name: 'reported_at', type: 'TIMESTAMP' },
	{ name: 'extra', type: 'JSON' }
];

const rows = [
	[
		'IQ-SY-001',
		'هجين',
		'He said "strike, then\nanother"; \'quoted\'',
		12n,
		-3.25,
		true,
		new Date('2018-11-20T10:00:00Z'),
		{ tags: ['a', 'ب'] }
	],
	['IQ-SY-002', null, '', null, null, null, null, null],
	['IQ-SY-003', 'الباغوز فوقاني', '=HYPERLINK("x")', 0n, 0, false, null, [1, 2]]
];
const lons = [40.83083, Number.NaN, -0.5];
const lats = [34.68944, Number.NaN, -12.25];

const toArrayBuffer = (bytes: Uint8Array) =>
	bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('GeoParquet', () => {
	it('writes WKB points as 21 little-endian bytes', () => {
		const bytes = wkbPoint(40.5, -34.25);
		const view = new DataView(bytes.buffer);
		expect([bytes.length, view.getUint8(0), view.getUint32(1, true)]).toEqual([21, 1, 1]);
		expect([view.getFloat64(5, true), view.getFloat64(13, true)]).toEqual([40.5, -34.25]);
	});

	it('round-trips every column type; nulls stay null; a row without a position has a null geometry', async () => {
		const file = toArrayBuffer(await writeGeoParquet(columns, rows, lons, lats));
		const info = await geoParquetInfo(file);
		expect(info.columns).toEqual(columns);
		expect(info.geometryColumn).toBe(GEOMETRY_COLUMN);
		expect(info.rowCount).toBe(3);
		const batches = [];
		for await (const batch of geoParquetBatches(file, info)) batches.push(batch);
		expect(batches).toHaveLength(1);
		const [batch] = batches;
		expect(batch!.rows).toEqual(rows);
		expect(batch!.geometries).toEqual([
			{ type: 'Point', coordinates: [40.83083, 34.68944] },
			null,
			{ type: 'Point', coordinates: [-0.5, -12.25] }
		]);
	});

	it('writes GeoParquet 1.1 metadata: WKB, Point, bbox, no crs (OGC:CRS84)', async () => {
		const file = toArrayBuffer(await writeGeoParquet(columns, rows, lons, lats));
		const metadata = parquetMetadata(file);
		const geo = JSON.parse(metadata.key_value_metadata!.find((kv) => kv.key === 'geo')!.value!);
		expect(geo).toEqual({
			version: '1.1.0',
			primary_column: 'geometry',
			columns: {
				geometry: {
					encoding: 'WKB',
					geometry_types: ['Point'],
					bbox: [-0.5, -12.25, 40.83083, 34.68944]
				}
			}
		});
		expect(geo.columns.geometry).not.toHaveProperty('crs');
		const geometry = metadata.schema.find((element) => element.name === 'geometry')!;
		expect(geometry.type).toBe('BYTE_ARRAY');
	});

	it('is read the same by hyparquet on its own: objects, and raw WKB with geoparquet off', async () => {
		const file = toArrayBuffer(await writeGeoParquet(columns, rows, lons, lats));
		const objects = await parquetReadObjects({ file });
		expect(objects.map((row) => row.place_ar)).toEqual(['هجين', null, 'الباغوز فوقاني']);
		expect(objects[0]!.summary).toBe(rows[0]![2]);
		expect(objects[1]!.geometry).toBeNull();
		const raw = await parquetReadObjects({ file, geoparquet: false, utf8: false });
		expect(raw[0]!.geometry).toEqual(wkbPoint(40.83083, 34.68944));
	});

	it('writes a table in several row groups, streamed to the sink, and reads it back in order', async () => {
		const parts: Uint8Array[] = [];
		const writer = new GeoParquetWriter(
			[{ name: 'n', type: 'INT64' }],
			(bytes) => void parts.push(bytes),
			{ rowGroupRows: 4_000 }
		);
		const total = 25_000;
		for (let start = 0; start < total; start += 5_000) {
			const batch = Array.from({ length: 5_000 }, (_, i) => [BigInt(start + i)]);
			const lon = Array.from({ length: 5_000 }, (_, i) => ((start + i) % 360) - 180);
			await writer.writeRows(
				batch,
				lon,
				lon.map(() => 10)
			);
		}
		await writer.finish();
		expect(parts.length).toBeGreaterThan(2);
		const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
		let at = 0;
		for (const part of parts) {
			bytes.set(part, at);
			at += part.length;
		}
		const file = toArrayBuffer(bytes);
		const info = await geoParquetInfo(file);
		expect(info.metadata.row_groups.length).toBeGreaterThan(1);
		let next = 0n;
		for await (const batch of geoParquetBatches(file, info, 7_000)) {
			for (const [n] of batch.rows) expect(n).toBe(next++);
		}
		expect(next).toBe(BigInt(total));
	});

	it('reads a plain Parquet file without geometry: no geometry column, the columns as they are', async () => {
		const { parquetWriteBuffer } = await import('hyparquet-writer');
		const file = parquetWriteBuffer({
			columnData: [
				{ name: 'latitude', data: [34.5, null], type: 'DOUBLE' },
				{ name: 'longitude', data: [40.9, null], type: 'DOUBLE' },
				{ name: 'name', data: ['Hajin', 'هجين'], type: 'STRING' }
			]
		});
		const info = await geoParquetInfo(file);
		expect(info.geometryColumn).toBeNull();
		expect(info.columns.map((c) => c.type)).toEqual(['DOUBLE', 'DOUBLE', 'STRING']);
		const batches = [];
		for await (const batch of geoParquetBatches(file, info)) batches.push(batch);
		expect(batches[0]!.rows).toEqual([
			[34.5, 40.9, 'Hajin'],
			[null, null, 'هجين']
		]);
	});

	it('refuses a column named like the geometry column', () => {
		expect(() => new GeoParquetWriter([{ name: 'geometry', type: 'STRING' }], () => {})).toThrow(
			'a column is already named "geometry"'
		);
	});
});
