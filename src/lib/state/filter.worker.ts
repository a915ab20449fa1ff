/// <reference lib="webworker" />
import {
	evaluate,
	joinColumns,
	type ColumnsPart,
	type Evaluation,
	type IncidentColumns
} from '$lib/data/filter-engine';
import type { IncidentFilter } from '$lib/data/filter';
import { groupIncidents } from '$lib/analysis/groups';
import { tollLabelWriter, type MapPointsOptions } from '$lib/analysis/map-points';
import {
	pointTiles,
	versionedPointTile,
	type VersionedPointTiles
} from '$lib/analysis/point-tiles';
import {
	densityIntensity,
	mercatorPoints,
	type DensityWeight,
	type MercatorPoints
} from '$lib/analysis/density-scale';
import { normaliseForSearch } from '$lib/data/search';
import { SearchNormaliser } from '$lib/data/search-normaliser';

/**
 * Filtering off the main thread: holds the incidents as columns, evaluates each filter, and
 * groups the matches for the map. A burst of filters (a brush being dragged, playback) is
 * coalesced: only the newest waiting filter is evaluated, and grouping is skipped for a filter
 * that is no longer the newest, so the worker never falls behind the user. A one-off request
 * (`once`: each step of a video export) is answered in full, whatever else is asked. The map's
 * points are cut here too: `points` prepares them (point-tiles.ts) and answers with a version,
 * and each `tile` MapLibre asks for (relayed by the page) is answered with its vector tile's
 * bytes; while the density surface is drawn (`density`), its scale for each filter's matches.
 * The incidents come as their datasets' parts (`part`, each once, kept by its key), and
 * `columns` says which to join, in order: the join is done here, not on the page.
 */
export type FilterWorkerMessage =
	| { type: 'part'; key: number; part: ColumnsPart }
	| {
			type: 'columns';
			keys: number[];
			/** Parts to keep without joining them (sent ahead of their rows' arrival). */
			keep: number[];
			placeNames: string[];
			border: Float64Array | null;
	  }
	/** Parts sent ahead that will not be joined after all. */
	| { type: 'forget'; keys: number[] }
	| { type: 'border'; border: Float64Array }
	| { type: 'filter'; requestId: number; filter: IncidentFilter }
	| { type: 'once'; onceId: number; filter: IncidentFilter }
	| { type: 'points'; requestId: number; options: MapPointsOptions }
	| { type: 'tile'; tileId: number; version: number; z: number; x: number; y: number }
	| { type: 'density'; requestId: number; weight: DensityWeight | null };

export type FilterWorkerReply =
	| { type: 'evaluation'; requestId: number; evaluation: Evaluation; milliseconds: number }
	| {
			type: 'groups';
			requestId: number;
			groups: ReturnType<typeof groupIncidents>;
			/** The density surface's scale for these matches, while it is drawn (else null). */
			intensity: [number, number][] | null;
	  }
	| { type: 'error'; requestId: number; message: string }
	| { type: 'once'; onceId: number; result: OnceResult }
	| { type: 'once-error'; onceId: number; message: string }
	| { type: 'points'; requestId: number; points: MapPoints }
	| { type: 'points-error'; requestId: number; message: string }
	| { type: 'tile'; tileId: number; bytes: ArrayBuffer }
	| { type: 'tile-error'; tileId: number; message: string }
	| { type: 'density'; requestId: number; intensity: [number, number][] };

/**
 * The map's incident points, prepared in this worker: the version its tiles are asked for by
 * (the `points` request's id; a tile of an older version is empty) and how many points.
 */
export interface MapPoints {
	version: number;
	count: number;
}

/** A one-off answer (a video's step): the mask, the count and the groups, together. */
export interface OnceResult {
	mask: Uint8Array;
	count: number;
	groups: ReturnType<typeof groupIncidents>;
}

/** The parts the page has sent, by key (those of the latest `columns` only). */
const parts = new Map<number, ColumnsPart>();
let columns: IncidentColumns | null = null;
/** Normalises the columns' search text (only a text filter needs it), while idle or at once. */
let normaliser: SearchNormaliser | null = null;
/** Rows normalised per idle slice: a filter asked meanwhile waits for one slice at most. */
const NORMALISED_PER_SLICE = 10_000;
/** The newest filter's matches, for the density surface's scale. */
let lastMask: Uint8Array | null = null;
/** The density surface, while it is drawn: how it weighs, and the request that asked. */
let density: { requestId: number; weight: DensityWeight } | null = null;
let mercator: MercatorPoints | null = null;
/** The points the map's tiles are cut from, and the version they are asked for by. */
let tiles: VersionedPointTiles | null = null;
/** How the map writes numbers (from its points' request), and the groups' toll labels in it. */
let numberTag: string | null = null;
let groupLabels: (string | null)[] | null = null;

/** The matches grouped for the map, their tolls written as the map's points are. */
function groups(data: IncidentColumns, mask: Uint8Array) {
	if (numberTag !== null && !groupLabels)
		groupLabels = data.killedLabel.map(tollLabelWriter(numberTag));
	return groupIncidents({ ...data, killedLabel: groupLabels ?? data.killedLabel }, mask);
}
let waiting: { requestId: number; filter: IncidentFilter } | null = null;
let newest = 0;
let scheduled = false;

const reply = (message: FilterWorkerReply, transfer: Transferable[] = []) =>
	self.postMessage(message, { transfer });

function run() {
	scheduled = false;
	const job = waiting;
	waiting = null;
	if (!job || !columns) return;
	const data = columns;
	try {
		const started = performance.now();
		needSearch(job.filter);
		const evaluation = evaluate(data, job.filter);
		const mask = evaluation.mask;
		lastMask = mask;
		// The main thread gets its own copy of the mask; this one is kept for grouping.
		const sent = { ...evaluation, mask: mask.slice() };
		reply(
			{
				type: 'evaluation',
				requestId: job.requestId,
				evaluation: sent,
				milliseconds: performance.now() - started
			},
			[
				sent.mask.buffer,
				sent.matching.buffer,
				sent.histogramExact.buffer,
				sent.histogramApproximate.buffer
			]
		);
		setTimeout(() => {
			if (job.requestId !== newest || data !== columns) return; // superseded
			// With the surface's scale for the same matches: the map changes once, in one frame.
			reply({
				type: 'groups',
				requestId: job.requestId,
				groups: groups(data, mask),
				intensity: densityScale()
			});
			// Ready for the first search, now that the map has what it draws.
			setTimeout(normaliseWhileIdle, 0);
		}, 0);
	} catch (error) {
		reply({
			type: 'error',
			requestId: job.requestId,
			message: error instanceof Error ? error.message : String(error)
		});
	}
}

/**
 * Normalising the search text is the slow part of building columns, so it is done here: a slice
 * at a time once the map has been given what it draws, or at once when a filter searches text.
 */
function needSearch(filter: IncidentFilter) {
	if (normaliseForSearch(filter.text) !== '') normaliser?.step();
}

function normaliseWhileIdle() {
	if (normaliser && !normaliser.step(NORMALISED_PER_SLICE)) setTimeout(normaliseWhileIdle, 0);
}

/** The density surface's scale for the newest matches, while the surface is drawn (else null). */
function densityScale(): [number, number][] | null {
	if (!density || !columns || !lastMask) return null;
	mercator ??= mercatorPoints(columns);
	return densityIntensity(mercator, lastMask, density.weight);
}

/** The density surface's scale on its own: when it is turned on or weighed otherwise. */
function scaleDensity() {
	const intensity = densityScale();
	if (density && intensity) reply({ type: 'density', requestId: density.requestId, intensity });
}

function points(requestId: number, options: MapPointsOptions) {
	if (options.numberTag !== numberTag) {
		numberTag = options.numberTag;
		groupLabels = null;
	}
	try {
		if (!columns) throw new Error('the incidents are not loaded yet');
		mercator ??= mercatorPoints(columns);
		tiles = { version: requestId, points: pointTiles(columns, options, mercator) };
		reply({ type: 'points', requestId, points: { version: requestId, count: tiles.points.count } });
	} catch (error) {
		reply({
			type: 'points-error',
			requestId,
			message: error instanceof Error ? error.message : String(error)
		});
	}
}

self.onmessage = (event: MessageEvent<FilterWorkerMessage>) => {
	const message = event.data;
	if (message.type === 'part') {
		parts.set(message.key, message.part);
		return;
	}
	if (message.type === 'forget') {
		for (const key of message.keys) parts.delete(key);
		return;
	}
	if (message.type === 'columns') {
		const wanted = new Set([...message.keys, ...message.keep]);
		for (const key of parts.keys()) if (!wanted.has(key)) parts.delete(key);
		const shown = message.keys.map((key) => {
			const part = parts.get(key);
			// Never joined without it: the rows after it would answer for the wrong incidents.
			if (!part) throw new Error(`the incidents' part ${key} was not sent`);
			return part;
		});
		// Not normalised yet: only a text filter needs it (needSearch).
		columns = joinColumns(shown, message.placeNames, message.border, { order: true });
		normaliser = new SearchNormaliser(columns);
		lastMask = null;
		mercator = null;
		groupLabels = null;
		tiles = null;
		return;
	}
	if (message.type === 'density') {
		density = message.weight ? { requestId: message.requestId, weight: message.weight } : null;
		scaleDensity();
		return;
	}
	if (message.type === 'points') {
		points(message.requestId, message.options);
		return;
	}
	if (message.type === 'tile') {
		const { tileId, version, z, x, y } = message;
		try {
			const bytes = versionedPointTile(tiles, version, z, x, y);
			reply({ type: 'tile', tileId, bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer]);
		} catch (error) {
			// Answered all the same: a tile left unanswered would keep the map from ever settling.
			const text = error instanceof Error ? error.message : String(error);
			reply({ type: 'tile-error', tileId, message: text });
		}
		return;
	}
	if (message.type === 'once') {
		// Answered now, in order, and neither coalesced with nor superseding the live filters.
		try {
			if (!columns) throw new Error('the incidents are not loaded yet');
			needSearch(message.filter);
			const { mask, count } = evaluate(columns, message.filter);
			reply(
				{
					type: 'once',
					onceId: message.onceId,
					result: { mask, count, groups: groups(columns, mask) }
				},
				[mask.buffer]
			);
		} catch (error) {
			reply({
				type: 'once-error',
				onceId: message.onceId,
				message: error instanceof Error ? error.message : String(error)
			});
		}
		return;
	}
	if (message.type === 'border') {
		if (columns && message.border.length === columns.count) columns.border = message.border;
		return;
	}
	waiting = { requestId: message.requestId, filter: message.filter };
	newest = message.requestId;
	if (!scheduled) {
		scheduled = true;
		// Run after any messages already queued, so a burst collapses to its last filter.
		setTimeout(run, 0);
	}
};
