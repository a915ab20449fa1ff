import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTER } from '$lib/data/filter';
import { FilterState } from './filters.svelte';
import { IncidentStore } from './incidents.svelte';
import { MapViewState } from './map-view.svelte';
import { Selection } from './selection.svelte';
import { builtinData, inThreadAnalysis, InThreadFilterEngine } from './testing/stand-ins';
import { FILTER_WRITE_DELAY, UrlSync, type HashHistory } from './url-sync.svelte';

/** A browser history of hashes: entries, a cursor, and every write the sync made. */
class FakeHistory implements HashHistory {
	entries: string[];
	index = 0;
	writes: { hash: string; mode: 'push' | 'replace' }[] = [];
	#changed: (() => void) | null = null;

	constructor(opened: string) {
		this.entries = [opened];
	}
	read() {
		return this.entries[this.index]!;
	}
	write(hash: string, mode: 'push' | 'replace') {
		this.writes.push({ hash, mode });
		if (mode === 'push') {
			this.entries.splice(this.index + 1, Infinity, hash);
			this.index++;
		} else {
			this.entries[this.index] = hash;
		}
	}
	listen(changed: () => void) {
		this.#changed = changed;
		return () => (this.#changed = null);
	}
	/** The back button. */
	back() {
		this.index--;
		this.#changed?.();
	}
	/** The user edits the link by hand. */
	edit(hash: string) {
		this.entries.splice(this.index + 1, Infinity, hash);
		this.index++;
		this.#changed?.();
	}
}

function synced(opened: string) {
	const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
	const filters = new FilterState(incidents, (handlers) => new InThreadFilterEngine(handlers));
	const state = { selection: new Selection(), mapView: new MapViewState(), filters };
	const history = new FakeHistory(opened);
	const stop = new UrlSync(state, history).start();
	flushSync();
	return { ...state, history, stop };
}

describe('UrlSync', () => {
	let app: ReturnType<typeof synced> | null = null;
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		app?.stop();
		app = null;
		vi.useRealTimers();
	});

	it('applies the link the page opened with, and writes nothing back', () => {
		app = synced('#map=12/34.68944/40.83083&incident=IQ-SY-002&from=2018-11-15');
		vi.advanceTimersByTime(FILTER_WRITE_DELAY * 2);
		expect(app.mapView.requested).toEqual({ zoom: 12, lat: 34.68944, lon: 40.83083 });
		expect(app.mapView.current).toEqual({ zoom: 12, lat: 34.68944, lon: 40.83083 });
		expect(app.selection.id).toBe('IQ-SY-002');
		expect(app.filters.filter.from).toBe('2018-11-15');
		expect(app.history.writes).toEqual([]);
	});

	it('tidies a link written by hand over its own entry, without a history entry', () => {
		app = synced('#map=8.60/34.600/41.0&incident=IQ-SY-001');
		expect(app.history.writes).toEqual([
			{ hash: '#map=8.6/34.6/41&incident=IQ-SY-001', mode: 'replace' }
		]);
		expect(app.history.entries).toHaveLength(1);
	});

	it('pushes a history entry for a selection, and replaces it for a map move', () => {
		app = synced('#map=9/34.6/40.9');
		app.selection.select('IQ-SY-007');
		flushSync();
		app.mapView.current = { zoom: 10, lat: 34.6, lon: 40.9 };
		flushSync();
		app.selection.clear();
		flushSync();
		expect(app.history.writes).toEqual([
			{ hash: '#map=9/34.6/40.9&incident=IQ-SY-007', mode: 'push' },
			{ hash: '#map=10/34.6/40.9&incident=IQ-SY-007', mode: 'replace' },
			{ hash: '#map=10/34.6/40.9', mode: 'push' }
		]);
	});

	it('writes a burst of filter changes once, when it pauses', () => {
		app = synced('');
		for (const from of ['2018-01-01', '2018-02-01', '2018-03-01']) {
			app.filters.update({ from });
			flushSync();
			vi.advanceTimersByTime(FILTER_WRITE_DELAY / 2);
		}
		expect(app.history.writes).toEqual([]);
		vi.advanceTimersByTime(FILTER_WRITE_DELAY);
		expect(app.history.writes).toEqual([{ hash: '#from=2018-03-01', mode: 'replace' }]);
	});

	it('applies back and forward without echoing a write', () => {
		app = synced('#map=9/34.6/40.9');
		app.selection.select('IQ-SY-007');
		flushSync();
		const written = app.history.writes.length;
		app.history.back();
		flushSync();
		vi.advanceTimersByTime(FILTER_WRITE_DELAY * 2);
		expect(app.selection.id).toBeNull();
		expect(app.history.writes).toHaveLength(written);
	});

	it('applies a hash edited by hand: view, selection and filter', () => {
		app = synced('');
		app.history.edit('#map=7/34/41&incident=IQ-SY-003&q=hajin');
		flushSync();
		vi.advanceTimersByTime(FILTER_WRITE_DELAY * 2);
		expect(app.mapView.requested).toEqual({ zoom: 7, lat: 34, lon: 41 });
		expect(app.selection.id).toBe('IQ-SY-003');
		expect(app.filters.filter).toEqual({ ...NO_FILTER, text: 'hajin' });
		expect(app.history.writes).toEqual([]);
	});

	it('treats a view that differs only below the link’s precision as no change', () => {
		app = synced('#map=12/34.68944/40.83083');
		app.mapView.current = { zoom: 12.000001, lat: 34.689441, lon: 40.830829 };
		flushSync();
		expect(app.history.writes).toEqual([]);
	});

	it('keeps pairs it does not know', () => {
		app = synced('#x=1&map=9/34.6/40.9');
		app.selection.select('IQ-SY-007');
		flushSync();
		expect(app.history.read()).toBe('#map=9/34.6/40.9&incident=IQ-SY-007&x=1');
	});

	it('a malformed "%" (#q=100%) is ignored alone, and the link keeps following the state', () => {
		app = synced('#q=100%&from=2018-11-15');
		expect(app.filters.filter).toEqual({ ...NO_FILTER, from: '2018-11-15' });
		// The pair that did not decode is tidied away; from here the link follows as ever.
		expect(app.history.read()).toBe('#from=2018-11-15');
		app.selection.select('IQ-SY-007');
		flushSync();
		expect(app.history.read()).toBe('#incident=IQ-SY-007&from=2018-11-15');
		app.history.edit('#incident=IQ-SY-002&q=50%');
		flushSync();
		expect(app.selection.id).toBe('IQ-SY-002');
		app.filters.update({ text: 'hajin' });
		flushSync();
		vi.advanceTimersByTime(FILTER_WRITE_DELAY * 2);
		expect(app.history.read()).toBe('#incident=IQ-SY-002&q=hajin');
	});

	it('writes how the map draws (view=, weight=) beside the data, which it leaves as it was', () => {
		app = synced('#map=9/34.6/40.9&q=hajin');
		app.mapView.layers = 'density';
		flushSync();
		app.mapView.densityWeight = 'killed';
		flushSync();
		expect(app.history.read()).toBe('#map=9/34.6/40.9&q=hajin&view=density&weight=killed');
		app.mapView.layers = null;
		app.mapView.densityWeight = 'count';
		flushSync();
		expect(app.history.read()).toBe('#map=9/34.6/40.9&q=hajin');
		expect(app.history.writes.every((write) => write.mode === 'replace')).toBe(true);
	});

	it('applies view= and weight= from a link, and ignores values it does not know', () => {
		app = synced('#view=markers&weight=killed');
		expect(app.mapView.layers).toBe('markers');
		expect(app.mapView.densityWeight).toBe('killed');
		app.history.edit('#view=heat');
		flushSync();
		expect(app.mapView.layers).toBeNull();
		expect(app.mapView.densityWeight).toBe('count');
	});
});
