/**
 * The dataset store against fake-indexeddb (an in-memory IndexedDB that follows the spec), a
 * fresh database and a fresh module (so a fresh connection) for every test.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentFeature } from '../incident';
import type { StoredDataset } from './dataset-db';

const geodataIncidents = (): IncidentFeature[] =>
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../../geodata/incidents/strikes.geojson'), 'utf8')
	).features;

type Loaded = StoredDataset & { visible: boolean };
/** What the store gives back is unknown to the app (it checks it); here it is what was saved. */
const loadAll = async () => (await store.loadDatasets()) as Loaded[];

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
		const loaded = await loadAll();
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
		expect((await loadAll()).map((d) => [d.info.id, d.visible])).toEqual([
			['a', false],
			['b', true]
		]);
		await store.deleteDataset('a');
		expect((await loadAll()).map((d) => d.info.id)).toEqual(['b']);
		// Saved again after removal, it is shown again.
		await store.saveDataset(dataset('a', '2026-01-03T00:00:00Z'));
		expect((await loadAll()).map((d) => [d.info.id, d.visible])).toEqual([
			['b', true],
			['a', true]
		]);
	});

	it('keeps a large dataset in chunks and reads it back whole, in order (Chromium refuses one value over 128 MiB)', async () => {
		const big = dataset('big', '2026-01-01T00:00:00Z');
		const [template] = geodataIncidents();
		big.incidents = Array.from({ length: 2001 }, (_, i) => ({
			...template!,
			id: `big:${i}`
		}));
		const put = vi.spyOn(IDBObjectStore.prototype, 'put');
		// Small chunks, to be quick (the app's are store.CHUNK rows).
		await store.saveDataset(big, 1000);
		// Three chunks, the record and its visibility.
		expect(put).toHaveBeenCalledTimes(5);
		const [loaded] = await loadAll();
		expect(loaded?.incidents.map((incident) => incident.id)).toEqual(
			big.incidents.map((i) => i.id)
		);
		expect(await store.loadDataset('big')).toEqual(loaded);
		await store.deleteDataset('big');
		expect(await loadAll()).toEqual([]);
		expect(await store.loadDataset('big')).toBeNull();
	});

	it('hands a dataset’s chunks on one at a time, in one transaction that outlasts the work on each', async () => {
		const [template] = geodataIncidents();
		for (const id of ['a', 'b']) {
			const saved = dataset(id, id === 'a' ? '2026-01-01T00:00:00Z' : '2026-01-02T00:00:00Z');
			saved.incidents = Array.from({ length: 2001 }, (_, i) => ({
				...template!,
				id: `${id}:${i}`
			}));
			await store.saveDataset(saved, 1000);
		}
		const get = vi.spyOn(IDBObjectStore.prototype, 'get');
		const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
		const seen: { id: string; rows: number; gets: number }[] = [];
		await store.readDatasets(async ({ record, rows }) => {
			const id = (record as { info: { id: string } }).info.id;
			const before = get.mock.calls.length;
			for await (const chunk of rows ?? []) {
				seen.push({
					id,
					rows: (chunk as { count: number }).count,
					gets: get.mock.calls.length - before
				});
				// Work on the chunk, as the restore worker checks and posts it: nothing but the next
				// chunk is awaited, and the transaction lasts.
				const until = Date.now() + 20;
				while (Date.now() < until);
				await Promise.resolve();
			}
		});
		expect(transaction).toHaveBeenCalledTimes(1);
		// Each chunk arrives with at most the one after it asked for.
		expect(seen).toEqual([
			{ id: 'a', rows: 1000, gets: 2 },
			{ id: 'a', rows: 1000, gets: 3 },
			{ id: 'a', rows: 1, gets: 3 },
			{ id: 'b', rows: 1000, gets: 2 },
			{ id: 'b', rows: 1000, gets: 3 },
			{ id: 'b', rows: 1, gets: 3 }
		]);
	});

	it('reads datasets saved by version 1, with their incidents inside the record', async () => {
		const old = dataset('old', '2025-01-01T00:00:00Z');
		old.incidents = geodataIncidents().slice(0, 2);
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('iraq-syria-incident-map', 1);
			request.onupgradeneeded = () => {
				request.result.createObjectStore('datasets');
				request.result.createObjectStore('visible');
			};
			request.onsuccess = () => {
				const db = request.result;
				const transaction = db.transaction('datasets', 'readwrite');
				transaction.objectStore('datasets').put(old, 'old');
				transaction.oncomplete = () => {
					db.close();
					resolve();
				};
				transaction.onerror = () => reject(transaction.error);
			};
			request.onerror = () => reject(request.error);
		});
		expect(await loadAll()).toEqual([{ ...old, visible: true }]);
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
		expect(transaction.mock.calls[0]?.[0]).toEqual(['datasets', 'visible', 'chunks']);
	});

	it('lets another tab open a newer version of the database', async () => {
		await store.loadDatasets();
		const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('iraq-syria-incident-map', 3);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
			request.onblocked = () => reject(new Error('blocked by the kept connection'));
		});
		expect(upgraded.version).toBe(3);
		upgraded.close();
	});

	it('raises failures to the caller', async () => {
		const unsaveable = dataset('a', '2026-01-01T00:00:00Z');
		// A function cannot be stored (structured clone): the write fails, and nothing is kept.
		Object.assign(unsaveable.info, { colour: () => 'red' });
		await expect(store.saveDataset(unsaveable)).rejects.toThrow();
		expect(await store.loadDatasets()).toEqual([]);
	});

	/** Every chunk record in the database, whichever dataset it belongs to. */
	const chunkKeys = () =>
		new Promise<IDBValidKey[]>((resolve, reject) => {
			const request = indexedDB.open('iraq-syria-incident-map');
			request.onsuccess = () => {
				const keys = request.result.transaction('chunks').objectStore('chunks').getAllKeys();
				keys.onsuccess = () => {
					request.result.close();
					resolve(keys.result);
				};
				keys.onerror = () => reject(keys.error);
			};
			request.onerror = () => reject(request.error);
		});

	function bigDataset(id: string, rows: number): StoredDataset {
		const big = dataset(id, '2026-01-01T00:00:00Z');
		const [template] = geodataIncidents();
		big.incidents = Array.from({ length: rows }, (_, i) => ({
			...template!,
			id: `${id}:${i}`,
			properties: { ...template!.properties, id: `${id}:${i}`, dataset: id }
		}));
		return big;
	}

	it('keeps nothing of a dataset whose second chunk cannot be written', async () => {
		await store.saveDataset(dataset('kept', '2026-01-01T00:00:00Z'));
		const put = IDBObjectStore.prototype.put;
		let chunks = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['put']>
		) {
			if (this.name === 'chunks' && ++chunks === 2) {
				throw new DOMException('cannot be cloned', 'DataCloneError');
			}
			return put.apply(this, args);
		});
		await expect(store.saveDataset(bigDataset('half', 11), 10)).rejects.toThrow('cannot be cloned');
		vi.restoreAllMocks();
		// The first chunk, written before the failure, went with the rest; the other dataset stays.
		expect((await loadAll()).map((d) => d.info.id)).toEqual(['kept']);
		expect(await chunkKeys()).toEqual([]);
	});

	it('says in words that the storage is full', async () => {
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		});
		await expect(store.saveDataset(dataset('a', '2026-01-01T00:00:00Z'))).rejects.toThrow(
			"the browser's storage for this site is full"
		);
		vi.restoreAllMocks();
		expect(await loadAll()).toEqual([]);
	});

	it('reads chunks saved as GeoJSON features by the previous version', async () => {
		const old = bigDataset('old', 3);
		await store.saveDataset(old);
		// Rewrite the chunk as the previous version stored it: an array of features.
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('iraq-syria-incident-map');
			request.onsuccess = () => {
				const db = request.result;
				const transaction = db.transaction('chunks', 'readwrite');
				transaction.objectStore('chunks').put(old.incidents, ['old', 0]);
				transaction.oncomplete = () => {
					db.close();
					resolve();
				};
				transaction.onerror = () => reject(transaction.error);
			};
			request.onerror = () => reject(request.error);
		});
		const [loaded] = await loadAll();
		expect(loaded?.incidents).toEqual(old.incidents);
	});

	it('says so when the browser has no IndexedDB', async () => {
		vi.stubGlobal('indexedDB', undefined);
		await expect(store.loadDatasets()).rejects.toThrow(
			'this browser keeps no local database (IndexedDB)'
		);
	});
});
