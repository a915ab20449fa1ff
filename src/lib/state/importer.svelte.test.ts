import { describe, expect, it } from 'vitest';
import type { ImportReport } from '$lib/data/import/importer';
import type { ImportMessage, ImportRequest } from '$lib/data/import/import-protocol';
import type { IncidentFeature } from '$lib/data/incident';
import { rowsArray } from '$lib/data/incident-rows';
import { encodeIncidents } from '$lib/data/import/incident-chunk';
import { buildColumnsPart } from '$lib/data/filter-engine';
import { ImportState, type PartsAhead } from './importer.svelte';
import type { ColumnsPart } from '$lib/data/filter-engine';
import { IncidentStore, type ImportedDataset } from './incidents.svelte';
import { builtinData, inThreadAnalysis, MemoryBrowser, settle } from './testing/stand-ins';

/** A batch of rows as the import worker sends it: as columns, with their filter columns. */
const batch = (incidents: IncidentFeature[]): ImportMessage => ({
	type: 'incidents',
	batch: { chunk: encodeIncidents(incidents), columns: buildColumnsPart(incidents) }
});

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

/** An incident of a dataset, with the id an import gives it ("<dataset>:<id>"). */
const incident = (id: string, dataset: string): IncidentFeature => {
	const [template] = builtinData().incidents;
	const qualified = `${dataset}:${id}`;
	return {
		...template!,
		id: qualified,
		properties: { ...template!.properties, id: qualified, dataset, original_id: id }
	};
};

const info = (id: string) => ({ id, title: `${id}.csv`, credit: '', description: '' });

const report = (imported: number): ImportReport => ({
	format: 'csv',
	total: imported + 1,
	imported,
	unlocated: 0,
	rejected: [{ row: 2, id: null, field: 'date', message: 'not a date' }],
	notes: [],
	fileError: null
});

/** An import state of one tab; tabs made with one browser share its saved datasets. */
function importer(
	saved: ImportedDataset[] = [],
	browser = new MemoryBrowser(),
	ahead: PartsAhead | null = null
) {
	for (const dataset of saved) browser.saved.set(dataset.info.id, dataset);
	const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
	const workers: ScriptedWorker[] = [];
	const imports = new ImportState(
		incidents,
		{
			createWorker: () => {
				const worker = new ScriptedWorker();
				workers.push(worker);
				return worker as unknown as Worker;
			},
			datasets: browser.tab()
		},
		ahead
	);
	return { incidents, imports, workers, datasets: browser };
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
		worker.say(batch([incident('r1', dataset)]));
		worker.say({ type: 'done', report: report(1), sha256: 'ab'.repeat(32) });
		expect(imports.running).toBe(false);
		await settle();
		expect(incidents.imports).toHaveLength(1);
		const info = incidents.imports[0]!.info;
		expect(info).toMatchObject({ id: dataset, file: 'mine.csv', sha256: 'ab'.repeat(32) });
		expect(info.imported).toMatchObject({ total: 2, imported: 1, rejected: 1 });
		expect(imports.report?.report.rejected).toHaveLength(1);
		expect(worker.posted[1]).toEqual({ type: 'save', info });
		expect(imports.saving).toEqual([dataset]);
		worker.say({ type: 'saved' });
		expect(worker.terminated).toBe(true);
		expect(imports.saving).toEqual([]);
	});

	it('the same file imported again is added, and said to be shown twice', async () => {
		const { incidents, imports, workers } = importer();
		for (const [k, sha256] of ['ab', 'ab', 'cd'].entries()) {
			imports.start(file);
			const worker = workers[k]!;
			const dataset = (worker.posted[0] as { dataset: string }).dataset;
			worker.say(batch([incident('r1', dataset)]));
			worker.say({ type: 'done', report: report(1), sha256: sha256.repeat(32) });
			await settle();
		}
		expect(incidents.imports).toHaveLength(3);
		expect(imports.notices).toHaveLength(1);
		expect(imports.notices[0]).toContain('the same file as');
		expect(imports.notices[0]).toContain('shown twice');
	});

	it('a restore sends each dataset’s filter columns ahead as they come, and lets go of those not shown', async () => {
		const log: string[] = [];
		const names = new Map<ColumnsPart, string>();
		const name = (parts: readonly ColumnsPart[]) => parts.map((part) => names.get(part)).join();
		const ahead: PartsAhead = {
			sendAhead: (parts) => log.push(`ahead ${name(parts)}`),
			discardAhead: (parts) => log.push(`let go ${name(parts)}`)
		};
		const dataset = (id: string, visible: boolean) => {
			const rows = [incident(`${id}1`, id), incident(`${id}2`, id)];
			const columns = [buildColumnsPart(rows.slice(0, 1)), buildColumnsPart(rows.slice(1))];
			columns.forEach((part, p) => names.set(part, `${id}${p}`));
			return { info: info(id), incidents: rows, report: report(2), visible, columns };
		};
		const shown = dataset('a', true);
		const hidden = dataset('b', false);
		const datasets = new MemoryBrowser().tab();
		datasets.load = async (_places, sendAhead) => {
			for (const each of [shown, hidden]) for (const part of each.columns) sendAhead?.([part]);
			log.push('read');
			return [shown, hidden].map((each) => ({ dataset: each, problem: null }));
		};
		const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
		const imports = new ImportState(incidents, { createWorker: () => null!, datasets }, ahead);
		await imports.restore();
		// The shown dataset's parts stay for the join that shows them (they are its columns).
		expect(log).toEqual(['ahead a0', 'ahead a1', 'ahead b0', 'ahead b1', 'read', 'let go b0,b1']);
		expect(incidents.columnParts.slice(1)).toEqual(shown.columns);
		expect(incidents.columnParts.slice(1)[0]).toBe(shown.columns[0]);
	});

	it('cancelling ends the worker and adds nothing', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say(batch([incident('r1', 'x')]));
		imports.cancel();
		expect(workers[0]!.terminated).toBe(true);
		expect(imports.running).toBe(false);
		expect(imports.error).toBe('Import of \u2068mine.csv\u2069 cancelled: nothing was added');
		await settle();
		expect(incidents.imports).toEqual([]);
	});

	it('a worker error is shown with the file name, and nothing is added', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say({ type: 'error', message: 'the file could not be read' });
		expect(imports.error).toBe('\u2068mine.csv\u2069: the file could not be read');
		expect(imports.running).toBe(false);
		expect(workers[0]!.terminated).toBe(true);
		await settle();
		expect(incidents.imports).toEqual([]);
	});

	it('a worker that fails while saving leaves the next import running, and the user is told', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const saving = workers[0]!;
		saving.say(batch([incident('r1', 'x')]));
		saving.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		imports.start(new File(['id,lat,lon,date\n'], 'next.csv', { type: 'text/csv' }));
		expect(imports.running).toBe(true);
		saving.onerror?.({ message: 'out of memory' } as ErrorEvent);
		expect(imports.running).toBe(true);
		expect(imports.fileName).toBe('next.csv');
		expect(workers[1]!.terminated).toBe(false);
		expect(saving.terminated).toBe(true);
		expect(imports.saving).toEqual([]);
		expect(imports.error).toBeNull();
		expect(imports.storageError).toContain('could not be saved in this browser (out of memory)');
		expect(incidents.imports).toHaveLength(1);
	});

	it('a dataset that cannot be saved stays for this tab, and the user is told', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const worker = workers[0]!;
		worker.say(batch([incident('r1', 'x')]));
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
			info: info('old'),
			incidents: [incident('o1', 'old')],
			report: report(1),
			visible: false
		};
		const restored = importer([saved]);
		await restored.imports.restore();
		expect(restored.incidents.imports).toEqual([saved]);
		expect(restored.imports.notices).toEqual([]);

		const broken = importer();
		broken.datasets.fail = 'blocked';
		await broken.imports.restore();
		expect(broken.imports.storageError).toBe('Saved datasets could not be read: blocked');
	});

	it('checks saved rows again: a bad one is reported and left out, the rest shown (storage is input too)', async () => {
		const good = incident('ok', 'old');
		const bad = incident('bad', 'old');
		// Saved by an older version that did not check types: actor {"toString": "x"}, killed -5.
		const hostile = { ...bad, properties: { ...bad.properties, actor: { toString: 'x' } } };
		const negative = incident('neg', 'old');
		negative.properties.killed_min = -5;
		const { incidents, imports } = importer([
			{
				info: info('old'),
				incidents: [good, hostile, negative] as IncidentFeature[],
				report: report(3),
				visible: true
			}
		]);
		await imports.restore();
		expect(rowsArray(incidents.imports[0]?.incidents ?? []).map((i) => i.id)).toEqual(['old:ok']);
		expect(imports.notices).toEqual([
			'2 saved rows of \u2068old.csv\u2069 fail the checks and are not shown ' +
				'(first: \u2068old:bad\u2069, actor: must be text, not an object)'
		]);
	});

	it('a saved dataset whose description cannot be read is reported, not shown, and breaks nothing', async () => {
		const browser = new MemoryBrowser();
		browser.saved.set('x', { info: { id: 42 }, incidents: [], report: {} });
		browser.saved.set('y', 'not a dataset');
		const { incidents, imports } = importer(
			[
				{ info: info('fine'), incidents: [incident('a', 'fine')], report: report(1), visible: true }
			],
			browser
		);
		await imports.restore();
		expect(incidents.imports.map((entry) => entry.info.id)).toEqual(['fine']);
		expect(imports.notices).toEqual([
			'A saved dataset could not be read: its id number 42 is not a dataset id',
			'A saved dataset could not be read ("not a dataset")'
		]);
	});

	it('gives rows saved by older versions (with their file ids) the qualified ids, keeping the file id', async () => {
		const [template] = builtinData().incidents;
		const old = {
			...template!,
			id: 'IQ-SY-002',
			properties: { ...template!.properties, id: 'IQ-SY-002', dataset: 'old' }
		};
		const { incidents, imports } = importer([
			{ info: info('old'), incidents: [old], report: report(1), visible: true }
		]);
		await imports.restore();
		const restored = incidents.imports[0]?.incidents.at(0);
		expect(restored?.id).toBe('old:IQ-SY-002');
		expect(restored?.properties.original_id).toBe('IQ-SY-002');
		// The built-in incident keeps its id: the link #incident=IQ-SY-002 opens it.
		expect(incidents.byId.get('IQ-SY-002')?.properties.dataset).toBe('iq-sy-strikes');
	});

	it('never lets an import shadow a built-in incident, whatever its id', async () => {
		const [template] = builtinData().incidents;
		const impostor = { ...template!, properties: { ...template!.properties, dataset: 'x' } };
		const { incidents, imports } = importer();
		const shadowing = incidents.addImport({
			info: info('x'),
			incidents: [impostor, incident('own', 'x')],
			report: report(2),
			visible: true
		});
		expect(shadowing).toBe(1);
		expect(rowsArray(incidents.imports[0]?.incidents ?? []).map((i) => i.id)).toEqual(['x:own']);
		expect(incidents.byId.get(template!.id)?.properties.dataset).toBe('iq-sy-strikes');
		expect(imports.notices).toEqual([]);
	});

	it('hides and removes datasets, keeping the change when the store fails', async () => {
		const { incidents, imports, datasets } = importer([]);
		incidents.addImport({
			info: info('d'),
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

	it('keeps other tabs in step: a dataset saved, hidden or removed in one is so in the other', async () => {
		const browser = new MemoryBrowser();
		const one = importer([], browser);
		const other = importer([], browser);
		await Promise.all([one.imports.restore(), other.imports.restore()]);

		one.imports.start(file);
		const worker = one.workers[0]!;
		const dataset = (worker.posted[0] as { dataset: string }).dataset;
		worker.say(batch([incident('r1', dataset)]));
		worker.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		// What the worker would have written, then its word that it has.
		const saved = one.incidents.imports[0]!;
		browser.saved.set(dataset, { ...saved, incidents: rowsArray(saved.incidents), visible: true });
		worker.say({ type: 'saved' });
		await settle();
		expect(other.incidents.imports.map((entry) => entry.info.id)).toEqual([dataset]);
		expect(other.incidents.incidents).toHaveLength(15);

		await one.imports.setVisible(dataset, false);
		expect(other.incidents.imports[0]?.visible).toBe(false);
		await one.imports.remove(dataset);
		expect(other.incidents.imports).toEqual([]);
		expect(other.imports.notices).toEqual([]);
	});

	it('a second file while one is importing waits its turn: the first is never cancelled', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const second = new File(['x'], 'other.csv');
		imports.start(second);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.terminated).toBe(false);
		expect(imports.queued).toEqual([second]);
		expect(imports.fileName).toBe('mine.csv');

		const first = workers[0]!;
		const dataset = (first.posted[0] as { dataset: string }).dataset;
		first.say(batch([incident('r1', dataset)]));
		first.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		expect(incidents.imports).toHaveLength(1);
		// The next one has started, in a worker of its own, with a dataset id of its own.
		expect(workers).toHaveLength(2);
		expect(imports.queued).toEqual([]);
		expect(imports.fileName).toBe('other.csv');
		expect(imports.running).toBe(true);
		const next = workers[1]!.posted[0] as { file: File; dataset: string };
		expect(next.file).toBe(second);
		expect(next.dataset).not.toBe(dataset);
	});

	it('cancelling the running import starts the next queued one; the queue can be cleared', () => {
		const { imports, workers } = importer();
		imports.start(file);
		imports.start(new File(['x'], 'b.csv'));
		imports.start(new File(['x'], 'c.csv'));
		imports.cancel();
		expect(imports.fileName).toBe('b.csv');
		expect(imports.queued.map((queued) => queued.name)).toEqual(['c.csv']);
		imports.clearQueue();
		imports.cancel();
		expect(imports.running).toBe(false);
		expect(workers).toHaveLength(2);
	});

	it('a file that is not UTF-8 waits for the user to choose its encoding, then is read in it', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		const worker = workers[0]!;
		const options = [
			{ encoding: 'windows-1256', label: 'Arabic (Windows-1256)', sample: 'السوسة' },
			{ encoding: 'windows-1252', label: 'Western European', sample: 'ÇáÓæÓÉ' }
		];
		worker.say({ type: 'encoding', reason: 'is not UTF-8 text', options });
		expect(imports.encodingChoice).toEqual({
			fileName: 'mine.csv',
			reason: 'is not UTF-8 text',
			options
		});
		expect(imports.running).toBe(true);
		// Another file meanwhile waits too.
		imports.start(new File(['x'], 'later.csv'));
		expect(workers).toHaveLength(1);

		imports.chooseEncoding('windows-1256');
		expect(imports.encodingChoice).toBeNull();
		const first = worker.posted[0] as { dataset: string };
		expect(worker.posted[1]).toEqual({
			type: 'import',
			file,
			dataset: first.dataset,
			places: incidents.places,
			encoding: 'windows-1256'
		});
		worker.say(batch([incident('r1', first.dataset)]));
		worker.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		expect(incidents.imports).toHaveLength(1);
		expect(imports.fileName).toBe('later.csv');
	});

	it('declining to choose an encoding cancels that import, and adds nothing', async () => {
		const { incidents, imports, workers } = importer();
		imports.start(file);
		workers[0]!.say({ type: 'encoding', reason: 'is not UTF-8 text', options: [] });
		imports.cancel();
		expect(imports.encodingChoice).toBeNull();
		expect(imports.error).toBe('Import of \u2068mine.csv\u2069 cancelled: nothing was added');
		await settle();
		expect(incidents.imports).toEqual([]);
	});

	it('asks the browser once to keep the saved data, and shows how much storage is used', async () => {
		const { imports, workers, datasets } = importer();
		await imports.restore();
		expect(imports.storage).toEqual({ usage: 1_000_000, quota: 1_000_000_000, persisted: false });
		imports.start(file);
		imports.start(file);
		await settle();
		expect(datasets.calls.filter((call) => call === 'persist')).toHaveLength(1);
		expect(imports.storage?.persisted).toBe(true);
		// Saving changes the usage: it is asked again.
		datasets.usage = { usage: 5_000_000, quota: 1_000_000_000, persisted: true };
		const worker = workers[0]!;
		worker.say(batch([incident('r1', 'x')]));
		worker.say({ type: 'done', report: report(1), sha256: null });
		await settle();
		worker.say({ type: 'saved' });
		await settle();
		expect(imports.storage?.usage).toBe(5_000_000);
	});

	it('carries on where the browser cannot say how much storage is used', async () => {
		const browser = new MemoryBrowser();
		browser.usage = null;
		browser.grantPersistence = false;
		const { imports } = importer([], browser);
		await imports.restore();
		imports.start(file);
		await settle();
		expect(imports.storage).toBeNull();
	});
});
