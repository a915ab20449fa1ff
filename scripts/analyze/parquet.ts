import { open } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';
import { coordinateColumns } from '../../src/lib/data/columns';
import {
	GeoParquetWriter,
	geoParquetBatches,
	geoParquetInfo,
	type GeoParquetColumn
} from '../../src/lib/data/geoparquet';
import { ADDED_FIELDS, type MeasureColumns } from './measure';
import type { Output } from './output';
import {
	BATCH_ROWS,
	checkNoAddedColumns,
	idColumnOf,
	positionOf,
	type ColumnSpec,
	type Names,
	type TableEvent,
	type TableRow,
	type TableSink
} from './table';

/** A file read in pieces on demand (hyparquet reads the footer, then each row group). */
async function fileBuffer(path: string): Promise<{ file: AsyncBuffer; close(): Promise<void> }> {
	const handle = await open(path, 'r');
	const { size } = await handle.stat();
	return {
		file: {
			byteLength: size,
			async slice(start: number, end = size) {
				const bytes = new Uint8Array(end - start);
				await handle.read(bytes, 0, bytes.length, start);
				return bytes.buffer;
			}
		},
		close: () => handle.close()
	};
}

function geometryPosition(
	geometry: { type: string; coordinates?: unknown } | null
): [number, number] | string {
	if (!geometry) return 'no geometry (an unlocated row)';
	if (geometry.type !== 'Point') return `its geometry is a ${geometry.type}, not a Point`;
	const [lon, lat] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
	if (typeof lon !== 'number' || typeof lat !== 'number' || Number.isNaN(lon) || Number.isNaN(lat))
		return 'its Point is empty';
	return positionOf(lat, lon);
}

/**
 * A (Geo)Parquet file of points as table events. The position is the GeoParquet geometry
 * column's Point when there is one, else latitude/longitude columns found by name.
 */
export async function* parquetSource(options: {
	input: string;
	latColumn: string | null;
	lonColumn: string | null;
}): AsyncGenerator<TableEvent> {
	const { file, close } = await fileBuffer(options.input);
	try {
		const info = await geoParquetInfo(file).catch((error: unknown) => {
			throw new Error(
				`${options.input} cannot be read as Parquet: ${error instanceof Error ? error.message : String(error)}`,
				{ cause: error }
			);
		});
		const names = info.columns.map((column) => column.name);
		checkNoAddedColumns(names);
		let latitude = -1;
		let longitude = -1;
		if (!info.geometryColumn || options.latColumn || options.lonColumn) {
			const found = coordinateColumns(names);
			latitude = names.indexOf(options.latColumn ?? found.latitude ?? '');
			longitude = names.indexOf(options.lonColumn ?? found.longitude ?? '');
			if (latitude < 0 || longitude < 0) {
				throw new Error(
					`no GeoParquet geometry and no ${latitude < 0 ? 'latitude' : 'longitude'} column among ` +
						`${names.join(', ')} (name it with --lat-column / --lon-column)`
				);
			}
		}
		const idColumn = idColumnOf(names);
		yield {
			kind: 'columns',
			columns: info.columns,
			positionColumns: latitude >= 0 ? 'latlon' : 'geometry'
		};
		let number = 0;
		for await (const batch of geoParquetBatches(file, info, BATCH_ROWS)) {
			const rows: TableRow[] = batch.rows.map((values, i) => {
				const id = idColumn >= 0 ? values[idColumn] : null;
				return {
					number: ++number,
					id: id === null || id === undefined ? null : String(id),
					values,
					position:
						latitude >= 0
							? positionOf(values[latitude], values[longitude])
							: geometryPosition(batch.geometries![i] ?? null)
				};
			});
			yield { kind: 'rows', rows };
		}
	} finally {
		await close();
	}
}

const ADDED_TYPES: GeoParquetColumn[] = [
	{ name: 'border_distance_m', type: 'DOUBLE' },
	{ name: 'border_side', type: 'STRING' },
	{ name: 'nearest_place', type: 'STRING' },
	{ name: 'nearest_place_km', type: 'DOUBLE' },
	{ name: 'nearest_place_source', type: 'STRING' }
];

/**
 * GeoParquet out: the input's columns (CSV's as text), the measures, and the position as a WKB
 * Point `geometry` (null without one), written a row group at a time.
 */
export class ParquetSink implements TableSink {
	#writer: GeoParquetWriter | null = null;
	#width = 0;
	constructor(private readonly output: Output) {}

	async start(columns: ColumnSpec[]): Promise<void> {
		this.#width = columns.length;
		if (ADDED_FIELDS.some((name, i) => ADDED_TYPES[i]!.name !== name))
			throw new Error('added columns out of step');
		this.#writer = new GeoParquetWriter([...columns, ...ADDED_TYPES], (bytes) =>
			this.output.write(bytes)
		);
	}

	async write(rows: readonly TableRow[], measures: MeasureColumns, names: Names): Promise<void> {
		const lons = new Float64Array(rows.length).fill(Number.NaN);
		const lats = new Float64Array(rows.length).fill(Number.NaN);
		let next = 0;
		const values = rows.map((row, r) => {
			const kept = row.values.slice(0, this.#width);
			while (kept.length < this.#width) kept.push(null);
			if (typeof row.position === 'string') return [...kept, null, null, null, null, null];
			const i = next++;
			[lons[r], lats[r]] = row.position;
			const side = measures.side[i]!;
			const place = measures.place[i]!;
			return [
				...kept,
				measures.distance[i]!,
				side < 0 ? null : names.sideNames[side]!,
				place < 0 ? null : names.placeNames[place]!,
				place < 0 ? null : measures.placeKm[i]!,
				place < 0 ? null : (names.placeSources[place] ?? null)
			];
		});
		await this.#writer!.writeRows(values, lons, lats);
	}

	async finish(): Promise<void> {
		await this.#writer!.finish();
	}
}
