import {
	borderColumn,
	columnsDomain,
	type ColumnsPart,
	type Evaluation
} from '$lib/data/filter-engine';
import type { FiguresTable } from '$lib/analysis/incident-figures';
import { concatenated } from '$lib/data/typed-arrays';
import { isFiltering, NO_FILTER, type FacetKey, type IncidentFilter } from '$lib/data/filter';
import { gazetteerNames, type PlaceLinks } from '$lib/data/place-link';
import type { IncidentFeature } from '$lib/data/incident';
import { rowsAt, type IncidentRows } from '$lib/data/incident-rows';
import { binningFor, type Binning } from '$lib/data/timeline';
import type { GroupCollection } from '$lib/analysis/groups';
import type { DensityWeight } from '$lib/analysis/density-scale';
import { untrack } from 'svelte';
import {
	FilterClient,
	type FilterEngine,
	type FilterHandlers,
	type MapPoints,
	type OnceResult
} from './filter-client';
import type { IncidentStore } from './incidents.svelte';

/**
 * The border column of the incidents of `parts`: straight from the figures measured for them,
 * or, while the figures are an earlier set's (new ones are on their way), looked up by id.
 */
function borderOf(parts: readonly ColumnsPart[], figures: FiguresTable): Float64Array {
	return borderColumn(parts, figures.distancesFor(parts) ?? ((id) => figures.borderDistance(id)));
}

/** What the interface needs to know about the data's facets and time span. */
export interface FilterDomain {
	facetValues: Record<FacetKey, string[]>;
	/** How many incidents have each value, in all the data (whether a facet helps). */
	facetTotals: Record<FacetKey, Int32Array>;
	binning: Binning;
	firstDay: number;
	lastDay: number;
}

/**
 * The filter the user has set, and what it selects, as computed by the filter worker: counts,
 * facet counts, the timeline's histogram, the matches in date order, the mask the map draws
 * with, and the groups it clusters. Changing the filter costs the main thread almost nothing;
 * results arrive a moment later.
 */
export class FilterState {
	filter = $state.raw<IncidentFilter>(NO_FILTER);
	/** The latest evaluation (null until the worker first answers). */
	result = $state.raw<Evaluation | null>(null);
	/**
	 * What the map draws for the latest filter: the matches (null when nothing is filtered) and
	 * their clusters. Set together, when the groups arrive, so the map changes in one frame and
	 * its markers never disagree with its clusters.
	 */
	shown = $state.raw<{ mask: Uint8Array | null; groups: GroupCollection } | null>(null);
	domain = $state.raw<FilterDomain | null>(null);
	error = $state<string | null>(null);
	/** How long the worker took for the latest evaluation (ms). */
	lastMilliseconds = $state(0);
	/** A filter was asked for and its groups have not arrived yet: the map is not settled. */
	pending = $state(false);
	/**
	 * The map's incident points for the incidents, built by the worker (null until it has
	 * answered), and whether newer ones have been asked for.
	 */
	points = $state.raw<MapPoints | null>(null);
	pointsPending = $state(false);
	/** The density surface's intensity by zoom for the matches, while it is drawn. */
	densityIntensity = $state.raw<[number, number][] | null>(null);
	/**
	 * Which gazetteer place each incident is at (place-link.ts), for the incidents they were
	 * linked for: the search box's suggestions reuse them rather than link 200,000 again.
	 */
	placeLinks = $state.raw<{ incidents: IncidentRows; links: PlaceLinks } | null>(null);

	readonly maxBorderKm = $derived(this.filter.maxBorderKm);

	#incidents: IncidentStore;
	#createEngine: (handlers: FilterHandlers) => FilterEngine;
	#client: FilterEngine | null = null;
	#stop: (() => void) | null = null;
	/** The filter each answer was computed for, to know whether it filtered anything. */
	#asked: IncidentFilter = NO_FILTER;
	/** The latest evaluation's mask (null: nothing filtered), waiting for its groups. */
	#mask: Uint8Array | null = null;
	/** How the map writes numbers on its points (undefined until the map has said). */
	#numberTag: string | null | undefined = undefined;
	#columnsSent = false;

	constructor(
		incidents: IncidentStore,
		createEngine: (handlers: FilterHandlers) => FilterEngine = (handlers) =>
			new FilterClient(handlers)
	) {
		this.#incidents = incidents;
		this.#createEngine = createEngine;
	}

	/** Starts following the data and the filter (call once, from the root layout). */
	start() {
		this.#client = this.#createEngine({
			evaluation: (evaluation, milliseconds) => {
				this.result = evaluation;
				this.#mask = isFiltering(this.#asked) ? evaluation.mask : null;
				this.lastMilliseconds = milliseconds;
			},
			// Groups follow the evaluation of the same filter (a superseded one's are dropped).
			groups: (groups, intensity) => {
				this.shown = { mask: this.#mask, groups };
				if (intensity) this.densityIntensity = intensity;
				this.pending = false;
			},
			error: (message) => {
				this.error = message;
				this.pending = false;
				this.pointsPending = false;
			},
			points: (points) => {
				this.points = points;
				this.pointsPending = false;
			},
			density: (intensity) => (this.densityIntensity = intensity)
		});
		this.#stop = $effect.root(() => {
			// New data → new columns, joined in the worker (which normalises their search text).
			$effect(() => {
				const incidents = this.#incidents.incidents;
				const parts = this.#incidents.columnParts;
				// Searching a place's names finds the incidents at it (place-link.ts).
				const names = gazetteerNames(untrack(() => this.#incidents.places));
				// Distances arriving later update one column (below), not the whole table; only
				// the border filter reads it, so without one it waits for them.
				const figures = untrack(() => this.#incidents.figures);
				const border = untrack(() => this.filter.maxBorderKm !== null)
					? borderOf(parts, figures)
					: null;
				const placeOf = concatenated(
					Int32Array,
					parts.map((part) => part.place)
				);
				this.placeLinks = { incidents, links: { placeOf, names } };
				const domain = columnsDomain(parts);
				this.domain = {
					facetValues: domain.facetValues,
					facetTotals: domain.facetTotals,
					binning: binningFor(domain.unit, domain.firstDay, domain.lastDay),
					firstDay: domain.firstDay,
					lastDay: domain.lastDay
				};
				this.#client?.setColumns({ parts, placeNames: names, border });
				this.#columnsSent = true;
				// Untracked: a filter change asks by itself (set()), and must not rebuild columns.
				untrack(() => {
					this.#askPoints();
					this.#ask(this.filter);
				});
			});
			// New distances → only the border column changes.
			let seen = this.#incidents.figures;
			$effect(() => {
				const figures = this.#incidents.figures;
				if (figures === seen) return;
				seen = figures;
				const parts = untrack(() => this.#incidents.columnParts);
				this.#client?.setBorder(borderOf(parts, figures));
				untrack(() => this.#ask(this.filter));
			});
		});
	}

	/** Filter columns of a restore still streaming in, sent to the worker ahead (importer.svelte.ts). */
	sendAhead(parts: readonly ColumnsPart[]) {
		this.#client?.prepare?.(parts);
	}

	/** Parts sent ahead that will not be joined after all: the worker forgets them. */
	discardAhead(parts: readonly ColumnsPart[]) {
		this.#client?.discard?.(parts);
	}

	/**
	 * Asks for the map's points, their toll labels written as `numberTag` writes numbers
	 * (Formatter.tag; null: English's plain digits). Asked again by itself for new incidents.
	 */
	drawPoints(numberTag: string | null) {
		if (numberTag === this.#numberTag) return;
		const before = this.#numberTag;
		this.#numberTag = numberTag;
		this.#askPoints();
		// The groups write their tolls the same way: grouped already with other digits (plain
		// ones before the first call), they are grouped again. A ?data= file's first groups
		// could come before the map's first call, and kept plain digits in Arabic.
		if ((before ?? null) !== numberTag && this.#columnsSent) this.#ask(this.filter);
	}

	/**
	 * A vector tile of the map's points of `version` (MapLibre asks, the map relays): cut in the
	 * worker, so the page only passes its bytes on. Empty for points no longer drawn.
	 */
	pointTile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer> {
		return this.#client?.tile(version, z, x, y) ?? Promise.resolve(new ArrayBuffer(0));
	}

	/** While the density surface is drawn (its weight; null: it is not), scale it to the matches. */
	drawDensity(weight: DensityWeight | null) {
		this.#client?.density(weight);
	}

	#askPoints() {
		const numberTag = this.#numberTag;
		if (numberTag === undefined || !this.#columnsSent || !this.#client) return;
		// The imported datasets' colours are of the same incidents as the columns just sent.
		const colours: Record<string, string> = {};
		for (const [id, info] of this.#incidents.importInfo) if (info.colour) colours[id] = info.colour;
		this.pointsPending = true;
		this.#client.points({ colours, numberTag });
	}

	#ask(filter: IncidentFilter) {
		this.#asked = filter;
		this.pending = true;
		this.#client?.filter(filter);
	}

	/** Replaces the filter (everything that filters goes through here). */
	set(filter: IncidentFilter) {
		this.filter = filter;
		this.#ask(filter);
	}

	update(change: Partial<IncidentFilter>) {
		this.set({ ...this.filter, ...change });
	}

	toggleFacet(key: FacetKey, value: string) {
		const current = this.filter.facets[key] ?? [];
		const next = current.includes(value)
			? current.filter((item) => item !== value)
			: [...current, value];
		this.update({ facets: { ...this.filter.facets, [key]: next } });
	}

	clear() {
		this.set(NO_FILTER);
	}

	/**
	 * What a filter other than the current one selects (a video's steps): the mask, the count
	 * and the groups, computed in the worker. The filter shown is not changed, and neither
	 * supersedes the other.
	 */
	evaluateOnce(filter: IncidentFilter): Promise<OnceResult> {
		if (!this.#client) return Promise.reject(new Error('the filter has not started'));
		return this.#client.evaluateOnce(filter);
	}

	/** Whether the incident passes the current filter (true until the first answer). */
	matches(incident: IncidentFeature): boolean {
		return this.matchesId(incident.id);
	}

	matchesId(id: string): boolean {
		const index = this.#incidents.indexOf.get(id);
		return !this.result || index === undefined || this.result.mask[index] === 1;
	}

	/** The matching incidents from `start` (in date order) up to `end`. */
	/**
	 * The matching incidents, in date order, as a list read a row at a time (an export reads
	 * them a part at a time): the match as it stands now, whatever the filters do next.
	 */
	matchingRows(): IncidentRows {
		const result = this.result;
		const matching = result ? result.matching.subarray(0, result.count) : new Int32Array(0);
		const incidents = this.#incidents.incidents;
		return {
			length: matching.length,
			at: (i) => {
				const index = matching[i];
				return index === undefined ? undefined : incidents.at(index);
			}
		};
	}

	matchingSlice(start: number, end: number): IncidentFeature[] {
		const matching = this.result?.matching;
		if (!matching) return [];
		return rowsAt(this.#incidents.incidents, matching.subarray(start, end));
	}

	dispose() {
		this.#stop?.();
		this.#client?.dispose();
	}
}
