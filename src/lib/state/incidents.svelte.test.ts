import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import {
	computeFigures,
	type FiguresRequest,
	type FiguresResult
} from '$lib/analysis/incident-figures';
import { buildColumnsPart } from '$lib/data/filter-engine';
import { IncidentStore, shadowingCount, type AnalysisService } from './incidents.svelte';
import { builtinData, inThreadAnalysis, settle } from './testing/stand-ins';

/** An analysis worker whose answers the test releases, in any order. */
function heldAnalysis() {
	const held: { request: FiguresRequest; release(): void }[] = [];
	const service: AnalysisService = {
		figures: (request) =>
			new Promise<FiguresResult>((resolve) =>
				held.push({ request, release: () => resolve(computeFigures(request)) })
			),
		band: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
		dispose() {}
	};
	return { service, held };
}

describe('IncidentStore', () => {
	let store: IncidentStore | null = null;
	afterEach(() => store?.dispose());

	it('measures the incidents once it starts, and again when an import joins them', async () => {
		const analysis = inThreadAnalysis();
		store = new IncidentStore(builtinData(), () => analysis);
		store.start();
		flushSync();
		await settle();
		expect(analysis.asked).toBe(1);
		expect(store.figures.size).toBe(11); // the 14 built-in strikes, 3 of them without a position
		expect(store.figures.get('IQ-SY-002')?.borderDistance).toBeCloseTo(25_680, -1);

		const [template] = builtinData().incidents;
		store.addImport({
			info: { id: 'mine', title: 'mine.csv', credit: '', description: '' },
			incidents: [
				{ ...template!, id: 'mine-1', properties: { ...template!.properties, id: 'mine-1' } }
			],
			report: {
				format: 'csv',
				total: 1,
				imported: 1,
				unlocated: 0,
				rejected: [],
				notes: [],
				fileError: null
			},
			visible: true
		});
		flushSync();
		await settle();
		expect(analysis.asked).toBe(2);
		expect(store.figures.size).toBe(12);
	});

	it('keeps the answer for the newest set of incidents when answers arrive out of order', async () => {
		const { service, held } = heldAnalysis();
		store = new IncidentStore(builtinData(), () => service);
		const older = store.computeFigures();
		store.builtinVisible = false;
		const newer = store.computeFigures();
		held[1]!.release();
		await newer;
		held[0]!.release();
		await older;
		expect(store.figures.size).toBe(0);
		expect(held[1]!.request.ids).toEqual([]);
	});

	it('groups incidents at one position into a site, by date', () => {
		store = new IncidentStore(builtinData(), inThreadAnalysis);
		const hajin = store.siteOf(store.byId.get('IQ-SY-007')!);
		expect(hajin).toEqual(['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011']);
		const unlocated = store.byId.get('IQ-SY-003')!;
		expect(store.siteOf(unlocated)).toEqual(['IQ-SY-003']);
		expect(store.unlocated.map((incident) => incident.id)).toEqual([
			'IQ-SY-003',
			'IQ-SY-004',
			'IQ-SY-008'
		]);
	});

	it('counts the ids an import would shadow, whatever their length', () => {
		const [a, b] = builtinData().incidents;
		const as = (incident: typeof a, id: string) => ({ ...incident!, id });
		const part = buildColumnsPart([as(a, 'x:1'), as(b, 'x:22')]);
		expect(shadowingCount([part], new Set(['IQ-SY-002', 'y:1']))).toBe(0);
		expect(shadowingCount([part], new Set(['x:22', 'x:3']))).toBe(1);
		expect(shadowingCount([part, part], new Set(['x:1', 'x:22']))).toBe(4);
	});
});
