import type { IncidentFeature } from './incident';
import { normaliseForSearch } from './search';

/**
 * What the user has narrowed the incidents down to. matchesFilter (here) is the reference
 * meaning; the filter engine (filter-engine.ts, in a worker, for counts and lists) and the map's
 * style expressions (map/style/filter.ts, in the renderer) are property-tested against it.
 */

export type FacetKey =
	| 'actor'
	| 'target'
	| 'target_category'
	| 'claimed_by'
	| 'country'
	| 'admin1'
	| 'location_precision'
	| 'date_precision'
	| 'position'
	| 'actor2'
	| 'event_type'
	| 'sub_event_type'
	| 'dataset';

export interface FacetDefinition {
	key: FacetKey;
	label: string;
	/** The incident's value for this facet; '' when it is not stated. */
	value(incident: IncidentFeature): string;
	/** How a value reads in the interface. */
	describe(value: string): string;
	/** Offered only when there is a choice (more than one value). */
	onlyWithChoice?: boolean;
	/**
	 * A closed vocabulary of the schema (precision, dating, position): offered whenever the
	 * data has a value, however few incidents share it. Other facets are offered only when
	 * their values repeat (facetHelps).
	 */
	vocabulary?: boolean;
}

const notStated = (value: string) => (value === '' ? 'not stated' : value);
/** A field as a facet value, as text: '' when it is not stated. */
const text = (value: unknown) =>
	typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);

export const FACETS: readonly FacetDefinition[] = [
	{ key: 'actor', label: 'Actor', value: (i) => text(i.properties.actor), describe: notStated },
	{ key: 'target', label: 'Target', value: (i) => text(i.properties.target), describe: notStated },
	{
		key: 'target_category',
		label: 'Target category',
		value: (i) => text(i.properties.target_category ?? null),
		describe: notStated
	},
	{
		key: 'claimed_by',
		label: 'Claimed by',
		value: (i) => text(i.properties.claimed_by),
		describe: notStated
	},
	{
		key: 'country',
		label: 'Country',
		value: (i) => text(i.properties.country),
		describe: notStated
	},
	{
		key: 'admin1',
		label: 'Governorate',
		value: (i) => text(i.properties.admin1),
		describe: notStated
	},
	{
		key: 'location_precision',
		label: 'Location precision',
		value: (i) => String(i.properties.location_precision),
		describe: (value) =>
			({ '1': 'the named town', '2': 'near a town / its area', '3': 'region only' })[value] ??
			value,
		vocabulary: true
	},
	{
		key: 'date_precision',
		label: 'Date precision',
		value: (i) => i.properties.date_precision,
		describe: (value) =>
			({ day: 'exact day', week: 'within a week', month: 'within a month' })[value] ?? value,
		vocabulary: true
	},
	{
		key: 'position',
		label: 'Position',
		value: (i) => (i.geometry ? 'located' : 'unlocated'),
		describe: (value) => (value === 'located' ? 'on the map' : 'no reported position'),
		vocabulary: true
	},
	// Fields imported datasets bring (ACLED, UCDP); the built-in data has none of them, and a
	// facet with a single value is not offered.
	{
		key: 'actor2',
		label: 'Other party',
		value: (i) => text(i.properties.actor2 ?? null),
		describe: notStated
	},
	{
		key: 'event_type',
		label: 'Event type',
		value: (i) => text(i.properties.event_type ?? null),
		describe: notStated
	},
	{
		key: 'sub_event_type',
		label: 'Sub-event type',
		value: (i) => text(i.properties.sub_event_type ?? null),
		describe: notStated
	},
	{
		key: 'dataset',
		label: 'Dataset',
		value: (i) => i.properties.dataset,
		describe: (value) => value,
		onlyWithChoice: true
	}
];

/** A facet with more distinct values than this is left to the search box. */
export const MAX_FACET_VALUES = 50;

/**
 * Whether a facet helps, from how many incidents have each of its values (over all the data,
 * so a facet does not come and go as other filters change). A checkbox list helps when its
 * values repeat: at most MAX_FACET_VALUES values are stated, and at least half the incidents
 * with a stated value share it with another incident. A field that is a sentence per incident
 * (the built-in strikes' targets, who claimed them) fails, and is searched instead. Closed
 * vocabularies are offered whenever some value is stated; a facet whose data states nothing
 * (fields of imports the built-in data lacks) is not offered. A facet marked onlyWithChoice
 * needs two values. A facet with a selected value is always offered (elsewhere), so it can be
 * cleared.
 */
export function facetHelps(
	facet: Pick<FacetDefinition, 'vocabulary' | 'onlyWithChoice'>,
	counts: ReadonlyMap<string, number> | readonly (readonly [string, number])[]
): boolean {
	const stated = [...counts].filter(([value, count]) => value !== '' && count > 0);
	if (stated.length === 0 || (facet.onlyWithChoice && stated.length < 2)) return false;
	if (facet.vocabulary) return true;
	if (stated.length > MAX_FACET_VALUES) return false;
	const total = stated.reduce((sum, [, count]) => sum + count, 0);
	const repeated = stated.reduce((sum, [, count]) => sum + (count > 1 ? count : 0), 0);
	return repeated * 2 >= total;
}

/** Reported killed within [min, max] (null: open), and whether "not reported" is wanted too. */
export interface KilledFilter {
	min: number | null;
	max: number | null;
	unreported: boolean;
}

export interface IncidentFilter {
	/** First and last day, inclusive (ISO dates), by incident date; null: open. */
	from: string | null;
	to: string | null;
	/** Only incidents within this many km of the border (null: no limit). */
	maxBorderKm: number | null;
	killed: KilledFilter | null;
	/** Free text, as typed; matched as a phrase after normalisation. */
	text: string;
	/** Selected values per facet (any of them); an absent or empty list means no filter. */
	facets: Partial<Record<FacetKey, readonly string[]>>;
}

export const NO_FILTER: IncidentFilter = {
	from: null,
	to: null,
	maxBorderKm: null,
	killed: null,
	text: '',
	facets: {}
};

export const MAX_BORDER_KM_LIMIT = 100;

/**
 * The reported toll as a range: "up to 30" is [0, 30], "at least 20" is [20, ∞), nothing
 * reported is null (unknown, never 0).
 */
export function killedRange(incident: IncidentFeature): [number, number] | null {
	const { killed_min: min, killed_max: max } = incident.properties;
	if (min === null && max === null) return null;
	return [min ?? 0, max ?? Infinity];
}

/**
 * Everything the text filter searches in the incident itself: the place in English and Arabic,
 * governorate, actor, aircraft, target, who claimed it, the summary and the sources. The text
 * filter also matches the names of the gazetteer place the incident is at (place-link.ts), so
 * "Albu Kamal" finds the strikes at Al-Bukamal.
 */
export function searchText(incident: IncidentFeature): string {
	return normaliseForSearch(rawSearchText(incident));
}

/** The searched fields joined, before normalisation. */
export function rawSearchText(incident: IncidentFeature): string {
	const p = incident.properties;
	const fields = [
		p.id,
		p.place,
		p.place_ar,
		p.admin1,
		p.actor,
		p.aircraft,
		p.target,
		p.claimed_by,
		p.summary
	];
	return [...fields, ...p.sources].filter(Boolean).join(' ');
}

export type FilterPart = 'time' | 'border' | 'killed' | 'text' | FacetKey;

/**
 * What the filter needs of an incident's computed figures (analysis/incident-figures.ts) and
 * of its gazetteer place (place-link.ts).
 */
export interface FilterFigures {
	/** Metres to the border. */
	borderDistance: number;
	/** The names of the gazetteer place the incident is at (PlaceLinks.names), if any. */
	placeNames?: string;
}

/**
 * The parts of the filter an incident fails (empty when it passes). An unknown figure never
 * passes a test on it: an incident without a position cannot be "within 10 km" of anything,
 * and an unreported toll is only kept when "not reported" is chosen.
 */
export function failedParts(
	incident: IncidentFeature,
	figures: FilterFigures | undefined,
	filter: IncidentFilter
): FilterPart[] {
	const failed: FilterPart[] = [];
	const date = incident.properties.date;
	if ((filter.from !== null && date < filter.from) || (filter.to !== null && date > filter.to))
		failed.push('time');
	if (filter.maxBorderKm !== null) {
		const distance = incident.geometry ? figures?.borderDistance : undefined;
		if (!(distance !== undefined && distance <= filter.maxBorderKm * 1000)) failed.push('border');
	}
	if (filter.killed) {
		const range = killedRange(incident);
		const { min, max, unreported } = filter.killed;
		const passes =
			range === null ? unreported : range[1] >= (min ?? 0) && range[0] <= (max ?? Infinity);
		if (!passes) failed.push('killed');
	}
	const query = normaliseForSearch(filter.text);
	if (query !== '' && !matchesText(incident, figures?.placeNames, query)) failed.push('text');
	for (const facet of FACETS) {
		const selected = filter.facets[facet.key];
		if (selected && selected.length > 0 && !selected.includes(facet.value(incident)))
			failed.push(facet.key);
	}
	return failed;
}

/** Whether a normalised query is a phrase of the incident's text or of its place's names. */
function matchesText(incident: IncidentFeature, placeNames: string | undefined, query: string) {
	if (searchText(incident).includes(query)) return true;
	return placeNames !== undefined && normaliseForSearch(placeNames).includes(query);
}

export function matchesFilter(
	incident: IncidentFeature,
	figures: FilterFigures | undefined,
	filter: IncidentFilter
): boolean {
	return failedParts(incident, figures, filter).length === 0;
}

export function isFiltering(filter: IncidentFilter): boolean {
	return (
		filter.from !== null ||
		filter.to !== null ||
		filter.maxBorderKm !== null ||
		filter.killed !== null ||
		normaliseForSearch(filter.text) !== '' ||
		Object.values(filter.facets).some((values) => values && values.length > 0)
	);
}
