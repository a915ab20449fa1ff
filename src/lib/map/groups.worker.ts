/// <reference lib="webworker" />
import { groupIncidents, type GroupPoints } from './groups';

/**
 * Groups incidents for the map off the main thread. The points arrive once (and again when the
 * data changes); each filter change sends only a mask of the incidents that pass.
 */
type Message =
	| { type: 'points'; points: GroupPoints }
	| { type: 'group'; requestId: number; include: Uint8Array };

let points: GroupPoints | null = null;

self.onmessage = (event: MessageEvent<Message>) => {
	const message = event.data;
	if (message.type === 'points') {
		points = message.points;
		return;
	}
	try {
		if (!points) throw new Error('no points to group yet');
		self.postMessage({
			requestId: message.requestId,
			groups: groupIncidents(points, message.include)
		});
	} catch (error) {
		self.postMessage({
			requestId: message.requestId,
			error: error instanceof Error ? error.message : String(error)
		});
	}
};
