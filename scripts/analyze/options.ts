import { parseArgs, type ParseArgsConfig } from 'node:util';

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
}

export const USAGE = `Adds border distances to points, keeping every row.

  npm run --silent analyze -- <input> --out <output> [options]

<input>   a GeoJSON FeatureCollection of Points, or a CSV with latitude/longitude columns
          (also lat/lon/lng/long/x/y, any case); the format is read from the content.
--out     the output file (same format as the input), or - for standard output.

Options:
  --border <file>      measure to this line instead of geodata/border/iraq-syria.geojson
  --sides <file>       polygons naming the sides (property adm0_a3 or name); by default the
                       Iraq/Syria shapes, and none with --border (border_side is left empty)
  --places <file>      gazetteer of Points with a name (default geodata/places.geojson)
  --delimiter <c>      CSV delimiter (default ,)
  --lat-column <name>, --lon-column <name>   which CSV columns hold the position

Adds border_distance_m (WGS84 geodesic metres to the nearest point of the line, mm precision),
border_side, nearest_place, nearest_place_km and nearest_place_source (curated, or
geonames:<id>). Rows without a valid position are kept with
these empty and listed in a summary on standard error.`;

export class UsageError extends Error {}

/** The flags, each taking a value (`--help` is answered before parsing). */
const FLAGS = {
	out: { type: 'string', short: 'o' },
	border: { type: 'string' },
	sides: { type: 'string' },
	places: { type: 'string' },
	delimiter: { type: 'string' },
	'lat-column': { type: 'string' },
	'lon-column': { type: 'string' }
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
		if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
	}
	const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : null);
	const [input, second] = positionals;
	if (!input) throw new UsageError('no input file');
	if (second !== undefined)
		throw new UsageError(`one input file only (got ${input} and ${second})`);
	const options: AnalyzeOptions = {
		input,
		out: text(values.out) ?? '',
		border: text(values.border),
		sides: text(values.sides),
		places: text(values.places),
		delimiter: text(values.delimiter) ?? ',',
		latColumn: text(values['lat-column']),
		lonColumn: text(values['lon-column'])
	};
	if (!options.out) throw new UsageError('no --out file (use --out - for standard output)');
	if (options.delimiter.length !== 1) throw new UsageError('--delimiter must be one character');
	return options;
}
