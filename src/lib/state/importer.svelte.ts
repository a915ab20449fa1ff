import type { DatasetInfo } from '$lib/data/builtin';
import type { IncidentFeature } from '$lib/data/incident';
import { FORMAT_NAMES, type ImportReport } from '$lib/data/import/importer';
import type { ImportMessage, ImportRequest } from '$lib/data/import/import-protocol';
import { deleteDataset, loadDatasets, setDatasetVisible } from '$lib/data/import/dataset-db';
import { createImportWorker, nextColour, nowIso } from './import-worker';
import type { ImportedDataset, IncidentStore } from './incidents.svelte';

/** Where imported datasets are kept between visits (IndexedDB; tests give a stand-in). */
export interface DatasetStore {
	load(): Promise<ImportedDataset[]>;
	delete(id: string): Promise<void>;
	setVisible(id: string, visible: boolean): Promise<void>;
}

export const BROWSER_DATASETS: DatasetStore = {
	load: loadDatasets,
	delete: deleteDataset,
	setVisible: setDatasetVisible
};

/** The worker an import runs in (a new one each time), and where datasets are kept. */
export interface ImportServices {
	createWorker(): Worker;
	datasets: DatasetStore;
}

/**
 * Imports files into datasets: one worker per import (cancelling ends it), progress as it
 * streams, the report of what was rejected, and the datasets kept in IndexedDB.
 */
export class ImportState {
	running = $state(false);
	fileName = $state('');
	/** 0–1 of the file read. */
	progress = $state(0);
	rows = $state(0);
	/** The latest import's report and file, until the next. */
	report = $state.raw<{ fileName: string; report: ImportReport } | null>(null);
	error = $state<string | null>(null);
	/** Saving to the browser's storage failed: the datasets stay for this tab only. */
	storageError = $state<string | null>(null);

	#incidents: IncidentStore;
	#services: ImportServices;
	#worker: Worker | null = null;

	constructor(
		incidents: IncidentStore,
		services: ImportServices = { createWorker: createImportWorker, datasets: BROWSER_DATASETS }
	) {
		this.#incidents = incidents;
		this.#services = services;
	}

	/** Brings back the datasets of earlier visits. */
	async restore() {
		try {
			for (const dataset of await this.#services.datasets.load())
				this.#incidents.addImport(dataset);
		} catch (error) {
			this.storageError = `Saved datasets could not be read: ${message(error)}`;
		}
	}

	start(file: File) {
		this.cancel();
		// Readable where it shows (the dataset facet), unique by the time it was imported.
		const id = `${file.name.replace(/[^\w.-]+/g, '-').slice(0, 40)}-${Date.now().toString(36)}`;
		const worker = this.#services.createWorker();
		this.#worker = worker;
		this.running = true;
		this.fileName = file.name;
		this.progress = 0;
		this.rows = 0;
		this.error = null;
		const incidents: IncidentFeature[] = [];
		worker.onmessage = (event: MessageEvent<ImportMessage>) => {
			const data = event.data;
			if (data.type === 'progress') {
				this.progress = data.fraction;
				this.rows = data.rows;
			} else if (data.type === 'incidents') {
				for (const incident of data.incidents) incidents.push(incident);
			} else if (data.type === 'error') {
				this.#finish();
				this.error = `${file.name}: ${data.message}`;
			} else if (data.type === 'done') {
				// Imported: from here the worker only saves, and a new import may start meanwhile.
				// (The mark lets the import benchmark tell parsing from adding to the map.)
				performance.mark('import-parsed');
				this.#worker = null;
				this.running = false;
				// Adding the rows to the app is a task of its own, after this message's.
				setTimeout(() => {
					const info = this.#complete(file, id, incidents, data.report, data.sha256);
					// The worker, which holds the rows already, writes them to IndexedDB.
					if (info) worker.postMessage({ type: 'save', info } satisfies ImportRequest);
					else worker.terminate();
				}, 0);
			} else if (data.type === 'saved') {
				worker.terminate();
			} else {
				worker.terminate();
				this.storageError =
					`${file.name} is shown but could not be saved in this browser (${data.message}); ` +
					'it will be gone when this tab closes';
			}
		};
		worker.onerror = (event) => {
			this.#finish();
			this.error = `${file.name}: ${event.message || 'the import failed'}`;
		};
		worker.postMessage({ type: 'import', file, dataset: id } satisfies ImportRequest);
	}

	cancel() {
		if (!this.#worker) return;
		this.#finish();
		this.error = `Import of ${this.fileName} cancelled: nothing was added`;
	}

	#finish() {
		this.#worker?.terminate();
		this.#worker = null;
		this.running = false;
	}

	/** Adds the finished import as a dataset; its description, or null when nothing came in. */
	#complete(
		file: File,
		id: string,
		incidents: IncidentFeature[],
		report: ImportReport,
		sha256: string | null
	): DatasetInfo | null {
		this.report = { fileName: file.name, report };
		if (report.fileError || incidents.length === 0) return null;
		const colour = nextColour(this.#incidents.imports.map((entry) => entry.info.colour));
		const format = report.format ? FORMAT_NAMES[report.format] : 'unknown';
		const info: DatasetInfo = {
			id,
			title: file.name,
			credit: `Imported: ${file.name} (${format})`,
			description: `Imported from ${file.name} (${format}).`,
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
		this.#incidents.addImport({ info, incidents, report, visible: true });
		return info;
	}

	async remove(id: string) {
		this.#incidents.removeImport(id);
		try {
			await this.#services.datasets.delete(id);
		} catch (error) {
			this.storageError = `Could not remove the saved copy: ${message(error)}`;
		}
	}

	async setVisible(id: string, visible: boolean) {
		this.#incidents.setImportVisible(id, visible);
		try {
			await this.#services.datasets.setVisible(id, visible);
		} catch (error) {
			this.storageError = `Could not save the change: ${message(error)}`;
		}
	}

	dispose() {
		this.#worker?.terminate();
	}
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
