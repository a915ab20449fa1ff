/// <reference lib="webworker" />
import { loadDataset, loadDatasets } from './dataset-db';
import { RESTORE_BATCH, type RestoreMessage, type RestoreRequest } from './restore-protocol';
import { checkStoredDataset } from './stored-dataset';
import { linkedColumnsPart, partBuffers } from '../filter-engine';
import type { PlaceFeature } from '../incident';
import { chunkBuffers, encodeIncidents } from './incident-chunk';

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
	for (let start = 0; start < incidents.length; start += RESTORE_BATCH) {
		const chunk = encodeIncidents(incidents.slice(start, start + RESTORE_BATCH));
		self.postMessage({ type: 'rows', chunk } satisfies RestoreMessage, {
			transfer: chunkBuffers(chunk)
		});
	}
	// The filter's columns are built here too, where the rows are (filter-engine.ts).
	const columns = linkedColumnsPart(incidents, places);
	self.postMessage(
		{
			type: 'dataset',
			result: { dataset: { ...rest, incidents: [], columns: [columns] }, problem }
		} satisfies RestoreMessage,
		{ transfer: partBuffers(columns) }
	);
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
