import { describe, expect, it } from 'vitest';
import {
	announceDatasetChange,
	listenToDatasetChanges,
	readDatasetChange,
	type DatasetChange
} from './dataset-channel';

const CHANNEL = 'iraq-syria-incident-map/datasets';
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('dataset changes between tabs', () => {
	it('reads what another page sent, and nothing else', () => {
		expect(readDatasetChange({ type: 'saved', id: 'a', from: 'other' }, 'me')).toEqual({
			type: 'saved',
			id: 'a'
		});
		expect(readDatasetChange({ type: 'visible', id: 'a', visible: false }, 'me')).toEqual({
			type: 'visible',
			id: 'a',
			visible: false
		});
		expect(readDatasetChange({ type: 'saved', id: 'a', from: 'me' }, 'me')).toBeNull();
		expect(readDatasetChange({ type: 'visible', id: 'a' }, 'me')).toBeNull();
		expect(readDatasetChange({ type: 'other', id: 'a' }, 'me')).toBeNull();
		expect(readDatasetChange('saved', 'me')).toBeNull();
	});

	it('does not hear its own page, and hears another', async () => {
		const heard: DatasetChange[] = [];
		const stop = listenToDatasetChanges((change) => heard.push(change));
		// This page's announcement reaches its own listener's channel object, and is ignored.
		announceDatasetChange({ type: 'saved', id: 'mine' });
		await settle();
		expect(heard).toEqual([]);
		// Another tab: a channel of its own, naming itself.
		const otherTab = new BroadcastChannel(CHANNEL);
		otherTab.postMessage({ type: 'removed', id: 'theirs', from: 'another-page' });
		await settle();
		expect(heard).toEqual([{ type: 'removed', id: 'theirs' }]);
		otherTab.close();
		stop();
	});
});
