import type { IncidentColumns } from '$lib/data/filter-engine';
import type { LocationPrecision } from '$lib/data/incident';
import { UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { dictionaryCoder } from '$lib/data/dictionary';
import { CLUSTER_ZOOM_END } from './groups';
import { mercatorPoints, type MercatorPoints } from './density-scale';
import { haloOwners, pixelsAtZoomZero, tollLabelWriter, type MapPointsOptions } from './map-points';
import { ProtobufWriter } from './protobuf-writer';

/**
 * The map's incident points as Mapbox Vector Tiles (MVT 2.1), cut in the filter worker from its
 * columns. MapLibre asks for a tile, the page relays the request to the filter worker and the
 * tile's bytes back (map-controller.svelte.ts), and MapLibre's worker decodes it: the page never
 * builds, serialises or receives the points themselves. A GeoJSON source loaded from a URL was
 * not enough, because MapLibre's worker sends the parsed collection back to the page.
 *
 * Each feature is one located incident; its MVT id is the incident's index in the columns (its
 * position in the filter mask). Its properties are those of MapIncidentProperties but `i` (the
 * id says it); the incident's own id is written only from CLUSTER_ZOOM_END, where markers can
 * be pointed at: below it the tiles feed the density surface and halos alone, and 200,000 ids
 * there would only weigh.
 */
export const POINT_TILE_LAYER = 'incidents';
/** Tile units per side: MapLibre's own, so positions reach it unscaled. */
export const POINT_TILE_EXTENT = 8192;

/** The located incidents, sorted west to east, with what each feature writes. */
export interface PointTiles {
	count: number;
	/** Per point: the incident's index in the columns. */
	index: Uint32Array;
	/** Web Mercator position in [0, 1) (x east, y south), sorted by x. */
	x: Float64Array;
	y: Float64Array;
	ids: string[];
	killedBest: Float64Array;
	/** Index into `labels` of each incident's toll label (-1: none), by incident. */
	label: Int32Array;
	labels: string[];
	/** Halo radius at zoom 0 in pixels (0: none or another incident at the position has it). */
	halo: Float64Array;
	approximate: Uint8Array;
	/** Index into `colours` (-1: the theme's), by incident. */
	colour: Int16Array;
	colours: string[];
}

/**
 * Everything the tiles need from the columns, computed once per data and language.
 * @param mercator the columns' positions in Web Mercator (the filter worker's, which the
 *   density surface's scale shares)
 */
export function pointTiles(
	columns: IncidentColumns,
	options: MapPointsOptions,
	mercator: MercatorPoints = mercatorPoints(columns)
): PointTiles {
	const precisionValues = columns.facetValues.location_precision.map(
		(value) => Number(value) as LocationPrecision
	);
	const precisionCodes = columns.facetCodes.location_precision;
	const precision = (i: number) => precisionValues[precisionCodes[i]!]!;
	const owns = haloOwners(columns, precision);

	let located = 0;
	for (let i = 0; i < columns.count; i++) if (!Number.isNaN(columns.lon[i]!)) located++;
	const index = new Uint32Array(located);
	for (let i = 0, k = 0; i < columns.count; i++) {
		// Unlocated incidents are listed in the panel, never drawn.
		if (!Number.isNaN(columns.lon[i]!)) index[k++] = i;
	}
	// West to east: a tile's points are one run of them.
	index.sort((a, b) => mercator.x[a]! - mercator.x[b]!);
	const x = Float64Array.from(index, (i) => mercator.x[i]!);
	const y = Float64Array.from(index, (i) => mercator.y[i]!);

	const writeLabel = tollLabelWriter(options.numberTag);
	const labels: string[] = [];
	const labelCode = dictionaryCoder(labels);
	const label = new Int32Array(columns.count).fill(-1);
	const halo = new Float64Array(columns.count);
	const approximate = new Uint8Array(columns.count);
	const datasetColour = columns.facetValues.dataset.map((dataset) =>
		Object.hasOwn(options.colours, dataset) ? options.colours[dataset]! : null
	);
	const colours = [...new Set(datasetColour.filter((colour) => colour !== null))];
	const colourCode = datasetColour.map((colour) =>
		colour === null ? -1 : colours.indexOf(colour)
	);
	const colour = new Int16Array(columns.count).fill(-1);
	for (let i = 0; i < columns.count; i++) {
		const written = writeLabel(columns.killedLabel[i] ?? null);
		if (written !== null) label[i] = labelCode(written);
		if (owns[i]) {
			halo[i] = pixelsAtZoomZero(UNCERTAINTY_RADIUS_KM[precision(i)] * 1000, columns.lat[i]!);
		}
		approximate[i] = columns.datePrecision[i] !== 0 ? 1 : 0;
		colour[i] = colourCode[columns.facetCodes.dataset[i]!]!;
	}
	return {
		count: located,
		index,
		x,
		y,
		ids: columns.ids,
		killedBest: columns.killedBest,
		label,
		labels,
		halo,
		approximate,
		colour,
		colours
	};
}

/** The first point at or east of `west` (x is sorted). */
function firstFrom(x: Float64Array, west: number): number {
	let low = 0;
	let high = x.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (x[middle]! < west) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The points inside tile z/x/y (a point on its west or north edge is its own), by index. */
export function pointsInTile(tiles: PointTiles, z: number, tx: number, ty: number): Uint32Array {
	const scale = 2 ** z;
	const west = tx / scale;
	const east = (tx + 1) / scale;
	const north = ty / scale;
	const south = (ty + 1) / scale;
	const inside: number[] = [];
	for (let k = firstFrom(tiles.x, west); k < tiles.count && tiles.x[k]! < east; k++) {
		const y = tiles.y[k]!;
		if (y >= north && y < south) inside.push(k);
	}
	return Uint32Array.from(inside);
}

const KEYS = ['killed_best', 'killed_label', 'halo_z0_px', 'approximate_date', 'colour', 'id'];
const [KILLED_BEST, KILLED_LABEL, HALO, APPROXIMATE, COLOUR, ID] = KEYS.map((_, i) => i) as [
	number,
	number,
	number,
	number,
	number,
	number
];
const MOVE_TO_ONE = (1 & 0x7) | (1 << 3);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** A layer's value table: each distinct value written once (MVT's `values`). */
class ValueTable {
	#codes = new Map<string | number | boolean, number>();
	#values: (string | number | boolean)[] = [];
	/** Strings, doubles and booleans never share a code: each kind is keyed apart. */
	code(value: string | number | boolean): number {
		const key = typeof value === 'string' ? `s${value}` : value;
		let code = this.#codes.get(key);
		if (code === undefined) this.#codes.set(key, (code = this.#values.push(value) - 1));
		return code;
	}
	write(layer: ProtobufWriter) {
		const value = new ProtobufWriter(16);
		for (const entry of this.#values) {
			value.reset();
			if (typeof entry === 'string') value.string(1, entry);
			else if (typeof entry === 'number') value.double(3, entry);
			else value.bool(7, entry);
			layer.message(4, value);
		}
	}
}

/** The points the map draws now, and the version its tiles are asked for by (MapPoints). */
export interface VersionedPointTiles {
	version: number;
	points: PointTiles;
}

/**
 * Tile z/x/y of the points of `version`: empty when those are not the points held (the map
 * asks for the newer ones anyway), or when nothing is held yet.
 */
export function versionedPointTile(
	held: VersionedPointTiles | null,
	version: number,
	z: number,
	x: number,
	y: number
): Uint8Array {
	return held?.version === version ? encodePointTile(held.points, z, x, y) : new Uint8Array(0);
}

/** Tile z/x/y as MVT bytes (an empty tile where there are no points). */
export function encodePointTile(tiles: PointTiles, z: number, tx: number, ty: number): Uint8Array {
	const inside = pointsInTile(tiles, z, tx, ty);
	if (inside.length === 0) return new Uint8Array(0);
	// In the columns' order, as the incidents are listed (labels that overlap stack the same).
	inside.sort((a, b) => tiles.index[a]! - tiles.index[b]!);
	const scale = 2 ** z;
	const withIds = z >= CLUSTER_ZOOM_END;

	const values = new ValueTable();
	const layer = new ProtobufWriter(64 + inside.length * 24);
	layer.varintField(15, 2);
	layer.string(1, POINT_TILE_LAYER);
	const feature = new ProtobufWriter(64);
	const tags: number[] = [];
	for (const k of inside) {
		const i = tiles.index[k]!;
		tags.length = 0;
		const best = tiles.killedBest[i]!;
		if (!Number.isNaN(best)) tags.push(KILLED_BEST, values.code(best));
		const label = tiles.label[i]!;
		if (label >= 0) tags.push(KILLED_LABEL, values.code(tiles.labels[label]!));
		tags.push(HALO, values.code(tiles.halo[i]!));
		tags.push(APPROXIMATE, values.code(tiles.approximate[i] === 1));
		const colour = tiles.colour[i]!;
		if (colour >= 0) tags.push(COLOUR, values.code(tiles.colours[colour]!));
		if (withIds) tags.push(ID, values.code(tiles.ids[i]!));
		const px = Math.min(
			POINT_TILE_EXTENT - 1,
			Math.floor((tiles.x[k]! * scale - tx) * POINT_TILE_EXTENT)
		);
		const py = Math.min(
			POINT_TILE_EXTENT - 1,
			Math.floor((tiles.y[k]! * scale - ty) * POINT_TILE_EXTENT)
		);
		feature.reset();
		feature.varintField(1, i);
		feature.packed(2, tags);
		feature.varintField(3, 1); // POINT
		feature.packed(4, [MOVE_TO_ONE, zigzag(px), zigzag(py)]);
		layer.message(2, feature);
	}
	for (const key of KEYS) layer.string(3, key);
	values.write(layer);
	layer.varintField(5, POINT_TILE_EXTENT);
	const tile = new ProtobufWriter(layer.length + 8);
	tile.message(3, layer);
	return tile.finish();
}
