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
