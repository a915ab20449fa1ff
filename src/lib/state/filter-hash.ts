import { readIsoDate } from '$lib/data/fields';
import {
	FACETS,
	MAX_BORDER_KM_LIMIT,
	NO_FILTER,
	type FacetKey,
	type IncidentFilter
} from '$lib/data/filter';

/**
 * The filter as URL hash pairs, next to map= and incident=:
 *   from=2018-11-15&to=2018-11-25     the date window (inclusive, by incident date)
 *   within=25                          km of the border
 *   killed=10-30&unreported=1          reported killed range (either end open), and "not reported"
 *   q=hajin                            free text
 *   actor=…&actor=…                    facet values, one pair each (category=, precision=, …)
 * Pairs this module does not know are left for others.
 */
const FACET_KEYS: Record<FacetKey, string> = {
	actor: 'actor',
	target: 'target',
	target_category: 'category',
	claimed_by: 'claimed',
	country: 'country',
	admin1: 'governorate',
	location_precision: 'precision',
	date_precision: 'dating',
	position: 'position',
	actor2: 'party',
	event_type: 'event',
	sub_event_type: 'subevent',
	dataset: 'dataset'
};
const FILTER_KEYS = new Set([
	'from',
	'to',
	'within',
	'killed',
	'unreported',
	'q',
	...Object.values(FACET_KEYS)
]);

const number = (text: string | undefined): number | null => {
	if (text === undefined || text === '' || !/^\d+(\.\d+)?$/.test(text)) return null;
	return Number(text);
};

export function filterToPairs(filter: IncidentFilter): [string, string][] {
	const pairs: [string, string][] = [];
	if (filter.from) pairs.push(['from', filter.from]);
	if (filter.to) pairs.push(['to', filter.to]);
	if (filter.maxBorderKm !== null) pairs.push(['within', String(filter.maxBorderKm)]);
	if (filter.killed) {
		pairs.push(['killed', `${filter.killed.min ?? ''}-${filter.killed.max ?? ''}`]);
		pairs.push(['unreported', filter.killed.unreported ? '1' : '0']);
	}
	if (filter.text.trim() !== '') pairs.push(['q', filter.text]);
	for (const facet of FACETS) {
		for (const value of filter.facets[facet.key] ?? []) pairs.push([FACET_KEYS[facet.key], value]);
	}
	return pairs;
}

/** The filter in some pairs, and the pairs that are not about filtering. */
export function filterFromPairs(pairs: readonly [string, string][]): {
	filter: IncidentFilter;
	others: [string, string][];
} {
	const filter: IncidentFilter = { ...NO_FILTER, facets: {} };
	const others: [string, string][] = [];
	const facetOf = new Map(
		Object.entries(FACET_KEYS).map(([facet, key]) => [key, facet as FacetKey])
	);
	let unreported = true;
	for (const [key, value] of pairs) {
		if (!FILTER_KEYS.has(key)) {
			others.push([key, value]);
			continue;
		}
		if (key === 'from' || key === 'to') {
			if (readIsoDate(value).ok) filter[key] = value;
		} else if (key === 'within') {
			const km = number(value);
			if (km !== null) filter.maxBorderKm = Math.min(MAX_BORDER_KM_LIMIT, km);
		} else if (key === 'killed') {
			const [min, max] = value.split('-');
			filter.killed = { min: number(min), max: number(max), unreported: true };
		} else if (key === 'unreported') {
			unreported = value !== '0';
		} else if (key === 'q') {
			filter.text = value;
		} else {
			const facet = facetOf.get(key);
			if (facet) filter.facets[facet] = [...(filter.facets[facet] ?? []), value];
		}
	}
	if (filter.killed) filter.killed.unreported = unreported;
	return { filter, others };
}
