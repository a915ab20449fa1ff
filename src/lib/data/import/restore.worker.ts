/// <reference lib="webworker" />
import { loadDataset, loadDatasets } from './dataset-db';
import type { RestoreMessage, RestoreRequest } from './restore-protocol';
import { checkStoredDataset } from './stored-dataset';
import type { PlaceFeature } from '../incident';
import { batchBuffers, incidentBatches } from './incident-batch';

/**
 * Reads saved datasets back off the main thread: IndexedDB's reading and decoding of the column
 * chunks, and the schema check of every row (storage is input like any file), happen here; the
 * page receives the checked rows in batches it takes in without a long task.
 */

const post = (message: RestoreMessage) => self.postMessage(message);

function send(saved: unknown, places: PlaceFeature[]) {
	const { dataset, problem } = checkStoredDataset(saved);
	if (!dataset) {
		post({ type: 'dataset', result: { dataset: null, problem } });
		return;
	}
	const { incidents, ...rest } = dataset;
	for (const batch of incidentBatches(incidents, places)) {
		self.postMessage({ type: 'rows', batch } satisfies RestoreMessage, {
			transfer: batchBuffers(batch)
		});
	}
	post({ type: 'dataset', result: { dataset: { ...rest, incidents: [] }, problem } });
}

self.onmessage = async (event: MessageEvent<RestoreRequest>) => {
	try {
		const request = event.data;
		const saved = request.type === 'load' ? await loadDatasets() : [await loadDataset(request.id)];
		for (const value of saved) if (value !== null) send(value, request.places);
		post({ type: 'done' });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
