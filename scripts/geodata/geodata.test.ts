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
		{ source: string; licence: string; retrieved: string; features: number; sha256: string }
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

	it('has unique ids, Arabic names and sources', () => {
		const ids = places.features.map((feature) => feature.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const { properties: p } of places.features) {
			expect(p.name_ar, p.id).toMatch(/[\u0600-\u06ff]/);
			expect(p.sources.length, p.id).toBeGreaterThan(0);
		}
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
