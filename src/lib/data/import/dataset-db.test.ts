/**
 * The dataset store against fake-indexeddb (an in-memory IndexedDB that follows the spec), a
 * fresh database and a fresh module (so a fresh connection) for every test.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredDataset } from './dataset-db';

type Store = typeof import('./dataset-db');
let store: Store;

beforeEach(async () => {
	vi.stubGlobal('indexedDB', new IDBFactory());
	vi.resetModules();
	store = await import('./dataset-db');
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

function dataset(id: string, at: string): StoredDataset {
	return {
		info: {
			id,
			title: id,
			credit: `Incidents: ${id}`,
			description: '',
			imported: { format: 'ACLED', at, total: 1, imported: 1, rejected: 0, unlocated: 0 }
		},
		incidents: [],
		report: {
			format: 'acled',
			total: 1,
			imported: 1,
			unlocated: 0,
			rejected: [],
			notes: [],
			fileError: null
		}
	};
}

describe('dataset store', () => {
	it('keeps datasets, shown by default, in the order they were imported', async () => {
		await store.saveDataset(dataset('later', '2026-01-02T00:00:00Z'));
		await store.saveDataset(dataset('earlier', '2026-01-01T00:00:00Z'));
		const loaded = await store.loadDatasets();
		expect(loaded.map((d) => [d.info.id, d.visible])).toEqual([
			['earlier', true],
			['later', true]
		]);
		expect(loaded[0]).toEqual({ ...dataset('earlier', '2026-01-01T00:00:00Z'), visible: true });
	});

	it('keeps which datasets are shown, and removes a dataset whole', async () => {
		await store.saveDataset(dataset('a', '2026-01-01T00:00:00Z'));
		await store.saveDataset(dataset('b', '2026-01-02T00:00:00Z'));
		await store.setDatasetVisible('a', false);
		expect((await store.loadDatasets()).map((d) => [d.info.id, d.visible])).toEqual([
			['a', false],
			['b', true]
		]);
		await store.deleteDataset('a');
		expect((await store.loadDatasets()).map((d) => d.info.id)).toEqual(['b']);
		// Saved again after removal, it is shown again.
		await store.saveDataset(dataset('a', '2026-01-03T00:00:00Z'));
		expect((await store.loadDatasets()).map((d) => [d.info.id, d.visible])).toEqual([
			['b', true],
			['a', true]
		]);
	});

	it('opens one connection and reuses it', async () => {
		const open = vi.spyOn(indexedDB, 'open');
		await Promise.all([
			store.saveDataset(dataset('a', '2026-01-01T00:00:00Z')),
			store.loadDatasets(),
			store.setDatasetVisible('a', false)
		]);
		await store.deleteDataset('a');
		await store.loadDatasets();
		expect(open).toHaveBeenCalledTimes(1);
	});

	it('reads the datasets and which are shown in one transaction', async () => {
		await store.saveDataset(dataset('a', '2026-01-01T00:00:00Z'));
		const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
		await store.loadDatasets();
		expect(transaction).toHaveBeenCalledTimes(1);
		expect(transaction.mock.calls[0]?.[0]).toEqual(['datasets', 'visible']);
	});

	it('lets another tab open a newer version of the database', async () => {
		await store.loadDatasets();
		const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('iraq-syria-incident-map', 2);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
			request.onblocked = () => reject(new Error('blocked by the kept connection'));
		});
		expect(upgraded.version).toBe(2);
		upgraded.close();
	});

	it('raises failures to the caller', async () => {
		const unsaveable = dataset('a', '2026-01-01T00:00:00Z');
		// A function cannot be stored (structured clone): the write fails, and nothing is kept.
		Object.assign(unsaveable.info, { colour: () => 'red' });
		await expect(store.saveDataset(unsaveable)).rejects.toThrow();
		expect(await store.loadDatasets()).toEqual([]);
	});

	it('says so when the browser has no IndexedDB', async () => {
		vi.stubGlobal('indexedDB', undefined);
		await expect(store.loadDatasets()).rejects.toThrow(
			'this browser keeps no local database (IndexedDB)'
		);
	});
});
