import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '$lib/data/filter';
import { describeCount, describeFilter } from './describe-filter';

describe('the filter in words', () => {
	it('says when nothing is filtered', () => {
		expect(describeFilter(NO_FILTER)).toBe('all dates, no filters');
	});

	it('names the window, facets, toll, distance and text in order', () => {
		expect(
			describeFilter({
				from: '2018-11-15',
				to: '2018-11-25',
				maxBorderKm: 25,
				killed: { min: 10, max: null, unreported: true },
				text: ' Hajin ',
				facets: { location_precision: ['1', '2'], actor: [] }
			})
		).toBe(
			'15 Nov 2018 – 25 Nov 2018 · Location precision: the named town or near a town / its area · ' +
				'reported killed: 10 or more or not reported · within 25 km of the border · matching “Hajin”'
		);
		expect(describeFilter({ ...NO_FILTER, from: '2018-01-01' })).toBe('1 Jan 2018 – end');
	});

	it('counts', () => {
		expect(describeCount(2, 14, true)).toBe('2 of 14 incidents');
		expect(describeCount(14, 14, false)).toBe('14 incidents');
		expect(describeCount(1, 200000, true)).toBe('1 of 200,000 incidents');
	});
});
