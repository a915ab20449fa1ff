/**
 * The analyze CLI: border distances, sides and nearest places for a GeoJSON, CSV or GeoParquet
 * file of points, streamed in batches measured on worker threads, in order, so a million rows
 * fit in little memory and use every core. Run with --help for the options.
 *
 *   npm run --silent analyze -- points.csv --out measured.csv
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvSource } from './analyze/csv-source';
import { CsvSink } from './analyze/csv-sink';
import { bundledRoot } from './analyze/bundled';
import { analyseGeoJson, geojsonSource } from './analyze/geojson';
import { GeoJsonSink } from './analyze/geojson-sink';
import { createMeasurer } from './analyze/measure';
import { parseOptions, USAGE, UsageError, type AnalyzeOptions } from './analyze/options';
import { Output } from './analyze/output';
import { TaskPool } from './analyze/pool';
import { Summary } from './analyze/summary';
import { runTable, type TableEvent, type TableSink } from './analyze/table';

const root = bundledRoot ?? resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_BORDER = join(root, 'geodata/border/iraq-syria.geojson');
const DEFAULT_SIDES = join(root, 'geodata/border/sides.geojson');
const DEFAULT_PLACES = join(root, 'geodata/places.geojson');

type Format = 'geojson' | 'csv' | 'parquet';
const FORMAT_NAMES: Record<Format, string> = {
	geojson: 'GeoJSON',
	csv: 'CSV',
	parquet: 'GeoParquet'
};

/** Below this size the work is done before worker threads would have started. */
const WORKERS_FROM_BYTES = 4 * 2 ** 20;

/** Whether a file starts like Parquet ("PAR1"). */
const isParquet = (head: Buffer) => head.subarray(0, 4).toString('latin1') === 'PAR1';

/** Reads the start of the file: Parquet, JSON or CSV, a byte order mark, the CSV's line break. */
async function sniff(path: string): Promise<{ format: Format; bom: boolean; lineBreak: string }> {
	const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
		throw new Error(
			`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
			{ cause: error }
		);
	});
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(65_536), 0, 65_536, 0);
		const head = buffer.subarray(0, bytesRead);
		if (isParquet(head)) return { format: 'parquet', bom: false, lineBreak: '\n' };
		const text = head.toString('utf8');
		const bom = text.startsWith('\ufeff');
		const body = text.replace(/^\ufeff/, '').trimStart();
		const lineBreak = /\r\n|\n|\r/.exec(text)?.[0] === '\r\n' ? '\r\n' : '\n';
		return { format: body.startsWith('{') ? 'geojson' : 'csv', bom, lineBreak };
	} finally {
		await file.close();
	}
}

/** The output's format: from its name, else the input's. */
function outputFormat(out: string, input: Format): Format {
	const extension = extname(out).toLowerCase();
	const named: Format | null =
		extension === '.parquet' || extension === '.geoparquet'
			? 'parquet'
			: extension === '.csv' || extension === '.tsv'
				? 'csv'
				: extension === '.geojson' || extension === '.json'
					? 'geojson'
					: null;
	const format = named ?? input;
	if (format !== input && format !== 'parquet' && input !== 'parquet') {
		throw new UsageError(
			`${FORMAT_NAMES[input]} input is written as ${FORMAT_NAMES[input]} or GeoParquet, not ${FORMAT_NAMES[format]} (${out})`
		);
	}
	return format;
}

/** The Parquet code (hyparquet and its writer) is loaded only when a Parquet file is involved. */
const parquet = () => import('./analyze/parquet');

async function tableSource(
	options: AnalyzeOptions,
	format: Format,
	summary: Summary
): Promise<AsyncIterable<TableEvent>> {
	if (format === 'csv') return csvSource(options, summary);
	if (format === 'parquet') return (await parquet()).parquetSource(options);
	return geojsonSource(options.input);
}

async function main(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return 0;
	}
	const options = parseOptions(argv);
	const started = performance.now();
	const input = await sniff(options.input);
	const format = outputFormat(options.out, input.format);
	const files = {
		border: options.border ?? DEFAULT_BORDER,
		sides: options.sides ?? (options.border ? null : DEFAULT_SIDES),
		places: options.places ?? DEFAULT_PLACES
	};
	const measurer = await createMeasurer(files);
	const size = (await stat(options.input)).size;
	const workers =
		options.workers ?? (size >= WORKERS_FROM_BYTES ? Math.min(8, availableParallelism()) : 0);
	const pool = await TaskPool.create(workers, files, measurer);
	const output = await Output.open(options.out);
	const summary = new Summary();
	try {
		if (input.format === 'geojson' && format === 'geojson') {
			await analyseGeoJson(options.input, output, pool, summary);
		} else {
			const sink: TableSink =
				format === 'parquet'
					? new (await parquet()).ParquetSink(output)
					: format === 'geojson'
						? new GeoJsonSink(output)
						: new CsvSink(output, {
								delimiter: options.delimiter,
								lineBreak: input.format === 'csv' ? input.lineBreak : '\r\n',
								bom: input.format === 'csv' ? input.bom : true,
								raw: options.rawCsv
							});
			const source = await tableSource(options, input.format, summary);
			await runTable(source, sink, pool, measurer, summary);
		}
		await output.commit();
	} catch (error) {
		await output.abort();
		throw error;
	} finally {
		await pool.close();
	}
	const label = `${basename(options.input)} (${FORMAT_NAMES[input.format]}) → ${output.label}${format === input.format ? '' : ` (${FORMAT_NAMES[format]})`}`;
	console.error(summary.report(label, (performance.now() - started) / 1000));
	if (!measurer.hasSides)
		console.error('  border_side left empty: no --sides for a custom --border');
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(`analyze: ${error instanceof Error ? error.message : String(error)}`);
		if (error instanceof UsageError) console.error(`\n${USAGE}`);
		process.exitCode = 1;
	}
);
