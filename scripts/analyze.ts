/**
 * The analyze CLI: border distances, sides and nearest places for a GeoJSON or CSV of points,
 * streamed row by row so a million rows fit in little memory. Run with --help for the options.
 *
 *   npm run --silent analyze -- points.csv --out measured.csv
 */
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { analyseCsv, type CsvSniff } from './analyze/csv';
import { analyseGeoJson } from './analyze/geojson';
import { createMeasurer } from './analyze/measure';
import { parseOptions, USAGE, UsageError } from './analyze/options';
import { Summary } from './analyze/summary';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_BORDER = join(root, 'geodata/border/iraq-syria.geojson');
const DEFAULT_SIDES = join(root, 'geodata/border/sides.geojson');
const DEFAULT_PLACES = join(root, 'geodata/places.geojson');

/** Reads the start of the file: JSON or CSV, a byte order mark, and the CSV's line break. */
async function sniff(path: string): Promise<{ format: 'geojson' | 'csv' } & CsvSniff> {
	const file = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(65_536), 0, 65_536, 0);
		const text = buffer.subarray(0, bytesRead).toString('utf8');
		const bom = text.startsWith('\ufeff');
		const body = text.replace(/^\ufeff/, '').trimStart();
		const newline =
			text.includes('\r\n') && text.indexOf('\r\n') <= text.indexOf('\n') ? '\r\n' : '\n';
		return { format: body.startsWith('{') ? 'geojson' : 'csv', bom, newline };
	} finally {
		await file.close();
	}
}

async function main(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return 0;
	}
	const options = parseOptions(argv);
	const started = performance.now();
	const measurer = await createMeasurer(
		options.border ?? DEFAULT_BORDER,
		options.sides ?? (options.border ? null : DEFAULT_SIDES),
		options.places ?? DEFAULT_PLACES
	);
	const format = await sniff(options.input);
	// Write beside the target and rename at the end: a failure never leaves half a file behind.
	const partial = options.out === '-' ? null : `${options.out}.partial-${process.pid}`;
	const output: Writable = partial ? createWriteStream(partial) : process.stdout;
	// Write errors surface through write()'s drain wait and finished(); after a failure the
	// stream is destroyed on purpose, and its complaints about that must not crash the report.
	output.on('error', () => {});
	const summary = new Summary();
	try {
		if (format.format === 'geojson') await analyseGeoJson(options.input, output, measurer, summary);
		else await analyseCsv(options, format, output, measurer, summary);
		if (partial) {
			output.end();
			await finished(output);
			await rename(partial, options.out);
		}
	} catch (error) {
		if (partial) {
			output.destroy();
			await rm(partial, { force: true });
		}
		throw error;
	}
	const label = `${basename(options.input)} (${format.format === 'geojson' ? 'GeoJSON' : 'CSV'}) → ${options.out === '-' ? 'standard output' : options.out}`;
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
