/// <reference lib="webworker" />
import { sha256Hex } from '../sha256';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature, PlaceFeature } from '../incident';
import { parseCsv } from './csv-stream';
import { checkEncoding, isKnownEncoding, looksBinary, type EncodingCheck } from './encoding';
import {
	HEAD_CHARACTERS,
	importGeoJsonText,
	NOT_TEXT,
	RowImport,
	sniff,
	type ImportReport
} from './importer';
import type { ImportMessage, ImportRequest } from './import-protocol';
import { saveChunks } from './dataset-db';
import { importParquet, isParquet } from './parquet-import';
import type { IncidentChunk } from './incident-chunk';
import { BATCH, batchBuffers, incidentBatch } from './incident-batch';

/**
 * Imports one file off the main thread: hashes it, checks its text encoding (asking the page
 * when it is not UTF-8), streams CSV through Papa Parse a chunk at a time (reporting
 * progress), reads GeoJSON whole and (Geo)Parquet a row group or so at a time, and hands the
 * incidents back in batches as columns with their filter columns (incident-batch.ts): the page
 * keeps them so and decodes a row only when it shows one. The rows' objects are dropped once
 * sent; their columns are kept to be saved. Cancelling terminates this worker.
 */

const post = (message: ImportMessage) => self.postMessage(message);

/**
 * The rows sent so far, as columns: kept to be saved (far smaller than the objects they were,
 * which are dropped once sent).
 */
let sentChunks: IncidentChunk[] = [];
/** Rows accepted but not yet sent: a batch goes when it is full, or at the end. */
let pending: IncidentFeature[] = [];

/**
 * Sends the rows accepted since the last call, in full batches (and the rest, at the end): the
 * rows' columns are copied, as the worker keeps them to save; the filter columns transferred.
 */
function sendIncidents(rows: RowImport, places: PlaceFeature[], last = false) {
	pending = pending.concat(rows.take());
	let start = 0;
	for (; pending.length - start >= BATCH || (last && start < pending.length); start += BATCH) {
		const batch = incidentBatch(pending.slice(start, start + BATCH), places);
		sentChunks.push(batch.chunk);
		self.postMessage({ type: 'incidents', batch } satisfies ImportMessage, {
			transfer: batchBuffers(batch, true)
		});
	}
	pending = pending.slice(start);
}

/** The finished import, kept until the page says how to describe it, then saved. */
let finished: { chunks: IncidentChunk[]; report: ImportReport } | null = null;

async function save(info: DatasetInfo) {
	if (!finished) return;
	try {
		await saveChunks(info, finished.report, finished.chunks);
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
		sentChunks = [];
		pending = [];
		const finish = () => {
			sendIncidents(rows, places, true);
			const { report } = rows.result();
			finished = { chunks: sentChunks, report };
			post({ type: 'done', report, sha256 });
		};
		if (json !== null) {
			const result = importGeoJsonText(json, dataset, rows);
			post({ type: 'progress', fraction: 1, rows: result.report.total });
			finish();
			return;
		}
		if (kind === 'parquet' && bytes) {
			await importParquet(bytes.buffer, rows, (fraction) => {
				sendIncidents(rows, places);
				post({ type: 'progress', fraction, rows: rows.total });
			});
			finish();
			return;
		}
		if (kind === 'empty' || kind === 'binary') {
			rows.fileError = NOT_TEXT[kind];
			finish();
			return;
		}
		parseCsv(file, rows, {
			chunkSize: 2 * 1024 * 1024,
			encoding: check.encoding,
			onChunk(fraction) {
				sendIncidents(rows, places);
				post({ type: 'progress', fraction, rows: rows.total });
			},
			onDone: finish,
			onError: (message) => post({ type: 'error', message })
		});
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
