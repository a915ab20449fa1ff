/**
 * The analysis API: pure, typed, batch functions with exact WGS84 results.
 *
 *   const model = borderModel(borderLine, sides);            // build once
 *   const { distance, nearestLon, nearestLat, side } = analyseBorder(model, lons, lats);
 *   geodesicInverse(lat1, lon1, lat2, lon2);                  // distance and bearings
 *   new NeighbourIndex(places).nearest(lon, lat);             // nearest place / incident
 *   new NeighbourIndex(incidents).within(lon, lat, 25_000);   // everything within 25 km
 *
 * Distances are in metres, angles in degrees, positions as separate longitude and latitude
 * arrays (plain or typed). See README.md, "Distances", for what is measured and how exactly.
 */
export {
	analyseBorder,
	borderModel,
	ON_BORDER_METRES,
	type BorderAnalysis,
	type BorderModel
} from './border';
export { buildBorderIndex, type BorderIndex } from './border-index';
export {
	borderDistance,
	borderDistances,
	emptyStats,
	type BorderDistances,
	type BorderDistanceStats
} from './border-distance';
export { geodesicDistance, geodesicInverse, geodesicPath, type GeodesicInverse } from './geodesic';
export { labelledPoints, NeighbourIndex, type LabelledPoint, type Neighbour } from './nearest';
export { buildRegionIndex, regionAt, type Region, type RegionIndex } from './regions';
