import { describe, expect, it } from 'vitest';
import type { IncidentFigures } from '$lib/analysis/incident-figures';
import type { IncidentFeature } from './incident';
import { isFiltering, matchesFilter, NO_FILTER } from './filter';

const located = {
	id: 'a',
	geometry: { type: 'Point', coordinates: [40.8, 34.7] }
} as IncidentFeature;
const unlocated = { id: 'b', geometry: null } as unknown as IncidentFeature;
const at = (metres: number) => ({ borderDistance: metres }) as IncidentFigures;

describe('matchesFilter', () => {
	it('lets everything through without a filter, located or not, measured or not', () => {
		expect(isFiltering(NO_FILTER)).toBe(false);
		expect(matchesFilter(located, undefined, NO_FILTER)).toBe(true);
		expect(matchesFilter(unlocated, undefined, NO_FILTER)).toBe(true);
	});

	it('keeps incidents within the distance, the limit included', () => {
		const filter = { maxBorderKm: 25 };
		expect(matchesFilter(located, at(25_000), filter)).toBe(true);
		expect(matchesFilter(located, at(25_000.001), filter)).toBe(false);
		expect(matchesFilter(located, at(0), { maxBorderKm: 0 })).toBe(true);
	});

	it('never counts an unknown distance as within', () => {
		const filter = { maxBorderKm: 100 };
		expect(matchesFilter(unlocated, undefined, filter)).toBe(false);
		expect(matchesFilter(located, undefined, filter)).toBe(false);
		expect(matchesFilter(located, at(Number.NaN), filter)).toBe(false);
	});
});
