import type { LineString, MultiLineString } from 'geojson';
import { buildBorderIndex, type BorderIndex } from './border-index';
import { borderDistances, type BorderDistances, type BorderDistanceStats } from './border-distance';
import { buildRegionIndex, regionAt, type Region, type RegionIndex } from './regions';

/**
 * The border as the app and the CLI measure it: exact distances to the line, the nearest point
 * of it, and which side a point is on (by point-in-polygon against the countries' shapes, whose
 * shared edge is the line).
 */
export interface BorderModel {
	line: BorderIndex;
	/** Null when no side shapes were given (a custom border line). */
	sides: RegionIndex | null;
}

/** Closer than this (metres) a point is on the border line itself: it has no side. */
export const ON_BORDER_METRES = 1;

export function borderModel(
	line: LineString | MultiLineString,
	sides: readonly Region[] = []
): BorderModel {
	return { line: buildBorderIndex(line), sides: sides.length > 0 ? buildRegionIndex(sides) : null };
}

export interface BorderAnalysis extends BorderDistances {
	/**
	 * The side's name (e.g. 'IRQ', 'SYR'); null outside every side shape, on the line itself,
	 * or without side shapes.
	 */
	side: (string | null)[];
}

/** Distances, nearest border points and sides for many points at once. */
export function analyseBorder(
	model: BorderModel,
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	stats?: BorderDistanceStats
): BorderAnalysis {
	const distances = borderDistances(model.line, lons, lats, stats);
	const side = Array.from(distances.distance, (distance, i) =>
		model.sides && distance >= ON_BORDER_METRES ? regionAt(model.sides, lons[i]!, lats[i]!) : null
	);
	return { ...distances, side };
}
