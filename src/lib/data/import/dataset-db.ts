import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import type { ImportReport } from './importer';

/**
 * Imported datasets kept in IndexedDB, so a reload or another tab still has them. The import
 * worker writes a dataset (cloning hundreds of thousands of incidents would hold the page up);
 * the page reads them back, deletes them, and keeps which are shown in a store of their own, so
 * a toggle writes one value. Every failure is raised to the caller (a full quota above all),
 * which tells the user: nothing is lost without a word.
 */

const DB_NAME = 'iraq-syria-incident-map';
const DATASETS = 'datasets';
const VISIBLE = 'visible';

export interface StoredDataset {
	info: DatasetInfo;
	incidents: IncidentFeature[];
	report: ImportReport;
}

interface Schema extends DBSchema {
	/** By dataset id. */
	[DATASETS]: { key: string; value: StoredDataset };
	/** Whether a dataset is shown, by dataset id. */
	[VISIBLE]: { key: string; value: boolean };
}

/** One connection per page or worker, opened on first use and kept. */
let connection: Promise<IDBPDatabase<Schema>> | null = null;

function database(): Promise<IDBPDatabase<Schema>> {
	if (typeof indexedDB === 'undefined') {
		return Promise.reject(new Error('this browser keeps no local database (IndexedDB)'));
	}
	connection ??= openDB<Schema>(DB_NAME, 1, {
		upgrade(db) {
			db.createObjectStore(DATASETS);
			db.createObjectStore(VISIBLE);
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

/** Called by the import worker. */
export async function saveDataset(dataset: StoredDataset): Promise<void> {
	const transaction = (await database()).transaction([DATASETS, VISIBLE], 'readwrite');
	await Promise.all([
		transaction.objectStore(DATASETS).put(dataset, dataset.info.id),
		transaction.objectStore(VISIBLE).put(true, dataset.info.id),
		transaction.done
	]);
}

export async function setDatasetVisible(id: string, visible: boolean): Promise<void> {
	const transaction = (await database()).transaction(VISIBLE, 'readwrite');
	await Promise.all([transaction.store.put(visible, id), transaction.done]);
}

export async function deleteDataset(id: string): Promise<void> {
	const transaction = (await database()).transaction([DATASETS, VISIBLE], 'readwrite');
	await Promise.all([
		transaction.objectStore(DATASETS).delete(id),
		transaction.objectStore(VISIBLE).delete(id),
		transaction.done
	]);
}

export async function loadDatasets(): Promise<(StoredDataset & { visible: boolean })[]> {
	// One transaction: the datasets and which are shown, as they stood at one moment, even while
	// another tab writes.
	const transaction = (await database()).transaction([DATASETS, VISIBLE], 'readonly');
	const visibleStore = transaction.objectStore(VISIBLE);
	const [datasets, ids, visible] = await Promise.all([
		transaction.objectStore(DATASETS).getAll(),
		visibleStore.getAllKeys(),
		visibleStore.getAll(),
		transaction.done
	]);
	const shown = new Map(ids.map((id, i) => [id, visible[i] ?? true]));
	return datasets
		.map((dataset) => ({ ...dataset, visible: shown.get(dataset.info.id) ?? true }))
		.sort((a, b) => (a.info.imported?.at ?? '').localeCompare(b.info.imported?.at ?? ''));
}
