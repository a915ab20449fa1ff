import geographiclib from 'geographiclib-geodesic';

/**
 * Exact WGS84 geodesics (GeographicLib, Karney 2013): the reference every distance in the app is
 * measured with. Turf measures on a sphere and can be off by ~0.2 % here; these are exact to
 * nanometres.
 */
const { Geodesic } = geographiclib;
export const WGS84 = Geodesic.WGS84;
export const DISTANCE = Geodesic.DISTANCE;
export const DISTANCE_AND_AZIMUTH = Geodesic.DISTANCE | Geodesic.AZIMUTH;

/** Geodesic distance in metres between two points given in degrees. */
export function geodesicDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
	return WGS84.Inverse(lat1, lon1, lat2, lon2, DISTANCE).s12 ?? Number.NaN;
}

export interface GeodesicInverse {
	/** Distance in metres. */
	distance: number;
	/** Initial bearing at the first point, degrees clockwise from north, 0–360. */
	initialBearing: number;
	/** Bearing of travel on arrival at the second point, degrees clockwise from north, 0–360. */
	finalBearing: number;
}

const normaliseBearing = (degrees: number) => ((degrees % 360) + 360) % 360;

/** Distance and bearings of the geodesic from the first point to the second (degrees). */
export function geodesicInverse(
	lat1: number,
	lon1: number,
	lat2: number,
	lon2: number
): GeodesicInverse {
	const result = WGS84.Inverse(lat1, lon1, lat2, lon2, DISTANCE_AND_AZIMUTH);
	return {
		distance: result.s12 ?? Number.NaN,
		initialBearing: normaliseBearing(result.azi1 ?? Number.NaN),
		finalBearing: normaliseBearing(result.azi2 ?? Number.NaN)
	};
}

/**
 * Points along the geodesic from one point to another, at most `step` metres apart (ends
 * included), for drawing: a map joins vertices with straight lines on its projection.
 */
export function geodesicPath(
	lon1: number,
	lat1: number,
	lon2: number,
	lat2: number,
	step = 2000
): [number, number][] {
	const line = WGS84.InverseLine(lat1, lon1, lat2, lon2);
	const distance = line.s13 ?? 0;
	const count = Math.max(1, Math.ceil(distance / step));
	const points: [number, number][] = [[lon1, lat1]];
	for (let i = 1; i < count; i++) {
		const position = line.Position(
			(distance * i) / count,
			Geodesic.STANDARD | Geodesic.LONG_UNROLL
		);
		points.push([position.lon2 ?? Number.NaN, position.lat2 ?? Number.NaN]);
	}
	points.push([lon2, lat2]);
	return points;
}
