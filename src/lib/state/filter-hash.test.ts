import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { NO_FILTER, type IncidentFilter } from '$lib/data/filter';
import { randomFilter, randomIncidents } from '$lib/data/testing/random-incidents';
import { filterFromPairs, filterToPairs } from './filter-hash';
import { formatHash, parseHash } from './url-hash';

/** The whole path: filter → pairs → hash text → pairs → filter. */
const roundTrip = (filter: IncidentFilter) => {
	const text = formatHash({ map: null, incident: null, rest: filterToPairs(filter) });
	return filterFromPairs(parseHash(text).rest).filter;
};

describe('filters in the URL hash', () => {
	it('reads the date window the way links write it', () => {
		const { filter, others } = filterFromPairs(
			parseHash('#from=2018-11-15&to=2018-11-25&map=7/34/41&x=1').rest
		);
		expect(filter).toEqual({ ...NO_FILTER, from: '2018-11-15', to: '2018-11-25' });
		expect(others).toEqual([['x', '1']]);
	});

	it('round-trips any filter (property test)', () => {
		const random = seededRandom(8);
		for (let trial = 0; trial < 300; trial++) {
			const incidents = randomIncidents(random, 30);
			const filter = randomFilter(random, incidents);
			const back = roundTrip(filter);
			// Empty facet selections and blank text mean "no filter" and are not written.
			const normal = {
				...filter,
				text: filter.text.trim() === '' ? '' : filter.text,
				facets: Object.fromEntries(
					Object.entries(filter.facets).filter(([, values]) => values && values.length > 0)
				)
			};
			expect(back).toEqual(normal);
		}
	});

	it('keeps awkward values whole: commas, ampersands, Arabic, not stated', () => {
		const filter: IncidentFilter = {
			...NO_FILTER,
			text: 'a & b = c',
			killed: { min: null, max: 30, unreported: false },
			facets: { claimed_by: ['Iraqi PM office; JOC, MoD', ''], admin1: ['دير الزور'] }
		};
		expect(roundTrip(filter)).toEqual(filter);
	});

	it('writes target categories as category= pairs', () => {
		const { filter } = filterFromPairs(parseHash('#category=headquarters&category=building').rest);
		expect(filter.facets).toEqual({ target_category: ['headquarters', 'building'] });
		expect(filterToPairs(filter)).toEqual([
			['category', 'headquarters'],
			['category', 'building']
		]);
	});

	it('ignores values that are not what they say', () => {
		const { filter } = filterFromPairs(parseHash('#from=2018-02-30&within=abc&killed=x-y').rest);
		expect(filter.from).toBeNull();
		expect(filter.maxBorderKm).toBeNull();
		expect(filter.killed).toEqual({ min: null, max: null, unreported: true });
	});
});
