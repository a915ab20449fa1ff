import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { coordinateColumns } from '../../src/lib/data/columns';
import { readPosition } from '../../src/lib/data/fields';
import { BOM, csvRow } from '../../src/lib/data/csv';
import { ADDED_FIELDS, type Measurer } from './measure';
import type { AnalyzeOptions } from './options';
import { Summary } from './summary';
import { write } from './write';

const BATCH = 10_000;

export interface CsvSniff {
	bom: boolean;
	newline: '\r\n' | '\n';
}

/**
 * Streams a CSV through the measurer: every row comes out, in order, with the measures
 * appended (empty for a row without a valid position). Short rows are padded to the header;
 * a row longer than the header keeps its extra fields and is not measured.
 */
export async function analyseCsv(
	options: AnalyzeOptions,
	sniff: CsvSniff,
	output: Writable,
	measurer: Measurer,
	summary: Summary
): Promise<void> {
	const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
		delimiter: options.delimiter,
		newline: sniff.newline
	}) as NodeJS.ReadWriteStream;
	const input = createReadStream(options.input, { encoding: 'utf8', highWaterMark: 1 << 20 });
	input.on('error', (error) => parser.emit('error', error));
	input.pipe(parser);

	const row = (fields: readonly (string | number | null)[]) =>
		csvRow(fields, sniff.newline, options.delimiter);
	let header: string[] | null = null;
	let latitude = -1;
	let longitude = -1;
	let idColumn = -1;
	let rowNumber = 0;
	let batch: string[][] = [];

	/** Why a row cannot be measured, or its position. */
	const positionOf = (fields: readonly string[]): string | [number, number] => {
		if (fields.length > header!.length) {
			return `has ${fields.length} fields where the header has ${header!.length}`;
		}
		const position = readPosition(fields[latitude], fields[longitude]);
		if (!position.ok) return position.reason;
		return position.value ?? 'latitude and longitude are blank';
	};

	const flush = async () => {
		const positions = batch.map(positionOf);
		const located = positions.filter((p): p is [number, number] => typeof p !== 'string');
		const measures = measurer.measure(
			Float64Array.from(located, (p) => p[0]),
			Float64Array.from(located, (p) => p[1])
		);
		let out = '';
		let next = 0;
		batch.forEach((fields, i) => {
			const number = rowNumber - batch.length + i + 1;
			const padded =
				fields.length < header!.length
					? [...fields, ...Array<string>(header!.length - fields.length).fill('')]
					: fields;
			const position = positions[i]!;
			if (typeof position === 'string') {
				summary.skippedRow(number, idColumn >= 0 ? (fields[idColumn] ?? null) : null, position);
				out += row([...padded, ...ADDED_FIELDS.map(() => '')]);
				return;
			}
			const measure = measures[next++]!;
			summary.measuredRow();
			out += row([...padded, ...ADDED_FIELDS.map((field) => measure[field])]);
		});
		batch = [];
		await write(output, out);
	};

	for await (const fields of parser as AsyncIterable<string[]>) {
		if (fields.length === 1 && fields[0] === '') continue; // a blank line is not a row
		if (!header) {
			header = fields.map((name, i) => (i === 0 && sniff.bom ? name.replace(/^\ufeff/, '') : name));
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
			const clash = ADDED_FIELDS.find((field) => header!.includes(field));
			if (clash)
				throw new Error(`the input already has a ${clash} column; refusing to overwrite it`);
			idColumn = header.findIndex((name) => ['id', 'event_id_cnty'].includes(name.toLowerCase()));
			await write(output, (sniff.bom ? BOM : '') + row([...header, ...ADDED_FIELDS]));
			continue;
		}
		rowNumber++;
		batch.push(fields);
		if (batch.length >= BATCH) await flush();
	}
	if (!header) throw new Error('the file is empty: no header row');
	if (batch.length > 0) await flush();
}
