import { createReadStream } from 'node:fs';
import { coordinateColumns } from '../../src/lib/data/columns';
import { CsvReader } from '../../src/lib/data/csv-reader';
import type { Summary } from './summary';
import {
	BATCH_ROWS,
	checkNoAddedColumns,
	idColumnOf,
	positionOf,
	type TableEvent,
	type TableRow
} from './table';

export interface CsvSourceOptions {
	input: string;
	delimiter: string;
	latColumn: string | null;
	lonColumn: string | null;
}

/**
 * A CSV file as table events: the header, then batches of rows. Blank lines are not rows. A
 * record that cannot be read (a broken quote) is reported with its row and line and left out;
 * the reader resumes at the next line, so it never takes the rest of the file with it.
 */
export async function* csvSource(
	options: CsvSourceOptions,
	summary: Summary
): AsyncGenerator<TableEvent> {
	const reader = new CsvReader(options.delimiter);
	let header: string[] | null = null;
	let latitude = -1;
	let longitude = -1;
	let idColumn = -1;
	let number = 0;
	let rows: TableRow[] = [];

	const take = function* (results: ReturnType<CsvReader['push']>): Generator<TableEvent> {
		for (const record of results) {
			if (record.error === undefined && record.text === '') continue; // a blank line
			if (!header) {
				if (record.error !== undefined)
					throw new Error(`the header (line ${record.line}) cannot be read: ${record.error}`);
				header = record.fields;
				const found = coordinateColumns(header);
				const latName = options.latColumn ?? found.latitude;
				const lonName = options.lonColumn ?? found.longitude;
				latitude = latName === null ? -1 : header.indexOf(latName);
				longitude = lonName === null ? -1 : header.indexOf(lonName);
				if (latitude < 0 || longitude < 0) {
					throw new Error(
						`no ${latitude < 0 ? 'latitude' : 'longitude'} column among ${header.join(', ')} ` +
							'(name it with --lat-column / --lon-column)'
					);
				}
				checkNoAddedColumns(header);
				idColumn = idColumnOf(header);
				yield {
					kind: 'columns',
					columns: header.map((name) => ({ name, type: 'STRING' })),
					positionColumns: 'latlon'
				};
				continue;
			}
			number++;
			if (record.error !== undefined) {
				summary.rejectedRow(number, record.line, record.error);
				continue;
			}
			const fields = record.fields;
			rows.push({
				number,
				id: idColumn >= 0 ? (fields[idColumn] ?? null) : null,
				values: fields,
				text: record.text,
				position:
					fields.length > header.length
						? `has ${fields.length} fields where the header has ${header.length}`
						: positionOf(fields[latitude], fields[longitude])
			});
			if (rows.length >= BATCH_ROWS) {
				yield { kind: 'rows', rows };
				rows = [];
			}
		}
	};

	const input = createReadStream(options.input, { encoding: 'utf8', highWaterMark: 1 << 20 });
	for await (const chunk of input) yield* take(reader.push(chunk as string));
	yield* take(reader.end());
	if (rows.length > 0) yield { kind: 'rows', rows };
}
