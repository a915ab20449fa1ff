import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { browserMemoryMb, launchChromium, run, serve } from './app-server';
import { machine } from './report';
import { mainThreadTasks } from './trace';

/**
 * A video export in headless Chromium (production build, 14 embedded incidents): 20 monthly
 * steps at 1080 × 1080, 30 fps, one second a step (600 frames), VP9 in WebM through WebCodecs
 * in a worker. Measured: the time from "Download video" to the file (per frame and per step,
 * and where a step's time goes: the off-screen map, the composition, waiting for the encoder);
 * peak memory (the page's JS heap from the DevTools protocol, and the browser's processes'
 * resident set); and the main thread's longest tasks while it runs (PerformanceObserver
 * 'longtask', and a trace that tells our own work from waiting for the GPU process).
 */

const PORT = 4184;
const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'gpu'];

interface StepTimes {
	map: number[];
	compose: number[];
	encoder: number[];
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

async function setUp(page: Page, steps: number) {
	// Twenty months: May 2017 to December 2018.
	const to = steps === 20 ? '2018-12-31' : '2017-08-31';
	await page.goto(`http://127.0.0.1:${PORT}/#map=7/34.6/40.6&from=2017-05-01&to=${to}`);
	await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 300_000 });
	await page.getByTestId('export-button').click();
	await page.getByTestId('export-preset').selectOption('square');
	await page.getByTestId('video-unit').selectOption('month');
	await page.getByTestId('video-mode').selectOption('window');
	await page.getByTestId('video-fps').selectOption('30');
	await page.getByTestId('video-seconds').fill('1');
	await page.getByTestId('video-hold-first').fill('0');
	await page.getByTestId('video-hold-last').fill('0');
	await page.waitForFunction(
		() => (document.querySelector('[data-testid=video-format]') as HTMLSelectElement)?.value,
		undefined,
		{ timeout: 60_000 }
	);
	const summary = await page.getByTestId('video-summary').innerText();
	if (!summary.startsWith(`${steps} steps`)) throw new Error(`unexpected video: ${summary}`);
	// The preview of the new size is not part of the export.
	await page.waitForFunction(
		() => document.querySelector('.preview')?.getAttribute('aria-busy') === 'false',
		undefined,
		{ timeout: 300_000, polling: 200 }
	);
	await page.waitForTimeout(1000);
}

export async function benchVideo(root: string, quick: boolean): Promise<string> {
	const steps = quick ? 4 : 20;
	run(root, ['node_modules/vite/bin/vite.js', 'build'], 'vite build');
	const server = await serve(root, PORT);
	const browser = await launchChromium();
	const tracePath = join(tmpdir(), `bench-video-trace-${process.pid}.json`);
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await setUp(page, steps);
		const format = await page.getByTestId('video-format').inputValue();
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		const heapMb = async () => {
			const { metrics } = await cdp.send('Performance.getMetrics');
			return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
		};
		await page.evaluate(() => {
			const longest: number[] = [];
			Reflect.set(window, '__longTasks', longest);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) longest.push(entry.duration);
			}).observe({ type: 'longtask' });
			performance.clearMeasures();
		});
		const heapBefore = await heapMb();
		const rssBefore = browserMemoryMb();
		let heapPeak = heapBefore;
		let rssPeak = rssBefore;
		const sampling = setInterval(() => {
			rssPeak = Math.max(rssPeak, browserMemoryMb());
			void heapMb().then(
				(mb) => (heapPeak = Math.max(heapPeak, mb)),
				() => undefined
			);
		}, 200);
		const loadBefore = loadavg()[0]!;
		await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
		await page.evaluate(() => performance.mark('bench-start'));
		const started = performance.now();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 1_800_000 }),
			page.getByTestId('export-video').click()
		]);
		const file = await download.path();
		const total = performance.now() - started;
		await page.evaluate(() => performance.mark('bench-end'));
		await browser.stopTracing();
		clearInterval(sampling);
		const loadAfter = loadavg()[0]!;
		const bytes = statSync(file).size;
		const frames = steps * 30;
		// (No named functions inside: tsx would wrap them in a helper the page does not have.)
		const [map, compose, encoder] = await page.evaluate(() =>
			['video: map', 'video: compose', 'video: encoder'].map((name) =>
				performance.getEntriesByName(name, 'measure').map((entry) => entry.duration)
			)
		);
		const times = { map: map ?? [], compose: compose ?? [], encoder: encoder ?? [] };
		const longTasks = await page.evaluate(() => Reflect.get(window, '__longTasks') as number[]);
		const tasks = mainThreadTasks(readFileSync(tracePath, 'utf8'), 'bench-start', 'bench-end');
		const longest = tasks.reduce((a, b) => (b.duration > a.duration ? b : a), tasks[0]!);
		const longestOwn = Math.max(0, ...tasks.map((task) => task.own));
		const over200 = tasks.filter((task) => task.own > 200).length;
		// Ours: the tasks that are not MapLibre drawing a frame (composition, handing frames to
		// the worker, the filter's answers, the dialog's progress).
		const ours = tasks.filter((task) => !task.animationFrame);
		const longestOurs = Math.max(0, ...ours.map((task) => task.duration));
		const oursOver200 = ours.filter((task) => task.duration > 200).length;
		const long = tasks.filter((task) => task.duration > 50);
		const longFrames = long.filter((task) => task.animationFrame).length;
		console.error(
			`bench: video ${steps} steps: ${(total / 1000).toFixed(1)} s, longest task ${ms(longest.duration)}`
		);
		return report({
			steps,
			frames,
			format,
			total,
			bytes,
			times,
			heap: [heapBefore, heapPeak],
			rss: [rssBefore, rssPeak],
			longestTask: Math.max(0, ...longTasks),
			longTasks: longTasks.length,
			longest,
			longestOwn,
			over200,
			longestOurs,
			oursOver200,
			longCount: long.length,
			longFrames,
			load: [loadBefore, loadAfter]
		});
	} finally {
		if (process.env.BENCH_KEEP_TRACE) console.error(`bench: trace kept at ${tracePath}`);
		else rmSync(tracePath, { force: true });
		await browser.close();
		server.kill();
	}
}

function report(r: {
	steps: number;
	frames: number;
	format: string;
	total: number;
	bytes: number;
	times: StepTimes;
	heap: [number, number];
	rss: [number, number];
	longestTask: number;
	longTasks: number;
	longest: { duration: number; gpuWait: number; own: number };
	longestOwn: number;
	over200: number;
	longestOurs: number;
	oursOver200: number;
	longCount: number;
	longFrames: number;
	load: [number, number];
}): string {
	const row = (name: string, values: number[]) =>
		`| ${name} | ${ms(median(values))} | ${ms(Math.max(0, ...values))} | ${ms(values.reduce((a, b) => a + b, 0))} |`;
	return `### Video export (\`npm run bench -- video\`)

${machine().replace(', one core used', '')}; load average ${r.load[0].toFixed(1)} before and
${r.load[1].toFixed(1)} after (other work shared the two cores). Chromium on SwiftShader (the map
is drawn on the CPU: a figure, not a goal), production build, 14 embedded incidents, view
\`#map=7/34.6/40.6\`, ${r.steps} monthly steps (May 2017 on, sliding window) at 1080 × 1080,
30 fps, 1 s a step: ${r.frames} frames, \`${r.format}\`, ${(r.bytes / 2 ** 20).toFixed(1)} MB.

- From "Download video" to the file: **${(r.total / 1000).toFixed(1)} s**, so
  **${(r.total / r.frames / 1000).toFixed(3)} s a frame** (${(r.total / r.steps / 1000).toFixed(2)} s a step:
  the map is drawn once a step, the ${r.frames / r.steps} frames of a step are encoded from it).
- Peak memory: the page's JS heap ${Math.round(r.heap[0])} MB before, **${Math.round(r.heap[1])} MB**
  at most (DevTools protocol \`JSHeapUsedSize\`, every 200 ms; the encoder's worker has its own);
  the browser's processes together ${Math.round(r.rss[0])} MB before, **${Math.round(r.rss[1])} MB**
  at most (resident, every 200 ms).
- Main thread while encoding: the longest task **${ms(r.longestTask)}** (PerformanceObserver
  \`longtask\`; ${r.longTasks} tasks over 50 ms). In the trace the longest task was
  ${ms(r.longest.duration)}, of which ${ms(r.longest.gpuWait)} waiting for the GPU process
  (SwiftShader drawing the off-screen map, read back); the most work of the main thread's own in
  one task was ${ms(r.longestOwn)} (${r.over200} tasks over 200 ms). Of the ${r.longCount} tasks over
  50 ms in the trace, ${r.longFrames} were MapLibre drawing a frame (a \`requestAnimationFrame\`
  callback: the off-screen map, the live map behind the dialog). The other tasks — the export's own: composing a frame (see below), copying it into a VideoFrame for the worker, the progress bar; and the workers' answers, where MapLibre takes the new mask and groups and flushes its GL commands — took **${ms(r.longestOurs)}** at
  the longest; ${r.oursOver200} of them over 200 ms.

Per step (the app's own \`performance.measure\`s):

| Part of a step | median | max | total |
| -------------- | -----: | --: | ----: |
${row('off-screen map: filter in the worker, mask and groups, drawn until idle', r.times.map)}
${row('composition (title, caption, legend, scale, inset, credits) on one canvas', r.times.compose)}
${row('handing the frame to the encoder worker (waiting while it is 2 steps behind)', r.times.encoder)}
`;
}
