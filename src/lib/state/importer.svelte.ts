import { m } from '$lib/paraglide/messages';
import { isolate } from '$lib/data/bidi';
import { importedDatasetTexts } from '$lib/i18n/vocabulary';
import type { DatasetInfo } from '$lib/data/builtin';
import type { PlaceFeature } from '$lib/data/incident';
import type { IncidentRows } from '$lib/data/incident-rows';
import { fromBatches, type IncidentBatch } from '$lib/data/import/incident-batch';
import type { ColumnsPart } from '$lib/data/filter-engine';
import type { EncodingOption } from '$lib/data/import/encoding';
import { FORMAT_NAMES, type ImportReport } from '$lib/data/import/importer';
import type { ImportMessage, ImportRequest } from '$lib/data/import/import-protocol';
import { deleteDataset, setDatasetVisible } from '$lib/data/import/dataset-db';
import {
	announceDatasetChange,
	listenToDatasetChanges,
	type DatasetChange
} from '$lib/data/import/dataset-channel';
import type { RestoreResult } from '$lib/data/import/stored-dataset';
import { askPersistence, storageUsage, type StorageUsage } from '$lib/data/import/storage-quota';
import { createImportWorker, datasetId, nextColour, nowIso } from './import-worker';
import { restoreInWorker } from './restore-worker';
import type { ImportedDataset, IncidentStore } from './incidents.svelte';

/** Where imported datasets are kept between visits (IndexedDB; tests give a stand-in). */
export interface DatasetStore {
	/**
	 * Every saved dataset, checked as an import is (stored-dataset.ts), oldest first; `places`
	 * (the gazetteer) links its incidents to their places for the filter's columns.
	 */
	load(
		places: PlaceFeature[],
		ahead?: (parts: readonly ColumnsPart[]) => void
	): Promise<RestoreResult[]>;
	/** One saved dataset (another tab has saved it), checked, or null. */
	loadOne(id: string, places: PlaceFeature[]): Promise<RestoreResult | null>;
	delete(id: string): Promise<void>;
	setVisible(id: string, visible: boolean): Promise<void>;
	/** Tells the app's other tabs of a change made in this one. */
	announce(change: DatasetChange): void;
	/** Calls back when another tab changes the saved datasets; returns the stop. */
	listen(changed: (change: DatasetChange) => void): () => void;
	/** How much of the browser's storage the site uses, or null when the browser cannot say. */
	usage(): Promise<StorageUsage | null>;
	/** Asks the browser to keep the saved data when space runs short; whether it will. */
	persist(): Promise<boolean | null>;
}

export const BROWSER_DATASETS: DatasetStore = {
	// Read and checked in a worker: a large dataset's rows would hold the page up for seconds.
	load: (places, ahead) =>
		restoreInWorker({ type: 'load', places }, undefined, (batch) => ahead?.([batch.columns])),
	loadOne: async (id, places) =>
		(await restoreInWorker({ type: 'load-one', id, places }))[0] ?? null,
	delete: deleteDataset,
	setVisible: setDatasetVisible,
	announce: announceDatasetChange,
	listen: listenToDatasetChanges,
	usage: storageUsage,
	persist: askPersistence
};

/**
 * Where a restore's filter columns go as they stream in, before the rows are added
 * (FilterState): the copy to the filter worker overlaps the rest of the stream, which waits on
 * storage more than it works. Parts that will not be shown are let go (discardAhead). An
 * import does not send ahead: its worker keeps a core busy parsing, and the filter worker
 * taking the parts meanwhile slowed it more than it saved (measured at 200,000 rows: report
 * 11.3–11.7 s without, 13.3–15.0 s with; map idle 21.6–22.2 s against 23.2–26.9 s).
 */
export interface PartsAhead {
	sendAhead(parts: readonly ColumnsPart[]): void;
	discardAhead(parts: readonly ColumnsPart[]): void;
}

/** The worker an import runs in (a new one each time), and where datasets are kept. */
export interface ImportServices {
	createWorker(): Worker;
	datasets: DatasetStore;
}

/** The running import's file is not UTF-8: the user says how to read it before anything is. */
export interface EncodingChoice {
	fileName: string;
	reason: string;
	options: EncodingOption[];
}

/**
 * Imports files into datasets: one worker per import (cancelling ends it), progress as it
 * streams, the report of what was rejected, and the datasets kept in IndexedDB and in step
 * with the app's other tabs. A file chosen or dropped while an import runs waits its turn.
 */
export class ImportState {
	running = $state(false);
	fileName = $state('');
	/** 0–1 of the file read. */
	progress = $state(0);
	rows = $state(0);
	/** Files waiting for the running import to finish, in the order they came. */
	queued = $state.raw<File[]>([]);
	/** Set while the running import waits for the user to choose the file's encoding. */
	encodingChoice = $state.raw<EncodingChoice | null>(null);
	/** The latest import's report and file, until the next. */
	report = $state.raw<{ fileName: string; report: ImportReport } | null>(null);
	error = $state<string | null>(null);
	/** Saving to the browser's storage failed: the datasets stay for this tab only. */
	storageError = $state<string | null>(null);
	/** What the user should know about saved datasets: rows that no longer pass the checks. */
	notices = $state.raw<string[]>([]);
	/** Datasets imported in this tab whose saving in the browser has not finished. */
	saving = $state.raw<string[]>([]);
	/** The browser's storage as it last answered (null until it has, or when it cannot say). */
	storage = $state.raw<StorageUsage | null>(null);

	#incidents: IncidentStore;
	#services: ImportServices;
	#ahead: PartsAhead | null;
	#worker: Worker | null = null;
	#current: { file: File; id: string } | null = null;
	#stopListening: (() => void) | null = null;
	#persistenceAsked = false;
	/** Dataset ids given in this tab, so two files in one millisecond get two. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	#issued = new Set<string>();

	constructor(
		incidents: IncidentStore,
		services: ImportServices = { createWorker: createImportWorker, datasets: BROWSER_DATASETS },
		ahead: PartsAhead | null = null
	) {
		this.#incidents = incidents;
		this.#services = services;
		this.#ahead = ahead;
	}

	/** Brings back the datasets of earlier visits, then follows other tabs' changes. */
	async restore() {
		this.#stopListening ??= this.#services.datasets.listen((change) => void this.#follow(change));
		const ahead: ColumnsPart[] = [];
		try {
			const restored = await this.#services.datasets.load(this.#incidents.places, (parts) => {
				ahead.push(...parts);
				this.#ahead?.sendAhead(parts);
			});
			for (const saved of restored) this.#addSaved(saved);
		} catch (error) {
			this.storageError = m.storage_read_failed({ error: message(error) });
		} finally {
			// Parts of datasets not shown (hidden, unreadable, or the read failed) are let go.
			const shown = this.#incidents.columnParts;
			this.#ahead?.discardAhead(ahead.filter((part) => !shown.includes(part)));
		}
		await this.refreshStorage();
	}

	/** Asks the browser again how much storage is used. */
	async refreshStorage() {
		this.storage = await this.#services.datasets.usage().catch(() => null);
	}

	/**
	 * The first import of a visit asks the browser to keep the saved datasets when space runs
	 * short (browsers may otherwise evict them without a word); once is enough.
	 */
	async #askPersistence() {
		if (this.#persistenceAsked) return;
		this.#persistenceAsked = true;
		await this.#services.datasets.persist().catch(() => null);
		await this.refreshStorage();
	}

	/** Imports a file now, or after the imports before it when one is running. */
	start(file: File) {
		void this.#askPersistence();
		if (this.running) {
			this.queued = [...this.queued, file];
			return;
		}
		this.#run(file, this.#newId(file.name));
	}

	/** Reads the file waiting for a choice in the encoding chosen. */
	chooseEncoding(encoding: string) {
		const current = this.#current;
		if (!this.encodingChoice || !current || !this.#worker) return;
		this.encodingChoice = null;
		this.#worker.postMessage({
			type: 'import',
			file: current.file,
			dataset: current.id,
			places: this.#incidents.places,
			encoding
		} satisfies ImportRequest);
	}

	/** Stops the running import (nothing of it is added); the next queued file starts. */
	cancel() {
		if (!this.#worker) return;
		this.#finish();
		this.error = m.import_cancelled({ file: isolate(this.fileName) });
		this.#next();
	}

	/** Forgets the files waiting their turn; the running import goes on. */
	clearQueue() {
		this.queued = [];
	}

	#run(file: File, id: string) {
		const worker = this.#services.createWorker();
		this.#worker = worker;
		this.#current = { file, id };
		this.running = true;
		this.fileName = file.name;
		this.progress = 0;
		this.rows = 0;
		this.error = null;
		this.encodingChoice = null;
		const batches: IncidentBatch[] = [];
		/** The worker failed after the import was done, so it cannot save the rows. */
		let savingFailed = false;
		worker.onmessage = (event: MessageEvent<ImportMessage>) => {
			const data = event.data;
			if (data.type === 'progress') {
				this.progress = data.fraction;
				this.rows = data.rows;
			} else if (data.type === 'encoding') {
				this.encodingChoice = { fileName: file.name, reason: data.reason, options: data.options };
			} else if (data.type === 'incidents') {
				batches.push(data.batch);
			} else if (data.type === 'error') {
				this.#finish();
				this.error = `${isolate(file.name)}: ${data.message}`;
				this.#next();
			} else if (data.type === 'done') {
				// Imported: from here the worker only saves, and a new import may start meanwhile.
				// (The mark lets the import benchmark tell parsing from adding to the map.)
				performance.mark('import-parsed');
				this.#worker = null;
				this.#current = null;
				this.running = false;
				// Adding the rows to the app is a task of its own, after this message's.
				setTimeout(() => {
					const info = this.#complete(file, id, fromBatches(batches), data);
					// The worker, which holds the rows already, writes them to IndexedDB.
					if (info && !savingFailed) {
						this.saving = [...this.saving, id];
						worker.postMessage({ type: 'save', info } satisfies ImportRequest);
					} else worker.terminate();
					this.#next();
				}, 0);
			} else if (data.type === 'saved') {
				worker.terminate();
				this.#saved(id);
				this.#services.datasets.announce({ type: 'saved', id });
				void this.refreshStorage();
			} else if (data.type === 'save-error') {
				worker.terminate();
				this.#saved(id);
				void this.refreshStorage();
				this.storageError = m.import_not_saved({ file: isolate(file.name), error: data.message });
			}
		};
		worker.onerror = (event) => {
			const reason = event.message || m.import_failed();
			if (this.#worker !== worker) {
				// Imported already (another import may be running now): only the saving failed.
				savingFailed = true;
				worker.terminate();
				this.#saved(id);
				this.storageError = m.import_not_saved({ file: isolate(file.name), error: reason });
				return;
			}
			this.#finish();
			this.error = `${isolate(file.name)}: ${reason}`;
			this.#next();
		};
		const places = this.#incidents.places;
		worker.postMessage({ type: 'import', file, dataset: id, places } satisfies ImportRequest);
	}

	#saved(id: string) {
		this.saving = this.saving.filter((other) => other !== id);
	}

	#newId(fileName: string): string {
		const taken = (id: string) =>
			this.#issued.has(id) || this.#incidents.imports.some((entry) => entry.info.id === id);
		let time = Date.now();
		while (taken(datasetId(fileName, time))) time++;
		const id = datasetId(fileName, time);
		this.#issued.add(id);
		return id;
	}

	#next() {
		if (this.running) return;
		const [file, ...rest] = this.queued;
		if (!file) return;
		this.queued = rest;
		this.#run(file, this.#newId(file.name));
	}

	#finish() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#current = null;
		this.running = false;
		this.encodingChoice = null;
	}

	/** Adds the finished import as a dataset; its description, or null when nothing came in. */
	#complete(
		file: File,
		id: string,
		{ incidents, columns }: { incidents: IncidentRows; columns: ColumnsPart[] },
		{ report, sha256 }: Extract<ImportMessage, { type: 'done' }>
	): DatasetInfo | null {
		this.report = { fileName: file.name, report };
		if (report.fileError || incidents.length === 0) return null;
		const colour = nextColour(this.#incidents.imports.map((entry) => entry.info.colour));
		const format = report.format ? FORMAT_NAMES[report.format] : 'unknown';
		const info: DatasetInfo = {
			id,
			title: file.name,
			...importedDatasetTexts(file.name, format),
			file: file.name,
			colour,
			...(sha256 ? { sha256 } : {}),
			imported: {
				format,
				at: nowIso(),
				total: report.total,
				imported: report.imported,
				rejected: report.rejected.length,
				unlocated: report.unlocated
			}
		};
		// The same bytes again: added all the same (the reader may mean it), but never silently,
		// as every incident of that file is now on the map twice.
		const same = sha256
			? this.#incidents.imports.find((entry) => entry.info.sha256 === sha256)
			: undefined;
		this.#add({ info, incidents, report, visible: true, columns });
		if (same)
			this.#notice(
				m.import_same_file({ file: isolate(file.name), title: isolate(same.info.title) })
			);
		return info;
	}

	/** Adds a dataset, saying so if any of its ids would have shadowed the built-in data's. */
	#add(dataset: ImportedDataset) {
		const shadowing = this.#incidents.addImport(dataset);
		if (shadowing > 0) {
			this.#notice(
				m.import_shadowing({
					count: shadowing,
					n: shadowing.toLocaleString('en'),
					title: isolate(dataset.info.title)
				})
			);
		}
	}

	#addSaved({ dataset, problem }: RestoreResult) {
		if (problem) this.#notice(problem);
		if (dataset) this.#add(dataset);
	}

	#notice(text: string) {
		this.notices = [...this.notices, text];
	}

	/** Another tab changed the saved datasets: this one follows. */
	async #follow(change: DatasetChange) {
		if (change.type === 'removed') this.#incidents.removeImport(change.id);
		else if (change.type === 'visible') {
			this.#incidents.setImportVisible(change.id, change.visible);
		} else {
			try {
				const saved = await this.#services.datasets.loadOne(change.id, this.#incidents.places);
				if (saved !== null) this.#addSaved(saved);
			} catch (error) {
				this.storageError = m.storage_other_tab_failed({ error: message(error) });
			}
		}
	}

	async remove(id: string) {
		this.#incidents.removeImport(id);
		try {
			await this.#services.datasets.delete(id);
			this.#services.datasets.announce({ type: 'removed', id });
			void this.refreshStorage();
		} catch (error) {
			this.storageError = m.storage_remove_failed({ error: message(error) });
		}
	}

	async setVisible(id: string, visible: boolean) {
		this.#incidents.setImportVisible(id, visible);
		try {
			await this.#services.datasets.setVisible(id, visible);
			this.#services.datasets.announce({ type: 'visible', id, visible });
		} catch (error) {
			this.storageError = m.storage_save_failed({ error: message(error) });
		}
	}

	dispose() {
		this.#worker?.terminate();
		this.#stopListening?.();
	}
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
