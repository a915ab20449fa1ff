import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import type { ImportReport } from './importer';
import {
	decodeIncidents,
	encodeIncidents,
	isIncidentChunk,
	type IncidentChunk
} from './incident-chunk';
import { describeStorageError } from './storage-quota';

/**
 * Imported datasets kept in IndexedDB, so a reload or another tab still has them. The import
 * worker writes a dataset (cloning hundreds of thousands of incidents would hold the page up)
 * and the restore worker reads it back, a chunk at a time (readDatasets); the page deletes them
 * and keeps which are shown in a store of their own, so a toggle writes one value. Every failure is raised to the caller (a full quota above all),
 * which tells the user: nothing is lost without a word.
 *
 * A dataset's incidents are kept in chunks (CHUNK rows, or the import worker's batches of 5,000:
 * saveChunks), each a record of its own in the column layout of incident-chunk.ts, all written
 * in one transaction: Chromium refuses any one value over 128 MiB, which 300,000 ACLED rows as
 * GeoJSON objects with their original columns pass several times over (measured: ~460 MB
 * serialised). A write that fails aborts the
 * transaction, so a dataset is kept whole or not at all.
 * Version 1 of the database kept the incidents inside the dataset's record, and chunks were
 * once arrays of 5,000 GeoJSON features; both are still read.
 */

const DB_NAME = 'iraq-syria-incident-map';
const DATASETS = 'datasets';
const VISIBLE = 'visible';
const CHUNKS = 'chunks';
/**
 * Rows per chunk record. As columns, repeated strings are kept once per chunk, so 50,000 ACLED
 * rows come to tens of megabytes, well below the limit even for long notes.
 */
export const CHUNK = 50_000;

export interface StoredDataset {
	info: DatasetInfo;
	incidents: IncidentFeature[];
	report: ImportReport;
}

/** The dataset's record: its description, and how many chunks hold its incidents. */
interface DatasetRecord {
	info: DatasetInfo;
	report: ImportReport;
	chunks?: number;
	/** Version 1 kept the incidents here. */
	incidents?: IncidentFeature[];
}

interface Schema extends DBSchema {
	/** By dataset id. */
	[DATASETS]: { key: string; value: DatasetRecord };
	/** Whether a dataset is shown, by dataset id. */
	[VISIBLE]: { key: string; value: boolean };
	/** A dataset's incidents, a chunk at a time, by [dataset id, chunk number]. */
	[CHUNKS]: { key: [string, number]; value: IncidentChunk | IncidentFeature[] };
}

/** One connection per page or worker, opened on first use and kept. */
let connection: Promise<IDBPDatabase<Schema>> | null = null;

function database(): Promise<IDBPDatabase<Schema>> {
	if (typeof indexedDB === 'undefined') {
		return Promise.reject(new Error('this browser keeps no local database (IndexedDB)'));
	}
	connection ??= openDB<Schema>(DB_NAME, 2, {
		upgrade(db, oldVersion) {
			if (oldVersion < 1) {
				db.createObjectStore(DATASETS);
				db.createObjectStore(VISIBLE);
			}
			if (oldVersion < 2) db.createObjectStore(CHUNKS);
		},
		// Another tab wants a newer version of the database: let it, and open afresh next time.
		blocking() {
			void connection?.then((db) => db.close());
			connection = null;
		},
		// The browser closed the connection (storage cleared, for instance): open afresh next time.
		terminated() {
			connection = null;
		}
	}).catch((error: unknown) => {
		connection = null;
		throw error;
	});
	return connection;
}

const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/**
 * Called by the import worker. Either the whole dataset is saved or nothing of it: a failed
 * write aborts the transaction (a write that throws at once, as a value that cannot be cloned
 * does, would otherwise leave the writes before it to commit). Failures are raised in words.
 */
export async function saveDataset(dataset: StoredDataset, chunkRows = CHUNK): Promise<void> {
	const { info, report, incidents } = dataset;
	const chunks: IncidentChunk[] = [];
	for (let start = 0; start < incidents.length; start += chunkRows) {
		chunks.push(encodeIncidents(incidents.slice(start, start + chunkRows)));
	}
	await saveChunks(info, report, chunks);
}

/**
 * A dataset whose incidents are columns already (the import worker's batches), a record per
 * chunk, in order; all or nothing, as saveDataset.
 */
export async function saveChunks(
	info: DatasetInfo,
	report: ImportReport,
	incidents: readonly IncidentChunk[]
): Promise<void> {
	const transaction = (await database()).transaction([DATASETS, VISIBLE, CHUNKS], 'readwrite');
	// Settles (never rejects) when the transaction ends, so an abort is not an unhandled rejection.
	const ended = transaction.done.then(
		() => null,
		(error: unknown) => error ?? transaction.error
	);
	try {
		const writes: Promise<unknown>[] = [];
		// Each write's failure is the transaction's, raised once below, not one rejection each.
		const write = (request: Promise<unknown>) => {
			request.catch(() => {});
			writes.push(request);
		};
		const chunks = transaction.objectStore(CHUNKS);
		write(chunks.delete(chunksOf(info.id)));
		incidents.forEach((chunk, i) => write(chunks.put(chunk, [info.id, i])));
		write(
			transaction.objectStore(DATASETS).put({ info, report, chunks: incidents.length }, info.id)
		);
		write(transaction.objectStore(VISIBLE).put(true, info.id));
		await Promise.all(writes);
	} catch (error) {
		abort(transaction);
		await ended;
		throw new Error(describeStorageError(error), { cause: error });
	}
	const failed = await ended;
	if (failed !== null) throw new Error(describeStorageError(failed), { cause: failed });
}

function abort(transaction: { abort(): void }) {
	try {
		transaction.abort();
	} catch {
		// Already finished (aborted by the browser, a full disk say): nothing of it was kept.
	}
}

export async function setDatasetVisible(id: string, visible: boolean): Promise<void> {
	const transaction = (await database()).transaction(VISIBLE, 'readwrite');
	await Promise.all([transaction.store.put(visible, id), transaction.done]);
}

export async function deleteDataset(id: string): Promise<void> {
	const transaction = (await database()).transaction([DATASETS, VISIBLE, CHUNKS], 'readwrite');
	await Promise.all([
		transaction.objectStore(DATASETS).delete(id),
		transaction.objectStore(VISIBLE).delete(id),
		transaction.objectStore(CHUNKS).delete(chunksOf(id)),
		transaction.done
	]);
}

type Transaction = ReturnType<IDBPDatabase<Schema>['transaction']>;

/**
 * A saved dataset as storage holds it, unchecked: its record (description, report, whether it
 * is shown) and its rows' stored values in order.
 */
export interface SavedDataset {
	record: unknown;
	/**
	 * A value per stored chunk: columns in this layout, or an array of features (chunks of an
	 * older version, and a version-1 record's incidents as one). Null: the record names no rows.
	 * Read one at a time, so only one chunk need be held.
	 */
	rows: AsyncIterable<unknown> | null;
}

/**
 * A dataset's chunks, one at a time, in order. The next is asked for before the current one is
 * handed on, so the transaction always has a request pending while the caller works on a
 * chunk (a transaction with none left ends).
 */
async function* chunksIn(transaction: Transaction, id: string): AsyncGenerator<unknown> {
	const store = transaction.objectStore(CHUNKS);
	const keys = await store.getAllKeys(chunksOf(id));
	const read = (k: number) => {
		const key = keys[k];
		return key === undefined ? null : store.get(key);
	};
	let next = read(0);
	for (let k = 1; next !== null; k++) {
		const value = await next;
		next = read(k);
		yield value;
	}
}

function saved(transaction: Transaction, record: DatasetRecord, visible: boolean | undefined) {
	const { chunks, incidents, ...rest } = record;
	const id = typeof record.info?.id === 'string' ? record.info.id : null;
	const rows =
		chunks !== undefined && id !== null
			? chunksIn(transaction, id)
			: Array.isArray(incidents)
				? (async function* () {
						yield incidents;
					})()
				: null;
	return { record: { ...rest, visible: visible ?? true }, rows } satisfies SavedDataset;
}

/**
 * Every saved dataset (or the one of `id`), oldest first, with whether it is shown, given to
 * `visit` one after the other, in one transaction: the datasets as they stood at one moment,
 * even while another tab writes. The transaction lasts while `visit` reads the rows; so `visit`
 * must await nothing else (IndexedDB ends a transaction that has no request pending), and
 * should hand each chunk on before the next. What storage gives back was written by whichever
 * version of the app saved it, and is checked before use (stored-dataset.ts).
 */
export async function readDatasets(
	visit: (dataset: SavedDataset) => Promise<void>,
	id?: string
): Promise<void> {
	const transaction = (await database()).transaction([DATASETS, VISIBLE, CHUNKS], 'readonly');
	const visibleStore = transaction.objectStore(VISIBLE);
	const datasets = transaction.objectStore(DATASETS);
	let records: DatasetRecord[];
	let shown: Map<string, boolean | undefined>;
	if (id === undefined) {
		const [all, ids, visible] = await Promise.all([
			datasets.getAll(),
			visibleStore.getAllKeys(),
			visibleStore.getAll()
		]);
		records = all.sort((a, b) => importedAt(a).localeCompare(importedAt(b)));
		shown = new Map(ids.map((key, i) => [key, visible[i]]));
	} else {
		const [record, visible] = await Promise.all([datasets.get(id), visibleStore.get(id)]);
		records = record === undefined ? [] : [record];
		shown = new Map([[id, visible]]);
	}
	for (const record of records) {
		const id = record.info?.id;
		await visit(saved(transaction, record, typeof id === 'string' ? shown.get(id) : undefined));
	}
	await transaction.done;
}

/** A saved dataset with its rows put back together as features. */
async function assembled({ record, rows }: SavedDataset): Promise<unknown> {
	if (rows === null) return record;
	const incidents: unknown[] = [];
	for await (const value of rows) {
		if (isIncidentChunk(value)) incidents.push(...decodeIncidents(value));
		else if (Array.isArray(value)) incidents.push(...(value as unknown[]));
		else incidents.push(value);
	}
	return { ...(record as object), incidents };
}

/** Every saved dataset whole, as readDatasets gives them (for tests and small datasets). */
export async function loadDatasets(): Promise<unknown[]> {
	const datasets: unknown[] = [];
	await readDatasets(async (saved) => void datasets.push(await assembled(saved)));
	return datasets;
}

/** One saved dataset whole (another tab has just saved it), or null. */
export async function loadDataset(id: string): Promise<unknown> {
	let dataset: unknown = null;
	await readDatasets(async (saved) => void (dataset = await assembled(saved)), id);
	return dataset;
}

/** When a record was imported, for the order; records of older versions may lack it. */
function importedAt(record: DatasetRecord): string {
	const at: unknown = record.info?.imported?.at;
	return typeof at === 'string' ? at : '';
}
