/**
 * Tells the app's other open tabs (same origin, same browser) when this one changes the saved
 * datasets, so a dataset removed, hidden or added in one tab is removed, hidden or added in
 * all of them without a reload.
 *
 * A BroadcastChannel object does not hear its own messages, but every other object on the
 * same channel does, in this page too: the sender and the listener are two objects here, so
 * each message names the page that sent it and a page ignores its own. (Without that, a tab
 * heard its own "saved", read the dataset it had just imported back from IndexedDB and added
 * it a second time: twice the work and memory after every import.)
 */

export type DatasetChange =
	| { type: 'saved'; id: string }
	| { type: 'removed'; id: string }
	| { type: 'visible'; id: string; visible: boolean };

const CHANNEL = 'iraq-syria-incident-map/datasets';

/** This page, as its messages name it. */
const PAGE = typeof crypto !== 'undefined' ? crypto.randomUUID() : String(Math.random());

/**
 * A message as another page sent it; anything else on the channel, and this page's own
 * messages (`from` = `self`), are ignored.
 */
export function readDatasetChange(value: unknown, self: string = PAGE): DatasetChange | null {
	if (typeof value !== 'object' || value === null) return null;
	const { type, id, visible, from } = value as Record<string, unknown>;
	if (typeof id !== 'string' || from === self) return null;
	if (type === 'saved' || type === 'removed') return { type, id };
	if (type === 'visible' && typeof visible === 'boolean') return { type, id, visible };
	return null;
}

let sender: BroadcastChannel | null = null;

export function announceDatasetChange(change: DatasetChange): void {
	if (typeof BroadcastChannel === 'undefined') return;
	if (!sender) {
		sender = new BroadcastChannel(CHANNEL);
		// Node (the unit tests) keeps a process alive while a channel is open; a page has no unref.
		(sender as { unref?: () => void }).unref?.();
	}
	sender.postMessage({ ...change, from: PAGE });
}

export function listenToDatasetChanges(changed: (change: DatasetChange) => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<unknown>) => {
		const change = readDatasetChange(event.data);
		if (change) changed(change);
	};
	return () => channel.close();
}
