import { ADDED_FIELDS, type MeasureColumns, type Measurer } from './measure';
import type { SkippedRow } from './tasks';

export interface ParsedFeature {
	type?: unknown;
	id?: unknown;
	properties?: Record<string, unknown> | null;
	geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** Why a feature cannot be measured, or its position. */
export function featurePosition(feature: ParsedFeature): string | [number, number] {
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

export type MeasureValues = Record<(typeof ADDED_FIELDS)[number], number | string | null>;

export const NO_MEASURES: MeasureValues = {
	border_distance_m: null,
	border_side: null,
	nearest_place: null,
	nearest_place_km: null,
	nearest_place_source: null
};

/** The i-th measures of a batch, by name. */
export function measureValues(
	columns: MeasureColumns,
	i: number,
	names: Pick<Measurer, 'sideNames' | 'placeNames' | 'placeSources'>
): MeasureValues {
	const side = columns.side[i]!;
	const place = columns.place[i]!;
	return {
		border_distance_m: columns.distance[i]!,
		border_side: side < 0 ? null : names.sideNames[side]!,
		nearest_place: place < 0 ? null : names.placeNames[place]!,
		nearest_place_km: place < 0 ? null : columns.placeKm[i]!,
		nearest_place_source: place < 0 ? null : (names.placeSources[place] ?? null)
	};
}

export function featureId(feature: ParsedFeature): string | null {
	return typeof feature?.id === 'string' || typeof feature?.id === 'number'
		? String(feature.id)
		: null;
}

/** Parses features; throws with the feature's number when one is not JSON. */
export function parseFeatures(json: readonly string[], first: number): ParsedFeature[] {
	return json.map((text, i) => {
		try {
			return JSON.parse(text) as ParsedFeature;
		} catch (error) {
			throw new Error(`feature ${first + i + 1} is not valid JSON: ${(error as Error).message}`, {
				cause: error
			});
		}
	});
}

/** Refuses a feature that already has one of the added properties. */
export function checkNoClash(feature: ParsedFeature, number: number): void {
	const properties = feature?.properties;
	if (!properties || typeof properties !== 'object') return;
	const clash = ADDED_FIELDS.find((field) => Object.hasOwn(properties, field));
	if (clash)
		throw new Error(`feature ${number} already has a ${clash} property; refusing to overwrite it`);
}

/**
 * Features in, features out (one per line, joined by commas): each parsed, measured and
 * serialised again with the measures added to its properties (null for a feature without a valid Point). Values are re-serialised by
 * JSON.stringify: numbers keep their value, not necessarily their spelling (1.0 becomes 1).
 */
export function featureLines(
	measurer: Measurer,
	json: readonly string[],
	first: number
): { text: string; measured: number; skipped: SkippedRow[] } {
	const features = parseFeatures(json, first);
	const positions = features.map(featurePosition);
	const located = positions.filter((p): p is [number, number] => typeof p !== 'string');
	const columns = measurer.measure(
		Float64Array.from(located, (p) => p[0]),
		Float64Array.from(located, (p) => p[1])
	);
	const skipped: SkippedRow[] = [];
	let next = 0;
	const lines = features.map((feature, i) => {
		const position = positions[i]!;
		let added = NO_MEASURES;
		if (typeof position === 'string')
			skipped.push({ row: first + i + 1, id: featureId(feature), reason: position });
		else added = measureValues(columns, next++, measurer);
		if (feature === null || typeof feature !== 'object') return JSON.stringify(feature);
		checkNoClash(feature, first + i + 1);
		// In place (the parsed feature is ours): the same members in the same order as a copy
		// with the measures appended to the properties, at a fraction of the allocation.
		const properties = feature.properties;
		if (properties && typeof properties === 'object' && !Array.isArray(properties))
			Object.assign(properties, added);
		else feature.properties = { ...(properties ?? {}), ...added };
		return JSON.stringify(feature);
	});
	// One string, not one per feature: the worker encodes it once and hands the bytes over.
	return { text: lines.join(',\n'), measured: next, skipped };
}
