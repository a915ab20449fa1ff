/** The analyze CLI's options, parsed in-process (analyze.test.ts runs the CLI itself). */
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from './options';

const defaults = {
	border: null,
	sides: null,
	places: null,
	delimiter: ',',
	latColumn: null,
	lonColumn: null,
	rawCsv: false,
	workers: null
};

describe('analyze options', () => {
	it('reads every option, in any order, long or short', () => {
		expect(parseOptions(['points.csv', '--out', 'measured.csv'])).toEqual({
			...defaults,
			input: 'points.csv',
			out: 'measured.csv'
		});
		expect(
			parseOptions([
				'--border',
				'line.geojson',
				'--sides',
				'sides.geojson',
				'--places',
				'places.geojson',
				'--delimiter',
				';',
				'--lat-column',
				'Y',
				'--lon-column',
				'X',
				'--raw-csv',
				'--workers',
				'0',
				'points.csv',
				'-o',
				'-'
			])
		).toEqual({
			input: 'points.csv',
			out: '-',
			border: 'line.geojson',
			sides: 'sides.geojson',
			places: 'places.geojson',
			delimiter: ';',
			latColumn: 'Y',
			lonColumn: 'X',
			rawCsv: true,
			workers: 0
		});
	});

	it('takes "-" as standard output and as an input name', () => {
		expect(parseOptions(['-', '--out', '-'])).toMatchObject({ input: '-', out: '-' });
	});

	it('takes the next argument as a value even when it starts with a dash', () => {
		expect(parseOptions(['in.csv', '--out', '-weird.csv']).out).toBe('-weird.csv');
	});

	it.each([
		[['--out', 'x.csv'], 'no input file'],
		[['in.csv'], 'no --out file (use --out - for standard output)'],
		[['in.csv', '--out'], '--out needs a value'],
		[['in.csv', '--out', 'x', '--border'], '--border needs a value'],
		[['in.csv', '-o'], '-o needs a value'],
		[['in.csv', '--out', 'x', '--frobnicate'], 'unknown option --frobnicate'],
		[['a.csv', 'b.csv', '--out', 'x'], 'one input file only (got a.csv and b.csv)'],
		[
			['in.csv', '--out', 'x', '--delimiter', ';;'],
			'--delimiter: the delimiter must be one character'
		],
		[
			['in.csv', '--out', 'x', '--delimiter', '"'],
			'--delimiter: the delimiter cannot be the quote character (")'
		],
		[
			['in.csv', '--out', 'x', '--delimiter', '\n'],
			'--delimiter: the delimiter cannot be a line break'
		],
		[
			['in.csv', '--out', 'x', '--delimiter', '\r'],
			'--delimiter: the delimiter cannot be a line break'
		],
		[['in.csv', '--out', 'x', '--raw-csv=yes'], '--raw-csv takes no value'],
		[['in.csv', '--out', 'x', '--workers', 'many'], '--workers must be a whole number from 0 to 64']
	])('refuses %j: %s', (argv, message) => {
		let error: unknown;
		try {
			parseOptions(argv);
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(UsageError);
		expect((error as UsageError).message).toBe(message);
	});
});
