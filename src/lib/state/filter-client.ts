import type { ColumnsPart, Evaluation } from '$lib/data/filter-engine';
import type { IncidentFilter } from '$lib/data/filter';
import type { GroupCollection } from '$lib/analysis/groups';
import type { MapPointsOptions } from '$lib/analysis/map-points';
import type { DensityWeight } from '$lib/analysis/density-scale';
import type {
	FilterWorkerMessage,
	FilterWorkerReply,
	MapPoints,
	OnceResult
} from './filter.worker';

export type { MapPoints, OnceResult };

/**
 * The incidents for the filter engine, as their datasets' columns (joined by the engine, in
 * its worker: the join is a pass over every row).
 */
export interface ColumnsRequest {
	parts: readonly ColumnsPart[];
	/** The gazetteer's names (PlaceLinks.names), which the parts' places index. */
	placeNames: readonly string[];
	/** Metres to the border per incident (NaN: unknown), or null for none yet. */
	border: Float64Array | null;
}

/**
 * How many rows' worth of parts are posted in one task at most: posting copies a part (its ids
 * and labels are strings, cloned one by one), so a large import is sent over several tasks.
 */
const ROWS_PER_TASK = 10_000;

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
	setColumns(request: ColumnsRequest): void;
	/**
	 * Parts of rows still on their way in (a restore streams them), sent ahead so the copy
	 * overlaps the rest of the stream: the setColumns that joins them has them already.
	 * `discard` has the worker forget those sent ahead that will not be joined after all.
	 */
	prepare?(parts: readonly ColumnsPart[]): void;
	discard?(parts: readonly ColumnsPart[]): void;
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

/** What the client needs of its worker (a test gives a scripted one). */
export type FilterWorkerPort = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage'>;

/** Talks to the filter worker; answers to a superseded filter are dropped. */
export class FilterClient implements FilterEngine {
	#worker: FilterWorkerPort;
	#latest = 0;
	#latestPoints = 0;
	#latestDensity = 0;
	#onceId = 0;
	#once = new Map<number, { resolve: (result: OnceResult) => void; reject: (e: Error) => void }>();
	#tileId = 0;
	#tiles = new Map<number, { resolve: (bytes: ArrayBuffer) => void; reject: (e: Error) => void }>();
	/** Each part's key, and the keys of the parts the worker holds. */
	#partKeys = new WeakMap<ColumnsPart, number>();
	#nextKey = 0;
	#held = new Set<number>();
	/** Keys of parts sent ahead (prepare) and not joined yet: the worker keeps them meanwhile. */
	#prepared = new Set<number>();
	/**
	 * Messages waiting their turn for a later task (see #post); the rows of parts posted in this
	 * task; whether the next task is asked for.
	 */
	#outbox: { message: FilterWorkerMessage; transfer: Transferable[]; rows: number }[] = [];
	#taskRows = 0;
	#nextTaskAsked = false;

	constructor(
		handlers: FilterHandlers,
		worker: FilterWorkerPort = new Worker(new URL('./filter.worker.ts', import.meta.url), {
			type: 'module'
		})
	) {
		this.#worker = worker;
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

	/**
	 * Sends the incidents' parts the worker does not hold yet (copied: the page keeps its own for
	 * its lookups), then which parts to join, in order; the worker forgets the others, but for
	 * those sent ahead and not joined yet (prepare).
	 */
	setColumns({ parts, placeNames, border }: ColumnsRequest) {
		const keys = parts.map((part) => this.#send(part));
		for (const key of keys) this.#prepared.delete(key);
		this.#held = new Set([...keys, ...this.#prepared]);
		const message: FilterWorkerMessage = {
			type: 'columns',
			keys,
			keep: [...this.#prepared],
			placeNames: [...placeNames],
			border
		};
		this.#post(message, border ? [border.buffer] : []);
	}

	prepare(parts: readonly ColumnsPart[]) {
		for (const part of parts) {
			// A part the worker holds already (joined, or sent ahead before) is left as it is.
			if (this.#held.has(this.#keyOf(part))) continue;
			// Not counted against the task's share: the caller sends a part per message it
			// receives, each message a task of its own, so the stream paces them already.
			this.#prepared.add(this.#send(part, false));
		}
	}

	discard(parts: readonly ColumnsPart[]) {
		const keys: number[] = [];
		for (const part of parts) {
			const key = this.#partKeys.get(part);
			// Only parts sent ahead and not joined since: a joined part is the join's to keep.
			if (key === undefined || !this.#prepared.delete(key)) continue;
			this.#held.delete(key);
			keys.push(key);
		}
		if (keys.length > 0) this.#post({ type: 'forget', keys });
	}

	#keyOf(part: ColumnsPart): number {
		let key = this.#partKeys.get(part);
		if (key === undefined) this.#partKeys.set(part, (key = ++this.#nextKey));
		return key;
	}

	/**
	 * The part's key, posting the part first if the worker does not hold it; `paced` counts its
	 * rows against this task's share (see #post).
	 */
	#send(part: ColumnsPart, paced = true): number {
		const key = this.#keyOf(part);
		if (!this.#held.has(key)) {
			this.#held.add(key);
			this.#post({ type: 'part', key, part }, [], paced ? part.count : 0);
		}
		return key;
	}

	/**
	 * Posts in order; after ROWS_PER_TASK rows of parts, the rest waits for a later task, so a
	 * large dataset's copy never holds the page for long. Everything after waits its turn too,
	 * so the worker hears each message in the order it was sent.
	 */
	#post(message: FilterWorkerMessage, transfer: Transferable[] = [], rows = 0) {
		this.#outbox.push({ message, transfer, rows });
		// Others waiting: this one goes after them, in a later task.
		if (this.#outbox.length === 1) this.#drain();
	}

	#drain() {
		while (this.#outbox.length > 0) {
			if (this.#taskRows >= ROWS_PER_TASK) {
				this.#nextTask();
				return;
			}
			const next = this.#outbox.shift();
			if (!next) break;
			this.#worker.postMessage(next.message, next.transfer);
			if (next.rows > 0) this.#nextTask();
			this.#taskRows += next.rows;
		}
	}

	/** Counts this task's rows from zero again in the next task, and sends what waits then. */
	#nextTask() {
		if (this.#nextTaskAsked) return;
		this.#nextTaskAsked = true;
		setTimeout(() => {
			this.#nextTaskAsked = false;
			this.#taskRows = 0;
			this.#drain();
		}, 0);
	}

	/** New distances to the border (aligned with the columns), for the border filter. */
	setBorder(border: Float64Array) {
		this.#post({ type: 'border', border }, [border.buffer]);
	}

	filter(filter: IncidentFilter) {
		this.#post({ type: 'filter', requestId: ++this.#latest, filter });
	}

	points(options: MapPointsOptions) {
		this.#post({ type: 'points', requestId: ++this.#latestPoints, options });
	}

	tile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer> {
		const tileId = ++this.#tileId;
		return new Promise((resolve, reject) => {
			this.#tiles.set(tileId, { resolve, reject });
			this.#post({ type: 'tile', tileId, version, z, x, y });
		});
	}

	density(weight: DensityWeight | null) {
		this.#post({ type: 'density', requestId: ++this.#latestDensity, weight });
	}

	evaluateOnce(filter: IncidentFilter): Promise<OnceResult> {
		const onceId = ++this.#onceId;
		return new Promise((resolve, reject) => {
			this.#once.set(onceId, { resolve, reject });
			this.#post({ type: 'once', onceId, filter });
		});
	}

	dispose() {
		this.#outbox = [];
		this.#worker.terminate();
		const closed = new Error('the filter was closed');
		for (const waiting of [...this.#once.values(), ...this.#tiles.values()]) waiting.reject(closed);
		this.#once.clear();
		this.#tiles.clear();
	}
}
