import { parseArgs, type ParseArgsConfig } from 'node:util';
import { delimiterProblem } from '../../src/lib/data/csv-reader';

/** Command-line options of the analyze CLI. */
export interface AnalyzeOptions {
	input: string;
	/** Output file, or '-' for standard output. */
	out: string;
	border: string | null;
	sides: string | null;
	places: string | null;
	delimiter: string;
	latColumn: string | null;
	lonColumn: string | null;
	/** Write CSV cells exactly as read, formulas included. */
	rawCsv: boolean;
	/** Worker threads for the measuring; null: as many as the machine has cores. */
	workers: number | null;
}

export const USAGE = `Adds border distances to points, keeping every row.

  npm run --silent analyze -- <input> --out <output> [options]

<input>   a GeoJSON FeatureCollection of Points, a CSV with latitude/longitude columns (also
          lat/lon/lng/long/x/y, any case), or a (Geo)Parquet file of points (a WKB Point
          geometry column with GeoParquet metadata, or latitude/longitude columns); the format
          is read from the content.
--out     the output file, or - for standard output. Its format follows its name: .parquet
          writes GeoParquet, .csv CSV, .geojson or .json GeoJSON; any other name (and -) gets
          the input's format. CSV and GeoJSON input convert to GeoParquet and back; GeoJSON
          and CSV do not convert into each other. Only a new path or a regular file is written
          (never a link, pipe or device), and only once everything has been read.

Options:
  --border <file>      measure to this line instead of geodata/border/iraq-syria.geojson
  --sides <file>       polygons naming the sides (property adm0_a3 or name); by default the
                       Iraq/Syria shapes, and none with --border (border_side is left empty)
  --places <file>      gazetteer of Points with a name (default geodata/places.geojson)
  --delimiter <c>      CSV delimiter (default ,); not a quote or a line break
  --lat-column <name>, --lon-column <name>   which columns hold the position
  --raw-csv            write CSV cells exactly as read; by default a text cell a spreadsheet
                       would run as a formula (starting with =, +, -, @, tab or CR) gets a
                       leading ' (numbers such as -5 are left alone)
  --workers <n>        worker threads measuring (default: one per core, none for files under
                       4 MB; 0 measures in the main thread)

Adds border_distance_m (WGS84 geodesic metres to the nearest point of the line, mm precision),
border_side, nearest_place, nearest_place_km and nearest_place_source (curated, or
geonames:<id>). Rows without a valid position are kept with
these empty and listed in a summary on standard error; a CSV record that cannot be read (an
unterminated quote, text after a closing quote) is left out and listed with its line, and
reading goes on at the next line. GeoParquet output has the same columns plus a WKB Point
column "geometry" (null for a row without a position) and GeoParquet 1.1 metadata.`;

export class UsageError extends Error {}

/** The flags (`--help` is answered before parsing). */
const FLAGS = {
	out: { type: 'string', short: 'o' },
	border: { type: 'string' },
	sides: { type: 'string' },
	places: { type: 'string' },
	delimiter: { type: 'string' },
	'lat-column': { type: 'string' },
	'lon-column': { type: 'string' },
	'raw-csv': { type: 'boolean' },
	workers: { type: 'string' }
} as const satisfies ParseArgsConfig['options'];

export function parseOptions(argv: readonly string[]): AnalyzeOptions {
	// Not strict: parseArgs then takes the next argument as a value even when it starts with a
	// dash (`--out -`, `--out -x.csv`), and leaves unknown options and missing values to the
	// checks below, which say what is wrong in the CLI's own words.
	const { values, positionals, tokens } = parseArgs({
		args: [...argv],
		options: FLAGS,
		allowPositionals: true,
		strict: false,
		tokens: true
	});
	for (const token of tokens) {
		if (token.kind !== 'option') continue;
		if (!Object.hasOwn(FLAGS, token.name)) throw new UsageError(`unknown option ${token.rawName}`);
		const flag = FLAGS[token.name as keyof typeof FLAGS];
		if (flag.type === 'string' && token.value === undefined)
			throw new UsageError(`${token.rawName} needs a value`);
		if (flag.type === 'boolean' && token.value !== undefined)
			throw new UsageError(`${token.rawName} takes no value`);
	}
	const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : null);
	const [input, second] = positionals;
	if (!input) throw new UsageError('no input file');
	if (second !== undefined)
		throw new UsageError(`one input file only (got ${input} and ${second})`);
	const workers = text(values.workers);
	const options: AnalyzeOptions = {
		input,
		out: text(values.out) ?? '',
		border: text(values.border),
		sides: text(values.sides),
		places: text(values.places),
		delimiter: text(values.delimiter) ?? ',',
		latColumn: text(values['lat-column']),
		lonColumn: text(values['lon-column']),
		rawCsv: values['raw-csv'] === true,
		workers: workers === null ? null : Number(workers)
	};
	if (!options.out) throw new UsageError('no --out file (use --out - for standard output)');
	const problem = delimiterProblem(options.delimiter);
	if (problem) throw new UsageError(`--delimiter: ${problem}`);
	if (
		options.workers !== null &&
		(!Number.isInteger(options.workers) || options.workers < 0 || options.workers > 64)
	) {
		throw new UsageError('--workers must be a whole number from 0 to 64');
	}
	return options;
}
