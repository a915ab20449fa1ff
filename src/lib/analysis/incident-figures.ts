import type { LineString, MultiLineString } from 'geojson';
import { analyseBorder, borderModel, type BorderModel } from './border';
import { NeighbourIndex, type LabelledPoint, type Neighbour } from './nearest';
import type { Region } from './regions';

/**
 * The figures the incident panel shows, computed for every located incident at once: exact
 * distance to the border and its nearest point, the side, the nearest gazetteer place and
 * border crossing, and the nearest incident at another position. Typed arrays out, so a worker
 * can hand them back without copying.
 */

export interface FiguresRequest {
	border: LineString | MultiLineString;
	sides: Region[];
	places: LabelledPoint[];
	crossings: LabelledPoint[];
	ids: string[];
	lons: Float64Array;
	lats: Float64Array;
}

export interface FiguresResult {
	ids: string[];
	borderDistance: Float64Array;
	nearestBorderLon: Float64Array;
	nearestBorderLat: Float64Array;
	/** Index into the request's sides, −1 for none. */
	side: Int8Array;
	/** Index into the request's places / crossings / ids, −1 for none; with the distance. */
	nearestPlace: Int32Array;
	nearestPlaceDistance: Float64Array;
	nearestCrossing: Int32Array;
	nearestCrossingDistance: Float64Array;
	nearestOther: Int32Array;
	nearestOtherDistance: Float64Array;
}

export interface IncidentFigures {
	borderDistance: number;
	nearestBorderPoint: [number, number];
	side: string | null;
	nearestPlace: Neighbour | null;
	nearestCrossing: Neighbour | null;
	/** The nearest incident at a different position (those at the same one form its site). */
	nearestOther: Neighbour | null;
}

export function computeFigures(request: FiguresRequest, model?: BorderModel): FiguresResult {
	const n = request.ids.length;
	const border = analyseBorder(
		model ?? borderModel(request.border, request.sides),
		request.lons,
		request.lats
	);
	const sideNames = request.sides.map((side) => side.name);
	const incidents = Array.from(request.ids, (id, i) => ({
		id,
		lon: request.lons[i]!,
		lat: request.lats[i]!
	}));
	const nearestInto = (index: NeighbourIndex, points: readonly LabelledPoint[], other = false) => {
		const at = new Int32Array(n).fill(-1);
		const distance = new Float64Array(n).fill(Number.NaN);
		const position = new Map(points.map((point, i) => [point.id, i]));
		for (let i = 0; i < n; i++) {
			const [lon, lat] = [request.lons[i]!, request.lats[i]!];
			const found = other
				? index.nearest(lon, lat, (p) => p.lon !== lon || p.lat !== lat)
				: index.nearest(lon, lat);
			if (!found) continue;
			at[i] = position.get(found.id) ?? -1;
			distance[i] = found.distance;
		}
		return [at, distance] as const;
	};
	const [nearestPlace, nearestPlaceDistance] = nearestInto(
		new NeighbourIndex(request.places),
		request.places
	);
	const [nearestCrossing, nearestCrossingDistance] = nearestInto(
		new NeighbourIndex(request.crossings),
		request.crossings
	);
	const [nearestOther, nearestOtherDistance] = nearestInto(
		new NeighbourIndex(incidents),
		incidents,
		true
	);
	return {
		ids: request.ids,
		borderDistance: border.distance,
		nearestBorderLon: border.nearestLon,
		nearestBorderLat: border.nearestLat,
		side: Int8Array.from(border.side, (name) => (name === null ? -1 : sideNames.indexOf(name))),
		nearestPlace,
		nearestPlaceDistance,
		nearestCrossing,
		nearestCrossingDistance,
		nearestOther,
		nearestOtherDistance
	};
}

/** The result's typed arrays, to transfer rather than copy. */
export function transferables(result: FiguresResult): ArrayBuffer[] {
	return [
		result.borderDistance,
		result.nearestBorderLon,
		result.nearestBorderLat,
		result.side,
		result.nearestPlace,
		result.nearestPlaceDistance,
		result.nearestCrossing,
		result.nearestCrossingDistance,
		result.nearestOther,
		result.nearestOtherDistance
	].map((array) => array.buffer as ArrayBuffer);
}

/** Unpacks a result into one record per incident. */
export function figuresById(
	result: FiguresResult,
	request: Pick<FiguresRequest, 'sides' | 'places' | 'crossings'>
): ReadonlyMap<string, IncidentFigures> {
	const byId = new Map<string, IncidentFigures>();
	const neighbour = (
		list: readonly { id: string }[],
		at: number,
		distance: number
	): Neighbour | null => {
		const found = list[at];
		return found ? { id: found.id, distance } : null;
	};
	const incidents = result.ids.map((id) => ({ id }));
	result.ids.forEach((id, i) => {
		byId.set(id, {
			borderDistance: result.borderDistance[i]!,
			nearestBorderPoint: [result.nearestBorderLon[i]!, result.nearestBorderLat[i]!],
			side: request.sides[result.side[i]!]?.name ?? null,
			nearestPlace: neighbour(
				request.places,
				result.nearestPlace[i]!,
				result.nearestPlaceDistance[i]!
			),
			nearestCrossing: neighbour(
				request.crossings,
				result.nearestCrossing[i]!,
				result.nearestCrossingDistance[i]!
			),
			nearestOther: neighbour(incidents, result.nearestOther[i]!, result.nearestOtherDistance[i]!)
		});
	});
	return byId;
}
