/// <reference lib="webworker" />
import Papa from 'papaparse';
import { sha256Hex } from '../sha256';
import { importGeoJsonText, NOT_TEXT, RowImport, rowProblems, sniff } from './importer';
import type { Row } from './row-mapping';
import type { ImportMessage, ImportRequest } from './import-protocol';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import type { ImportReport } from './importer';
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
		const head = await file.slice(0, 65536).text();
		const kind = sniff(head);
		if (kind === 'json') {
			const result = importGeoJsonText(await file.text(), dataset);
			post({ type: 'progress', fraction: 1, rows: result.report.total });
			sendIncidents(result.incidents, 0);
			finished = result;
			post({ type: 'done', report: result.report, sha256 });
			return;
		}
		const rows = new RowImport(dataset);
		if (kind === 'empty' || kind === 'binary') {
			rows.fileError = NOT_TEXT[kind];
			post({ type: 'done', report: rows.result().report, sha256 });
			return;
		}
		let sent = 0;
		let fields: string[] | null = null;
		let ok = true;
		Papa.parse<Row>(file, {
			header: true,
			skipEmptyLines: 'greedy',
			chunkSize: 2 * 1024 * 1024,
			chunk(results, parser) {
				if (fields === null) {
					fields = results.meta.fields ?? [];
					ok = rows.header(fields);
					if (!ok) {
						parser.abort();
						return;
					}
				}
				const problems = rowProblems(results.errors, fields.length);
				results.data.forEach((row, index) => rows.row(row, problems.get(index)));
				sent = sendIncidents(rows.incidents, sent);
				post({ type: 'progress', fraction: results.meta.cursor / file.size, rows: rows.total });
			},
			complete() {
				if (fields === null) rows.header([]);
				sendIncidents(rows.incidents, sent);
				finished = rows.result();
				post({ type: 'done', report: finished.report, sha256 });
			},
			error(error) {
				post({ type: 'error', message: error.message });
			}
		});
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
