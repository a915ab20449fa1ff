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

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') {
			reject(new Error('this browser keeps no local database (IndexedDB)'));
			return;
		}
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore(DATASETS);
			request.result.createObjectStore(VISIBLE);
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('could not open the database'));
	});
}

async function run<T>(
	stores: string[],
	mode: IDBTransactionMode,
	// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- writes return nothing
	work: (transaction: IDBTransaction) => IDBRequest<T> | void
): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const transaction = db.transaction(stores, mode);
			const request = work(transaction);
			const failed = () => reject(transaction.error ?? new Error('the change was not saved'));
			transaction.oncomplete = () => resolve(request ? request.result : undefined);
			transaction.onabort = failed;
			transaction.onerror = failed;
		});
	} finally {
		db.close();
	}
}

/** Called by the import worker. */
export async function saveDataset(dataset: StoredDataset): Promise<void> {
	await run([DATASETS, VISIBLE], 'readwrite', (transaction) => {
		transaction.objectStore(DATASETS).put(dataset, dataset.info.id);
		transaction.objectStore(VISIBLE).put(true, dataset.info.id);
	});
}

export async function setDatasetVisible(id: string, visible: boolean): Promise<void> {
	await run([VISIBLE], 'readwrite', (transaction) => {
		transaction.objectStore(VISIBLE).put(visible, id);
	});
}

export async function deleteDataset(id: string): Promise<void> {
	await run([DATASETS, VISIBLE], 'readwrite', (transaction) => {
		transaction.objectStore(DATASETS).delete(id);
		transaction.objectStore(VISIBLE).delete(id);
	});
}

export async function loadDatasets(): Promise<(StoredDataset & { visible: boolean })[]> {
	const [datasets, ids, visible] = await Promise.all([
		run(
			[DATASETS],
			'readonly',
			(t) => t.objectStore(DATASETS).getAll() as IDBRequest<StoredDataset[]>
		),
		run([VISIBLE], 'readonly', (t) => t.objectStore(VISIBLE).getAllKeys()),
		run([VISIBLE], 'readonly', (t) => t.objectStore(VISIBLE).getAll() as IDBRequest<boolean[]>)
	]);
	const shown = new Map((ids ?? []).map((id, i) => [String(id), visible?.[i] ?? true]));
	return (datasets ?? [])
		.map((dataset) => ({ ...dataset, visible: shown.get(dataset.info.id) ?? true }))
		.sort((a, b) => (a.info.imported?.at ?? '').localeCompare(b.info.imported?.at ?? ''));
}
