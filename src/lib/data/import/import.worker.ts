/// <reference lib="webworker" />
import { sha256Hex } from '../sha256';
import {
	HEAD_CHARACTERS,
	importGeoJsonText,
	NOT_TEXT,
	parseCsv,
	RowImport,
	sniff,
	type ImportReport,
	type ImportResult
} from './importer';
import type { ImportMessage, ImportRequest } from './import-protocol';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import { saveDataset } from './dataset-db';

/**
 * Imports one file off the main thread: hashes it, streams CSV through Papa Parse a chunk at a
 * time (reporting progress), reads GeoJSON whole, and hands the incidents back in batches small
 * enough that receiving each one costs the page little. Cancelling terminates this worker.
 */

const BATCH = 20_000;
const post = (message: ImportMessage) => self.postMessage(message);

/** Sends the incidents from `from` on, in batches; returns how many have been sent. */
function sendIncidents(incidents: readonly IncidentFeature[], from: number): number {
	for (let start = from; start < incidents.length; start += BATCH) {
		post({ type: 'incidents', incidents: incidents.slice(start, start + BATCH) });
	}
	return incidents.length;
}

/** The finished import, kept until the page says how to describe it, then saved. */
let finished: { incidents: IncidentFeature[]; report: ImportReport } | null = null;

async function save(info: DatasetInfo) {
	if (!finished) return;
	try {
		await saveDataset({ info, incidents: finished.incidents, report: finished.report });
		post({ type: 'saved' });
	} catch (error) {
		post({ type: 'save-error', message: error instanceof Error ? error.message : String(error) });
	}
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	if (event.data.type === 'save') {
		await save(event.data.info);
		return;
	}
	const { file, dataset } = event.data;
	try {
		const sha256 = await sha256Hex(await file.arrayBuffer());
		const kind = sniff(await file.slice(0, HEAD_CHARACTERS).text());
		const finish = (result: ImportResult) => {
			finished = result;
			post({ type: 'done', report: result.report, sha256 });
		};
		if (kind === 'json') {
			const result = importGeoJsonText(await file.text(), dataset);
			post({ type: 'progress', fraction: 1, rows: result.report.total });
			sendIncidents(result.incidents, 0);
			finish(result);
			return;
		}
		const rows = new RowImport(dataset);
		if (kind === 'empty' || kind === 'binary') {
			rows.fileError = NOT_TEXT[kind];
			finish(rows.result());
			return;
		}
		let sent = 0;
		parseCsv(file, rows, {
			chunkSize: 2 * 1024 * 1024,
			onChunk(cursor) {
				sent = sendIncidents(rows.incidents, sent);
				post({ type: 'progress', fraction: cursor / file.size, rows: rows.total });
			},
			onDone() {
				sendIncidents(rows.incidents, sent);
				finish(rows.result());
			},
			onError: (message) => post({ type: 'error', message })
		});
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
