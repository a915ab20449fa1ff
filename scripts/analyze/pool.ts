import { Worker } from 'node:worker_threads';
import { bundledRoot } from './bundled';
import type { Measurer, MeasurerFiles } from './measure';
import { runTask, transferables, type Task, type TaskResult } from './tasks';

/**
 * A measuring worker. The bundle has its worker beside it (no loader needed); the TypeScript
 * needs tsx registered in the worker first (worker-boot.mjs).
 */
function startWorker(files: MeasurerFiles): Worker {
	if (bundledRoot !== null)
		return new Worker(new URL('./worker.js', import.meta.url), { workerData: { files } });
	const entry = new URL('./worker.ts', import.meta.url).href;
	return new Worker(new URL('./worker-boot.mjs', import.meta.url), {
		workerData: { entry, files }
	});
}

/**
 * Runs tasks on worker threads (or in this thread with size 0), and hands the results back in
 * the order the tasks were given, so output streams in input order while the work is spread.
 */
export class TaskPool {
	readonly #workers: Worker[];
	readonly #local: Measurer | null;
	readonly #waiting = new Map<number, { resolve(r: TaskResult): void; reject(e: Error): void }>();
	#next = 0;
	#failure: Error | null = null;
	#closing = false;

	private constructor(workers: Worker[], local: Measurer | null) {
		this.#workers = workers;
		this.#local = local;
		for (const worker of workers) {
			worker.on('message', (message: { id: number; result?: TaskResult; error?: string }) => {
				const waiting = this.#waiting.get(message.id);
				if (!waiting) return;
				this.#waiting.delete(message.id);
				if (message.result) waiting.resolve(message.result);
				else waiting.reject(new Error(message.error ?? 'the worker failed'));
			});
			worker.on('error', (error) => this.#fail(error));
			worker.on('exit', (code) => {
				if (!this.#closing) this.#fail(new Error(`a measuring worker stopped (exit code ${code})`));
			});
		}
	}

	/** How many tasks to keep in flight: enough to keep every worker busy, few enough to bound memory. */
	get depth(): number {
		return Math.max(1, this.#workers.length * 2);
	}

	/** `local` measures in this thread when size is 0. */
	static async create(size: number, files: MeasurerFiles, local: Measurer): Promise<TaskPool> {
		if (size === 0) return new TaskPool([], local);
		const workers = Array.from({ length: size }, () => startWorker(files));
		// Each worker reads the files itself; a bad --border fails here with the worker's reason,
		// and then no worker may be left running (it would keep the process alive).
		const ready = Promise.all(
			workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						worker.once('message', () => resolve());
						worker.once('error', reject);
					})
			)
		);
		try {
			await ready;
		} catch (error) {
			await Promise.all(workers.map((worker) => worker.terminate()));
			throw error;
		}
		return new TaskPool(workers, null);
	}

	#fail(error: Error) {
		this.#failure ??= error;
		for (const waiting of this.#waiting.values()) waiting.reject(error);
		this.#waiting.clear();
	}

	/** Starts a task; its result arrives in the order run() was called. */
	run(task: Task): Promise<TaskResult> {
		if (this.#failure) return Promise.reject(this.#failure);
		if (this.#local) {
			const local = this.#local;
			return new Promise((resolve) => resolve(runTask(local, task)));
		}
		const id = this.#next++;
		const worker = this.#workers[id % this.#workers.length]!;
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			worker.postMessage({ id, task }, transferables(task));
		});
	}

	async close(): Promise<void> {
		this.#closing = true;
		await Promise.all(this.#workers.map((worker) => worker.terminate()));
	}
}

/**
 * Keeps up to `depth` tasks in flight and hands each result, in order, to `consume`:
 * submit() waits when the window is full, so a fast reader cannot run ahead of the writer.
 */
export class OrderedRunner<T> {
	readonly #queue: { result: Promise<TaskResult>; context: T }[] = [];
	constructor(
		private readonly pool: TaskPool,
		private readonly consume: (result: TaskResult, context: T) => Promise<void>
	) {}

	async submit(task: Task, context: T): Promise<void> {
		const result = this.pool.run(task);
		result.catch(() => {}); // handled when its turn comes
		this.#queue.push({ result, context });
		while (this.#queue.length >= this.pool.depth) await this.#takeOne();
	}

	async #takeOne() {
		const { result, context } = this.#queue.shift()!;
		await this.consume(await result, context);
	}

	async drain(): Promise<void> {
		while (this.#queue.length > 0) await this.#takeOne();
	}
}
