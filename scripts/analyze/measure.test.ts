import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mainName } from '../../src/lib/data/place-name';
import { createMeasurer } from './measure';

const geodata = join(import.meta.dirname, '../../geodata');

describe('the CLI’s measurer', () => {
	// Regression: the gazetteer has places without coordinates (Al-Dashisha, Husaybah…); the
	// CLI named the nearest place by its index among the located places but looked it up among
	// all, so every place after the first unlocated one came out under its neighbour's name
	// (Sinjar as "Al-Tanf", Mosul as "Raqqa") while the distance was right.
	it('names the nearest place right for every place in the gazetteer, unlocated ones before it too', async () => {
		const measurer = await createMeasurer({
			border: join(geodata, 'border/iraq-syria.geojson'),
			sides: join(geodata, 'border/sides.geojson'),
			places: join(geodata, 'places.geojson')
		});
		const places = (
			JSON.parse(
				readFileSync(join(geodata, 'places.geojson'), 'utf8')
			) as FeatureCollection<Point | null>
		).features.filter((feature) => feature.geometry);
		expect(places.length).toBeGreaterThan(15);
		const columns = measurer.measure(
			Float64Array.from(places, (p) => p.geometry!.coordinates[0]!),
			Float64Array.from(places, (p) => p.geometry!.coordinates[1]!)
		);
		places.forEach((place, i) => {
			expect(measurer.placeNames[columns.place[i]!], place.properties!.name).toBe(
				mainName(place.properties!.name as string)
			);
			expect(columns.placeKm[i]).toBe(0);
		});
	});
});
