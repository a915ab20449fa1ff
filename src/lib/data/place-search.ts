import type { DatePrecision, PlaceFeature, PlaceProperties } from './incident';
import { linkPlaces, type PlaceLinks } from './place-link';
import { mainName, nameParts, searchNames } from './place-name';
import { normaliseForSearch } from './search';
import { rowsArray, rowsByText, textColumn, type IncidentRows } from './incident-rows';

/**
 * Suggestions for the search box (a combobox): places of the gazetteer and incidents, for what
 * has been typed so far. Names are compared by their search keys (search.ts), so "Hajeen",
 * "هجين" and "al hajin" all find Hajin, and any alternate name finds its place ("Abu Kamal",
 * "Albu Kamal" → Al-Bukamal). How well a name matches, best first:
 *
 *   0 the whole name ("dhiban" → Dhībān)
 *   1 the start of the name ("dhib" → Dhībān)
 *   2 the start of a later word ("kamal" → Abu Kamal)
 *   3 inside a word, for three letters or more ("ayra" → Al Buşayrah)
 *
 * Places rank by their best name, then population (unknown last), curated before GeoNames, then
 * name. Incidents match by their place (`place`, `place_ar`, bracketed alternatives), by the
 * names of the gazetteer place they are at (place-link.ts), or by the start of their id; they
 * rank by match, then date.
 */

export type MatchRank = 0 | 1 | 2 | 3;

export interface PlaceSuggestion {
	id: string;
	/** The main English name. */
	label: string;
	name_ar: string | null;
	/** The name that matched, when it is neither the label nor the Arabic name ("Abu Kamal"). */
	matched: string | null;
	rank: MatchRank;
	/** [longitude, latitude]; null for a place without a known position. */
	position: [number, number] | null;
	population: number | null;
	kind: PlaceProperties['kind'];
	admin1: string | null;
	country: string | null;
	source: PlaceProperties['source'];
}

export interface IncidentSuggestion {
	id: string;
	/** The place as the incident reports it. */
	place: string;
	place_ar: string | null;
	date: string;
	date_precision: DatePrecision;
	rank: MatchRank;
}

export interface Suggestions {
	places: PlaceSuggestion[];
	incidents: IncidentSuggestion[];
}

interface Named {
	names: string[];
	keys: string[];
}

export interface SearchIndex {
	places: readonly PlaceFeature[];
	placeNames: Named[];
	incidents: IncidentRows;
	/** Distinct place texts of the incidents, by search key: which incidents have each. */
	incidentsByKey: Map<string, number[]>;
	/** The incidents at each gazetteer place (by place index). */
	incidentsAtPlace: Map<number, number[]>;
	/** Incident ids, and the same in lower case (made the first time an id is typed). */
	ids: (string | null)[];
	lowerIds: string[] | null;
	/** Each incident's date: suggestions of one rank come out by date, then id. */
	dates: (string | null)[];
}

/**
 * The index suggestions are drawn from. Built once per change of the data: each distinct place
 * text is normalised once (many incidents share a town), so a keystroke only compares keys.
 * The rows' ids, dates and places are read as columns (no row is decoded for an imported
 * dataset: at 500,000 rows that was seconds of the page's time at the first keystroke).
 * `links`: the incidents' places, when they are known already (the filter links them too).
 */
export function searchIndex(
	places: readonly PlaceFeature[],
	incidents: IncidentRows,
	links: PlaceLinks = linkPlaces(rowsArray(incidents), places)
): SearchIndex {
	const placeNames = places.map((place) => {
		const names = searchNames(place.properties);
		return { names, keys: names.map(normaliseForSearch) };
	});
	const byText = rowsByText(incidents, 'place_ar', rowsByText(incidents, 'place'));
	const incidentsByKey = new Map<string, number[]>();
	for (const [text, list] of byText) {
		for (const key of new Set(nameParts(text).map(normaliseForSearch))) {
			if (key === '') continue;
			incidentsByKey.set(key, [...(incidentsByKey.get(key) ?? []), ...list]);
		}
	}
	const incidentsAtPlace = new Map<number, number[]>();
	links.placeOf.forEach((place, i) => {
		if (place < 0) return;
		const list = incidentsAtPlace.get(place);
		if (list) list.push(i);
		else incidentsAtPlace.set(place, [i]);
	});
	return {
		places,
		placeNames,
		incidents,
		incidentsByKey,
		incidentsAtPlace,
		ids: textColumn(incidents, 'id'),
		lowerIds: null,
		dates: textColumn(incidents, 'date')
	};
}

/** How well a name's key matches a query's key (see the ranks above), or null. */
export function matchRank(key: string, query: string): MatchRank | null {
	if (query === '' || key === '') return null;
	if (key === query) return 0;
	if (key.startsWith(query)) return 1;
	if (key.includes(` ${query}`)) return 2;
	if (query.length >= 3 && key.includes(query)) return 3;
	return null;
}

export function suggest(
	index: SearchIndex,
	typed: string,
	limits: { places: number; incidents: number } = { places: 8, incidents: 5 }
): Suggestions {
	const query = normaliseForSearch(typed);
	if (query === '') return { places: [], incidents: [] };

	const placeRank = new Map<number, MatchRank>();
	const found: PlaceSuggestion[] = [];
	index.placeNames.forEach(({ names, keys }, i) => {
		let rank: MatchRank | null = null;
		let name = '';
		for (let k = 0; k < keys.length; k++) {
			const match = matchRank(keys[k] ?? '', query);
			if (match !== null && (rank === null || match < rank)) [rank, name] = [match, names[k] ?? ''];
		}
		if (rank === null) return;
		placeRank.set(i, rank);
		const place = index.places[i];
		if (!place) return;
		const p = place.properties;
		const label = mainName(p.name);
		const [lon, lat] = place.geometry?.coordinates ?? [];
		found.push({
			id: place.id,
			label,
			name_ar: p.name_ar,
			matched: name === label || name === p.name_ar ? null : name,
			rank,
			position: lon !== undefined && lat !== undefined ? [lon, lat] : null,
			population: p.population,
			kind: p.kind,
			admin1: p.admin1,
			country: p.country,
			source: p.source
		});
	});
	found.sort(
		(a, b) =>
			a.rank - b.rank ||
			(b.population ?? -1) - (a.population ?? -1) ||
			(a.source === b.source ? 0 : a.source === 'curated' ? -1 : 1) ||
			a.label.localeCompare(b.label)
	);

	return {
		places: found.slice(0, limits.places),
		incidents: incidentSuggestions(index, typed, query, placeRank, limits.incidents)
	};
}

/** Which incidents match, each by its best rank; the best `limit`, by rank then date. */
function incidentSuggestions(
	index: SearchIndex,
	typed: string,
	query: string,
	placeRank: ReadonlyMap<number, MatchRank>,
	limit: number
): IncidentSuggestion[] {
	if (limit <= 0) return [];
	const NONE = 255;
	const rankOf = new Uint8Array(index.incidents.length).fill(NONE);
	const offer = (i: number, rank: MatchRank) => {
		if (rank < (rankOf[i] ?? NONE)) rankOf[i] = rank;
	};
	// By their own place text, the names of their gazetteer place, or the start of their id.
	for (const [key, list] of index.incidentsByKey) {
		const rank = matchRank(key, query);
		if (rank !== null) for (const i of list) offer(i, rank);
	}
	for (const [place, rank] of placeRank) {
		for (const i of index.incidentsAtPlace.get(place) ?? []) offer(i, rank);
	}
	const typedId = typed.trim().toLowerCase();
	if (typedId.length >= 2) {
		index.lowerIds ??= index.ids.map((id) => (id ?? '').toLowerCase());
		index.lowerIds.forEach((id, i) => {
			if (id === typedId) offer(i, 0);
			else if (id.startsWith(typedId)) offer(i, 1);
		});
	}
	const chosen: IncidentSuggestion[] = [];
	for (let rank = 0; rank <= 3 && chosen.length < limit; rank++) {
		for (const i of earliest(index, rankOf, rank, limit - chosen.length)) {
			const incident = index.incidents.at(i);
			if (!incident) continue;
			chosen.push({
				id: incident.id,
				place: incident.properties.place,
				place_ar: incident.properties.place_ar,
				date: incident.properties.date,
				date_precision: incident.properties.date_precision,
				rank: rank as MatchRank
			});
		}
	}
	return chosen;
}

/**
 * The first `count` incidents of a rank by date, then id, in that order: one pass keeping the
 * best few, rather than sorting every incident (a sort of 500,000 took the page most of a
 * second at the first keystroke).
 */
function earliest(index: SearchIndex, rankOf: Uint8Array, rank: number, count: number): number[] {
	const { dates, ids } = index;
	const before = (a: number, b: number) => {
		const [x, y] = [dates[a] ?? '', dates[b] ?? ''];
		if (x !== y) return x < y;
		return (ids[a] ?? '') < (ids[b] ?? '');
	};
	const best: number[] = [];
	for (let i = 0; i < rankOf.length; i++) {
		if (rankOf[i] !== rank) continue;
		const last = best[best.length - 1];
		if (best.length === count && last !== undefined && !before(i, last)) continue;
		let at = best.length;
		while (at > 0 && before(i, best[at - 1] ?? i)) at--;
		best.splice(at, 0, i);
		if (best.length > count) best.pop();
	}
	return best;
}
