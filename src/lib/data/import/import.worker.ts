/// <reference lib="webworker" />
import { sha256Hex } from '../sha256';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import { linkedColumnsPart, partBuffers } from '../filter-engine';
import { parseCsv } from './csv-stream';
import { checkEncoding, isKnownEncoding, looksBinary, type EncodingCheck } from './encoding';
import {
	HEAD_CHARACTERS,
	importGeoJsonText,
	NOT_TEXT,
	RowImport,
	sniff,
	type ImportReport,
	type ImportResult
} from './importer';
import type { ImportMessage, ImportRequest } from './import-protocol';
import { saveDataset } from './dataset-db';
import { importParquet, isParquet } from './parquet-import';
import { chunkBuffers, encodeIncidents } from './incident-chunk';

/**
 * Imports one file off the main thread: hashes it, checks its text encoding (asking the page
 * when it is not UTF-8), streams CSV through Papa Parse a chunk at a time (reporting
 * progress), reads GeoJSON whole and (Geo)Parquet a row group or so at a time, and hands the
 * incidents back in batches as columns (incident-chunk.ts) whose buffers are transferred: the
 * page keeps them so and decodes a row only when it shows one. Cancelling terminates this worker.
 */

const BATCH = 5_000;
const post = (message: ImportMessage) => self.postMessage(message);

/** Sends the incidents from `from` on, in batches of columns; returns how many have been sent. */
function sendIncidents(incidents: readonly IncidentFeature[], from: number): number {
	for (let start = from; start < incidents.length; start += BATCH) {
		const chunk = encodeIncidents(incidents.slice(start, start + BATCH));
		self.postMessage({ type: 'incidents', chunk } satisfies ImportMessage, {
			transfer: chunkBuffers(chunk)
		});
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

/** What the whole file says before any row is read: its hash, encoding and kind. */
async function inspect(file: File, chosen: string | undefined) {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sha256 = await sha256Hex(bytes);
	// Parquet is binary, with its own text encoding (UTF-8): read from these bytes.
	if (isParquet(bytes)) {
		const check: EncodingCheck = { encoding: 'utf-8' };
		return { sha256, check, kind: 'parquet' as const, json: null, bytes };
	}
	const hasUtf16Mark =
		(bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	// A file that is not text at all is not asked about its encoding: sniff() says what it is.
	const check: EncodingCheck =
		chosen !== undefined
			? { encoding: chosen }
			: looksBinary(bytes) && !hasUtf16Mark
				? { encoding: 'utf-8' }
				: checkEncoding(bytes);
	if ('ask' in check) return { sha256, check, kind: null, json: null, bytes: null };
	const decoder = new TextDecoder(check.encoding);
	const kind = sniff(decoder.decode(bytes.subarray(0, HEAD_CHARACTERS * 4), { stream: true }));
	// JSON is read whole; CSV streams from the file, so its bytes need not stay here.
	const json = kind === 'json' ? new TextDecoder(check.encoding).decode(bytes) : null;
	return { sha256, check, kind, json, bytes: null };
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	if (event.data.type === 'save') {
		await save(event.data.info);
		return;
	}
	const { file, dataset, places, encoding: chosen } = event.data;
	try {
		if (chosen !== undefined && !isKnownEncoding(chosen)) {
			post({ type: 'error', message: `"${chosen}" is not a text encoding this browser reads` });
			return;
		}
		const { sha256, check, kind, json, bytes } = await inspect(file, chosen);
		if ('ask' in check) {
			post({ type: 'encoding', reason: check.reason, options: check.ask });
			return;
		}
		const rows = new RowImport(dataset);
		rows.encoding = check.encoding;
		if (check.note) rows.notes.add(check.note);
		const finish = (result: ImportResult) => {
			finished = result;
			// The filter's columns are built here too, where the rows are (filter-engine.ts).
			const { incidents } = result;
			const columns = linkedColumnsPart(incidents, places);
			self.postMessage(
				{ type: 'done', report: result.report, sha256, columns } satisfies ImportMessage,
				{ transfer: partBuffers(columns) }
			);
		};
		if (json !== null) {
			const result = importGeoJsonText(json, dataset, rows);
			post({ type: 'progress', fraction: 1, rows: result.report.total });
			sendIncidents(result.incidents, 0);
			finish(result);
			return;
		}
		if (kind === 'parquet' && bytes) {
			let sent = 0;
			await importParquet(bytes.buffer, rows, (fraction) => {
				sent = sendIncidents(rows.incidents, sent);
				post({ type: 'progress', fraction, rows: rows.total });
			});
			sendIncidents(rows.incidents, sent);
			finish(rows.result());
			return;
		}
		if (kind === 'empty' || kind === 'binary') {
			rows.fileError = NOT_TEXT[kind];
			finish(rows.result());
			return;
		}
		let sent = 0;
		parseCsv(file, rows, {
			chunkSize: 2 * 1024 * 1024,
			encoding: check.encoding,
			onChunk(fraction) {
				sent = sendIncidents(rows.incidents, sent);
				post({ type: 'progress', fraction, rows: rows.total });
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
