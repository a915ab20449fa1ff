import { buffer } from '@turf/turf';
import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';

/**
 * The area within `km` of the border, for drawing (Turf buffer: its spherical approximation is
 * far below what a screen shows). Tagged with `max_km` for its label.
 */
export function borderBand(
	border: LineString | MultiLineString,
	km: number
): FeatureCollection<Polygon | MultiPolygon, { max_km: number }> {
	if (!(km > 0)) return { type: 'FeatureCollection', features: [] };
	const band = buffer({ type: 'Feature', properties: {}, geometry: border }, km, {
		units: 'kilometers',
		steps: 24
	});
	return {
		type: 'FeatureCollection',
		features: band ? [{ ...band, properties: { max_km: km } }] : []
	};
}
