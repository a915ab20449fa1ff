import { describe, expect, it } from 'vitest';
import { buildColumnsPart } from '$lib/data/filter-engine';
import { rowsArray } from '$lib/data/incident-rows';
import { encodeIncidents } from '$lib/data/import/incident-chunk';
import type {
	IncidentFileMessage,
	IncidentFileRequest
} from '$lib/data/import/incident-file-protocol';
import { readIncidentFileInWorker } from './incident-file-worker';
import { builtinData, ScriptedWorker } from './testing/stand-ins';

const rows = builtinData().incidents;
const read = (answers: IncidentFileMessage[]) => {
	const worker = new ScriptedWorker<IncidentFileRequest, IncidentFileMessage>(answers);
	const result = readIncidentFileInWorker(
		new ArrayBuffer(8),
		[],
		() => worker as unknown as Worker
	);
	return { worker, result };
};

describe('readIncidentFileInWorker', () => {
	it('puts the incidents back together from their batches, as columns, and ends the worker', async () => {
		const batch = (incidents: typeof rows) => ({
			chunk: encodeIncidents(incidents),
			columns: buildColumnsPart(incidents)
		});
		const first = batch(rows.slice(0, 4));
		const second = batch(rows.slice(4));
		const errors = [{ row: 3, id: 'x', field: 'date', message: 'not a date' }];
		const { worker, result } = read([
			{ type: 'rows', batch: first },
			{ type: 'rows', batch: second },
			{ type: 'done', errors, info: null, sha256: 'ab' }
		]);
		const answer = await result;
		expect('problem' in answer).toBe(false);
		if ('problem' in answer) return;
		expect(rowsArray(answer.incidents)).toEqual(rows);
		expect(answer).toMatchObject({
			columns: [first.columns, second.columns],
			errors,
			info: null,
			sha256: 'ab'
		});
		expect(worker.asked[0]?.places).toEqual([]);
		expect(worker.terminated).toBe(true);
	});

	it('passes on why a file cannot be read, and raises what the worker failed at', async () => {
		const notJson = read([{ type: 'problem', problem: 'not-json', error: 'Unexpected end' }]);
		await expect(notJson.result).resolves.toEqual({ problem: 'not-json', error: 'Unexpected end' });
		expect(notJson.worker.terminated).toBe(true);
		await expect(read([{ type: 'problem', problem: 'not-utf8' }]).result).resolves.toEqual({
			problem: 'not-utf8'
		});
		const failed = read([{ type: 'error', message: 'out of memory' }]);
		await expect(failed.result).rejects.toThrow('out of memory');
		expect(failed.worker.terminated).toBe(true);
	});
});
