/// <reference lib="webworker" />
import { readDatasets, type SavedDataset } from './dataset-db';
import type { RestoreMessage, RestoreRequest } from './restore-protocol';
import { StoredDatasetCheck } from './stored-dataset';
import type { PlaceFeature } from '../incident';
import { batchBuffers } from './incident-batch';
import { restoredBatches } from './restored-batches';

/**
 * Reads saved datasets back off the main thread: IndexedDB's reading and decoding of the column
 * chunks, and the schema check of every row (storage is input like any file), happen here; the
 * page receives the checked rows in batches it takes in without a long task. A chunk at a time:
 * each is read, checked and sent before the next is taken, so only one is held here.
 */

const post = (message: RestoreMessage) => self.postMessage(message);

/** Awaits nothing but the chunks: the read's transaction ends at any other wait. */
async function send({ record, rows }: SavedDataset, places: readonly PlaceFeature[]) {
	const check = StoredDatasetCheck.open(record);
	if (!(check instanceof StoredDatasetCheck)) {
		post({ type: 'dataset', result: check });
		return;
	}
	if (rows === null) {
		post({ type: 'dataset', result: check.withoutRows() });
		return;
	}
	for await (const stored of rows) {
		for (const batch of restoredBatches(stored, check, places)) {
			self.postMessage({ type: 'rows', batch } satisfies RestoreMessage, {
				transfer: batchBuffers(batch)
			});
		}
	}
	post({ type: 'dataset', result: check.result([]) });
}

self.onmessage = async (event: MessageEvent<RestoreRequest>) => {
	try {
		const request = event.data;
		const visit = (saved: SavedDataset) => send(saved, request.places);
		await (request.type === 'load' ? readDatasets(visit) : readDatasets(visit, request.id));
		post({ type: 'done' });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
