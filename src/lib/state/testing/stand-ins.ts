import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import { groupIncidents } from '$lib/analysis/groups';
import { computeFigures } from '$lib/analysis/incident-figures';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import { evaluate, joinColumns, type IncidentColumns } from '$lib/data/filter-engine';
import type { IncidentFilter } from '$lib/data/filter';
import type { IncidentCollection, IncidentFeature, PlaceCollection } from '$lib/data/incident';
import type { DatasetChange } from '$lib/data/import/dataset-channel';
import { checkStoredDataset } from '$lib/data/import/stored-dataset';
import type { StorageUsage } from '$lib/data/import/storage-quota';
import type { ColumnsRequest, FilterEngine, FilterHandlers, OnceResult } from '../filter-client';
import type { MapPointsOptions } from '$lib/analysis/map-points';
import {
	pointTiles,
	versionedPointTile,
	type VersionedPointTiles
} from '$lib/analysis/point-tiles';
import { densityIntensity, mercatorPoints, type DensityWeight } from '$lib/analysis/density-scale';
import type { DatasetStore } from '../importer.svelte';
import type { AnalysisService, IncidentData } from '../incidents.svelte';

/**
 * Stand-ins for what the state talks to (workers, storage), doing the real work in this thread,
 * so the state classes are tested with their real logic and data: nothing about them is mocked.
 */

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../../geodata', path), 'utf8')) as T;

/** The app's data as the root layout loads it: the 14 built-in strikes, places, border, sides. */
export function builtinData(): IncidentData & { incidents: IncidentFeature[] } {
	const border = geodata<FeatureCollection<LineString | MultiLineString>>(
		'border/iraq-syria.geojson'
	).features[0]!.geometry;
	const sides =
		geodata<FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>>('border/sides.geojson');
	return {
		dataset: BUILTIN_DATASET,
		incidents: geodata<IncidentCollection>('incidents/strikes.geojson').features,
		places: geodata<PlaceCollection>('places.geojson').features,
		border,
		sides: sides.features.map((side) => ({
			name: side.properties.adm0_a3,
			geometry: side.geometry
		})),
		rejected: []
	};
}

/**
 * The filter worker's work, done in this thread: each filter answered in a macrotask (as the
 * worker would), evaluation first, then the groups; `calls` records what the state asked.
 */
export class InThreadFilterEngine implements FilterEngine {
	calls: string[] = [];
	#handlers: FilterHandlers;
	#columns: IncidentColumns | null = null;
	#latest = 0;
	#mask: Uint8Array | null = null;
	#density: DensityWeight | null = null;
	#tiles: VersionedPointTiles | null = null;
	#pointsAsked = 0;

	constructor(handlers: FilterHandlers) {
		this.#handlers = handlers;
	}

	setColumns({ parts, placeNames, border }: ColumnsRequest) {
		this.calls.push('columns');
		this.#columns = joinColumns(parts, placeNames, border, { order: true, normalise: true });
	}

	setBorder(border: Float64Array) {
		this.calls.push('border');
		if (this.#columns) this.#columns.border = border;
	}

	filter(filter: IncidentFilter) {
		this.calls.push('filter');
		const asked = ++this.#latest;
		setTimeout(() => {
			// Only the newest filter is answered, as the worker coalesces bursts.
			if (asked !== this.#latest || !this.#columns) return;
			const evaluation = evaluate(this.#columns, filter);
			this.#mask = evaluation.mask;
			this.#handlers.evaluation(evaluation, 0);
			this.#handlers.groups(groupIncidents(this.#columns, evaluation.mask), this.#densityScale());
		}, 0);
	}

	points(options: MapPointsOptions) {
		this.calls.push('points');
		const columns = this.#columns;
		const version = ++this.#pointsAsked;
		setTimeout(() => {
			if (!columns) return;
			this.#tiles = { version, points: pointTiles(columns, options) };
			this.#handlers.points({ version, count: this.#tiles.points.count });
		}, 0);
	}

	tile(version: number, z: number, x: number, y: number) {
		const bytes = versionedPointTile(this.#tiles, version, z, x, y);
		return Promise.resolve(bytes.buffer as ArrayBuffer);
	}

	density(weight: DensityWeight | null) {
		this.calls.push('density');
		this.#density = weight;
		this.#scaleDensity();
	}

	#densityScale() {
		if (!this.#density || !this.#columns || !this.#mask) return null;
		return densityIntensity(mercatorPoints(this.#columns), this.#mask, this.#density);
	}

	#scaleDensity() {
		const intensity = this.#densityScale();
		if (intensity) this.#handlers.density(intensity);
	}

	evaluateOnce(filter: IncidentFilter) {
		this.calls.push('once');
		const columns = this.#columns;
		return new Promise<OnceResult>((resolve, reject) =>
			setTimeout(() => {
				if (!columns) return reject(new Error('the incidents are not loaded yet'));
				const { mask, count } = evaluate(columns, filter);
				resolve({ mask, count, groups: groupIncidents(columns, mask) });
			}, 0)
		);
	}

	dispose() {
		this.calls.push('dispose');
	}
}

/** The analysis worker's figures, computed in this thread; `asked` counts the requests. */
export function inThreadAnalysis(): AnalysisService & { asked: number } {
	const service = {
		asked: 0,
		figures(request: Parameters<AnalysisService['figures']>[0]) {
			service.asked++;
			return Promise.resolve(computeFigures(request));
		},
		band: () => Promise.resolve({ type: 'FeatureCollection' as const, features: [] }),
		dispose() {}
	};
	return service;
}

/** Waits for timers set so far and the promises they settle (a worker's answer, say). */
export const settle = async () => {
	// A few rounds: an answer may schedule the next step (a filter after the columns arrive), and
	// on a busy machine one short timer can fire before a timer set just after it was due.
	for (let round = 0; round < 3; round++) await new Promise((resolve) => setTimeout(resolve, 5));
};

/**
 * Saved datasets in memory, as the browser's IndexedDB keeps them, shared by the tabs made from
 * one `MemoryBrowser` (each `tab()` is a DatasetStore); changes one tab announces reach the
 * others, as BroadcastChannel carries them (never back to the sender). `fail` makes every call
 * reject with that message.
 */
export class MemoryBrowser {
	saved = new Map<string, unknown>();
	fail: string | null = null;
	/** What the Storage API answers: the estimate, and whether persistence is granted. */
	usage: StorageUsage | null = { usage: 1_000_000, quota: 1_000_000_000, persisted: false };
	grantPersistence = true;
	calls: string[] = [];
	#listeners: { tab: number; changed: (change: DatasetChange) => void }[] = [];
	#tabs = 0;

	tab(): DatasetStore {
		const tab = ++this.#tabs;
		const check = () => {
			if (this.fail) throw new Error(this.fail);
		};
		return {
			// Checked as the browser's store checks them (in its worker).
			load: async () => {
				check();
				return [...this.saved.values()].map((saved) => checkStoredDataset(structuredClone(saved)));
			},
			loadOne: async (id) => {
				check();
				const saved = this.saved.get(id);
				return saved === undefined ? null : checkStoredDataset(structuredClone(saved));
			},
			usage: async () => this.usage,
			persist: async () => {
				this.calls.push('persist');
				if (this.usage && this.grantPersistence) this.usage = { ...this.usage, persisted: true };
				return this.grantPersistence;
			},
			delete: async (id) => {
				this.calls.push(`delete ${id}`);
				check();
				this.saved.delete(id);
			},
			setVisible: async (id, visible) => {
				this.calls.push(`visible ${id} ${visible}`);
				check();
				const dataset = this.saved.get(id);
				if (dataset) this.saved.set(id, { ...(dataset as object), visible });
			},
			announce: (change) => {
				for (const listener of this.#listeners) {
					if (listener.tab !== tab) listener.changed(structuredClone(change));
				}
			},
			listen: (changed) => {
				const listener = { tab, changed };
				this.#listeners.push(listener);
				return () => {
					this.#listeners = this.#listeners.filter((other) => other !== listener);
				};
			}
		};
	}
}

/** A worker (restore, ?data=) that answers a request with the messages given, in order. */
export class ScriptedWorker<Request, Message> {
	onmessage: ((event: MessageEvent<Message>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	asked: Request[] = [];
	terminated = false;
	constructor(private readonly answers: Message[]) {}
	postMessage(request: Request) {
		this.asked.push(request);
		for (const data of this.answers) this.onmessage?.({ data } as MessageEvent<Message>);
	}
	terminate() {
		this.terminated = true;
	}
}
