import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createAppState } from './app-state';
import {
	builtinData,
	inThreadAnalysis,
	InThreadFilterEngine,
	MemoryBrowser,
	settle
} from './testing/stand-ins';

describe('createAppState', () => {
	it('builds and starts the whole state; one dispose stops it', async () => {
		const engines: InThreadFilterEngine[] = [];
		const analysis = inThreadAnalysis();
		const app = createAppState(builtinData(), {
			analysis: () => analysis,
			filterEngine: (handlers) => {
				const engine = new InThreadFilterEngine(handlers);
				engines.push(engine);
				return engine;
			},
			imports: {
				createWorker: () => {
					throw new Error('no import in this test');
				},
				datasets: new MemoryBrowser().tab()
			}
		});
		flushSync();
		await settle();
		expect(app.filters.result?.count).toBe(14);
		expect(analysis.asked).toBe(1);
		expect(app.incidents.figures.size).toBe(11);
		expect(app.imports.storageError).toBeNull();

		app.dispose();
		expect(engines[0]!.calls.at(-1)).toBe('dispose');
		// Stopped: new incidents are no longer measured.
		app.incidents.builtinVisible = false;
		flushSync();
		await settle();
		expect(analysis.asked).toBe(1);
	});
});
