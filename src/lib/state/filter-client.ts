import type { Evaluation, IncidentColumns } from '$lib/data/filter-engine';
import type { IncidentFilter } from '$lib/data/filter';
import type { GroupCollection } from '$lib/analysis/groups';
import type { MapPointsOptions } from '$lib/analysis/map-points';
import type { DensityWeight } from '$lib/analysis/density-scale';
import type { FilterWorkerReply, MapPoints, OnceResult } from './filter.worker';

export type { MapPoints, OnceResult };

/** What the filter state hears back from the engine, for the newest filter only. */
export interface FilterHandlers {
	evaluation(evaluation: Evaluation, milliseconds: number): void;
	/** The matches' groups, and the density surface's scale for them while it is drawn. */
	groups(groups: GroupCollection, intensity: [number, number][] | null): void;
	error(message: string): void;
	/** The map's points for the newest columns and options. */
	points(points: MapPoints): void;
	/** The density surface's scale for the newest matches (analysis/density-scale.ts). */
	density(intensity: [number, number][]): void;
}

/** The filter engine as the filter state uses it: the worker (FilterClient), or a stand-in. */
export interface FilterEngine {
	setColumns(columns: IncidentColumns): void;
	setBorder(border: Float64Array): void;
	filter(filter: IncidentFilter): void;
	/** One filter answered in full (mask, count, groups), superseding nothing and never dropped. */
	evaluateOnce(filter: IncidentFilter): Promise<OnceResult>;
	/** The map's points for the columns set last, prepared for tiles (point-tiles.ts). */
	points(options: MapPointsOptions): void;
	/** A vector tile of the points of `version` (empty for another version, or no points). */
	tile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer>;
	/** While the density surface is drawn, its scale for every filter's matches (null: not). */
	density(weight: DensityWeight | null): void;
	dispose(): void;
}

/** Talks to the filter worker; answers to a superseded filter are dropped. */
export class FilterClient implements FilterEngine {
	#worker = new Worker(new URL('./filter.worker.ts', import.meta.url), { type: 'module' });
	#latest = 0;
	#latestPoints = 0;
	#latestDensity = 0;
	#onceId = 0;
	#once = new Map<number, { resolve: (result: OnceResult) => void; reject: (e: Error) => void }>();
	#tileId = 0;
	#tiles = new Map<number, { resolve: (bytes: ArrayBuffer) => void; reject: (e: Error) => void }>();

	constructor(handlers: FilterHandlers) {
		this.#worker.onmessage = (event: MessageEvent<FilterWorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'once' || reply.type === 'once-error') {
				const waiting = this.#once.get(reply.onceId);
				this.#once.delete(reply.onceId);
				if (reply.type === 'once') waiting?.resolve(reply.result);
				else waiting?.reject(new Error(reply.message));
				return;
			}
			if (reply.type === 'tile' || reply.type === 'tile-error') {
				const waiting = this.#tiles.get(reply.tileId);
				this.#tiles.delete(reply.tileId);
				// A failed tile reaches MapLibre as its error (the map reports it).
				if (reply.type === 'tile') waiting?.resolve(reply.bytes);
				else waiting?.reject(new Error(`the incidents' tile could not be cut: ${reply.message}`));
				return;
			}
			if (reply.type === 'density') {
				if (reply.requestId === this.#latestDensity) handlers.density(reply.intensity);
				return;
			}
			if (reply.type === 'points' || reply.type === 'points-error') {
				if (reply.requestId !== this.#latestPoints) return;
				if (reply.type === 'points') handlers.points(reply.points);
				else handlers.error(reply.message);
				return;
			}
			if (reply.requestId !== this.#latest) return;
			if (reply.type === 'evaluation') handlers.evaluation(reply.evaluation, reply.milliseconds);
			else if (reply.type === 'groups') handlers.groups(reply.groups, reply.intensity);
			else handlers.error(reply.message);
		};
	}

	/** Hands the columns' big arrays to the worker (they are transferred, not copied). */
	setColumns(columns: IncidentColumns) {
		const transfer = [
			columns.day,
			columns.datePrecision,
			columns.border,
			columns.killedLow,
			columns.killedHigh,
			columns.order,
			columns.lon,
			columns.lat,
			columns.killedBest,
			columns.bin,
			...(columns.rawSearch ? [columns.rawSearch.bytes, columns.rawSearch.ends] : []),
			...Object.values(columns.facetCodes)
		].map((array) => array.buffer);
		this.#worker.postMessage({ type: 'columns', columns }, transfer);
	}

	/** New distances to the border (aligned with the columns), for the border filter. */
	setBorder(border: Float64Array) {
		this.#worker.postMessage({ type: 'border', border }, [border.buffer]);
	}

	filter(filter: IncidentFilter) {
		this.#worker.postMessage({ type: 'filter', requestId: ++this.#latest, filter });
	}

	points(options: MapPointsOptions) {
		this.#worker.postMessage({ type: 'points', requestId: ++this.#latestPoints, options });
	}

	tile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer> {
		const tileId = ++this.#tileId;
		return new Promise((resolve, reject) => {
			this.#tiles.set(tileId, { resolve, reject });
			this.#worker.postMessage({ type: 'tile', tileId, version, z, x, y });
		});
	}

	density(weight: DensityWeight | null) {
		this.#worker.postMessage({ type: 'density', requestId: ++this.#latestDensity, weight });
	}

	evaluateOnce(filter: IncidentFilter): Promise<OnceResult> {
		const onceId = ++this.#onceId;
		return new Promise((resolve, reject) => {
			this.#once.set(onceId, { resolve, reject });
			this.#worker.postMessage({ type: 'once', onceId, filter });
		});
	}

	dispose() {
		this.#worker.terminate();
		const closed = new Error('the filter was closed');
		for (const waiting of [...this.#once.values(), ...this.#tiles.values()]) waiting.reject(closed);
		this.#once.clear();
		this.#tiles.clear();
	}
}
