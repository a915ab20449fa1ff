import { ChunkedIncidents } from '$lib/data/incident-rows';
import type { IncidentChunk } from '$lib/data/import/incident-chunk';
import type { RestoreMessage, RestoreRequest } from '$lib/data/import/restore-protocol';
import type { RestoreResult } from '$lib/data/import/stored-dataset';

/**
 * Saved datasets read back and checked in a worker (restore.worker.ts), one worker per read,
 * ended when it has answered. The rows arrive in batches of columns; each dataset is put
 * together here, and stays columns (incident-rows.ts).
 */
export function restoreInWorker(
	request: RestoreRequest,
	createWorker: () => Worker = createRestoreWorker
): Promise<RestoreResult[]> {
	const worker = createWorker();
	return new Promise<RestoreResult[]>((resolve, reject) => {
		const results: RestoreResult[] = [];
		let chunks: IncidentChunk[] = [];
		worker.onmessage = (event: MessageEvent<RestoreMessage>) => {
			const data = event.data;
			if (data.type === 'rows') {
				chunks.push(data.chunk);
			} else if (data.type === 'dataset') {
				const { dataset, problem } = data.result;
				const incidents = new ChunkedIncidents(chunks);
				results.push(dataset ? { dataset: { ...dataset, incidents }, problem } : data.result);
				chunks = [];
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
