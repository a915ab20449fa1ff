import { createReadStream } from 'node:fs';
import { FeatureCollectionSplitter, type StreamPart } from '../../src/lib/data/geojson-stream';
import {
	checkNoClash,
	featureId,
	featurePosition,
	parseFeatures,
	type ParsedFeature
} from './features';
import type { Output } from './output';
import { OrderedRunner, type TaskPool } from './pool';
import type { Summary } from './summary';
import {
	BATCH_ROWS,
	checkNoAddedColumns,
	type ColumnSpec,
	type ColumnType,
	type TableEvent
} from './table';

const BATCH = 4_096;

/**
 * The parts of a FeatureCollection file, in order, a chunk's worth at a time (an await per
 * part would cost a turn of the event loop per feature), refusing a member that appears twice:
 * a second "features" (or "type", or any member) would make the output invalid or ambiguous
 * JSON, and which one a reader takes differs between readers.
 */
async function* collectionParts(input: string): AsyncGenerator<StreamPart[]> {
	const splitter = new FeatureCollectionSplitter();
	const seen = new Set<string>();
	const check = (key: string) => {
		if (seen.has(key)) {
			throw new Error(
				`the FeatureCollection has a second "${key}" member; refusing to guess which one is meant`
			);
		}
		seen.add(key);
	};
	for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
		const parts = splitter.push(chunk as string);
		for (const part of parts) {
			if (part.kind === 'member') check(part.key);
			else if (part.kind === 'features-start') check('features');
		}
		yield parts;
	}
	splitter.end();
}

/**
 * GeoJSON in, GeoJSON out: members and features come out in input order, one feature per line,
 * each with the measures added to its properties. The features are parsed, measured and
 * serialised again on the worker pool, in batches, in order.
 */
export async function analyseGeoJson(
	input: string,
	output: Output,
	pool: TaskPool,
	summary: Summary
): Promise<void> {
	let opened = false;
	let firstFeature = true;
	let batch: string[] = [];
	let batchFirst = 0;
	const open = () => {
		const prefix = opened ? ',' : '{';
		opened = true;
		return prefix;
	};
	const runner = new OrderedRunner<null>(pool, async (result) => {
		if (result.kind !== 'features') throw new Error('unexpected task result');
		summary.measuredRows(result.measured);
		for (const { row, id, reason } of result.skipped) summary.skippedRow(row, id, reason);
		if (result.bytes.length === 0) return;
		await output.write(firstFeature ? '\n' : ',\n');
		await output.write(result.bytes);
		firstFeature = false;
	});
	const flush = async () => {
		if (batch.length === 0) return;
		await runner.submit({ kind: 'features', json: batch, first: batchFirst }, null);
		batch = [];
	};

	for await (const parts of collectionParts(input)) {
		for (const part of parts) {
			switch (part.kind) {
				case 'member':
					await output.write(`${open()}${JSON.stringify(part.key)}:${part.json}`);
					break;
				case 'features-start':
					await output.write(`${open()}"features":[`);
					break;
				case 'feature':
					if (batch.length === 0) batchFirst = part.index;
					batch.push(part.json);
					if (batch.length >= BATCH) await flush();
					break;
				case 'features-end':
					await flush();
					await runner.drain();
					await output.write(firstFeature ? ']' : '\n]');
					break;
			}
		}
	}
	await output.write('}\n');
}

function inferType(values: readonly unknown[]): ColumnType {
	let type: ColumnType | null = null;
	for (const value of values) {
		if (value === null || value === undefined) continue;
		const own: ColumnType =
			typeof value === 'number'
				? 'DOUBLE'
				: typeof value === 'boolean'
					? 'BOOLEAN'
					: typeof value === 'string'
						? 'STRING'
						: 'JSON';
		if (type === null) type = own;
		else if (type !== own) return 'JSON';
	}
	return type ?? 'STRING';
}

/**
 * A FeatureCollection as a table (for GeoParquet out): the columns are every property name in
 * the order first seen (with the features' `id` first when the properties have none), so the
 * features are all read before the first row comes out.
 */
export async function* geojsonSource(input: string): AsyncGenerator<TableEvent> {
	const features: ParsedFeature[] = [];
	for await (const parts of collectionParts(input)) {
		for (const part of parts)
			if (part.kind === 'feature') features.push(...parseFeatures([part.json], part.index));
	}
	const names = new Map<string, number>();
	let hasId = false;
	features.forEach((feature, i) => {
		checkNoClash(feature, i + 1);
		if (featureId(feature) !== null) hasId = true;
		const properties = feature?.properties;
		if (properties && typeof properties === 'object')
			for (const name of Object.keys(properties)) if (!names.has(name)) names.set(name, names.size);
	});
	const idColumn = hasId && !names.has('id');
	const propertyNames = [...names.keys()];
	checkNoAddedColumns(propertyNames);
	const valuesOf = (feature: ParsedFeature): unknown[] => {
		const properties = (feature?.properties ?? {}) as Record<string, unknown>;
		const values = propertyNames.map((name) => properties[name] ?? null);
		return idColumn ? [feature?.id ?? null, ...values] : values;
	};
	const columnNames = idColumn ? ['id', ...propertyNames] : propertyNames;
	const values = features.map(valuesOf);
	const columns: ColumnSpec[] = columnNames.map((name, c) => ({
		name,
		type: inferType(values.map((row) => row[c]))
	}));
	yield { kind: 'columns', columns, positionColumns: 'geometry' };
	for (let start = 0; start < features.length; start += BATCH_ROWS) {
		yield {
			kind: 'rows',
			rows: features.slice(start, start + BATCH_ROWS).map((feature, i) => ({
				number: start + i + 1,
				id: featureId(feature),
				values: values[start + i]!,
				position: featurePosition(feature)
			}))
		};
	}
}
