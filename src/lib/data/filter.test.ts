import { describe, expect, it } from 'vitest';
import {
	FACETS,
	facetHelps,
	failedParts,
	isFiltering,
	matchesFilter,
	NO_FILTER,
	type FilterFigures,
	type IncidentFilter
} from './filter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentCollection, IncidentFeature, IncidentProperties } from './incident';

function incident(overrides: Partial<IncidentProperties> = {}, located = true): IncidentFeature {
	return {
		type: 'Feature',
		id: 'x',
		geometry: located ? { type: 'Point', coordinates: [40.8, 34.7] } : null,
		properties: {
			id: 'x',
			dataset: 't',
			date: '2018-11-20',
			date_precision: 'day',
			date_end: null,
			weekday_reported: null,
			place: 'Al-Susah',
			place_ar: 'السوسة',
			admin1: 'Deir ez-Zor',
			country: 'Syria',
			location_precision: 2,
			actor: 'Iraqi Air Force',
			aircraft: 'F-16',
			target: 'depot',
			killed_min: 10,
			killed_max: 10,
			claimed_by: 'JOC',
			summary: 'A depot was hit.',
			sources: ['https://www.thenationalnews.com/x'],
			...overrides
		}
	};
}
const at = (metres: number) => ({ borderDistance: metres }) as FilterFigures;
const filter = (overrides: Partial<IncidentFilter>): IncidentFilter => ({
	...NO_FILTER,
	...overrides
});

describe('matchesFilter', () => {
	it('lets everything through without a filter, located or not, measured or not', () => {
		expect(isFiltering(NO_FILTER)).toBe(false);
		expect(matchesFilter(incident(), undefined, NO_FILTER)).toBe(true);
		expect(matchesFilter(incident({}, false), undefined, NO_FILTER)).toBe(true);
		expect(isFiltering(filter({ text: '  ' }))).toBe(false);
		expect(isFiltering(filter({ facets: { actor: [] } }))).toBe(false);
	});

	it('keeps dates within from–to, both ends included', () => {
		expect(
			matchesFilter(incident(), undefined, filter({ from: '2018-11-20', to: '2018-11-20' }))
		).toBe(true);
		expect(failedParts(incident(), undefined, filter({ from: '2018-11-21' }))).toEqual(['time']);
		expect(failedParts(incident(), undefined, filter({ to: '2018-11-19' }))).toEqual(['time']);
	});

	it('keeps incidents within the distance, and never counts an unknown one as within', () => {
		expect(matchesFilter(incident(), at(25_000), filter({ maxBorderKm: 25 }))).toBe(true);
		expect(matchesFilter(incident(), at(25_000.001), filter({ maxBorderKm: 25 }))).toBe(false);
		expect(matchesFilter(incident(), undefined, filter({ maxBorderKm: 100 }))).toBe(false);
		expect(matchesFilter(incident({}, false), at(0), filter({ maxBorderKm: 100 }))).toBe(false);
	});

	it('treats tolls as ranges and "not reported" as its own choice', () => {
		const killed = (min: number | null, max: number | null, unreported = false) =>
			filter({ killed: { min, max, unreported } });
		expect(matchesFilter(incident(), undefined, killed(5, 10))).toBe(true);
		expect(matchesFilter(incident(), undefined, killed(11, null))).toBe(false);
		expect(
			matchesFilter(incident({ killed_min: null, killed_max: 30 }), undefined, killed(25, null))
		).toBe(true); // up to 30
		expect(
			matchesFilter(incident({ killed_min: 20, killed_max: null }), undefined, killed(null, 19))
		).toBe(false); // at least 20
		const unreported = incident({ killed_min: null, killed_max: null });
		expect(matchesFilter(unreported, undefined, killed(null, null))).toBe(false);
		expect(matchesFilter(unreported, undefined, killed(null, null, true))).toBe(true);
		expect(matchesFilter(incident({ killed_min: 0, killed_max: 0 }), undefined, killed(0, 0))).toBe(
			true
		);
	});

	it('searches text fields in both scripts, as a phrase, whatever the case and spelling', () => {
		for (const text of ['susah', 'SUSAH', 'السوسه', 'depot was', 'thenationalnews com', 'joc']) {
			expect(matchesFilter(incident(), undefined, filter({ text })), text).toBe(true);
		}
		expect(matchesFilter(incident(), undefined, filter({ text: 'was depot' }))).toBe(false);
	});

	it('also searches the names of the incident’s gazetteer place, never across the two', () => {
		const bukamal = incident({ place: 'Al-Bukamal', place_ar: null });
		const atPlace = {
			borderDistance: 1,
			placeNames: 'Al-Bukamal · Albu Kamal · Hindane · أبو كمال'
		};
		for (const text of ['Albu Kamal', 'hindane', 'ابو كمال']) {
			expect(matchesFilter(bukamal, atPlace, filter({ text })), text).toBe(true);
			expect(matchesFilter(bukamal, { borderDistance: 1 }, filter({ text })), text).toBe(false);
		}
		expect(matchesFilter(bukamal, atPlace, filter({ text: 'a depot was hit albu' }))).toBe(false);
	});

	it('matches any selected value of a facet, and all facets together', () => {
		expect(
			matchesFilter(
				incident(),
				undefined,
				filter({ facets: { actor: ['Coalition', 'Iraqi Air Force'] } })
			)
		).toBe(true);
		expect(
			failedParts(
				incident(),
				undefined,
				filter({ facets: { actor: ['Coalition'], country: ['Iraq'] } })
			)
		).toEqual(['actor', 'country']);
		expect(
			matchesFilter(incident({ actor: null }), undefined, filter({ facets: { actor: [''] } }))
		).toBe(true);
		expect(
			matchesFilter(incident({}, false), undefined, filter({ facets: { position: ['unlocated'] } }))
		).toBe(true);
		expect(
			matchesFilter(incident(), undefined, filter({ facets: { location_precision: ['1', '3'] } }))
		).toBe(false);
	});
});

describe('facetHelps: a facet is offered when its values repeat', () => {
	const strikes = (
		JSON.parse(
			readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
		) as IncidentCollection
	).features;
	const counts = (key: string, incidents = strikes) => {
		const facet = FACETS.find((f) => f.key === key)!;
		const found = new Map<string, number>();
		for (const incident of incidents) {
			const value = facet.value(incident);
			found.set(value, (found.get(value) ?? 0) + 1);
		}
		return [facet, found] as const;
	};
	const helps = (key: string) => facetHelps(...counts(key));

	it('offers the built-in strikes’ repeating fields, and not their one-sentence ones', () => {
		expect(helps('actor')).toBe(true); // 13 of 14 "Iraqi Air Force"
		expect(helps('admin1')).toBe(true);
		expect(helps('country')).toBe(true);
		expect(helps('target_category')).toBe(true);
		expect(helps('target')).toBe(false); // 14 sentences, each once
		expect(helps('claimed_by')).toBe(false);
		// Fields only imports have: nothing stated, nothing offered.
		expect(helps('event_type')).toBe(false);
		// One dataset is no choice.
		expect(helps('dataset')).toBe(false);
	});

	it('always offers a closed vocabulary that has a value', () => {
		expect(helps('location_precision')).toBe(true); // "the named town" once, "region" once
		expect(helps('position')).toBe(true);
		expect(facetHelps({ vocabulary: true }, [['', 3]])).toBe(false);
	});

	it('needs half the incidents with a stated value to share it, and at most 50 values', () => {
		const text = {};
		expect(
			facetHelps(text, [
				['a', 2],
				['b', 1],
				['c', 1]
			])
		).toBe(true); // 2 of 4
		expect(
			facetHelps(text, [
				['a', 2],
				['b', 1],
				['c', 1],
				['d', 1]
			])
		).toBe(false); // 2 of 5
		expect(
			facetHelps(text, [
				['a', 1],
				['', 40]
			])
		).toBe(false); // not stated does not count
		expect(facetHelps(text, [['a', 5]])).toBe(true);
		const many = Array.from({ length: 51 }, (_, i) => [`v${i}`, 10] as const);
		expect(facetHelps(text, many)).toBe(false);
		expect(facetHelps(text, many.slice(0, 50))).toBe(true);
		expect(facetHelps({ onlyWithChoice: true }, [['a', 9]])).toBe(false);
		expect(
			facetHelps({ onlyWithChoice: true }, [
				['a', 9],
				['b', 2]
			])
		).toBe(true);
	});
});
