import type { LineString, MultiLineString } from 'geojson';
import { analyseBorder, borderModel, type BorderModel } from './border';
import { buildTree, NeighbourIndex, type LabelledPoint, type Neighbour } from './nearest';
import type { Region } from './regions';
import { siteKey } from '$lib/data/site-key';

/**
 * The figures the incident panel shows: exact distance to the border and its nearest point, the
 * side, the nearest gazetteer place and border crossing, and the nearest incident at another
 * position. The border figures are computed for every located incident at once (the distance
 * filter needs them all); the nearest neighbours only when a panel asks, from k-d trees (the
 * one over incident positions is built by the worker and handed over as its buffer), since at
 * 200,000 incidents answering them all up front would cost seconds of a busy CPU for figures
 * almost nobody reads. Typed arrays out, so a worker can hand them back without copying.
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
	/** Each incident's distinct position (many incidents share a town's centre). */
	positionOf: Int32Array;
	/** Per position: its coordinates and its first incident (index into ids). */
	positionLon: Float64Array;
	positionLat: Float64Array;
	positionFirst: Int32Array;
	/** A k-d tree over the positions (KDBush's buffer). */
	positionTree: ArrayBuffer;
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
	const border = analyseBorder(
		model ?? borderModel(request.border, request.sides),
		request.lons,
		request.lats
	);
	const sideNames = request.sides.map((side) => side.name);
	// The positions' count: the ids may stay on the page (AnalysisClient).
	const n = request.lons.length;
	const positionOf = new Int32Array(n);
	const firstAt = new Map<string, number>();
	const lon: number[] = [];
	const lat: number[] = [];
	const first: number[] = [];
	for (let i = 0; i < n; i++) {
		const key = siteKey(request.lons[i]!, request.lats[i]!);
		let position = firstAt.get(key);
		if (position === undefined) {
			position = first.length;
			firstAt.set(key, position);
			lon.push(request.lons[i]!);
			lat.push(request.lats[i]!);
			first.push(i);
		}
		positionOf[i] = position;
	}
	const positionLon = Float64Array.from(lon);
	const positionLat = Float64Array.from(lat);
	return {
		ids: request.ids,
		borderDistance: border.distance,
		nearestBorderLon: border.nearestLon,
		nearestBorderLat: border.nearestLat,
		side: Int8Array.from(border.side, (name) => (name === null ? -1 : sideNames.indexOf(name))),
		positionOf,
		positionLon,
		positionLat,
		positionFirst: Int32Array.from(first),
		positionTree: buildTree(positionLon, positionLat)
	};
}

/** The result's buffers, to transfer rather than copy. */
export function transferables(result: FiguresResult): ArrayBuffer[] {
	return [
		...[
			result.borderDistance,
			result.nearestBorderLon,
			result.nearestBorderLat,
			result.side,
			result.positionOf,
			result.positionLon,
			result.positionLat,
			result.positionFirst
		].map((array) => array.buffer as ArrayBuffer),
		result.positionTree
	];
}

/**
 * The figures of every incident, read on demand from the worker's arrays: a panel needs a
 * handful at a time, so hundreds of thousands of records are never built, and nearest
 * neighbours are looked up only for the incidents asked about.
 */
export class FiguresTable {
	readonly size: number;
	#result: FiguresResult;
	#request: Pick<FiguresRequest, 'sides' | 'places' | 'crossings'>;
	/** Each measured incident's row, by id: built when an incident is first asked about. */
	#rowMap: ReadonlyMap<string, number> | null = null;
	#measured: object | null;
	#places: NeighbourIndex | null = null;
	#crossings: NeighbourIndex | null = null;
	#positions: NeighbourIndex | null = null;
	#asked = new Map<string, IncidentFigures>();

	/**
	 * @param measured what the incidents measured were read from (the store's column parts):
	 *   while they are still the ones shown, distancesFor hands their distances over in order
	 */
	constructor(
		result: FiguresResult,
		request: Pick<FiguresRequest, 'sides' | 'places' | 'crossings'>,
		measured: object | null = null
	) {
		this.#result = result;
		this.#request = request;
		this.#measured = measured;
		this.size = result.ids.length;
	}

	get #row(): ReadonlyMap<string, number> {
		this.#rowMap ??= new Map(this.#result.ids.map((id, row) => [id, row]));
		return this.#rowMap;
	}

	/**
	 * Builds the index by id a slice of rows at a time, with `pause` between slices, for work
	 * that is about to ask for every incident (an export): at 500,000 rows, built in one go it
	 * was a long task of its own.
	 */
	async indexIds(pause: () => Promise<void>, slice = 50_000): Promise<void> {
		const ids = this.#result.ids;
		const index = new Map<string, number>();
		for (let start = 0; start < ids.length && this.#rowMap === null; start += slice) {
			const end = Math.min(ids.length, start + slice);
			for (let row = start; row < end; row++) index.set(ids[row] ?? '', row);
			await pause();
		}
		this.#rowMap ??= index;
	}

	/**
	 * The distances to the border in the order they were measured (the located incidents of
	 * `measured`), when `measured` is what they were measured for; else null (ask by id).
	 */
	distancesFor(measured: object): Float64Array | null {
		return measured === this.#measured ? this.#result.borderDistance : null;
	}

	static readonly EMPTY = new FiguresTable(
		{
			ids: [],
			borderDistance: new Float64Array(0),
			nearestBorderLon: new Float64Array(0),
			nearestBorderLat: new Float64Array(0),
			side: new Int8Array(0),
			positionOf: new Int32Array(0),
			positionLon: new Float64Array(0),
			positionLat: new Float64Array(0),
			positionFirst: new Int32Array(0),
			positionTree: buildTree([], [])
		},
		{ sides: [], places: [], crossings: [] }
	);

	/** Metres from an incident to the border (undefined when it was not measured). */
	borderDistance(id: string): number | undefined {
		const row = this.#row.get(id);
		return row === undefined ? undefined : this.#result.borderDistance[row];
	}

	/** The incident's row and position, or undefined when it was not measured. */
	#locate(id: string): { i: number; lon: number; lat: number } | undefined {
		const i = this.#row.get(id);
		if (i === undefined) return undefined;
		const position = this.#result.positionOf[i]!;
		return {
			i,
			lon: this.#result.positionLon[position]!,
			lat: this.#result.positionLat[position]!
		};
	}

	/** What an export needs: the border figures and the nearest place (no incident search). */
	measures(
		id: string
	): Pick<IncidentFigures, 'borderDistance' | 'side' | 'nearestPlace'> | undefined {
		const known = this.#asked.get(id);
		if (known) return known;
		const at = this.#locate(id);
		if (!at) return undefined;
		this.#places ??= new NeighbourIndex(this.#request.places);
		return {
			borderDistance: this.#result.borderDistance[at.i]!,
			side: this.#request.sides[this.#result.side[at.i]!]?.name ?? null,
			nearestPlace: this.#places.nearest(at.lon, at.lat)
		};
	}

	get(id: string): IncidentFigures | undefined {
		const known = this.#asked.get(id);
		if (known) return known;
		const at = this.#locate(id);
		const measured = this.measures(id);
		if (!at || !measured) return undefined;
		const r = this.#result;
		this.#crossings ??= new NeighbourIndex(this.#request.crossings);
		const figures: IncidentFigures = {
			...measured,
			nearestBorderPoint: [r.nearestBorderLon[at.i]!, r.nearestBorderLat[at.i]!],
			nearestCrossing: this.#crossings.nearest(at.lon, at.lat),
			nearestOther: this.#nearestOther(at.lon, at.lat)
		};
		this.#asked.set(id, figures);
		return figures;
	}

	/**
	 * The nearest incident at another position: the nearest other position, answered by its
	 * first incident (as a search over all incidents would, ties going to the earliest).
	 */
	#nearestOther(lon: number, lat: number): Neighbour | null {
		const r = this.#result;
		this.#positions ??= new NeighbourIndex(
			Array.from(r.positionFirst, (_, p) => ({
				id: String(p),
				lon: r.positionLon[p]!,
				lat: r.positionLat[p]!
			})),
			r.positionTree
		);
		const found = this.#positions.nearest(lon, lat, (p) => p.lon !== lon || p.lat !== lat);
		const first = found ? r.positionFirst[Number(found.id)] : undefined;
		return found && first !== undefined ? { id: r.ids[first]!, distance: found.distance } : null;
	}
}
