/// <reference lib="webworker" />
import Papa from 'papaparse';
import { sha256Hex } from '../sha256';
import { importGeoJsonText, parserProblem, RowImport, sniff } from './importer';
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

function sendIncidents(rows: RowImport, from: number): number {
	for (let start = from; start < rows.incidents.length; start += BATCH) {
		post({ type: 'incidents', incidents: rows.incidents.slice(start, start + BATCH) });
	}
	return rows.incidents.length;
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
			for (let start = 0; start < result.incidents.length; start += BATCH) {
				post({ type: 'incidents', incidents: result.incidents.slice(start, start + BATCH) });
			}
			finished = result;
			post({ type: 'done', report: result.report, sha256 });
			return;
		}
		const rows = new RowImport(dataset);
		if (kind === 'empty' || kind === 'binary') {
			rows.fileError =
				kind === 'empty'
					? 'the file is empty'
					: 'not a text file: import CSV (ACLED, UCDP GED or with coordinates) or GeoJSON';
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
				const problems = new Map<number, string>();
				for (const error of results.errors) {
					if (error.row !== undefined && !problems.has(error.row)) {
						problems.set(error.row, parserProblem(error, fields.length));
					}
				}
				results.data.forEach((row, index) => rows.row(row, problems.get(index)));
				sent = sendIncidents(rows, sent);
				post({ type: 'progress', fraction: results.meta.cursor / file.size, rows: rows.total });
			},
			complete() {
				if (fields === null) rows.header([]);
				sendIncidents(rows, sent);
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
