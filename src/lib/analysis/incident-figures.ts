import type { LineString, MultiLineString } from 'geojson';
import { buildBorderIndex, type BorderIndex } from './border-index';
import { borderDistances } from './border-distance';
import { nearestPoint, type LabelledPoint } from './nearest';

/**
 * The computed figures the incident panel shows: exact distance to the border and the nearest
 * gazetteer place. Batch in, typed arrays out, so a worker can hand them back without copying.
 */

export interface FiguresRequest {
	border: LineString | MultiLineString;
	places: LabelledPoint[];
	ids: string[];
	lons: Float64Array;
	lats: Float64Array;
}

export interface FiguresResult {
	ids: string[];
	/** Metres to the Iraq–Syria border (NaN without a position). */
	borderDistance: Float64Array;
	nearestBorderLon: Float64Array;
	nearestBorderLat: Float64Array;
	/** Index into the request's places, −1 when there is none. */
	nearestPlace: Int32Array;
	nearestPlaceDistance: Float64Array;
}

export interface IncidentFigures {
	borderDistance: number;
	nearestBorderPoint: [number, number];
	nearestPlace: { id: string; distance: number } | null;
}

export function computeFigures(request: FiguresRequest, index?: BorderIndex): FiguresResult {
	const border = borderDistances(
		index ?? buildBorderIndex(request.border),
		request.lons,
		request.lats
	);
	const n = request.ids.length;
	const nearestPlace = new Int32Array(n).fill(-1);
	const nearestPlaceDistance = new Float64Array(n).fill(Number.NaN);
	const placeIndex = new Map(request.places.map((place, i) => [place.id, i]));
	for (let i = 0; i < n; i++) {
		const nearest = nearestPoint(request.places, request.lons[i]!, request.lats[i]!);
		if (!nearest) continue;
		nearestPlace[i] = placeIndex.get(nearest.id) ?? -1;
		nearestPlaceDistance[i] = nearest.distance;
	}
	return {
		ids: request.ids,
		borderDistance: border.distance,
		nearestBorderLon: border.nearestLon,
		nearestBorderLat: border.nearestLat,
		nearestPlace,
		nearestPlaceDistance
	};
}

/** Unpacks a result into one record per incident. */
export function figuresById(
	result: FiguresResult,
	places: readonly LabelledPoint[]
): ReadonlyMap<string, IncidentFigures> {
	const byId = new Map<string, IncidentFigures>();
	result.ids.forEach((id, i) => {
		const place = places[result.nearestPlace[i]!];
		byId.set(id, {
			borderDistance: result.borderDistance[i]!,
			nearestBorderPoint: [result.nearestBorderLon[i]!, result.nearestBorderLat[i]!],
			nearestPlace: place ? { id: place.id, distance: result.nearestPlaceDistance[i]! } : null
		});
	});
	return byId;
}
