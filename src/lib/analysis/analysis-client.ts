import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { FiguresRequest, FiguresResult } from './incident-figures';

type Reply = { requestId: number; result?: unknown; error?: string };

/** Talks to the analysis worker; one instance per owner, closed with dispose(). */
export class AnalysisClient {
	#worker: Worker;
	#next = 0;
	#pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

	constructor() {
		this.#worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
		this.#worker.onmessage = (event: MessageEvent<Reply>) => {
			const pending = this.#pending.get(event.data.requestId);
			if (!pending) return;
			this.#pending.delete(event.data.requestId);
			if (event.data.error === undefined) pending.resolve(event.data.result);
			else pending.reject(new Error(event.data.error));
		};
	}

	#ask<T>(message: object, transfer: Transferable[] = []): Promise<T> {
		const requestId = this.#next++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(requestId, { resolve: resolve as (result: unknown) => void, reject });
			this.#worker.postMessage({ requestId, ...message }, transfer);
		});
	}

	/** Figures for every incident in the request (its coordinate arrays are handed over). */
	async figures(request: FiguresRequest): Promise<FiguresResult> {
		// Nor are the ids sent: the worker measures positions, and 500,000 strings would cost the
		// page a copy each way; the answer is in the request's order, so they are put back here.
		const { ids } = request;
		const sent: FiguresRequest = { ...request, ids: [] };
		const result = await this.#ask<FiguresResult>({ type: 'figures', request: sent }, [
			request.lons.buffer,
			request.lats.buffer
		]);
		return { ...result, ids };
	}

	/** The area within `km` of the border, as a polygon to draw. */
	band(
		border: LineString | MultiLineString,
		km: number
	): Promise<FeatureCollection<Polygon | MultiPolygon>> {
		return this.#ask({ type: 'band', border, km });
	}

	dispose() {
		this.#worker.terminate();
		for (const pending of this.#pending.values()) pending.reject(new Error('disposed'));
		this.#pending.clear();
	}
}
