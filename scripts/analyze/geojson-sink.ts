import { jsonValue } from './cells';
import { measureValues, NO_MEASURES } from './features';
import type { MeasureColumns } from './measure';
import type { Output } from './output';
import type { ColumnSpec, Names, TableRow, TableSink } from './table';

/**
 * GeoJSON out of a table (Parquet in): one Feature per row, in order, the columns as its
 * properties with the measures, the position as a Point (null without one); an `id` column
 * also gives the feature its id.
 */
export class GeoJsonSink implements TableSink {
	#columns: ColumnSpec[] = [];
	#first = true;
	constructor(private readonly output: Output) {}

	async start(columns: ColumnSpec[]): Promise<void> {
		this.#columns = columns;
		await this.output.write('{"type":"FeatureCollection","features":[');
	}

	async write(rows: readonly TableRow[], measures: MeasureColumns, names: Names): Promise<void> {
		let next = 0;
		const lines = rows.map((row) => {
			const properties: Record<string, unknown> = {};
			this.#columns.forEach(
				(column, c) => (properties[column.name] = jsonValue(row.values[c] ?? null))
			);
			const located = typeof row.position !== 'string';
			Object.assign(properties, located ? measureValues(measures, next++, names) : NO_MEASURES);
			const id = properties.id;
			return JSON.stringify({
				type: 'Feature',
				...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
				geometry: located ? { type: 'Point', coordinates: row.position } : null,
				properties
			});
		});
		if (lines.length === 0) return;
		await this.output.write((this.#first ? '\n' : ',\n') + lines.join(',\n'));
		this.#first = false;
	}

	async finish(): Promise<void> {
		await this.output.write(this.#first ? ']}\n' : '\n]}\n');
	}
}
