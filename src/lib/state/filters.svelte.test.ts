import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTER } from '$lib/data/filter';
import { FilterState } from './filters.svelte';
import { IncidentStore } from './incidents.svelte';
import { builtinData, inThreadAnalysis, InThreadFilterEngine, settle } from './testing/stand-ins';

const HAJIN = ['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011'];

function filtering() {
	const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
	let engine: InThreadFilterEngine | null = null;
	const filters = new FilterState(
		incidents,
		(handlers) => (engine = new InThreadFilterEngine(handlers))
	);
	filters.start();
	flushSync();
	return {
		incidents,
		filters,
		engine: engine!,
		dispose: () => (filters.dispose(), incidents.dispose())
	};
}

describe('FilterState', () => {
	let setup: ReturnType<typeof filtering> | null = null;
	afterEach(() => setup?.dispose());

	it('knows the data’s facets and time span as soon as it starts', () => {
		setup = filtering();
		const domain = setup.filters.domain!;
		expect(domain.facetValues.location_precision.sort()).toEqual(['1', '2', '3']);
		expect(new Date(domain.firstDay * 86_400_000).toISOString().slice(0, 10)).toBe('2017-02-24');
	});

	it('is pending until the engine’s groups arrive, then shows mask and groups together', async () => {
		setup = filtering();
		const { filters } = setup;
		await settle();
		expect(filters.result?.count).toBe(14);
		expect(filters.shown?.mask).toBeNull(); // nothing filtered: everything drawn
		filters.update({ text: 'هجين' });
		expect(filters.pending).toBe(true);
		await settle();
		expect(filters.pending).toBe(false);
		expect(filters.result?.count).toBe(5);
		const mask = filters.shown!.mask!;
		expect(mask.reduce((sum, bit) => sum + bit, 0)).toBe(5);
		const ids = filters.matchingSlice(0, 5).map((incident) => incident.id);
		expect(ids.sort()).toEqual(HAJIN);
	});

	it('answers whether an incident passes, true before the first answer', async () => {
		setup = filtering();
		const { filters, incidents } = setup;
		const hajin = incidents.byId.get('IQ-SY-002')!;
		const susah = incidents.byId.get('IQ-SY-009a')!; // Al-Susah
		filters.update({ text: 'هجين' }); // Hajin in Arabic: only the five Hajin incidents
		expect(filters.matches(susah)).toBe(true);
		await settle();
		expect(filters.matches(hajin)).toBe(true);
		expect(filters.matches(susah)).toBe(false);
	});

	it('toggles facet values and clears back to no filter', async () => {
		setup = filtering();
		const { filters } = setup;
		filters.toggleFacet('location_precision', '1');
		expect(filters.filter.facets.location_precision).toEqual(['1']);
		await settle();
		expect(filters.result?.count).toBe(1);
		filters.toggleFacet('location_precision', '1');
		expect(filters.filter.facets.location_precision).toEqual([]);
		filters.clear();
		expect(filters.filter).toBe(NO_FILTER);
	});

	it('hands new distances over as one column, without rebuilding the others', async () => {
		setup = filtering();
		const { filters, incidents, engine } = setup;
		void incidents.computeFigures();
		await settle();
		flushSync();
		expect(engine.calls.filter((call) => call === 'columns')).toHaveLength(1);
		expect(engine.calls).toContain('border');
		filters.update({ maxBorderKm: 26 });
		await settle();
		expect(filters.result?.count).toBeGreaterThan(0);
		expect(filters.result?.count).toBeLessThan(14);
	});

	it('answers a one-off filter in full without changing what is shown', async () => {
		setup = filtering();
		const { filters } = setup;
		await settle();
		const shown = filters.result;
		const once = await filters.evaluateOnce({
			...NO_FILTER,
			from: '2018-12-01',
			to: '2018-12-31'
		});
		expect(once.count).toBe(3);
		expect(once.mask.reduce((sum, bit) => sum + bit, 0)).toBe(3);
		expect(once.groups.features.length).toBeGreaterThan(0);
		expect(filters.result).toBe(shown);
		expect(filters.filter).toBe(NO_FILTER);
	});

	it('asks the engine for the map’s points once the map says how it writes numbers, and again for new data', async () => {
		setup = filtering();
		const { filters, incidents, engine } = setup;
		await settle();
		expect(filters.points).toBeNull(); // the map has not asked yet
		filters.drawPoints(null);
		expect(filters.pointsPending).toBe(true);
		await settle();
		expect(filters.pointsPending).toBe(false);
		// The 11 of the 14 built-in incidents that have a position.
		expect(filters.points?.count).toBe(11);
		// Its tiles are asked by its version: the whole world's tile holds them all.
		const { version } = filters.points!;
		expect((await filters.pointTile(version, 0, 0, 0)).byteLength).toBeGreaterThan(0);
		// The same tag again asks nothing; hiding the data asks for its (no) points by itself.
		const asked = engine.calls.filter((call) => call === 'points').length;
		filters.drawPoints(null);
		expect(engine.calls.filter((call) => call === 'points')).toHaveLength(asked);
		incidents.builtinVisible = false;
		flushSync();
		await settle();
		expect(filters.points?.count).toBe(0);
		// A tile of the points no longer drawn is empty.
		expect(filters.points!.version).not.toBe(version);
		expect((await filters.pointTile(version, 0, 0, 0)).byteLength).toBe(0);
	});

	it('groups again when the map’s first call asks for other digits than the groups were written in', async () => {
		setup = filtering();
		const { filters, engine } = setup;
		await settle();
		const filtered = () => engine.calls.filter((call) => call === 'filter').length;
		// The groups came first, written in plain digits: plain digits again regroup nothing.
		const first = filtered();
		filters.drawPoints(null);
		await settle();
		expect(filtered()).toBe(first);
		// Arabic digits: the groups are asked again, after the points (whose tag they use).
		filters.drawPoints('ar');
		await settle();
		expect(filtered()).toBe(first + 1);
		expect(engine.calls.lastIndexOf('points')).toBeLessThan(engine.calls.lastIndexOf('filter'));
	});

	it('groups again when the map’s very first call is for Arabic digits', async () => {
		setup = filtering();
		const { filters, engine } = setup;
		await settle();
		const filtered = () => engine.calls.filter((call) => call === 'filter').length;
		const first = filtered();
		filters.drawPoints('ar');
		await settle();
		expect(filtered()).toBe(first + 1);
	});

	it('scales the density surface to each filter’s matches while it is drawn', async () => {
		setup = filtering();
		const { filters } = setup;
		await settle();
		filters.drawDensity('count');
		const all = filters.densityIntensity;
		expect(all?.map(([zoom]) => zoom)).toEqual([4, 7, 10]);
		filters.update({ text: 'هجين' });
		await settle();
		// Five incidents at one place are a thinner surface than fourteen around the border.
		expect(filters.densityIntensity).not.toEqual(all);
		filters.drawDensity(null);
		const last = filters.densityIntensity;
		filters.update({ text: '' });
		await settle();
		expect(filters.densityIntensity).toBe(last); // not drawn: not scaled
	});
});
