import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { geodesicPath } from '$lib/analysis/geodesic';
import { formatDistance } from '$lib/data/format';
import type { MeasureLeg } from '$lib/state/measure.svelte';

export interface MeasureProperties {
	/** At each point: the distance so far ("" at the start). */
	label: string;
}

/** The measured path as drawn: geodesic legs (densified) and the points with running totals. */
export function measureFeatures(
	points: readonly [number, number][],
	legs: readonly MeasureLeg[],
	distance: (metres: number) => string = formatDistance
): FeatureCollection<LineString | Point, MeasureProperties> {
	const features: Feature<LineString | Point, MeasureProperties>[] = [];
	if (legs.length > 0) {
		const coordinates = legs.flatMap((leg, i) => {
			const path = geodesicPath(leg.from[0], leg.from[1], leg.to[0], leg.to[1]);
			return i === 0 ? path : path.slice(1);
		});
		features.push({
			type: 'Feature',
			properties: { label: '' },
			geometry: { type: 'LineString', coordinates }
		});
	}
	let sum = 0;
	points.forEach((point, i) => {
		if (i > 0) sum += legs[i - 1]?.distance ?? 0;
		features.push({
			type: 'Feature',
			properties: { label: i === 0 ? '' : distance(sum) },
			geometry: { type: 'Point', coordinates: [...point] }
		});
	});
	return { type: 'FeatureCollection', features };
}
