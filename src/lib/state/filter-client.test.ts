import { describe, expect, it } from 'vitest';
import { buildColumnsPart } from '$lib/data/filter-engine';
import { seededRandom } from '$lib/data/testing/random';
import { randomIncidents } from '$lib/data/testing/random-incidents';
import { NO_FILTER } from '$lib/data/filter';
import { FilterClient, type FilterHandlers, type FilterWorkerPort } from './filter-client';
import type { FilterWorkerMessage } from './filter.worker';

/** A worker that records what it hears, and in which task (counted by the test). */
class ListeningWorker implements FilterWorkerPort {
	heard: { message: FilterWorkerMessage; task: number }[] = [];
	task = 0;
	onmessage: Worker['onmessage'] = null;
	postMessage(message: FilterWorkerMessage) {
		this.heard.push({ message, task: this.task });
	}
	terminate() {}
}

const handlers: FilterHandlers = {
	evaluation: () => {},
	groups: () => {},
	error: () => {},
	points: () => {},
	density: () => {}
};

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('filter client', () => {
	it('sends a large dataset’s parts over several tasks, each once, and keeps every message in order', async () => {
		const incidents = randomIncidents(seededRandom(3), 100);
		// Parts as large as a worker's batches would make a 22,500-row dataset.
		const parts = [0, 1, 2].map(() => ({ ...buildColumnsPart(incidents), count: 7_500 }));
		const worker = new ListeningWorker();
		const client = new FilterClient(handlers, worker);
		client.setColumns({ parts, placeNames: ['Hajin'], border: null });
		client.filter(NO_FILTER);
		// The first task sends no more than its share of rows; the rest follow later.
		const types = () => worker.heard.map((entry) => entry.message.type);
		expect(types()).toEqual(['part', 'part']);
		for (let task = 1; task < 5; task++) {
			worker.task = task;
			await nextTask();
		}
		expect(types()).toEqual(['part', 'part', 'part', 'columns', 'filter']);
		expect(new Set(worker.heard.map((entry) => entry.task)).size).toBeGreaterThan(1);
		const columns = worker.heard[3]?.message;
		expect(columns).toMatchObject({ type: 'columns', keys: [1, 2, 3], placeNames: ['Hajin'] });

		// The worker keeps the parts: the same datasets again, or fewer, send none.
		worker.heard = [];
		client.setColumns({ parts: [parts[2]!, parts[0]!], placeNames: [], border: null });
		expect(types()).toEqual(['columns']);
		expect(worker.heard[0]?.message).toMatchObject({ keys: [3, 1] });
		// A part it was told to forget is sent again when it is shown again.
		worker.heard = [];
		client.setColumns({ parts, placeNames: [], border: null });
		expect(types()).toEqual(['part', 'columns']);
		expect(worker.heard[0]?.message).toMatchObject({ type: 'part', key: 2 });
	});

	it('sends parts ahead at once, keeps them through other joins, and joins them without sending again', async () => {
		const incidents = randomIncidents(seededRandom(4), 50);
		const shown = { ...buildColumnsPart(incidents), count: 7_500 };
		const coming = [0, 1, 2].map(() => ({ ...buildColumnsPart(incidents), count: 7_500 }));
		const worker = new ListeningWorker();
		const client = new FilterClient(handlers, worker);
		const types = () => worker.heard.map((entry) => entry.message.type);
		client.setColumns({ parts: [shown], placeNames: [], border: null });
		await nextTask();
		worker.heard = [];
		// Each arrives in a task of its own in a stream: none waits for a later task.
		for (const part of coming) client.prepare([part]);
		expect(types()).toEqual(['part', 'part', 'part']);
		// A join meanwhile (the shown data changed) keeps them, unjoined.
		client.setColumns({ parts: [shown], placeNames: [], border: null });
		expect(worker.heard[3]?.message).toMatchObject({ type: 'columns', keys: [1], keep: [2, 3, 4] });
		// The stream ends: the join of all of them sends nothing but the join.
		worker.heard = [];
		client.setColumns({ parts: [shown, ...coming], placeNames: [], border: null });
		expect(types()).toEqual(['columns']);
		expect(worker.heard[0]?.message).toMatchObject({ keys: [1, 2, 3, 4], keep: [] });
		// Joined: letting them go now is not the client's to do (the join keeps them).
		client.discard(coming);
		expect(types()).toEqual(['columns']);
	});

	it('lets go of parts sent ahead that are never joined', () => {
		const incidents = randomIncidents(seededRandom(5), 20);
		const part = buildColumnsPart(incidents);
		const worker = new ListeningWorker();
		const client = new FilterClient(handlers, worker);
		client.prepare([part]);
		client.prepare([part]);
		expect(worker.heard.map((entry) => entry.message.type)).toEqual(['part']);
		client.discard([part]);
		expect(worker.heard[1]?.message).toEqual({ type: 'forget', keys: [1] });
		client.setColumns({ parts: [], placeNames: [], border: null });
		expect(worker.heard[2]?.message).toMatchObject({ type: 'columns', keys: [], keep: [] });
		// Forgotten by the worker, so sent again if it is shown after all.
		worker.heard = [];
		client.setColumns({ parts: [part], placeNames: [], border: null });
		expect(worker.heard.map((entry) => entry.message.type)).toEqual(['part', 'columns']);
	});
});
