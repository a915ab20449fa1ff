/// <reference lib="webworker" />
import { checkIncidentCollection, parseIncidentFile } from '../incident-collection';
import { sha256Hex } from '../sha256';
import { batchBuffers, incidentBatches } from './incident-batch';
import type { IncidentFileMessage, IncidentFileRequest } from './incident-file-protocol';
import { checkDatasetInfo } from './stored-dataset';

/**
 * Reads an incident file named by ?data= off the main thread: decodes and parses it, checks
 * every feature against the schema, and hands the accepted incidents to the page in batches of
 * columns with their filter columns (incident-batch.ts), so a file of 200,000
 * features costs the page neither a JSON.parse nor one object per row.
 */
const post = (message: IncidentFileMessage, transfer: Transferable[] = []) =>
	self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<IncidentFileRequest>) => {
	try {
		const { bytes, places } = event.data;
		const parsed = parseIncidentFile(new Uint8Array(bytes));
		if ('problem' in parsed) {
			post({ type: 'problem', ...parsed });
			return;
		}
		const sha256 = await sha256Hex(new Uint8Array(bytes));
		const { incidents, errors } = checkIncidentCollection(parsed.collection);
		for (const batch of incidentBatches(incidents, places)) {
			post({ type: 'rows', batch }, batchBuffers(batch));
		}
		const described = checkDatasetInfo(parsed.collection.dataset);
		const info = typeof described === 'string' ? null : described;
		post({ type: 'done', errors, info, sha256 });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
