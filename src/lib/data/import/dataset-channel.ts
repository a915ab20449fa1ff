/**
 * Tells the app's other open tabs (same origin, same browser) when this one changes the saved
 * datasets, so a dataset removed, hidden or added in one tab is removed, hidden or added in
 * all of them without a reload. BroadcastChannel does not echo a message to its sender.
 */

export type DatasetChange =
	| { type: 'saved'; id: string }
	| { type: 'removed'; id: string }
	| { type: 'visible'; id: string; visible: boolean };

const CHANNEL = 'iraq-syria-incident-map/datasets';

/** A message as another tab sent it; anything else on the channel is ignored. */
export function readDatasetChange(value: unknown): DatasetChange | null {
	if (typeof value !== 'object' || value === null) return null;
	const { type, id, visible } = value as Record<string, unknown>;
	if (typeof id !== 'string') return null;
	if (type === 'saved' || type === 'removed') return { type, id };
	if (type === 'visible' && typeof visible === 'boolean') return { type, id, visible };
	return null;
}

let sender: BroadcastChannel | null = null;

export function announceDatasetChange(change: DatasetChange): void {
	if (typeof BroadcastChannel === 'undefined') return;
	sender ??= new BroadcastChannel(CHANNEL);
	sender.postMessage(change);
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
