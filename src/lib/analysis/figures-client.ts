import type { FiguresRequest, FiguresResult } from './incident-figures';

type Reply = { requestId: number; result?: FiguresResult; error?: string };

/** Talks to the figures worker; one instance per owner, closed with dispose(). */
export class FiguresClient {
	#worker: Worker;
	#next = 0;
	#pending = new Map<
		number,
		{ resolve(result: FiguresResult): void; reject(error: Error): void }
	>();

	constructor() {
		this.#worker = new Worker(new URL('./figures.worker.ts', import.meta.url), { type: 'module' });
		this.#worker.onmessage = (event: MessageEvent<Reply>) => {
			const pending = this.#pending.get(event.data.requestId);
			if (!pending) return;
			this.#pending.delete(event.data.requestId);
			if (event.data.result) pending.resolve(event.data.result);
			else pending.reject(new Error(event.data.error ?? 'the figures worker failed'));
		};
	}

	compute(request: FiguresRequest): Promise<FiguresResult> {
		const requestId = this.#next++;
		return new Promise((resolve, reject) => {
			this.#pending.set(requestId, { resolve, reject });
			this.#worker.postMessage({ requestId, request }, [request.lons.buffer, request.lats.buffer]);
		});
	}

	dispose() {
		this.#worker.terminate();
		for (const pending of this.#pending.values()) pending.reject(new Error('disposed'));
		this.#pending.clear();
	}
}
