/** A measuring worker: builds its own measurer from the same files, then runs tasks in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { createMeasurer, type MeasurerFiles } from './measure';
import { runTask, transferables, type Task } from './tasks';

const measurer = await createMeasurer((workerData as { files: MeasurerFiles }).files);
parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
	try {
		const result = runTask(measurer, task);
		parentPort!.postMessage({ id, result }, transferables(result));
	} catch (error) {
		parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
parentPort!.postMessage({ ready: true });
