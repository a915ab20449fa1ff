import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { IncidentCollection, PlaceCollection } from '../data/incident';
import { geodesicDistance } from './geodesic';
import { computeFigures, FiguresTable, type FiguresRequest } from './incident-figures';
import { labelledPoints } from './nearest';
import { referenceBorderDistance } from './testing/reference-border-distance';

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', path), 'utf8')) as T;
const border = geodata<FeatureCollection<MultiLineString>>('border/iraq-syria.geojson').features[0]!
	.geometry;
const sides =
	geodata<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>('border/sides.geojson');
const places = geodata<PlaceCollection>('places.geojson').features;
const incidents = geodata<IncidentCollection>('incidents/strikes.geojson').features.filter(
	(f) => f.geometry
);

function request(): FiguresRequest {
	return {
		border,
		sides: sides.features.map((f) => ({ name: f.properties.adm0_a3, geometry: f.geometry })),
		places: labelledPoints(places),
		crossings: labelledPoints(places.filter((p) => p.properties.kind === 'border_crossing')),
		ids: incidents.map((f) => f.id),
		lons: Float64Array.from(incidents, (f) => f.geometry!.coordinates[0]!),
		lats: Float64Array.from(incidents, (f) => f.geometry!.coordinates[1]!)
	};
}

describe('incident figures', () => {
	const input = request();
	const figures = new FiguresTable(computeFigures(request()), input);

	it('measures every located incident', () => {
		expect(figures.size).toBe(incidents.length);
		for (const incident of incidents)
			expect(figures.get(incident.id)?.borderDistance).toBeGreaterThan(0);
		expect(figures.get('no such incident')).toBeUndefined();
	});

	it('hands its distances over in order only for the incidents it measured', () => {
		const measured = {};
		const result = computeFigures({ ...request(), ids: [] });
		const table = new FiguresTable({ ...result, ids: input.ids }, input, measured);
		expect(table.distancesFor(measured)).toBe(result.borderDistance);
		expect(table.distancesFor({})).toBeNull();
		expect(table.borderDistance(input.ids[3]!)).toBe(result.borderDistance[3]);
	});

	it('builds its index by id a slice at a time, the same figures after', async () => {
		const table = new FiguresTable(computeFigures(request()), input);
		const reference = new FiguresTable(computeFigures(request()), input);
		let pauses = 0;
		await table.indexIds(async () => void pauses++, 5);
		expect(pauses).toBe(Math.ceil(incidents.length / 5));
		for (const incident of incidents) {
			expect(table.measures(incident.id)).toEqual(reference.measures(incident.id));
		}
		expect(table.measures('no such incident')).toBeUndefined();
		// Once built, it is not built again.
		await table.indexIds(async () => void pauses++, 5);
		expect(pauses).toBe(Math.ceil(incidents.length / 5));
	});

	it('gives Hajin its border distance, side, nearest place, crossing and other site', () => {
		const hajin = figures.get('IQ-SY-002')!;
		const reference = referenceBorderDistance(border, 40.83083, 34.68944);
		expect(Math.abs(hajin.borderDistance - reference.distance)).toBeLessThan(0.01);
		expect(hajin.side).toBe('SYR');
		expect(hajin.nearestPlace).toEqual({ id: 'hajin', distance: 0 });
		expect(hajin.nearestCrossing?.id).toBe('al-qa-im-al-bukamal-border-crossing');
		expect(hajin.nearestCrossing?.distance).toBe(
			geodesicDistance(34.68944, 40.83083, 34.3975, 40.977)
		);
		// The five Hajin incidents share a position; the nearest elsewhere is at Al-Susah.
		expect(incidents.find((f) => f.id === hajin.nearestOther?.id)?.properties.place).toMatch(
			/Susah/
		);
		expect(hajin.nearestOther?.distance).toBe(
			geodesicDistance(34.68944, 40.83083, 34.528889, 40.9675)
		);
	});

	it('puts every strike in Syria', () => {
		for (const { id } of incidents) expect(figures.get(id)?.side, id).toBe('SYR');
	});
});

describe('nearest incident at another position', () => {
	it('agrees with a brute-force search, with crowds sharing positions and ties', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		// Few distinct positions on a coarse grid: crowds at each, and equidistant neighbours.
		const grid = Array.from({ length: 40 }, () => [
			40 + Math.floor(random() * 8) / 4,
			34 + Math.floor(random() * 8) / 4
		]);
		const points = Array.from({ length: 600 }, (_, i) => {
			const [lon, lat] = grid[Math.floor(random() * grid.length)]!;
			return { id: `P${i}`, lon: lon!, lat: lat! };
		});
		const result = computeFigures({
			...request(),
			ids: points.map((p) => p.id),
			lons: Float64Array.from(points, (p) => p.lon),
			lats: Float64Array.from(points, (p) => p.lat)
		});
		const table = new FiguresTable(result, request());
		points.forEach((p) => {
			let best = -1;
			let bestDistance = Infinity;
			points.forEach((q, j) => {
				if (q.lon === p.lon && q.lat === p.lat) return;
				const d = geodesicDistance(p.lat, p.lon, q.lat, q.lon);
				if (d < bestDistance) [best, bestDistance] = [j, d];
			});
			const found = table.get(p.id)?.nearestOther;
			expect(found?.id, p.id).toBe(best >= 0 ? `P${best}` : undefined);
			if (best >= 0) expect(found?.distance).toBe(bestDistance);
		});
	});
});
