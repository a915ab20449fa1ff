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
border_side, nearest_place and nearest_place_km. Rows without a valid position are kept with
these empty and listed in a summary on standard error.`;

export class UsageError extends Error {}

export function parseOptions(argv: readonly string[]): AnalyzeOptions {
	const options: AnalyzeOptions = {
		input: '',
		out: '',
		border: null,
		sides: null,
		places: null,
		delimiter: ',',
		latColumn: null,
		lonColumn: null
	};
	const value = (i: number, flag: string) => {
		const next = argv[i + 1];
		if (next === undefined) throw new UsageError(`${flag} needs a value`);
		return next;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		switch (arg) {
			case '--out':
			case '-o':
				options.out = value(i++, arg);
				break;
			case '--border':
				options.border = value(i++, arg);
				break;
			case '--sides':
				options.sides = value(i++, arg);
				break;
			case '--places':
				options.places = value(i++, arg);
				break;
			case '--delimiter':
				options.delimiter = value(i++, arg);
				break;
			case '--lat-column':
				options.latColumn = value(i++, arg);
				break;
			case '--lon-column':
				options.lonColumn = value(i++, arg);
				break;
			default:
				if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
				if (options.input)
					throw new UsageError(`one input file only (got ${options.input} and ${arg})`);
				options.input = arg;
		}
	}
	if (!options.input) throw new UsageError('no input file');
	if (!options.out) throw new UsageError('no --out file (use --out - for standard output)');
	if (options.delimiter.length !== 1) throw new UsageError('--delimiter must be one character');
	return options;
}
