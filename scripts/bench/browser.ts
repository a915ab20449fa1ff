import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, run, serve } from './app-server';
import { machine, thousands } from './report';
import { mainThreadTasks, summarise, type InteractionSummary } from './trace';

/**
 * The app in headless Chromium on the production build, with the 14 embedded incidents and with
 * a large synthetic dataset: load, filter changes, a 5 s brush drag and 5 s of playback, heap,
 * and the obvious alternative (re-upload the matching GeoJSON with `setData` on each change,
 * into a clustered source) measured in the same page.
 */

const PORT = 4181;
const VIEWPORT = { width: 1280, height: 800 };
const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'gpu', 'cc'];
const SYNTHETIC_FILE = 'synthetic-bench.geojson';

interface DatasetRun {
	label: string;
	loadMs: number;
	heapMb: number;
	filterMs: number[];
	naiveMs: number[];
	naiveLongestTask: number;
	drag: InteractionSummary;
	playback: InteractionSummary & { steps: number };
	repaint: { duration: number; own: number };
}

export async function benchBrowser(root: string, quick: boolean): Promise<string> {
	const count = quick ? 20_000 : 200_000;
	run(root, ['node_modules/vite/bin/vite.js', 'build'], 'vite build');
	const synthetic = join(root, 'build', SYNTHETIC_FILE);
	run(root, ['--import', 'tsx', 'scripts/synth.ts', '--count', String(count), '--out', synthetic]);
	const megabytes = statSync(synthetic).size / 2 ** 20;
	const server = await serve(root, PORT);
	const browser = await launchChromium();
	try {
		const small = await benchDataset(browser, '14 incidents (embedded)', '');
		// Above 20,000 shown the map draws density by itself; the markers, chosen, are measured too.
		const markers = await benchDataset(
			browser,
			`${thousands(count)} synthetic, markers (\`view=markers\`)`,
			`&data=${SYNTHETIC_FILE}#view=markers`
		);
		const large = await benchDataset(
			browser,
			`${thousands(count)} synthetic, density (the default above 20,000)`,
			`&data=${SYNTHETIC_FILE}`
		);
		return report([small, markers, large], megabytes);
	} finally {
		await browser.close();
		server.kill();
		rmSync(synthetic, { force: true });
	}
}

const idle = '[data-testid=map][data-idle=true]';

/** Lets a just-dispatched input reach the app (it acts on the next frame), then waits for idle. */
async function settle(page: Page) {
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
	);
	await page.waitForSelector(idle, { timeout: 300_000 });
}

async function traced<T>(
	browser: Browser,
	page: Page,
	work: () => Promise<T>
): Promise<{ result: T; trace: string }> {
	const path = join(tmpdir(), `bench-trace-${process.pid}.json`);
	await browser.startTracing(page, { path, categories: TRACE_CATEGORIES });
	await page.evaluate(() => performance.mark('bench-start'));
	const result = await work();
	await page.evaluate(() => performance.mark('bench-end'));
	await browser.stopTracing();
	const trace = readFileSync(path, 'utf8');
	rmSync(path, { force: true });
	return { result, trace };
}

async function benchDataset(browser: Browser, label: string, query: string): Promise<DatasetRun> {
	const page = await browser.newPage({ viewport: VIEWPORT });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	console.error(`bench: browser, ${label}: load…`);
	const started = performance.now();
	await page.goto(`http://127.0.0.1:${PORT}/?bench${query}`);
	await page.waitForSelector(idle, { timeout: 600_000 });
	const loadMs = performance.now() - started;

	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const heapMb = await page.evaluate(
		() =>
			((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
				0) /
			2 ** 20
	);

	const plot = page.getByTestId('timeline-plot');
	const box = await plot.boundingBox();
	if (!box) throw new Error('no timeline plot');
	const y = box.y + box.height / 2;

	// Filter changes: a click on a bar selects its period (one at a time, spread over the data).
	console.error(`bench: browser, ${label}: filter changes…`);
	const changes = 12;
	const filterMs: number[] = [];
	const windows: { from: string; to: string }[] = [];
	for (let k = 0; k < changes; k++) {
		const x = box.x + box.width * (0.06 + (0.88 * k) / (changes - 1));
		const t0 = performance.now();
		await page.mouse.click(x, y);
		await settle(page);
		filterMs.push(performance.now() - t0);
		windows.push({
			from: await page.getByTestId('date-from').inputValue(),
			to: await page.getByTestId('date-to').inputValue()
		});
	}

	// A 5 s brush drag across the timeline, a move every ~16 ms.
	console.error(`bench: browser, ${label}: brush drag…`);
	const { trace: dragTrace } = await traced(browser, page, async () => {
		await page.mouse.move(box.x + box.width * 0.1, y);
		await page.mouse.down();
		const dragStart = performance.now();
		for (let elapsed = 0; elapsed < 5000; elapsed = performance.now() - dragStart) {
			await page.mouse.move(box.x + box.width * (0.1 + (0.8 * elapsed) / 5000), y);
			await new Promise((resolve) => setTimeout(resolve, 16));
		}
		await page.mouse.up();
		await settle(page);
	});
	const drag = summarise(mainThreadTasks(dragTrace, 'bench-start', 'bench-end'));

	// 5 s of playback at 4 steps a second.
	console.error(`bench: browser, ${label}: playback…`);
	await page.getByTestId('clear-dates').click();
	await settle(page);
	await page.getByTestId('playback-speed').selectOption('4');
	const { result: steps, trace: playTrace } = await traced(browser, page, async () => {
		let stepsSeen = 0;
		let last = '';
		const playStart = performance.now();
		await page.getByTestId('play').click();
		while (performance.now() - playStart < 5000) {
			const from = await page.getByTestId('date-from').inputValue();
			if (from !== last) [stepsSeen, last] = [stepsSeen + 1, from];
			await new Promise((resolve) => setTimeout(resolve, 40));
		}
		await page.getByTestId('play').click();
		await settle(page);
		return stepsSeen;
	});
	const playback = {
		...summarise(mainThreadTasks(playTrace, 'bench-start', 'bench-end'), steps),
		steps
	};

	// One repaint with nothing changed: the renderer's own cost per frame on this machine.
	const { trace: repaintTrace } = await traced(browser, page, () =>
		page.evaluate(async () => {
			const map = Reflect.get(window, '__incidentMap') as {
				once(event: string, listener: () => void): void;
				triggerRepaint(): void;
			};
			for (let k = 0; k < 5; k++) {
				await new Promise<void>((resolve) => {
					map.once('render', () => resolve());
					map.triggerRepaint();
				});
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		})
	);
	const frames = mainThreadTasks(repaintTrace, 'bench-start', 'bench-end')
		.filter((task) => task.gpuWait > 0)
		.sort((a, b) => a.duration - b.duration);
	const frame = frames[Math.floor(frames.length / 2)];
	const repaint = { duration: frame?.duration ?? 0, own: frame?.own ?? 0 };

	console.error(`bench: browser, ${label}: naive setData…`);
	const { result: naiveMs, trace: naiveTrace } = await traced(browser, page, () =>
		naiveSetData(page, windows)
	);
	const naive = {
		ms: naiveMs,
		longestTask: summarise(mainThreadTasks(naiveTrace, 'bench-start', 'bench-end')).longestOwn
	};
	if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
	await page.close();
	return {
		label,
		loadMs,
		heapMb,
		filterMs,
		naiveMs: naive.ms,
		naiveLongestTask: naive.longestTask,
		drag,
		playback,
		repaint
	};
}

/**
 * The obvious alternative, in the same page: for each of the same date windows, pick the
 * matching features in JavaScript and `setData` them into a clustered GeoJSON source, then wait
 * for the map's `idle`.
 */
async function naiveSetData(page: Page, windows: { from: string; to: string }[]) {
	return page.evaluate(async (windows) => {
		interface Feature {
			properties: { date: string };
		}
		interface MapLike {
			addSource(id: string, source: object): void;
			addLayer(layer: object): void;
			getSource(id: string): { setData(data: object): void };
			once(event: string, listener: () => void): void;
		}
		const map = Reflect.get(window, '__incidentMap') as MapLike;
		const resource = performance
			.getEntriesByType('resource')
			.map((entry) => entry.name)
			.find((name) => /synthetic-bench\.geojson|strikes.*\.geojson/.test(name));
		if (!resource) throw new Error('no incident file among the loaded resources');
		const data = (await (await fetch(resource)).json()) as {
			features: (Feature & { geometry: unknown })[];
		};
		const located = data.features.filter((feature) => feature.geometry);
		map.addSource('naive', {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] },
			cluster: true,
			clusterMaxZoom: 7,
			maxzoom: 14
		});
		map.addLayer({ id: 'naive', type: 'circle', source: 'naive', paint: { 'circle-radius': 4 } });
		const ms: number[] = [];
		for (const { from, to } of windows) {
			const started = performance.now();
			const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
			const features = located.filter(
				(feature) => feature.properties.date >= from && feature.properties.date <= to
			);
			map.getSource('naive').setData({ type: 'FeatureCollection', features });
			await idle;
			ms.push(performance.now() - started);
		}
		return ms;
	}, windows);
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const medianOf = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? 0;
/** Nearest-rank 95th percentile. */
const p95Of = (values: number[]) =>
	sorted(values)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0;
const ms = (value: number) => `${thousands(Math.round(value))} ms`;
const ms1 = (value: number) => `${value.toFixed(1)} ms`;

function report(runs: DatasetRun[], megabytes: number): string {
	const row = (label: string, cell: (run: DatasetRun) => string) =>
		`| ${label} | ${runs.map(cell).join(' | ')} |`;
	const large = runs[runs.length - 1]!;
	const goals = [
		['≤ 4 ms main-thread work per input event (drag handlers, max)', large.drag.handlerMax <= 4],
		[
			'zero long tasks of our own (> 50 ms excluding the GPU wait) in drag and playback',
			large.drag.longOwnTasks + large.playback.longOwnTasks === 0
		],
		['filter → idle p95 ≤ 1 s', p95Of(large.filterMs) <= 1000],
		['heap < 400 MB', large.heapMb < 400]
	] as const;
	return `
### Browser: timeline, filters and map (\`npm run bench -- browser\`)

${machine().replace(', one core used', '')}; Chromium ${VIEWPORT.width}×${VIEWPORT.height}, WebGL on
SwiftShader (CPU), production build. The synthetic file is ${megabytes.toFixed(0)} MB of GeoJSON
(\`npm run synth\`). "Own" work is main-thread time minus the time the thread waits for the GPU
process to hand back a frame (see below).

| | ${runs.map((run) => run.label).join(' | ')} |
| --- | ${runs.map(() => '---:').join(' | ')} |
${row('load → map idle (everything drawn)', (run) => ms(run.loadMs))}
${row('JS heap after load (main thread, after GC)', (run) => `${run.heapMb.toFixed(0)} MB`)}
${row('filter change → map idle, median / p95 / max (12 changes)', (run) => `${ms(medianOf(run.filterMs))} / ${ms(p95Of(run.filterMs))} / ${ms(Math.max(...run.filterMs))}`)}
${row('**naive** `setData` per change → idle, median / p95', (run) => `${ms(medianOf(run.naiveMs))} / ${ms(p95Of(run.naiveMs))}`)}
${row('naive ÷ ours, median', (run) => `**${(medianOf(run.naiveMs) / medianOf(run.filterMs)).toFixed(1)}×**`)}
${row('naive: longest own main-thread task', (run) => ms(run.naiveLongestTask))}
${row('5 s brush drag: pointer events', (run) => String(run.drag.inputs))}
${row('drag: time in the handlers per pointer move, median / max', (run) => `${ms1(run.drag.handlerMedian)} / ${ms1(run.drag.handlerMax)}`)}
${row('drag: all own main-thread work ÷ events', (run) => ms1(run.drag.ownPerInput))}
${row('drag: long tasks, all / with > 50 ms own work', (run) => `${run.drag.longTasks} / ${run.drag.longOwnTasks}`)}
${row('5 s playback (4 steps/s): steps', (run) => String(run.playback.steps))}
${row('playback: own main-thread work per step', (run) => ms1(run.playback.ownPerInput))}
${row('playback: long tasks, all / with > 50 ms own work', (run) => `${run.playback.longTasks} / ${run.playback.longOwnTasks}`)}
${row('one repaint, nothing changed: main-thread task / own part', (run) => `${ms(run.repaint.duration)} / ${ms1(run.repaint.own)}`)}

Goals at ${runs[runs.length - 1]!.label}: ${goals.map(([goal, met]) => `${goal}: **${met ? 'met' : 'not met'}**`).join('; ')}.

How to read the long tasks: every repaint of the map is a main-thread task of about
${ms(large.repaint.duration)} here even when nothing changed, almost all of it
(\`GLES2::ReadPixels\` in the frame commit) waiting while SwiftShader draws the frame on the CPU
for Chromium's software compositor; the same holds with 14 incidents. So on this machine any
interaction that repaints the map shows long tasks, and the column that measures this code is
the one "with > 50 ms own work". The naive approach's longest own task is building the filtered
collection and handing it to MapLibre's worker (which then re-tiles and re-clusters it).
`;
}
