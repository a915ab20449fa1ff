import { describe, expect, it } from 'vitest';
import { buildColumns, normaliseSearch } from './filter-engine';
import { randomIncidents } from './testing/random-incidents';
import { seededRandom } from './testing/random';
import { SearchNormaliser } from './search-normaliser';

describe('search normaliser', () => {
	it('normalises a slice at a time into what normalising at once gives', () => {
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
});
