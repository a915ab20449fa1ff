/// <reference lib="webworker" />
import { checkIncidentCollection, parseIncidentFile } from '../incident-collection';
import { linkedColumnsPart, partBuffers } from '../filter-engine';
import { sha256Hex } from '../sha256';
import { chunkBuffers, encodeIncidents } from './incident-chunk';
import type { IncidentFileMessage, IncidentFileRequest } from './incident-file-protocol';
import { checkDatasetInfo } from './stored-dataset';

/**
 * Reads an incident file named by ?data= off the main thread: decodes and parses it, checks
 * every feature against the schema, and hands the accepted incidents to the page as columns
 * (incident-chunk.ts, buffers transferred) with their filter columns, so a file of 200,000
 * features costs the page neither a JSON.parse nor one object per row.
 */

const BATCH = 5_000;
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
		for (let start = 0; start < incidents.length; start += BATCH) {
			const chunk = encodeIncidents(incidents.slice(start, start + BATCH));
			post({ type: 'rows', chunk }, chunkBuffers(chunk));
		}
		const described = checkDatasetInfo(parsed.collection.dataset);
		const columns = linkedColumnsPart(incidents, places);
		post(
			{
				type: 'done',
				columns,
				errors,
				info: typeof described === 'string' ? null : described,
				sha256
			},
			partBuffers(columns)
		);
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
