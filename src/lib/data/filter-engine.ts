import { dayNumber, formatKilled, killedForSize } from './format';
import { FACETS, killedRange, rawSearchText, type FacetKey, type IncidentFilter } from './filter';
import type { IncidentFeature, PlaceFeature } from './incident';
import { linkPlaces, type PlaceLinks } from './place-link';
import { dictionaryCoder } from './dictionary';
import { normaliseForSearch } from './search';
import { SearchNormaliser } from './search-normaliser';
import { concatenated } from './typed-arrays';
import { packText, unpackText, type PackedText } from './packed-text';
import { chooseBinning, type Binning, type TimeUnit } from './timeline';

/**
 * Filtering at scale. The incidents become columns (typed arrays and coded facet values) once
 * per data change; evaluate() then answers, in one pass over them, everything the interface
 * shows for a filter: which incidents match, how many, each facet value's count under the
 * other filters, the timeline's histogram under every filter but time, and the matches in date
 * order. It runs in a worker (incidents.worker.ts); its meaning is failedParts (filter.ts),
 * which a property test holds it to.
 */

export interface IncidentColumns {
	count: number;
	ids: string[];
	/** Days since 1970 of each incident's date. */
	day: Int32Array;
	/** 0 day, 1 week, 2 month. */
	datePrecision: Uint8Array;
	/** Metres to the border, NaN when unknown (no position, or not measured yet). */
	border: Float64Array;
	/** The reported toll as a range; NaN (both) when not reported. */
	killedLow: Float64Array;
	killedHigh: Float64Array;
	/** Per facet, each incident's value as an index into `facetValues`. */
	facetCodes: Record<FacetKey, Int32Array>;
	facetValues: Record<FacetKey, string[]>;
	/** Per facet, per value: how many incidents have it, in all the data (for facetHelps). */
	facetTotals: Record<FacetKey, Int32Array>;
	/** Each incident's search text, normalised (normaliseSearch; empty until it is). */
	search: string[];
	/**
	 * The same text as written, until normaliseSearch has read it (then null): the parts' own
	 * packed lists, in row order, not joined into one (a copy of every row's text, held only
	 * until it was normalised: 90 MB at 500,000 imported rows).
	 */
	rawSearch: readonly PackedText[] | null;
	/** Each incident's gazetteer place (index into placeSearch), −1 for none (place-link.ts). */
	place: Int32Array;
	/** Each gazetteer place's names, searched as the text of the incidents at it. */
	placeSearch: string[];
	/** Incident indices in date order (then id). */
	order: Int32Array;
	/** For grouping on the map: positions (NaN without one), and what a marker shows. */
	lon: Float64Array;
	lat: Float64Array;
	killedBest: Float64Array;
	killedLabel: (string | null)[];
	/** First and last day of the data, and the timeline's bin of each incident. */
	firstDay: number;
	lastDay: number;
	unit: TimeUnit;
	bin: Int32Array;
	binCount: number;
}

const DATE_PRECISION_CODES = { day: 0, week: 1, month: 2 } as const;

/**
 * One set of incidents' columns (a dataset's), built where its rows are: the import or restore
 * worker for an imported dataset, this thread for the built-in data. Joining the parts of the
 * incidents shown (joinColumns) never goes back to the rows, so a new import costs the page
 * a join of typed arrays rather than a pass over 500,000 objects. Facet codes are the part's
 * own; the search text is as written (the filter worker normalises it).
 */
export interface ColumnsPart {
	count: number;
	ids: string[];
	day: Int32Array;
	datePrecision: Uint8Array;
	killedLow: Float64Array;
	killedHigh: Float64Array;
	facetCodes: Record<FacetKey, Int32Array>;
	facetValues: Record<FacetKey, string[]>;
	/** The search text as written (rawSearchText), packed: it crosses threads as two buffers. */
	search: PackedText;
	/** Each incident's gazetteer place (index into the gazetteer, place-link.ts), −1 for none. */
	place: Int32Array;
	lon: Float64Array;
	lat: Float64Array;
	killedBest: Float64Array;
	killedLabel: (string | null)[];
	/**
	 * What the page reads of the whole part, summed where it was built so the page never passes
	 * over its rows for it: per facet, how many rows have each value; the first and last day
	 * (±Infinity for no rows); how many rows have a position.
	 */
	facetTotals: Record<FacetKey, Int32Array>;
	firstDay: number;
	lastDay: number;
	located: number;
}

/** @param places which gazetteer place each incident is at (linkPlaces, for the same incidents) */
export function buildColumnsPart(
	incidents: readonly IncidentFeature[],
	places: Int32Array = new Int32Array(incidents.length).fill(-1)
): ColumnsPart {
	const n = incidents.length;
	const facetCodes = {} as Record<FacetKey, Int32Array>;
	const facetValues = {} as Record<FacetKey, string[]>;
	const facetTotals = {} as Record<FacetKey, Int32Array>;
	for (const facet of FACETS) {
		const values: string[] = [];
		const code = dictionaryCoder(values);
		const codes = new Int32Array(n);
		for (let i = 0; i < n; i++) codes[i] = code(facet.value(incidents[i]!));
		const totals = new Int32Array(values.length);
		for (const each of codes) totals[each]!++;
		facetCodes[facet.key] = codes;
		facetValues[facet.key] = values;
		facetTotals[facet.key] = totals;
	}
	// One pass filling every typed column (TypedArray.from with a mapping function is several
	// times slower in V8, and the workers build a part per 5,000 rows of every import).
	const ids = new Array<string>(n);
	const day = new Int32Array(n);
	const datePrecision = new Uint8Array(n);
	const killedLow = new Float64Array(n);
	const killedHigh = new Float64Array(n);
	const lon = new Float64Array(n);
	const lat = new Float64Array(n);
	const killedBest = new Float64Array(n);
	const killedLabel = new Array<string | null>(n);
	const search = new Array<string>(n);
	let firstDay = Infinity;
	let lastDay = -Infinity;
	let located = 0;
	for (let i = 0; i < n; i++) {
		const incident = incidents[i]!;
		const p = incident.properties;
		ids[i] = incident.id;
		const d = dayNumber(p.date);
		day[i] = d;
		if (d < firstDay) firstDay = d;
		if (d > lastDay) lastDay = d;
		datePrecision[i] = DATE_PRECISION_CODES[p.date_precision];
		const range = killedRange(incident);
		killedLow[i] = range?.[0] ?? Number.NaN;
		killedHigh[i] = range?.[1] ?? Number.NaN;
		const [x, y] = incident.geometry?.coordinates ?? [];
		lon[i] = x ?? Number.NaN;
		lat[i] = y ?? Number.NaN;
		if (!Number.isNaN(lon[i]!) && !Number.isNaN(lat[i]!)) located++;
		killedBest[i] = killedForSize(p.killed_min, p.killed_max) ?? Number.NaN;
		killedLabel[i] = formatKilled(p.killed_min, p.killed_max).short;
		search[i] = rawSearchText(incident);
	}
	return {
		count: n,
		ids,
		day,
		datePrecision,
		killedLow,
		killedHigh,
		facetCodes,
		facetValues,
		search: packText(search),
		place: places,
		lon,
		lat,
		killedBest,
		killedLabel,
		facetTotals,
		firstDay,
		lastDay,
		located
	};
}

/** A dataset's part, each incident linked to its gazetteer place (what the workers build). */
export function linkedColumnsPart(
	incidents: readonly IncidentFeature[],
	gazetteer: readonly PlaceFeature[]
): ColumnsPart {
	return buildColumnsPart(incidents, linkPlaces(incidents, gazetteer).placeOf);
}

/** A part's typed arrays' buffers, to transfer rather than copy it between threads. */
export function partBuffers(part: ColumnsPart): ArrayBuffer[] {
	return [
		part.day,
		part.datePrecision,
		part.killedLow,
		part.killedHigh,
		part.place,
		part.lon,
		part.lat,
		part.killedBest,
		part.search.bytes,
		part.search.ends,
		...Object.values(part.facetCodes),
		...Object.values(part.facetTotals)
	].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Incident indices in date order, then id, then index (the order the list and the matches are
 * in). The days are counted into place (a counting sort over the days' span), and only the
 * incidents of one day are sorted by comparing ids: a comparison sort of every incident was
 * most of the filter worker's join (200,000 incidents: about half a second here).
 */
export function dateOrder(day: Int32Array, ids: readonly string[]): Int32Array {
	const n = day.length;
	const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b);
	let first = Infinity;
	let last = -Infinity;
	for (let i = 0; i < n; i++) {
		if (day[i]! < first) first = day[i]!;
		if (day[i]! > last) last = day[i]!;
	}
	const span = last - first + 1;
	// Days are whole numbers; a span far wider than the count would make counting dearer.
	if (n === 0 || span > 4 * n + 1024) {
		return Int32Array.from(ids.keys()).sort((a, b) => day[a]! - day[b]! || byId(a, b));
	}
	const starts = new Int32Array(span + 1);
	for (let i = 0; i < n; i++) starts[day[i]! - first + 1]!++;
	for (let d = 0; d < span; d++) starts[d + 1]! += starts[d]!;
	const order = new Int32Array(n);
	const next = starts.slice(0, span);
	for (let i = 0; i < n; i++) order[next[day[i]! - first]!++] = i;
	for (let d = 0; d < span; d++) {
		const from = starts[d]!;
		const to = starts[d + 1]!;
		if (to - from > 1) order.subarray(from, to).sort(byId);
	}
	return order;
}

/** Each day's timeline bin (a loop: TypedArray.from with a mapping function is far slower). */
function binsOf(day: Int32Array, binning: { binOf(day: number): number }): Int32Array {
	const bins = new Int32Array(day.length);
	for (let i = 0; i < day.length; i++) bins[i] = binning.binOf(day[i]!);
	return bins;
}

/**
 * The located incidents of the parts, in order (the app's `located`): their ids and positions
 * read from the parts' columns, so measuring them never walks 500,000 incident objects.
 */
export function locatedPositions(parts: readonly ColumnsPart[]): {
	ids: string[];
	lons: Float64Array;
	lats: Float64Array;
} {
	const located = parts.reduce((sum, part) => sum + part.located, 0);
	const ids = new Array<string>(located);
	const lons = new Float64Array(located);
	const lats = new Float64Array(located);
	let k = 0;
	for (const part of parts) {
		if (part.located === part.count) {
			// Every row has a position (as in most datasets): copied whole.
			lons.set(part.lon, k);
			lats.set(part.lat, k);
			for (const id of part.ids) ids[k++] = id;
			continue;
		}
		for (let r = 0; r < part.count; r++) {
			if (!hasPosition(part, r)) continue;
			ids[k] = part.ids[r]!;
			lons[k] = part.lon[r]!;
			lats[k++] = part.lat[r]!;
		}
	}
	return { ids, lons, lats };
}

/** A part's columns that are one typed array. */
type TypedColumn = {
	[K in keyof ColumnsPart]: ColumnsPart[K] extends Int32Array | Uint8Array | Float64Array
		? K
		: never;
}[keyof ColumnsPart];

/** The first and last day of the parts' incidents (2018-01-01 for none: an empty timeline). */
function dayRange(parts: readonly ColumnsPart[]): { firstDay: number; lastDay: number } {
	let firstDay = Infinity;
	let lastDay = -Infinity;
	for (const part of parts) {
		firstDay = Math.min(firstDay, part.firstDay);
		lastDay = Math.max(lastDay, part.lastDay);
	}
	if (firstDay > lastDay) firstDay = lastDay = dayNumber('2018-01-01');
	return { firstDay, lastDay };
}

/**
 * The parts' facet dictionaries joined: each facet's values in order of first appearance across
 * the parts, how many incidents have each (summed from the parts' own totals), and per part the
 * new code of each of its own codes: a pass over the parts' dictionaries, not their rows.
 */
function joinFacets(parts: readonly ColumnsPart[]): {
	facetValues: Record<FacetKey, string[]>;
	facetTotals: Record<FacetKey, Int32Array>;
	renumbering: Record<FacetKey, Int32Array[]>;
} {
	const facetValues = {} as Record<FacetKey, string[]>;
	const facetTotals = {} as Record<FacetKey, Int32Array>;
	const renumbering = {} as Record<FacetKey, Int32Array[]>;
	for (const facet of FACETS) {
		const values: string[] = [];
		const code = dictionaryCoder(values);
		const renumbers = parts.map((part) => Int32Array.from(part.facetValues[facet.key], code));
		const totals = new Int32Array(values.length);
		parts.forEach((part, p) => {
			const renumber = renumbers[p]!;
			part.facetTotals[facet.key].forEach((total, own) => (totals[renumber[own]!]! += total));
		});
		facetValues[facet.key] = values;
		facetTotals[facet.key] = totals;
		renumbering[facet.key] = renumbers;
	}
	return { facetValues, facetTotals, renumbering };
}

/**
 * What the interface needs of the joined columns (the facets' values and totals, the time
 * span and its unit), computed from the parts without joining them: the join itself is the
 * filter worker's, and this is a pass over typed arrays only.
 */
export function columnsDomain(parts: readonly ColumnsPart[]): {
	facetValues: Record<FacetKey, string[]>;
	facetTotals: Record<FacetKey, Int32Array>;
	firstDay: number;
	lastDay: number;
	unit: TimeUnit;
} {
	const { facetValues, facetTotals } = joinFacets(parts);
	const { firstDay, lastDay } = dayRange(parts);
	return {
		facetValues,
		facetTotals,
		firstDay,
		lastDay,
		unit: chooseBinning(firstDay, lastDay).unit
	};
}

/**
 * The columns of the parts' incidents, in the parts' order.
 * @param placeNames the gazetteer's names (PlaceLinks.names), which the parts' places index
 * @param border metres to the border per incident (NaN: unknown), or null for none yet
 * @param options.order whether to sort the date order here (the filter worker can do it
 *   instead: dateOrder); without it `order` is empty
 * @param options.normalise whether to normalise the search text here (see normaliseSearch)
 */
export function joinColumns(
	parts: readonly ColumnsPart[],
	placeNames: readonly string[],
	border: Float64Array | null,
	options: { order?: boolean; normalise?: boolean } = {}
): IncidentColumns {
	const n = parts.reduce((sum, part) => sum + part.count, 0);
	// One typed column of every part, end to end.
	const column = <K extends TypedColumn>(Type: new (length: number) => ColumnsPart[K], key: K) =>
		concatenated(
			Type,
			parts.map((part) => part[key])
		);
	const day = column(Int32Array, 'day');
	const { firstDay, lastDay } = dayRange(parts);
	const binning = chooseBinning(firstDay, lastDay);

	const facetCodes = {} as Record<FacetKey, Int32Array>;
	const { facetValues, facetTotals, renumbering } = joinFacets(parts);
	for (const facet of FACETS) {
		const codes = new Int32Array(n);
		let at = 0;
		parts.forEach((part, p) => {
			const renumber = renumbering[facet.key][p]!;
			const own = part.facetCodes[facet.key];
			for (let i = 0; i < own.length; i++) codes[at + i] = renumber[own[i]!]!;
			at += own.length;
		});
		facetCodes[facet.key] = codes;
	}

	const ids = parts.length === 1 ? parts[0]!.ids.slice() : parts.flatMap((part) => part.ids);
	const rawSearch = parts.map((part) => part.search);
	return {
		count: n,
		ids,
		day,
		datePrecision: column(Uint8Array, 'datePrecision'),
		border: border ?? new Float64Array(n).fill(Number.NaN),
		killedLow: column(Float64Array, 'killedLow'),
		killedHigh: column(Float64Array, 'killedHigh'),
		facetCodes,
		facetValues,
		facetTotals,
		search: options.normalise
			? rawSearch.flatMap((packed) => unpackText(packed)).map(normaliseForSearch)
			: [],
		rawSearch: options.normalise ? null : rawSearch,
		place: column(Int32Array, 'place'),
		placeSearch: options.normalise ? placeNames.map(normaliseForSearch) : [...placeNames],
		order: options.order ? dateOrder(day, ids) : new Int32Array(0),
		lon: column(Float64Array, 'lon'),
		lat: column(Float64Array, 'lat'),
		killedBest: column(Float64Array, 'killedBest'),
		killedLabel: parts.flatMap((part) => part.killedLabel),
		firstDay,
		lastDay,
		unit: binning.unit,
		bin: binsOf(day, binning),
		binCount: n > 0 ? binning.count : 0
	};
}

/**
 * @param borderDistance metres from an incident to the border, when measured
 * @param normalise whether to normalise the search text here (the worker can do it instead:
 *   it is the slowest part, see normaliseSearch)
 * @param places which gazetteer place each incident is at (linkPlaces, for the same incidents)
 */
export function buildColumns(
	incidents: readonly IncidentFeature[],
	borderDistance: (id: string) => number | undefined = () => undefined,
	normalise = true,
	places: PlaceLinks = { placeOf: new Int32Array(incidents.length).fill(-1), names: [] }
): IncidentColumns {
	const parts = [buildColumnsPart(incidents, places.placeOf)];
	return joinColumns(parts, places.names, borderColumn(parts, borderDistance), {
		order: true,
		normalise
	});
}

/** Whether row i of a part has a position. */
export function hasPosition(part: ColumnsPart, i: number): boolean {
	return !Number.isNaN(part.lon[i] ?? Number.NaN) && !Number.isNaN(part.lat[i] ?? Number.NaN);
}

/**
 * The border column: metres for located, measured incidents, NaN otherwise.
 * @param distance by id, or the distances of the parts' located incidents in their order (as
 *   locatedPositions reads them), which needs no lookup per row
 */
export function borderColumn(
	parts: readonly ColumnsPart[],
	distance: ((id: string) => number | undefined) | Float64Array
): Float64Array {
	const border = new Float64Array(parts.reduce((sum, part) => sum + part.count, 0));
	let row = 0;
	let located = 0;
	for (const part of parts) {
		for (let i = 0; i < part.count; i++, row++) {
			if (!hasPosition(part, i)) {
				border[row] = Number.NaN;
				continue;
			}
			const id = part.ids[i] ?? '';
			border[row] =
				typeof distance === 'function'
					? (distance(id) ?? Number.NaN)
					: (distance[located++] ?? Number.NaN);
		}
	}
	return border;
}

/** Normalises raw search text in place (from buildColumns(…, normalise = false)). */
export function normaliseSearch(columns: IncidentColumns): void {
	new SearchNormaliser(columns).step();
}

/** The binning the columns were made with. */
export function columnsBinning(columns: IncidentColumns): Binning {
	return chooseBinning(columns.firstDay, columns.lastDay);
}

export interface Evaluation {
	/** 1 for each incident that passes. */
	mask: Uint8Array;
	count: number;
	/** Of those, how many have a position. */
	located: number;
	/** Per facet, per value (same order as facetValues): incidents passing every other part. */
	facetCounts: Record<FacetKey, Int32Array>;
	/** Per timeline bin, incidents passing every part but time: exact days, and the rest. */
	histogramExact: Int32Array;
	histogramApproximate: Int32Array;
	/** The matching incidents' indices, in date order. */
	matching: Int32Array;
}

/** Parts of the filter, numbered for the single pass; facets follow. */
const TIME = 0;
const BORDER = 1;
const KILLED = 2;
const TEXT = 3;
const FIRST_FACET = 4;

export function evaluate(columns: IncidentColumns, filter: IncidentFilter): Evaluation {
	const n = columns.count;
	const from = filter.from === null ? -Infinity : dayNumber(filter.from);
	const to = filter.to === null ? Infinity : dayNumber(filter.to);
	const maxBorder = filter.maxBorderKm === null ? null : filter.maxBorderKm * 1000;
	const killed = filter.killed;
	const killedMin = killed?.min ?? 0;
	const killedMax = killed?.max ?? Infinity;
	const query = normaliseForSearch(filter.text);
	// Which places' names the query matches: their incidents match it too.
	const placeMatches = Uint8Array.from(columns.placeSearch, (names) =>
		query !== '' && names.includes(query) ? 1 : 0
	);
	// Per facet: a lookup of which value codes are selected (null: that facet is not filtered).
	const selected = FACETS.map((facet) => {
		const values = filter.facets[facet.key];
		if (!values || values.length === 0) return null;
		const wanted = new Set(values);
		return Uint8Array.from(columns.facetValues[facet.key], (value) => (wanted.has(value) ? 1 : 0));
	});
	const codes = FACETS.map((facet) => columns.facetCodes[facet.key]);

	const mask = new Uint8Array(n);
	const facetCounts = {} as Record<FacetKey, Int32Array>;
	FACETS.forEach(
		(facet) => (facetCounts[facet.key] = new Int32Array(columns.facetValues[facet.key].length))
	);
	const counts = FACETS.map((facet) => facetCounts[facet.key]);
	const histogramExact = new Int32Array(columns.binCount);
	const histogramApproximate = new Int32Array(columns.binCount);
	let count = 0;
	let located = 0;

	for (let i = 0; i < n; i++) {
		let failures = 0;
		let failed = -1;
		const d = columns.day[i]!;
		if (d < from || d > to) {
			failures++;
			failed = TIME;
		}
		if (maxBorder !== null && !(columns.border[i]! <= maxBorder)) {
			failures++;
			failed = BORDER;
		}
		if (killed) {
			const low = columns.killedLow[i]!;
			const passes = Number.isNaN(low)
				? killed.unreported
				: columns.killedHigh[i]! >= killedMin && low <= killedMax;
			if (!passes) {
				failures++;
				failed = KILLED;
			}
		}
		const place = columns.place[i]!;
		if (
			query !== '' &&
			!columns.search[i]!.includes(query) &&
			!(place >= 0 && placeMatches[place])
		) {
			failures++;
			failed = TEXT;
		}
		for (let f = 0; f < selected.length && failures < 2; f++) {
			const lookup = selected[f];
			if (lookup && !lookup[codes[f]![i]!]) {
				failures++;
				failed = FIRST_FACET + f;
			}
		}
		if (failures === 0) {
			mask[i] = 1;
			count++;
			if (!Number.isNaN(columns.lon[i]!)) located++;
			for (let f = 0; f < counts.length; f++) counts[f]![codes[f]![i]!]!++;
		} else if (failures === 1 && failed >= FIRST_FACET) {
			// Fails only this facet: it counts towards that facet's values.
			const f = failed - FIRST_FACET;
			counts[f]![codes[f]![i]!]!++;
		}
		if (failures === 0 || (failures === 1 && failed === TIME)) {
			const histogram = columns.datePrecision[i] === 0 ? histogramExact : histogramApproximate;
			histogram[columns.bin[i]!]!++;
		}
	}

	const matching = new Int32Array(count);
	let at = 0;
	for (const i of columns.order) if (mask[i]) matching[at++] = i;
	return { mask, count, located, facetCounts, histogramExact, histogramApproximate, matching };
}
