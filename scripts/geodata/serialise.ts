import { createHash } from 'node:crypto';

/**
 * GeoJSON text that reviews well: one feature per line for basemap layers, fully indented for
 * small hand-curated files. Deterministic, so a rebuild from the same sources is byte-identical.
 */
/** Any FeatureCollection, foreign members included; features are serialised as they are. */
export interface SerialisableCollection {
	type: 'FeatureCollection';
	features: readonly object[];
}

export function featureCollectionText<T extends SerialisableCollection>(
	collection: T,
	style: 'feature-per-line' | 'indented'
): string {
	if (style === 'indented') return `${JSON.stringify(collection, null, '\t')}\n`;
	const { features, ...rest } = collection;
	const head = JSON.stringify({ ...rest, features: [] }).replace(/\[\]\}$/, '');
	const lines = features.map((feature) => JSON.stringify(feature));
	return `${head}[\n${lines.join(',\n')}\n]}\n`;
}

export function sha256(text: string | Buffer): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Rounds every coordinate of a geometry to `decimals` places (computed geometry only). */
export function roundCoordinates<T>(value: T, decimals: number): T {
	const factor = 10 ** decimals;
	const round = (item: unknown): unknown => {
		if (typeof item === 'number') return Math.round(item * factor) / factor;
		if (Array.isArray(item)) return item.map(round);
		if (item !== null && typeof item === 'object') {
			return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, round(entry)]));
		}
		return item;
	};
	return round(value) as T;
}
