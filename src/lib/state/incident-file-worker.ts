import type { DatasetInfo } from '$lib/data/builtin';
import type { ColumnsPart } from '$lib/data/filter-engine';
import type { IncidentFileProblem } from '$lib/data/incident-collection';
import type { PlaceFeature } from '$lib/data/incident';
import type { IncidentRows } from '$lib/data/incident-rows';
import { fromBatches, type IncidentBatch } from '$lib/data/import/incident-batch';
import type {
	IncidentFileMessage,
	IncidentFileRequest
} from '$lib/data/import/incident-file-protocol';
import type { RowError } from '$lib/data/row-error';

/**
 * An incident file as read: the incidents accepted (from the worker, as columns, with their
 * filter columns) and the rest.
 */
export interface IncidentFileRead {
	incidents: IncidentRows;
	columns?: ColumnsPart[];
	errors: RowError[];
	info: DatasetInfo | null;
	sha256: string | null;
}

/**
 * Reads a ?data= file's bytes in a worker (incident-file.worker.ts), one worker per file, ended
 * when it has answered: the rows arrive in batches of columns and stay so (incident-rows.ts).
 */
export function readIncidentFileInWorker(
	bytes: ArrayBuffer,
	places: PlaceFeature[],
	createWorker: () => Worker = createIncidentFileWorker
): Promise<IncidentFileRead | IncidentFileProblem> {
	const worker = createWorker();
	return new Promise((resolve, reject) => {
		const batches: IncidentBatch[] = [];
		const end = () => worker.terminate();
		worker.onmessage = (event: MessageEvent<IncidentFileMessage>) => {
			const data = event.data;
			if (data.type === 'rows') {
				batches.push(data.batch);
				return;
			}
			end();
			if (data.type === 'done') {
				const { errors, info, sha256 } = data;
				resolve({ ...fromBatches(batches), errors, info, sha256 });
			} else if (data.type === 'problem') {
				resolve(
					data.problem === 'not-json'
						? { problem: data.problem, error: data.error }
						: { problem: data.problem }
				);
			} else reject(new Error(data.message));
		};
		worker.onerror = (event) => {
			end();
			reject(new Error(event.message || 'the incident file could not be read'));
		};
		worker.postMessage({ bytes, places } satisfies IncidentFileRequest, [bytes]);
	});
}

function createIncidentFileWorker(): Worker {
	return new Worker(new URL('../data/import/incident-file.worker.ts', import.meta.url), {
		type: 'module'
	});
}
