import type { IncidentFeature } from '$lib/data/incident';
import type { RestoreMessage, RestoreRequest } from '$lib/data/import/restore-protocol';
import type { RestoreResult } from '$lib/data/import/stored-dataset';

/**
 * Saved datasets read back and checked in a worker (restore.worker.ts), one worker per read,
 * ended when it has answered. The rows arrive in batches; each dataset is put together here.
 */
export function restoreInWorker(
	request: RestoreRequest,
	createWorker: () => Worker = createRestoreWorker
): Promise<RestoreResult[]> {
	const worker = createWorker();
	return new Promise<RestoreResult[]>((resolve, reject) => {
		const results: RestoreResult[] = [];
		let rows: IncidentFeature[] = [];
		worker.onmessage = (event: MessageEvent<RestoreMessage>) => {
			const data = event.data;
			if (data.type === 'rows') {
				for (const incident of data.incidents) rows.push(incident);
			} else if (data.type === 'dataset') {
				const { dataset, problem } = data.result;
				results.push(dataset ? { dataset: { ...dataset, incidents: rows }, problem } : data.result);
				rows = [];
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
