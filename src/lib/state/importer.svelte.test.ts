import { describe, expect, it } from 'vitest';
import type { ImportReport } from '$lib/data/import/importer';
import type { ImportMessage, ImportRequest } from '$lib/data/import/import-protocol';
import type { IncidentFeature } from '$lib/data/incident';
import { ImportState, type DatasetStore } from './importer.svelte';
import { IncidentStore, type ImportedDataset } from './incidents.svelte';
import { builtinData, inThreadAnalysis, settle } from './testing/stand-ins';

/** An import worker that answers as the test says. */
class ScriptedWorker {
	onmessage: ((event: MessageEvent<ImportMessage>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	posted: ImportRequest[] = [];
	terminated = false;
	postMessage(message: ImportRequest) {
		this.posted.push(message);
	}
	terminate() {
		this.terminated = true;
	}
	say(message: ImportMessage) {
		this.onmessage?.({ data: message } as MessageEvent<ImportMessage>);
	}
}

/** A dataset store in memory; `fail` makes every call reject with that message. */
class MemoryStore implements DatasetStore {
	fail: string | null = null;
	calls: string[] = [];
	constructor(readonly saved: ImportedDataset[] = []) {}
	async load() {
		if (this.fail) throw new Error(this.fail);
		return this.saved;
	}
	async delete(id: string) {
		this.calls.push(`delete ${id}`);
		if (this.fail) throw new Error(this.fail);
	}
	async setVisible(id: string, visible: boolean) {
		this.calls.push(`visible ${id} ${visible}`);
		if (this.fail) throw new Error(this.fail);
	}
}

const incident = (id: string, dataset: string): IncidentFeature => {
	const [template] = builtinData().incidents;
	return { ...template!, id, properties: { ...template!.properties, id, dataset } };
};

const report = (imported: number): ImportReport => ({
	format: 'csv',
	total: imported + 1,
	imported,
	unlocated: 0,
	rejected: [{ row: 2, id: null, field: 'date', message: 'not a date' }],
	notes: [],
	fileError: null
});

function importer(saved: ImportedDataset[] = []) {
	const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
	const workers: ScriptedWorker[] = [];
	const datasets = new MemoryStore(saved);
	const imports = new ImportState(incidents, {
		createWorker: () => {
			const worker = new ScriptedWorker();
			workers.push(worker);
			return worker as unknown as Worker;
		},
		datasets
	});
	return { incidents, imports, workers, datasets };
}

const file = new File(['id,lat,lon,date\n'], 'mine.csv', { type: 'text/csv' });

describe('ImportState', () => {
	it('adds a finished import as a dataset, then has the worker save it', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const worker = workers[0]!;
		expect(imports.running).toBe(true);
		const dataset = (worker.posted[0] as { dataset: string }).dataset;
		worker.say({ type: 'progress', fraction: 0.5, rows: 1 });
		expect([imports.progress, imports.rows]).toEqual([0.5, 1]);
		worker.say({ type: 'incidents', incidents: [incident('r1', dataset)] });
		worker.say({ type: 'done', report: report(1), sha256: 'ab'.repeat(32) });
		expect(imports.running).toBe(false);
		await settle();
		expect(incidents.imports).toHaveLength(1);
		const info = incidents.imports[0]!.info;
		expect(info).toMatchObject({ id: dataset, file: 'mine.csv', sha256: 'ab'.repeat(32) });
		expect(info.imported).toMatchObject({ total: 2, imported: 1, rejected: 1 });
		expect(imports.report?.report.rejected).toHaveLength(1);
		expect(worker.posted[1]).toEqual({ type: 'save', info });
		worker.say({ type: 'saved' });
		expect(worker.terminated).toBe(true);
	});

	it('cancelling ends the worker and adds nothing', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say({ type: 'incidents', incidents: [incident('r1', 'x')] });
		imports.cancel();
		expect(workers[0]!.terminated).toBe(true);
		expect(imports.running).toBe(false);
		expect(imports.error).toBe('Import of mine.csv cancelled: nothing was added');
		await settle();
		expect(incidents.imports).toEqual([]);
	});

	it('a worker error is shown with the file name, and nothing is added', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say({ type: 'error', message: 'the file could not be read' });
		expect(imports.error).toBe('mine.csv: the file could not be read');
		expect(imports.running).toBe(false);
		expect(workers[0]!.terminated).toBe(true);
		await settle();
		expect(incidents.imports).toEqual([]);
	});

	it('a dataset that cannot be saved stays for this tab, and the user is told', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const worker = workers[0]!;
		worker.say({ type: 'incidents', incidents: [incident('r1', 'x')] });
		worker.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		worker.say({ type: 'save-error', message: 'QuotaExceededError' });
		expect(incidents.imports).toHaveLength(1);
		expect(imports.storageError).toContain(
			'could not be saved in this browser (QuotaExceededError)'
		);
		expect(worker.terminated).toBe(true);
	});

	it('a file with nothing to import is reported and not added, nor saved', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say({
			type: 'done',
			report: { ...report(0), fileError: 'the file is empty' },
			sha256: null
		});
		await settle();
		expect(incidents.imports).toEqual([]);
		expect(imports.report?.report.fileError).toBe('the file is empty');
		expect(workers[0]!.posted).toHaveLength(1);
		expect(workers[0]!.terminated).toBe(true);
	});

	it('restores saved datasets, and says when the store cannot be read', async () => {
		const saved: ImportedDataset = {
			info: { id: 'old', title: 'old.csv', credit: '', description: '' },
			incidents: [incident('o1', 'old')],
			report: report(1),
			visible: false
		};
		const restored = importer([saved]);
		await restored.imports.restore();
		expect(restored.incidents.imports).toEqual([saved]);

		const broken = importer();
		broken.datasets.fail = 'blocked';
		await broken.imports.restore();
		expect(broken.imports.storageError).toBe('Saved datasets could not be read: blocked');
	});

	it('hides and removes datasets, keeping the change when the store fails', async () => {
		const { incidents, imports, datasets } = importer([]);
		incidents.addImport({
			info: { id: 'd', title: 'd.csv', credit: '', description: '' },
			incidents: [incident('d1', 'd')],
			report: report(1),
			visible: true
		});
		await imports.setVisible('d', false);
		expect(incidents.imports[0]!.visible).toBe(false);
		datasets.fail = 'gone';
		await imports.remove('d');
		expect(incidents.imports).toEqual([]);
		expect(imports.storageError).toBe('Could not remove the saved copy: gone');
		expect(datasets.calls).toEqual(['visible d false', 'delete d']);
	});

	it('starting a second import cancels the first', () => {
		const { imports, workers } = importer();
		imports.start(file);
		imports.start(new File(['x'], 'other.csv'));
		expect(workers[0]!.terminated).toBe(true);
		expect(imports.fileName).toBe('other.csv');
		expect(imports.running).toBe(true);
	});
});
