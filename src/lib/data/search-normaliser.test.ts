import { describe, expect, it } from 'vitest';
import { buildColumns, buildColumnsPart, joinColumns, normaliseSearch } from './filter-engine';
import { randomIncidents } from './testing/random-incidents';
import { seededRandom } from './testing/random';
import { SearchNormaliser } from './search-normaliser';

describe('search normaliser', () => {
	it('normalises a slice at a time, across the parts, into what normalising at once gives', () => {
		const incidents = randomIncidents(seededRandom(5), 250);
		const places = { placeOf: new Int32Array(250).fill(-1), names: ['Al-Bāghūz', 'هجين'] };
		const whole = buildColumns(incidents, () => undefined, false, places);
		const sliced = buildColumns(incidents, () => undefined, false, places);
		normaliseSearch(whole);
		const normaliser = new SearchNormaliser(sliced);
		let steps = 0;
		while (!normaliser.step(100)) steps++;
		expect(steps).toBe(2);
		expect(normaliser.done).toBe(true);
		expect(sliced.search).toEqual(whole.search);
		expect(sliced.placeSearch).toEqual(whole.placeSearch);
		expect(sliced.rawSearch).toBeNull();
		// Done is done: another step changes nothing.
		expect(normaliser.step()).toBe(true);
		expect(sliced.placeSearch).toEqual(whole.placeSearch);
	});

	it('reads the parts as they are, across empty parts and slices that end inside a part', () => {
		const incidents = randomIncidents(seededRandom(9), 70);
		const parts = [0, 20, 20, 45, 70]
			.slice(1)
			.map((end, i, ends) => buildColumnsPart(incidents.slice(i === 0 ? 0 : ends[i - 1], end)));
		const joined = joinColumns(parts, [], null);
		expect(joined.rawSearch?.map((packed) => packed.bytes)).toEqual(
			parts.map((part) => part.search.bytes)
		);
		const whole = buildColumns(incidents, () => undefined, true);
		const normaliser = new SearchNormaliser(joined);
		for (const rows of [7, 13, 1, 30]) normaliser.step(rows);
		expect(normaliser.step(19)).toBe(true);
		expect(joined.search).toEqual(whole.search);
	});
});
