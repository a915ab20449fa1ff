import { fromBatches, type IncidentBatch } from '$lib/data/import/incident-batch';
import type { RestoreMessage, RestoreRequest } from '$lib/data/import/restore-protocol';
import type { RestoreResult } from '$lib/data/import/stored-dataset';

/**
 * Saved datasets read back and checked in a worker (restore.worker.ts), one worker per read,
 * ended when it has answered. The rows arrive in batches of columns; each dataset is put
 * together here, and stays columns (incident-rows.ts).
 */
export function restoreInWorker(
	request: RestoreRequest,
	createWorker: () => Worker = createRestoreWorker,
	onBatch: (batch: IncidentBatch) => void = () => {}
): Promise<RestoreResult[]> {
	const worker = createWorker();
	return new Promise<RestoreResult[]>((resolve, reject) => {
		const results: RestoreResult[] = [];
		let batches: IncidentBatch[] = [];
		worker.onmessage = (event: MessageEvent<RestoreMessage>) => {
			const data = event.data;
			if (data.type === 'rows') {
				batches.push(data.batch);
				onBatch(data.batch);
			} else if (data.type === 'dataset') {
				const { dataset, problem } = data.result;
				const rows = fromBatches(batches);
				results.push(dataset ? { dataset: { ...dataset, ...rows }, problem } : data.result);
				batches = [];
			} else if (data.type === 'done') {
				worker.terminate();
				resolve(results);
			} else {
				worker.terminate();
				reject(new Error(data.message));
			}
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'the saved datasets could not be read'));
		};
		worker.postMessage(request satisfies RestoreRequest);
	});
}

function createRestoreWorker(): Worker {
	return new Worker(new URL('../data/import/restore.worker.ts', import.meta.url), {
		type: 'module'
	});
}
