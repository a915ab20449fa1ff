import { readFile } from 'node:fs/promises';
import type {
	FeatureCollection,
	Geometry,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import { analyseBorder, borderModel, type BorderModel } from '../../src/lib/analysis/border';
import { NeighbourIndex } from '../../src/lib/analysis/nearest';
import type { Region } from '../../src/lib/analysis/regions';
import { mainName } from '../../src/lib/data/place-name';

/** What the CLI adds to each row. */
export const ADDED_FIELDS = [
	'border_distance_m',
	'border_side',
	'nearest_place',
	'nearest_place_km',
	'nearest_place_source'
] as const;

export interface Measures {
	border_distance_m: number | null;
	border_side: string | null;
	nearest_place: string | null;
	nearest_place_km: number | null;
	/** Where the gazetteer says the place comes from: "curated", or "geonames:<id>". */
	nearest_place_source: string | null;
}

export const EMPTY_MEASURES: Measures = {
	border_distance_m: null,
	border_side: null,
	nearest_place: null,
	nearest_place_km: null,
	nearest_place_source: null
};

/** Measures many positions at once against the border and the gazetteer. */
export interface Measurer {
	measure(lons: Float64Array, lats: Float64Array): Measures[];
	/** Whether sides are known (not with a custom border and no --sides). */
	hasSides: boolean;
}

const round = (value: number, decimals: number) =>
	Math.round(value * 10 ** decimals) / 10 ** decimals;

async function readGeoJson(
	path: string
): Promise<FeatureCollection | Geometry | { type: 'Feature'; geometry: Geometry }> {
	try {
		return JSON.parse(await readFile(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error
		});
	}
}

/** The line(s) of a GeoJSON file as one (Multi)LineString. */
export async function readLine(path: string): Promise<LineString | MultiLineString> {
	const json = await readGeoJson(path);
	const geometries =
		json.type === 'FeatureCollection'
			? json.features.map((feature) => feature.geometry)
			: json.type === 'Feature'
				? [json.geometry]
				: [json];
	const lines = geometries.flatMap((geometry): number[][][] => {
		if (geometry?.type === 'LineString') return [geometry.coordinates];
		if (geometry?.type === 'MultiLineString') return geometry.coordinates;
		return [];
	});
	if (lines.length === 0)
		throw new Error(`${path}: no LineString or MultiLineString to measure to`);
	return { type: 'MultiLineString', coordinates: lines };
}

export async function readSides(path: string): Promise<Region[]> {
	const json = (await readGeoJson(path)) as FeatureCollection<Polygon | MultiPolygon>;
	if (json.type !== 'FeatureCollection')
		throw new Error(`${path}: --sides must be a FeatureCollection`);
	return json.features.map((feature, i) => {
		const name = feature.properties?.adm0_a3 ?? feature.properties?.name;
		if (typeof name !== 'string' || !['Polygon', 'MultiPolygon'].includes(feature.geometry?.type)) {
			throw new Error(`${path}: feature ${i + 1} needs a (Multi)Polygon and an adm0_a3 or name`);
		}
		return { name, geometry: feature.geometry };
	});
}

/** "curated", "geonames:<id>", or null for a gazetteer that does not say (another --places). */
function placeSource(properties: Record<string, unknown> | null): string | null {
	const source = properties?.source;
	if (source === 'geonames' && typeof properties?.geonames_id === 'number')
		return `geonames:${properties.geonames_id}`;
	return typeof source === 'string' ? source : null;
}

export async function createMeasurer(
	border: string,
	sides: string | null,
	places: string
): Promise<Measurer> {
	const model: BorderModel = borderModel(
		await readLine(border),
		sides ? await readSides(sides) : []
	);
	const gazetteer = (await readGeoJson(places)) as FeatureCollection;
	const named = gazetteer.features.flatMap((feature, i) => {
		const coordinates = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : null;
		const name = feature.properties?.name;
		if (!coordinates || typeof name !== 'string') return [];
		return [
			{
				id: String(i),
				lon: coordinates[0]!,
				lat: coordinates[1]!,
				name: mainName(name),
				source: placeSource(feature.properties)
			}
		];
	});
	const index = new NeighbourIndex(named);
	return {
		hasSides: model.sides !== null,
		measure(lons, lats) {
			const border = analyseBorder(model, lons, lats);
			return Array.from(lons, (lon, i) => {
				const place = index.nearest(lon, lats[i]!);
				return {
					border_distance_m: round(border.distance[i]!, 3),
					border_side: border.side[i] ?? null,
					nearest_place: place ? (named[Number(place.id)]?.name ?? null) : null,
					nearest_place_km: place ? round(place.distance / 1000, 3) : null,
					nearest_place_source: place ? (named[Number(place.id)]?.source ?? null) : null
				};
			});
		}
	};
}
