import type { IncidentColumns } from '$lib/data/filter-engine';

/** What the density surface weighs each incident by: 1 each, or the reported toll. */
export type DensityWeight = 'count' | 'killed';

/**
 * The surface's radius in pixels by zoom ([zoom, px]); its intensity is set for the same zooms
 * from the incidents shown (below), so that its darkest colour is where they are densest.
 */
export const DENSITY_RADII: readonly (readonly [number, number])[] = [
	[4, 10],
	[7, 18],
	[10, 30]
];

/**
 * How strongly the density surface is drawn, so that its darkest colour is where the incidents
 * shown are densest, at every zoom, whether 14 incidents are shown or 200,000 (a fixed
 * intensity leaves a few incidents pale and many a solid blot). For each zoom of DENSITY_RADII
 * the incidents' weights are summed in square cells as wide as the surface's radius there; the
 * sum that one in ten of the cells with any incident reach or pass (the 90th percentile) is
 * brought to near the top of the ramp, and the few denser cells are drawn in its darkest colour
 * (the single densest would leave every other place pale). The scale is relative, and the
 * legend says so.
 */

/** The peak of MapLibre's heatmap kernel for one point of weight 1 at intensity 1 (1/√(2π)). */
const KERNEL_PEAK = 1 / Math.sqrt(2 * Math.PI);
/** Where on the ramp (0 to 1) a cell at the reference sum is drawn. */
const TARGET_DENSITY = 0.9;
/** The reference: this share of the cells with incidents have a smaller sum. */
const REFERENCE_QUANTILE = 0.9;
const [LOWEST, HIGHEST] = [1e-5, 3];
/** MapLibre's world is 512 pixels wide at zoom 0. */
const TILE = 512;

/** Positions in Web Mercator world units (0 to 1), computed once per set of incidents. */
export interface MercatorPoints {
	x: Float64Array;
	y: Float64Array;
	/** Killed as a marker is sized by (NaN: not reported). */
	killed: Float64Array;
}

/** From the filter worker's columns (positions NaN without one; killed as markers are sized). */
export function mercatorPoints(
	columns: Pick<IncidentColumns, 'lon' | 'lat' | 'killedBest'>
): MercatorPoints {
	const n = columns.lon.length;
	const [x, y] = [new Float64Array(n), new Float64Array(n)];
	for (let i = 0; i < n; i++) {
		x[i] = (columns.lon[i]! + 180) / 360;
		const sin = Math.sin((columns.lat[i]! * Math.PI) / 180);
		y[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
	}
	return { x, y, killed: columns.killedBest };
}

/**
 * The heatmap intensity at each zoom of DENSITY_RADII ([zoom, intensity] pairs) for the
 * incidents the mask keeps (null: all), weighed as the surface weighs them.
 */
export function densityIntensity(
	points: MercatorPoints,
	mask: Uint8Array | null,
	weight: DensityWeight
): [number, number][] {
	return DENSITY_RADII.map(([zoom, radius]) => {
		const cell = radius / (TILE * 2 ** zoom);
		const sums = new Map<number, number>();
		for (let i = 0; i < points.x.length; i++) {
			if (mask && mask[i] !== 1) continue;
			const x = points.x[i] ?? NaN;
			const y = points.y[i] ?? NaN;
			if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
			const w = weight === 'count' ? 1 : (points.killed[i] ?? NaN);
			if (!(w > 0)) continue; // an unknown toll (NaN) adds nothing, nor does 0
			// Cells are numbered row by row: at zoom 10 a row has under 20,000 cells.
			const key = Math.floor(y / cell) * 1e6 + Math.floor(x / cell);
			sums.set(key, (sums.get(key) ?? 0) + w);
		}
		const sorted = Float64Array.from(sums.values()).sort();
		const reference = sorted[Math.ceil(REFERENCE_QUANTILE * sorted.length) - 1] ?? 0;
		const intensity = reference > 0 ? TARGET_DENSITY / (KERNEL_PEAK * reference) : 1;
		return [zoom, Math.min(HIGHEST, Math.max(LOWEST, intensity))];
	});
}
