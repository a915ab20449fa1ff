import { readPosition } from '../../src/lib/data/fields';
import { ADDED_FIELDS, type MeasureColumns, type Measurer } from './measure';
import { OrderedRunner, type TaskPool } from './pool';
import type { Summary } from './summary';

/**
 * Rows with named columns, whatever the file: CSV and (Geo)Parquet are read into this, and
 * written out of it, so every format pair shares one pipeline (read, measure in order, write).
 */

export type ColumnType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
}

export interface TableRow {
	/** Row number from 1 (data rows; a CSV header is not counted). */
	number: number;
	id: string | null;
	values: unknown[];
	/** The position, or why there is none. */
	position: [lon: number, lat: number] | string;
	/** A CSV record's text as read, so an unchanged record is copied through exactly. */
	text?: string;
}

export type TableEvent =
	| { kind: 'columns'; columns: ColumnSpec[]; positionColumns: 'geometry' | 'latlon' }
	| { kind: 'rows'; rows: TableRow[] };

export interface TableSink {
	/** positionColumns: whether the position came from a geometry column (then it has no column). */
	start(columns: ColumnSpec[], positionColumns: 'geometry' | 'latlon'): Promise<void>;
	write(rows: readonly TableRow[], measures: MeasureColumns, measurer: Names): Promise<void>;
	finish(): Promise<void>;
}

export type Names = Pick<Measurer, 'sideNames' | 'placeNames' | 'placeSources'>;

export const BATCH_ROWS = 16_384;

/** Refuses input that already has one of the columns the CLI adds. */
export function checkNoAddedColumns(names: readonly string[]): void {
	const clash = ADDED_FIELDS.find((field) => names.includes(field));
	if (clash) throw new Error(`the input already has a ${clash} column; refusing to overwrite it`);
}

const ID_COLUMNS = ['id', 'event_id_cnty'];

export function idColumnOf(names: readonly string[]): number {
	return names.findIndex((name) => ID_COLUMNS.includes(name.toLowerCase()));
}

/** A position from latitude and longitude values, text or numbers; or why there is none. */
const positionText = (value: unknown): string =>
	typeof value === 'string'
		? value
		: value === null || value === undefined
			? ''
			: typeof value === 'number' || typeof value === 'bigint'
				? String(value)
				: '?';

export function positionOf(latitude: unknown, longitude: unknown): [number, number] | string {
	if (typeof latitude === 'number' && typeof longitude === 'number') {
		if (!Number.isFinite(latitude) || !Number.isFinite(longitude))
			return 'latitude or longitude is not a finite number';
		if (latitude < -90 || latitude > 90) return `latitude ${latitude} is out of range (−90 to 90)`;
		if (longitude < -180 || longitude > 180)
			return `longitude ${longitude} is out of range (−180 to 180)`;
		return [longitude, latitude];
	}
	const position = readPosition(positionText(latitude), positionText(longitude));
	if (!position.ok) return position.reason;
	return position.value ?? 'latitude and longitude are blank';
}

/**
 * Reads a table, measures its rows in batches (on the worker pool, in order) and writes them:
 * every row comes out, in input order, with the measures appended (empty when it has no
 * position).
 */
export async function runTable(
	source: AsyncIterable<TableEvent>,
	sink: TableSink,
	pool: TaskPool,
	names: Names,
	summary: Summary
): Promise<void> {
	const runner = new OrderedRunner<readonly TableRow[]>(pool, async (result, rows) => {
		if (result.kind !== 'measure') throw new Error('unexpected task result');
		for (const row of rows) {
			if (typeof row.position === 'string') summary.skippedRow(row.number, row.id, row.position);
			else summary.measuredRow();
		}
		await sink.write(rows, result.columns, names);
	});
	let started = false;
	for await (const event of source) {
		if (event.kind === 'columns') {
			await sink.start(event.columns, event.positionColumns);
			started = true;
			continue;
		}
		if (!started) throw new Error('rows before the columns');
		let count = 0;
		for (const row of event.rows) if (typeof row.position !== 'string') count++;
		const lons = new Float64Array(count);
		const lats = new Float64Array(count);
		let i = 0;
		for (const row of event.rows) {
			if (typeof row.position === 'string') continue;
			lons[i] = row.position[0];
			lats[i++] = row.position[1];
		}
		await runner.submit({ kind: 'measure', lons, lats }, event.rows);
	}
	await runner.drain();
	if (!started) throw new Error('the file is empty: no header row');
	await sink.finish();
}
