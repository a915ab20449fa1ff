import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { FeatureCollectionSplitter, type StreamPart } from '../../src/lib/data/geojson-stream';
import { ADDED_FIELDS, EMPTY_MEASURES, type Measurer } from './measure';
import { Summary } from './summary';
import { write } from './write';

const BATCH = 10_000;

interface ParsedFeature {
	type?: unknown;
	id?: unknown;
	properties?: Record<string, unknown> | null;
	geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** Why a feature cannot be measured, or its position. */
function positionOf(feature: ParsedFeature): string | [number, number] {
	if (feature === null || typeof feature !== 'object' || feature.type !== 'Feature')
		return 'not a Feature';
	const geometry = feature.geometry;
	if (!geometry) return 'no geometry (an unlocated feature)';
	if (geometry.type !== 'Point') return `its geometry is a ${String(geometry.type)}, not a Point`;
	const [lon, lat] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
	if (
		typeof lon !== 'number' ||
		typeof lat !== 'number' ||
		!Number.isFinite(lon) ||
		!Number.isFinite(lat)
	) {
		return 'its coordinates are not two numbers';
	}
	if (lat < -90 || lat > 90) return `latitude ${lat} is out of range (−90 to 90)`;
	if (lon < -180 || lon > 180) return `longitude ${lon} is out of range (−180 to 180)`;
	return [lon, lat];
}

/**
 * Streams a FeatureCollection through the measurer: members and features come out in input
 * order, one feature per line, each with the measures added to its properties (null for a
 * feature without a valid Point). Values are re-serialised by JSON.stringify: numbers keep their
 * value, not necessarily their spelling (1.0 becomes 1).
 */
export async function analyseGeoJson(
	input: string,
	output: Writable,
	measurer: Measurer,
	summary: Summary
): Promise<void> {
	const splitter = new FeatureCollectionSplitter();
	let opened = false;
	let firstFeature = true;
	let batch: { feature: ParsedFeature; index: number }[] = [];

	const open = () => {
		const prefix = opened ? ',' : '{';
		opened = true;
		return prefix;
	};

	const flush = async () => {
		const positions = batch.map(({ feature }) => positionOf(feature));
		const located = positions.filter((p): p is [number, number] => typeof p !== 'string');
		const measures = measurer.measure(
			Float64Array.from(located, (p) => p[0]),
			Float64Array.from(located, (p) => p[1])
		);
		let next = 0;
		const lines = batch.map(({ feature, index }, i) => {
			const position = positions[i]!;
			const id =
				typeof feature?.id === 'string' || typeof feature?.id === 'number'
					? String(feature.id)
					: null;
			let added = EMPTY_MEASURES;
			if (typeof position === 'string') summary.skippedRow(index + 1, id, position);
			else {
				added = measures[next++]!;
				summary.measuredRow();
			}
			if (feature === null || typeof feature !== 'object') return JSON.stringify(feature);
			const clash = ADDED_FIELDS.find((field) => feature.properties && field in feature.properties);
			if (clash)
				throw new Error(
					`feature ${index + 1} already has a ${clash} property; refusing to overwrite it`
				);
			return JSON.stringify({
				...feature,
				properties: { ...(feature.properties ?? {}), ...added }
			});
		});
		batch = [];
		if (lines.length === 0) return;
		await write(output, (firstFeature ? '\n' : ',\n') + lines.join(',\n'));
		firstFeature = false;
	};

	const handle = async (part: StreamPart) => {
		switch (part.kind) {
			case 'member':
				await write(output, `${open()}${JSON.stringify(part.key)}:${part.json}`);
				break;
			case 'features-start':
				await write(output, `${open()}"features":[`);
				break;
			case 'feature': {
				let feature: ParsedFeature;
				try {
					feature = JSON.parse(part.json) as ParsedFeature;
				} catch (error) {
					throw new Error(
						`feature ${part.index + 1} is not valid JSON: ${(error as Error).message}`,
						{ cause: error }
					);
				}
				batch.push({ feature, index: part.index });
				if (batch.length >= BATCH) await flush();
				break;
			}
			case 'features-end':
				await flush();
				await write(output, firstFeature ? ']' : '\n]');
				break;
		}
	};

	for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
		for (const part of splitter.push(chunk as string)) await handle(part);
	}
	splitter.end();
	await write(output, '}\n');
}
