/**
 * GeoParquet point files, read and written: the format DuckDB, GeoPandas, QGIS and Overture use
 * for large point data. Pure (no Node APIs): the CLI, the browser's import worker and the app's
 * export share it. Reading is hyparquet's, writing hyparquet-writer's.
 *
 * Written files hold the given columns, then a WKB Point column `geometry` (null for a row
 * without a position) described by GeoParquet 1.1 metadata under the key `geo`: encoding WKB,
 * geometry_types ["Point"], the bounding box, and no `crs` (which means OGC:CRS84, longitude and
 * latitude on WGS84).
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { concatenated } from './typed-arrays';

export type GeoParquetColumnType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON';

export interface GeoParquetColumn {
	name: string;
	type: GeoParquetColumnType;
}

export const GEOMETRY_COLUMN = 'geometry';

/** The GeoParquet 1.1 file metadata this module writes (and the part of it that it reads). */
export interface GeoMetadata {
	version: string;
	primary_column: string;
	columns: Record<
		string,
		{ encoding: string; geometry_types: string[]; bbox?: number[]; crs?: unknown }
	>;
}

/** A WKB Point (little-endian, 2D): 21 bytes. */
export function wkbPoint(lon: number, lat: number): Uint8Array {
	const bytes = new Uint8Array(21);
	const view = new DataView(bytes.buffer);
	view.setUint8(0, 1);
	view.setUint32(1, 1, true);
	view.setFloat64(5, lon, true);
	view.setFloat64(13, lat, true);
	return bytes;
}

/** Values as the writer wants them for a column type; anything else becomes null or text. */
function columnValue(type: GeoParquetColumnType, value: unknown): unknown {
	if (value === null || value === undefined) return null;
	switch (type) {
		case 'STRING':
			return typeof value === 'string' ? value : String(value);
		case 'DOUBLE':
			return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : null;
		case 'INT64':
			if (typeof value === 'bigint') return value;
			return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : null;
		case 'BOOLEAN':
			return typeof value === 'boolean' ? value : null;
		case 'TIMESTAMP':
			return value instanceof Date ? value : null;
		case 'JSON':
			return value;
	}
}

/**
 * Writes a GeoParquet file in row groups, handing the bytes to `sink` as each group is done,
 * so a large file never has to be held whole. Call writeRows() as often as needed, then
 * finish().
 */
export class GeoParquetWriter {
	readonly #columns: readonly GeoParquetColumn[];
	readonly #bytes = new ByteWriter();
	readonly #writer: ParquetWriter;
	readonly #sink: (bytes: Uint8Array) => void | Promise<void>;
	#pending: unknown[][];
	#geometry: (Uint8Array | null)[] = [];
	#bbox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
	readonly #rowGroupRows: number;
	readonly #metadata: Record<string, string>;

	/**
	 * rowGroupRows: rows per row group (the last may be smaller); metadata: key-value pairs
	 * written in the file's footer beside `geo` (a citation, say).
	 */
	constructor(
		columns: readonly GeoParquetColumn[],
		sink: (bytes: Uint8Array) => void | Promise<void>,
		{
			rowGroupRows = 100_000,
			metadata = {}
		}: { rowGroupRows?: number; metadata?: Record<string, string> } = {}
	) {
		this.#rowGroupRows = rowGroupRows;
		if ('geo' in metadata) throw new Error('the "geo" metadata is written by the writer');
		this.#metadata = metadata;
		if (columns.some((column) => column.name === GEOMETRY_COLUMN)) {
			throw new Error(`a column is already named "${GEOMETRY_COLUMN}"`);
		}
		this.#columns = columns;
		this.#sink = sink;
		this.#pending = columns.map(() => []);
		const schema = [
			{ name: 'root', num_children: columns.length + 1 },
			...columns.map(({ name, type }) => ({
				name,
				repetition_type: 'OPTIONAL' as const,
				...SCHEMA_TYPES[type]
			})),
			{ name: GEOMETRY_COLUMN, type: 'BYTE_ARRAY' as const, repetition_type: 'OPTIONAL' as const }
		];
		this.#writer = new ParquetWriter({
			writer: this.#bytes,
			schema,
			createdBy: 'iraq-syria border incident map'
		});
	}

	/** Adds rows: `rows[r][c]` is column c of row r; lon/lat NaN means no position. */
	async writeRows(
		rows: readonly (readonly unknown[])[],
		lons: ArrayLike<number>,
		lats: ArrayLike<number>
	): Promise<void> {
		rows.forEach((row, r) => {
			this.#columns.forEach((column, c) => {
				this.#pending[c]?.push(columnValue(column.type, row[c]));
			});
			const [lon, lat] = [lons[r] ?? Number.NaN, lats[r] ?? Number.NaN];
			if (Number.isFinite(lon) && Number.isFinite(lat)) {
				this.#geometry.push(wkbPoint(lon, lat));
				const box = this.#bbox;
				box.west = Math.min(box.west, lon);
				box.south = Math.min(box.south, lat);
				box.east = Math.max(box.east, lon);
				box.north = Math.max(box.north, lat);
			} else this.#geometry.push(null);
		});
		if (this.#geometry.length >= this.#rowGroupRows) await this.#flush();
	}

	async #flush() {
		const rows = this.#geometry.length;
		if (rows === 0) return;
		this.#writer.write({
			columnData: [
				...this.#columns.map((column, c) => ({ name: column.name, data: this.#pending[c] ?? [] })),
				{ name: GEOMETRY_COLUMN, data: this.#geometry }
			],
			rowGroupSize: rows
		});
		this.#pending = this.#columns.map(() => []);
		this.#geometry = [];
		await this.#drain();
	}

	async #drain() {
		const bytes = this.#bytes.getBytes().slice();
		this.#bytes.index = 0; // ByteWriter's own way to flush: `offset` still counts every byte
		if (bytes.length > 0) await this.#sink(bytes);
	}

	/** The GeoParquet metadata of what was written so far. */
	geoMetadata(): GeoMetadata {
		const { west, south, east, north } = this.#bbox;
		const located = west <= east;
		return {
			version: '1.1.0',
			primary_column: GEOMETRY_COLUMN,
			columns: {
				[GEOMETRY_COLUMN]: {
					encoding: 'WKB',
					geometry_types: ['Point'],
					...(located ? { bbox: [west, south, east, north] } : {})
				}
			}
		};
	}

	async finish(): Promise<void> {
		await this.#flush();
		this.#writer.kvMetadata = [
			{ key: 'geo', value: JSON.stringify(this.geoMetadata()) },
			...Object.entries(this.#metadata).map(([key, value]) => ({ key, value }))
		];
		this.#writer.finish();
		await this.#drain();
	}
}

const SCHEMA_TYPES = {
	STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
	DOUBLE: { type: 'DOUBLE' },
	INT64: { type: 'INT64' },
	BOOLEAN: { type: 'BOOLEAN' },
	TIMESTAMP: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
	JSON: { type: 'BYTE_ARRAY', converted_type: 'JSON' }
} as const;

/** A whole GeoParquet file in memory (for small tables, tests and the app's export). */
export async function writeGeoParquet(
	columns: readonly GeoParquetColumn[],
	rows: readonly (readonly unknown[])[],
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	metadata: Record<string, string> = {}
): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	const writer = new GeoParquetWriter(columns, (bytes) => void parts.push(bytes), { metadata });
	await writer.writeRows(rows, lons, lats);
	await writer.finish();
	return concatenated(Uint8Array, parts);
}

export interface GeoParquetInfo {
	/** The columns other than the geometry column, in file order. */
	columns: GeoParquetColumn[];
	/** The column holding Point geometries (GeoParquet metadata's primary column), or null. */
	geometryColumn: string | null;
	geo: GeoMetadata | null;
	rowCount: number;
	metadata: FileMetaData;
}

/** The type this module gives a file's column (nested and unusual types are read as JSON). */
function columnType(element: FileMetaData['schema'][number]): GeoParquetColumnType {
	const converted = element.converted_type;
	const logical = element.logical_type?.type;
	if (element.num_children) return 'JSON';
	if (logical === 'TIMESTAMP' || converted?.startsWith('TIMESTAMP') || converted === 'DATE')
		return 'TIMESTAMP';
	if (converted === 'JSON' || logical === 'JSON') return 'JSON';
	switch (element.type) {
		case 'BOOLEAN':
			return 'BOOLEAN';
		case 'INT32':
		case 'INT64':
			return converted === 'DECIMAL' ? 'DOUBLE' : 'INT64';
		case 'FLOAT':
		case 'DOUBLE':
			return 'DOUBLE';
		default:
			return 'STRING';
	}
}

/** Reads a file's footer: its columns, its geometry column and its row count. */
export async function geoParquetInfo(file: AsyncBuffer): Promise<GeoParquetInfo> {
	const metadata = await parquetMetadataAsync(file);
	const geoText = metadata.key_value_metadata?.find(({ key }) => key === 'geo')?.value;
	let geo: GeoMetadata | null = null;
	if (geoText) {
		try {
			geo = JSON.parse(geoText) as GeoMetadata;
		} catch {
			throw new Error('its GeoParquet metadata ("geo") is not valid JSON');
		}
	}
	const primary = geo?.primary_column ?? null;
	if (primary && geo?.columns?.[primary]?.encoding !== 'WKB') {
		throw new Error(
			`its geometry column "${primary}" is not WKB-encoded (${String(geo?.columns?.[primary]?.encoding)}), which is not supported`
		);
	}
	// Top-level columns only: a nested column's children are skipped over.
	const top: FileMetaData['schema'] = [];
	const schema = metadata.schema;
	for (let i = 1; i < schema.length;) {
		const element = schema[i];
		if (!element) break;
		top.push(element);
		i += 1 + descendants(schema, i);
	}
	return {
		columns: top
			.filter((element) => element.name !== primary)
			.map((element) => ({ name: element.name, type: columnType(element) })),
		geometryColumn: primary && top.some((element) => element.name === primary) ? primary : null,
		geo,
		rowCount: Number(metadata.num_rows),
		metadata
	};
}

/** How many schema elements sit under element i (a nested column's whole subtree). */
function descendants(schema: FileMetaData['schema'], i: number): number {
	let count = 0;
	let children = schema[i]?.num_children ?? 0;
	let at = i + 1;
	while (children > 0) {
		const below = descendants(schema, at);
		count += 1 + below;
		at += 1 + below;
		children--;
	}
	return count;
}

export interface GeoParquetBatch {
	/** rows[r][c]: column c (of info.columns) of row r. */
	rows: unknown[][];
	/** Each row's geometry as GeoJSON (null: none), when the file has a geometry column. */
	geometries: ({ type: string; coordinates?: unknown } | null)[] | null;
}

/** The rows of a file, a row group or so at a time, in order. */
export async function* geoParquetBatches(
	file: AsyncBuffer,
	info: GeoParquetInfo,
	batchRows = 65_536
): AsyncGenerator<GeoParquetBatch> {
	const names = info.columns.map((column) => column.name);
	const columns = info.geometryColumn ? [...names, info.geometryColumn] : names;
	for (let rowStart = 0; rowStart < info.rowCount; rowStart += batchRows) {
		const rowEnd = Math.min(info.rowCount, rowStart + batchRows);
		let rows: unknown[][] = [];
		await parquetRead({
			file,
			metadata: info.metadata,
			columns,
			rowStart,
			rowEnd,
			onComplete: (read: unknown[][]) => (rows = read)
		});
		yield {
			rows: info.geometryColumn ? rows.map((row) => row.slice(0, names.length)) : rows,
			geometries: info.geometryColumn
				? rows.map(
						(row) => (row[names.length] ?? null) as { type: string; coordinates?: unknown } | null
					)
				: null
		};
	}
}
