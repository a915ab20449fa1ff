import type { GroupCollection, GroupPoints } from './groups';

type Reply = { requestId: number; groups?: GroupCollection; error?: string };

/**
 * Talks to the grouping worker. Only the newest request matters: an answer to an older one
 * (the filter moved on meanwhile) is dropped.
 */
export class GroupsClient {
	#worker = new Worker(new URL('./groups.worker.ts', import.meta.url), { type: 'module' });
	#latest = 0;
	#onGroups: (groups: GroupCollection) => void;
	#onError: (message: string) => void;

	constructor(onGroups: (groups: GroupCollection) => void, onError: (message: string) => void) {
		this.#onGroups = onGroups;
		this.#onError = onError;
		this.#worker.onmessage = (event: MessageEvent<Reply>) => {
			if (event.data.requestId !== this.#latest) return;
			if (event.data.groups) this.#onGroups(event.data.groups);
			else this.#onError(event.data.error ?? 'grouping failed');
		};
	}

	setPoints(points: GroupPoints) {
		this.#worker.postMessage({ type: 'points', points });
	}

	group(include: Uint8Array) {
		this.#worker.postMessage({ type: 'group', requestId: ++this.#latest, include }, [
			include.buffer
		]);
	}

	dispose() {
		this.#worker.terminate();
	}
}
