import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import { REGION_BBOX } from '../../data/region';
import { seededRandom } from '../../data/testing/random';

/**
 * Input points for the border-distance fixtures: seeded random points across the region, and
 * edge cases on and around the border and far from it.
 */

type Input = FeatureCollection<Point, { name: string }>;

const point = (lon: number, lat: number, name: string): Feature<Point, { name: string }> => ({
	type: 'Feature',
	properties: { name },
	geometry: { type: 'Point', coordinates: [lon, lat] }
});

export function randomRegionPoints(count: number, seed: number): Input {
	const random = seededRandom(seed);
	const [west, south, east, north] = REGION_BBOX;
	return {
		type: 'FeatureCollection',
		features: Array.from({ length: count }, (_, i) =>
			point(west + (east - west) * random(), south + (north - south) * random(), `random ${i + 1}`)
		)
	};
}

export function edgeCasePoints(border: MultiLineString): Input {
	const features: Feature<Point, { name: string }>[] = [];
	border.coordinates.forEach((part, p) => {
		part.forEach(([lon, lat], v) => features.push(point(lon!, lat!, `part ${p} vertex ${v}`)));
		for (let v = 1; v < part.length; v++) {
			const [lon0, lat0] = part[v - 1] as [number, number];
			const [lon1, lat1] = part[v] as [number, number];
			for (const t of [0.5, 0.1]) {
				const lon = lon0 + t * (lon1 - lon0);
				const lat = lat0 + t * (lat1 - lat0);
				features.push(point(lon, lat, `part ${p} segment ${v - 1} at t=${t}`));
			}
			// Just off the segment's midpoint on both sides (~1 m and ~100 m, in degrees).
			const [dLon, dLat] = [lon1 - lon0, lat1 - lat0];
			const length = Math.hypot(dLon, dLat);
			if (length === 0) continue;
			for (const offset of [1e-5, -1e-5, 1e-3, -1e-3]) {
				const lon = (lon0 + lon1) / 2 - (dLat / length) * offset;
				const lat = (lat0 + lat1) / 2 + (dLon / length) * offset;
				features.push(point(lon, lat, `part ${p} segment ${v - 1} offset ${offset}°`));
			}
		}
	});
	// Where the parts meet (a ~10 m connector joins parts 0 and 1), and around it.
	for (const [dLon, dLat] of [
		[0, 0],
		[0.0001, 0],
		[-0.0001, 0.0001],
		[0.01, -0.01],
		[-0.02, 0.02]
	]) {
		features.push(point(41.2663 + dLon!, 35.99432 + dLat!, `near the junction ${dLon},${dLat}`));
	}
	// Far outside the region: other continents, near the antipode, the poles, the antimeridian.
	const far: [number, number, string][] = [
		[0, 0, 'null island'],
		[-139.1, -34.7, 'near the antipode'],
		[-140, -36, 'antipode area'],
		[0, 89.9, 'near the north pole'],
		[40, -89.9, 'near the south pole'],
		[180, 0, 'antimeridian east'],
		[-180, 10, 'antimeridian west'],
		[2.35, 48.86, 'Paris'],
		[139.7, 35.7, 'Tokyo'],
		[-74, 40.7, 'New York'],
		[41, 60, 'north of the region'],
		[41, 20, 'south of the region'],
		[25, 34, 'west of the region'],
		[60, 34, 'east of the region']
	];
	for (const [lon, lat, name] of far) features.push(point(lon, lat, name));
	return { type: 'FeatureCollection', features };
}
