import { BOM, csvField, csvRow, neutraliseFormula } from '../../src/lib/data/csv';
import { cellText } from './cells';
import { ADDED_FIELDS, type MeasureColumns } from './measure';
import type { Output } from './output';
import type { ColumnSpec, Names, TableRow, TableSink } from './table';

export interface CsvSinkOptions {
	delimiter: string;
	lineBreak: string;
	bom: boolean;
	/** Write cells exactly as read, formulas included (--raw-csv). */
	raw: boolean;
}

/** Whether a cell starting with this character could be a formula: = + - @ tab CR. */
const formulaStart = (code: number) =>
	code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;

/**
 * CSV out: the header and every row with the measures appended. A CSV record that needs no
 * change is copied through as read (its quoting too); one with a cell a spreadsheet would run
 * is written again with that cell neutralised, unless raw.
 */
export class CsvSink implements TableSink {
	#width = 0;
	#addColumns: string[] = [];
	constructor(
		private readonly output: Output,
		private readonly options: CsvSinkOptions
	) {}

	#cell = (value: unknown): string | null => {
		const text = cellText(value);
		return this.options.raw ? text : (neutraliseFormula(text) as string | null);
	};

	async start(columns: ColumnSpec[], positionColumns: 'geometry' | 'latlon'): Promise<void> {
		this.#width = columns.length;
		// A position read from a geometry column gets columns of its own in CSV (unless the
		// names are taken: then those columns already say where the row is).
		const names = columns.map((c) => c.name.toLowerCase());
		this.#addColumns =
			positionColumns === 'geometry' && !names.includes('longitude') && !names.includes('latitude')
				? ['longitude', 'latitude']
				: [];
		const header = [...columns.map((c) => c.name), ...this.#addColumns, ...ADDED_FIELDS];
		const { delimiter, lineBreak, bom } = this.options;
		await this.output.write(
			(bom ? BOM : '') + csvRow(header.map(this.#cell), lineBreak, delimiter)
		);
	}

	#prefix(row: TableRow): string {
		const { delimiter } = this.options;
		const values = row.values;
		if (row.text !== undefined && (this.options.raw || !needsNeutralising(values))) {
			const missing = this.#width - values.length;
			return missing > 0 ? row.text + delimiter.repeat(missing) : row.text;
		}
		const cells = values.map(this.#cell);
		while (cells.length < this.#width) cells.push('');
		return csvRow(cells, '', delimiter);
	}

	async write(rows: readonly TableRow[], measures: MeasureColumns, names: Names): Promise<void> {
		const { delimiter, lineBreak } = this.options;
		const cells = this.#nameCells(names);
		const geometry = this.#addColumns.length > 0;
		let out = '';
		let next = 0;
		for (const row of rows) {
			out += this.#prefix(row);
			if (typeof row.position === 'string') {
				out += delimiter.repeat(ADDED_FIELDS.length + this.#addColumns.length) + lineBreak;
				continue;
			}
			const i = next++;
			if (geometry) out += `${delimiter}${row.position[0]}${delimiter}${row.position[1]}`;
			const side = measures.side[i]!;
			const place = measures.place[i]!;
			out +=
				`${delimiter}${measures.distance[i]}${delimiter}${side < 0 ? '' : cells.sides[side]!}` +
				(place < 0
					? `${delimiter}${delimiter}${delimiter}`
					: `${delimiter}${cells.places[place]!}${delimiter}${measures.placeKm[i]}${delimiter}${cells.sources[place]!}`) +
				lineBreak;
		}
		await this.output.write(out);
	}

	/** The sides', places' and sources' cells, written once: the same few for every row. */
	#names: { of: Names; sides: string[]; places: string[]; sources: string[] } | null = null;
	#nameCells(names: Names) {
		if (this.#names?.of === names) return this.#names;
		const field = (value: string | null) => csvField(this.#cell(value), this.options.delimiter);
		this.#names = {
			of: names,
			sides: names.sideNames.map(field),
			places: names.placeNames.map(field),
			sources: names.placeSources.map(field)
		};
		return this.#names;
	}

	async finish(): Promise<void> {}
}

function needsNeutralising(values: readonly unknown[]): boolean {
	for (const value of values) {
		if (typeof value !== 'string' || !formulaStart(value.charCodeAt(0))) continue;
		if (neutraliseFormula(value) !== value) return true;
	}
	return false;
}
