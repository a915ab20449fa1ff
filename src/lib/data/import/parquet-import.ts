import type { AsyncBuffer } from 'hyparquet';
import { coordinateColumns } from '../columns';
import { geoParquetBatches, geoParquetInfo } from '../geoparquet';
import type { RowImport } from './importer';

/**
 * Parquet and GeoParquet files imported as a CSV is: every value as text, the columns named as
 * the file names them, so ACLED, UCDP GED and files with coordinates map (and are checked, row
 * by row) exactly as their CSV exports are. A GeoParquet file's Point geometry gives the
 * position when the file has no latitude/longitude columns of its own.
 */

/** Parquet files start (and end) with these four bytes. */
export function isParquet(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

/** A value as the CSV export would have written it: dates as ISO text, null as empty. */
export function parquetCellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		const iso = value.toISOString();
		// A DATE column (or a timestamp at midnight): the day, as exports write it.
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	return JSON.stringify(value, (_, inner: unknown) =>
		typeof inner === 'bigint' ? String(inner) : inner
	);
}

/** The position of a GeoJSON geometry as hyparquet decodes WKB, or why there is none. */
function pointOf(geometry: { type: string; coordinates?: unknown } | null): [string, string] {
	if (!geometry || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
		return ['', ''];
	}
	const [lon, lat] = geometry.coordinates as unknown[];
	return [parquetCellText(lon), parquetCellText(lat)];
}

/**
 * Reads a (Geo)Parquet file into `rows`, a batch at a time; `onBatch` is called after each
 * with the fraction read. A file that cannot be read sets rows.fileError.
 */
export async function importParquet(
	file: AsyncBuffer,
	rows: RowImport,
	onBatch: (fraction: number) => void = () => {},
	batchRows = 20_000
): Promise<void> {
	let info;
	try {
		info = await geoParquetInfo(file);
	} catch (error) {
		rows.fileError = `not a Parquet file this import can read (${error instanceof Error ? error.message : String(error)})`;
		return;
	}
	const names = info.columns.map((column) => column.name);
	const found = coordinateColumns(names);
	const fromGeometry =
		info.geometryColumn !== null && (found.latitude === null || found.longitude === null);
	if (!rows.header(fromGeometry ? [...names, 'longitude', 'latitude'] : names)) return;
	rows.notes.add(
		fromGeometry
			? 'read from GeoParquet: its columns as text, the position from its Point geometry'
			: 'read from Parquet: its columns as text'
	);
	let read = 0;
	let notPoints = 0;
	for await (const batch of geoParquetBatches(file, info, batchRows)) {
		batch.rows.forEach((values, r) => {
			const fields = values.map(parquetCellText);
			if (fromGeometry) {
				const geometry = batch.geometries?.[r] ?? null;
				if (geometry && geometry.type !== 'Point') notPoints++;
				fields.push(...pointOf(geometry));
			}
			rows.record(fields);
		});
		read += batch.rows.length;
		onBatch(info.rowCount === 0 ? 1 : read / info.rowCount);
	}
	if (notPoints > 0) {
		rows.notes.add(
			`${notPoints.toLocaleString('en')} row${notPoints === 1 ? ' has' : 's have'} a geometry other than a point, read without a position`
		);
	}
}
