import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '$lib/data/incident';
import { rowsArray } from '$lib/data/incident-rows';
import { encodeIncidents } from '$lib/data/import/incident-chunk';
import { buildColumnsPart } from '$lib/data/filter-engine';
import type { IncidentBatch } from '$lib/data/import/incident-batch';
import type { RestoreMessage, RestoreRequest } from '$lib/data/import/restore-protocol';
import { restoreInWorker } from './restore-worker';
import { builtinData, ScriptedWorker } from './testing/stand-ins';

const rows = builtinData().incidents;
const info = (id: string) => ({ id, title: id, credit: '', description: '' });
const report = {
	format: null,
	total: 0,
	imported: 0,
	unlocated: 0,
	rejected: [],
	notes: [],
	fileError: null
};
const dataset = (id: string, incidents: IncidentFeature[] = []) => ({
	info: info(id),
	incidents,
	report,
	visible: true
});

/** Rows as the restore worker sends them: as columns, with their filter columns. */
const batch = (incidents: IncidentFeature[]) => ({
	chunk: encodeIncidents(incidents),
	columns: buildColumnsPart(incidents)
});

describe('restoreInWorker', () => {
	it('puts each dataset back together from the batches of rows before it, in order', async () => {
		const worker = new ScriptedWorker<RestoreRequest, RestoreMessage>([
			{ type: 'rows', batch: batch(rows.slice(0, 5)) },
			{ type: 'rows', batch: batch(rows.slice(5)) },
			{ type: 'dataset', result: { dataset: dataset('a'), problem: null } },
			{ type: 'dataset', result: { dataset: null, problem: 'A saved dataset could not be read' } },
			{ type: 'rows', batch: batch(rows.slice(0, 1)) },
			{ type: 'dataset', result: { dataset: dataset('b'), problem: '1 saved row fails' } },
			{ type: 'done' }
		]);
		const arrived: IncidentBatch[] = [];
		const results = await restoreInWorker(
			{ type: 'load', places: [] },
			() => worker as unknown as Worker,
			(each) => arrived.push(each)
		);
		// Each batch is handed on as it comes too (its filter columns go to the filter worker).
		expect(arrived.map((each) => each.chunk.count)).toEqual([5, rows.length - 5, 1]);
		expect(results[0]?.dataset?.columns?.[0]).toBe(arrived[0]?.columns);
		expect(worker.asked).toEqual([{ type: 'load', places: [] }]);
		const asArrays = results.map((result) =>
			result.dataset
				? {
						...result,
						dataset: {
							...result.dataset,
							incidents: rowsArray(result.dataset.incidents),
							columns: undefined
						}
					}
				: result
		);
		expect(asArrays).toEqual([
			{ dataset: dataset('a', rows), problem: null },
			{ dataset: null, problem: 'A saved dataset could not be read' },
			{ dataset: dataset('b', rows.slice(0, 1)), problem: '1 saved row fails' }
		]);
		expect(results.map((result) => result.dataset?.columns?.length)).toEqual([2, undefined, 1]);
		expect(worker.terminated).toBe(true);
	});

	it('raises what the worker could not read, and ends it', async () => {
		const worker = new ScriptedWorker<RestoreRequest, RestoreMessage>([
			{ type: 'error', message: 'the quota is gone' }
		]);
		await expect(
			restoreInWorker({ type: 'load-one', id: 'a', places: [] }, () => worker as unknown as Worker)
		).rejects.toThrow('the quota is gone');
		expect(worker.terminated).toBe(true);
	});
});
