import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRow } from '../../src/lib/data/csv';
import { launchChromium, MemorySampler, run, serve } from './app-server';
import { machine, thousands } from './report';
import { mainThreadTasks, type MainThreadTask } from './trace';

/**
 * Importing a large ACLED-format CSV in the app (production build, headless Chromium): rows per
 * second from choosing the file to the report, the browser's peak memory, and the longest
 * main-thread task meanwhile (PerformanceObserver "longtask"). The file is SYNTHETIC: invented
 * rows in ACLED's 31 columns, marked so in every row, with some bad ones mixed in.
 */

const PORT = 4183;
const HEADER = [
	'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1',
	'assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region',
	'country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale',
	'notes,fatalities,tags,timestamp'
]
	.join(',')
	.split(',');

export async function writeSynthetic(path: string, rows: number): Promise<number> {
	const out = createWriteStream(path);
	out.write(csvRow(HEADER));
	let seed = 42;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	let bad = 0;
	for (let i = 0; i < rows; i++) {
		const day = new Date(Date.UTC(2014, 0, 1) + Math.floor(random() * 3650) * 86400000);
		// One row in a hundred is broken: out-of-range latitude.
		const broken = i % 100 === 99;
		if (broken) bad++;
		const lat = broken ? 134.2 : 32 + random() * 5;
		const line = csvRow([
			`SYNTH${i}`,
			day.toISOString().slice(0, 10),
			day.getUTCFullYear(),
			1 + Math.floor(random() * 3),
			'Political violence',
			'Explosions/Remote violence',
			'Air/drone strike',
			'SYNTHETIC actor A',
			'',
			'State forces',
			'SYNTHETIC actor B',
			'',
			'Rebel group',
			'State forces-Rebel group',
			'',
			760,
			'Middle East',
			'Syria',
			'Deir ez-Zor',
			'',
			'',
			`SYNTHETIC place ${i % 500}`,
			lat.toFixed(4),
			(38 + random() * 5).toFixed(4),
			1 + Math.floor(random() * 3),
			'SYNTHETIC source; another',
			'National',
			'SYNTHETIC row for the import benchmark, not a real event, "quoted", with commas',
			Math.floor(random() * 20),
			'',
			1700000000 + i
		]);
		if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	}
	await new Promise<void>((resolve) => out.end(() => resolve()));
	return bad;
}

/** Reloads the page and times the saved datasets' return: until the count reads `count` again. */
async function measureRestore(page: Page, count: string) {
	await page.addInitScript(() => {
		const tasks: number[] = [];
		Reflect.set(window, '__restoreTasks', tasks);
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push(entry.duration);
		}).observe({ type: 'longtask', buffered: true });
	});
	const start = performance.now();
	await page.reload();
	await page.waitForFunction(
		(expected) =>
			document.querySelector('[data-testid=incident-count]')?.textContent?.trim() ===
			expected.trim(),
		count,
		{ timeout: 1_200_000, polling: 100 }
	);
	const countMs = performance.now() - start;
	const tasks = await page.evaluate(() => Reflect.get(window, '__restoreTasks') as number[]);
	return { countMs, tasks: tasks.length, longest: Math.max(0, ...tasks) };
}

/** Long tasks from now on, read (and forgotten) by the function returned. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
	await page.evaluate(() => {
		const tasks: number[] = [];
		Reflect.set(window, '__watched', tasks);
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	return () =>
		page.evaluate(() => (Reflect.get(window, '__watched') as number[]).splice(0, Infinity));
}

type Exported = { ms: number; mb: number; longest: number } | string;

/** One data export from the open dialog: button → file, its size and the longest task. */
async function exportFile(page: Page, button: string, longTasks: () => Promise<number[]>) {
	await longTasks();
	const start = performance.now();
	try {
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 300_000 }),
			page.getByTestId(button).click()
		]);
		const path = await download.path();
		const exported: Exported = {
			ms: performance.now() - start,
			mb: statSync(path).size / 2 ** 20,
			longest: Math.max(0, ...(await longTasks()))
		};
		// The dialog's buttons wait while a file is written; the next export waits for them.
		await page.getByTestId(button).and(page.locator(':enabled')).waitFor({ timeout: 300_000 });
		return exported;
	} catch (error) {
		return `no file (${String(error).split('\n')[0]?.slice(0, 120)})`;
	}
}

/**
 * With every row back: a GeoJSON and a GeoParquet export of all of them (the dialog open, so
 * the map is still), then the first search in the box, to the first incident suggested.
 */
async function measureExportAndSearch(page: Page) {
	const longTasks = await watchLongTasks(page);
	await page.getByTestId('export-button').click();
	await page.getByTestId('export-dialog').waitFor();
	// The image preview draws first (its read-back from the GPU is a long task of its own).
	await page.getByTestId('export-preview').waitFor({ timeout: 300_000 });
	const exported = await exportFile(page, 'export-geojson', longTasks);
	const parquet = await exportFile(page, 'export-geoparquet', longTasks);
	await page.keyboard.press('Escape');
	await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
	await longTasks();
	const start = performance.now();
	await page.getByTestId('search').fill('SYNTHETIC place 23');
	await page.getByTestId('suggestion-incident').first().waitFor({ timeout: 600_000 });
	const searchMs = performance.now() - start;
	return { exported, parquet, searchMs };
}

/** A task's longest own work (its time less the wait for the GPU process), and how many > 200 ms. */
function ownOf(tasks: MainThreadTask[]) {
	const longest = tasks.reduce((top, task) => (task.own > top.own ? task : top), {
		own: 0,
		duration: 0,
		gpuWait: 0
	} as Pick<MainThreadTask, 'own' | 'duration' | 'gpuWait'>);
	return { longest, over200: tasks.filter((task) => task.own > 200).length };
}

const ownCell = ({ longest, over200 }: ReturnType<typeof ownOf>) =>
	`${Math.round(longest.own)} ms (a task of ${Math.round(longest.duration)} ms, ${Math.round(longest.gpuWait)} ms of it waiting for the GPU process; tasks over 200 ms of own work: ${over200})`;

/**
 * The import in a browser of its own, to map idle: timed alone, or traced. Neither shares a run
 * with the memory sampling, and the timed one not with a trace: each took 3 to 4 s from a
 * 500,000-row import's time to map idle here (32.7 s alone, 36.0 traced, 36.9 sampled, one run
 * each, 2026-12-04), and a trace's buffers count in the browser's memory. Traced, it gives each
 * main-thread task's own work, while parsing and while adding the rows, the map's frames apart.
 */
async function importInFreshBrowser(port: number, file: string, trace: boolean) {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 300_000 });
		await page.getByRole('tab', { name: 'Data' }).click();
		const tracePath = join(tmpdir(), `import-trace-${process.pid}.json`);
		if (trace) {
			await browser.startTracing(page, {
				path: tracePath,
				categories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'gpu']
			});
			await page.evaluate(() => performance.mark('bench-start'));
		}
		const start = performance.now();
		await page.getByTestId('import-input').setInputFiles(file);
		await page.getByTestId('import-report').waitFor({ timeout: 1_200_000 });
		const parsedMs = performance.now() - start;
		await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 1_200_000 });
		const settledMs = performance.now() - start;
		if (!trace) return { parsedMs, settledMs, own: null };
		await page.evaluate(() => performance.mark('bench-end'));
		await browser.stopTracing();
		const traced = mainThreadTasks(readFileSync(tracePath, 'utf8'), 'bench-start', 'bench-end');
		rmSync(tracePath, { force: true });
		const parsedAt = await page.evaluate(
			() =>
				(performance.getEntriesByName('import-parsed')[0]?.startTime ?? Infinity) -
				(performance.getEntriesByName('bench-start')[0]?.startTime ?? 0)
		);
		// The map's frames (tasks that ran animation-frame callbacks: MapLibre drawing, with
		// SwiftShader's shader compiles and buffer uploads) apart from everything else.
		const parsingTasks = traced.filter((task) => task.start < parsedAt);
		const addingTasks = traced.filter((task) => task.start >= parsedAt);
		const own = {
			parsing: ownOf(parsingTasks),
			adding: ownOf(addingTasks.filter((task) => !task.animationFrame)),
			frames: ownOf(addingTasks.filter((task) => task.animationFrame))
		};
		return { parsedMs, settledMs, own };
	} finally {
		await browser.close();
	}
}

export async function benchImport(
	root: string,
	quick: boolean,
	size: number | null = null
): Promise<string> {
	const rows = size ?? (quick ? 20_000 : 500_000);
	const file = join(tmpdir(), `synthetic-acled-${rows}.csv`);
	const bad = await writeSynthetic(file, rows);
	const megabytes = statSync(file).size / 2 ** 20;
	run(root, ['node_modules/vite/bin/vite.js', 'build'], 'vite build');
	const server = await serve(root, PORT);
	const { alone, traced } = await (async () => ({
		alone: await importInFreshBrowser(PORT, file, false),
		traced: await importInFreshBrowser(PORT, file, true)
	}))().catch((error: unknown) => {
		server.kill();
		throw error;
	});
	const own = traced.own;
	if (!own) throw new Error('the traced import gave no trace');
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 300_000 });
		await page.evaluate(() => {
			const tasks: { start: number; duration: number }[] = [];
			Reflect.set(window, '__tasks', tasks);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) {
					tasks.push({ start: entry.startTime, duration: entry.duration });
				}
			}).observe({ type: 'longtask' });
		});
		await page.getByRole('tab', { name: 'Data' }).click();
		const memory = new MemorySampler();
		// The page's own JS heap (the main thread's V8 heap; the workers have their own).
		const cdp = await page.context().newCDPSession(page);
		const heapMb = async () =>
			((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
		const heapBefore = await heapMb();
		let heapPeak = heapBefore;
		let asking = false;
		const sampler = setInterval(() => {
			memory.sample();
			if (asking) return;
			asking = true;
			void heapMb()
				.then((mb) => (heapPeak = Math.max(heapPeak, mb)))
				.catch(() => {})
				.finally(() => (asking = false));
		}, 200);
		const start = performance.now();
		await page.getByTestId('import-input').setInputFiles(file);
		await page.getByTestId('import-report').waitFor({ timeout: 1_200_000 });
		const parsedMs = performance.now() - start;
		await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 1_200_000 });
		const settledMs = performance.now() - start;
		clearInterval(sampler);
		// Long tasks before the page received the last row (parsing streams in the worker; the
		// page takes batches), and after (adding the rows to the app's state and the map).
		const { parsing, adding } = await page.evaluate(() => {
			const parsed = performance.getEntriesByName('import-parsed')[0]?.startTime ?? Infinity;
			const tasks = Reflect.get(window, '__tasks') as { start: number; duration: number }[];
			const before = tasks.filter((task) => task.start < parsed).map((task) => task.duration);
			const after = tasks.filter((task) => task.start >= parsed).map((task) => task.duration);
			return {
				parsing: { count: before.length, longest: Math.max(0, ...before) },
				adding: { count: after.length, longest: Math.max(0, ...after) }
			};
		});
		const report = await page.getByTestId('import-report').innerText();
		const count = await page.getByTestId('incident-count').innerText();
		// Saved by the import worker after the rows are shown; then a reload restores them.
		await page.waitForSelector('[data-testid=dataset][data-saved=true]', { timeout: 1_200_000 });
		const savedMs = performance.now() - start;
		const saveError = await page.getByTestId('import-storage-error').count();
		const restore = await measureRestore(page, count);
		const { exported, parquet, searchMs } = await measureExportAndSearch(page);
		const exportCell = (result: Exported) =>
			typeof result === 'string'
				? `**${result}**`
				: `${(result.ms / 1000).toFixed(1)} s (${result.mb.toFixed(0)} MB; longest task ${Math.round(result.longest)} ms)`;
		const command = rows === 500_000 ? 'import' : `import --rows=${rows}`;
		return `### Import (\`npm run bench -- ${command}\`)

${machine().replace(', one core used', '')}; Chromium on SwiftShader, production build.
A SYNTHETIC ACLED-format CSV (all 31 columns, quoted notes with commas and quotes):
${thousands(rows)} rows, ${megabytes.toFixed(0)} MB, one row in a hundred with an out-of-range
latitude (${thousands(bad)} rows), imported through the file input on top of the 14 built-in
incidents.

| | |
| --- | ---: |
| file chosen → report shown (hashing, streaming parse in the worker, rows handed over, added), timed alone | ${(alone.parsedMs / 1000).toFixed(1)} s |
| rows per second, to the report, timed alone | ${thousands(Math.round((rows / alone.parsedMs) * 1000))} |
| file chosen → map idle with the new incidents (filters, clusters, distances), timed alone | ${(alone.settledMs / 1000).toFixed(1)} s |
| the same two with memory sampled (the run the memory, save, reload and export rows come from) | ${(parsedMs / 1000).toFixed(1)} s, ${(settledMs / 1000).toFixed(1)} s |
| the same two with a trace recorded (the run the trace rows come from) | ${(traced.parsedMs / 1000).toFixed(1)} s, ${(traced.settledMs / 1000).toFixed(1)} s |
| longest main-thread task while parsing (long tasks: ${parsing.count}) | ${Math.round(parsing.longest)} ms |
| longest main-thread task adding the rows to the app and the map (long tasks: ${adding.count}) | ${Math.round(adding.longest)} ms |
| the most own work in one main-thread task while parsing (trace) | ${ownCell(own.parsing)} |
| the most own work in one main-thread task adding the rows, the map's frames aside (trace) | ${ownCell(own.adding)} |
| the most own work in one of the map's frames meanwhile (trace) | ${ownCell(own.frames)} |
| browser processes' resident memory (RSS, summed): before → peak | ${Math.round(memory.before.rss)} → ${Math.round(memory.peak.rss)} MB |
| the same, shared pages split between the processes sharing them (PSS, summed) | ${Math.round(memory.before.pss)} → ${Math.round(memory.peak.pss)} MB |
| the page's JS heap (main thread): before → peak | ${Math.round(heapBefore)} → ${Math.round(heapPeak)} MB |
| file chosen → saved in IndexedDB (column chunks, a record per batch of 5,000 rows, written by the worker)${saveError ? ' **(the save failed)**' : ''} | ${(savedMs / 1000).toFixed(1)} s |
| reload → the same count back (read and checked in a worker) | ${(restore.countMs / 1000).toFixed(1)} s |
| longest main-thread task from the reload to that count (long tasks: ${restore.tasks}) | ${Math.round(restore.longest)} ms |
| then a GeoJSON export of every row: button → file | ${exportCell(exported)} |
| then a GeoParquet export of every row: button → file | ${exportCell(parquet)} |
| then "SYNTHETIC place 23" typed in the search box → the first incident suggested | ${(searchMs / 1000).toFixed(1)} s |

The report read: "${report.split('\n')[0]?.slice(0, 160)}"; the count: "${count}".
Goals at 500,000 rows: file → count and map updated ≤ 40 s; no task over 200 ms of our own work;
browser processes ≤ 2 GB at peak (PSS); after a reload the count back ≤ 15 s. Timed alone means
in a browser of its own, with nothing recording a trace or sampling memory: both slow a large
import down here, so the three are separate runs, each in a fresh browser, of the same file
(MemorySampler, app-server.ts). The memory sampler's own time in its run:
${(memory.ownMs / 1000).toFixed(1)} s over ${thousands(memory.samples)} samples.
Every map repaint here is a main-thread task of 110–240 ms on SwiftShader (see the browser
benchmark), so long tasks are counted while the map also redraws; the "own work" rows read a
trace of the same stretch and leave out each task's wait for the GPU process (the frame's
read-back from SwiftShader, trace.ts). Own work is everything else the main thread did in the
task: our code, MapLibre's, style, layout and garbage collection. How the rows reach the map: the
import worker parses them and sends them to the page in batches of 5,000 as columns
(incident-chunk.ts), each with its filter columns (\`ColumnsPart\`, filter-engine.ts) and their
totals (facet counts, first and last day, rows with a position), built where the rows are; it
drops a batch's objects once sent and keeps its columns to save. The page keeps the rows as those
columns and decodes a row only when it shows one (incident-rows.ts). It sends each dataset's filter
columns to the filter worker once, copied over several short tasks (filter-client.ts), and reads
the facets, the time span and the located count from the parts' totals; the filter worker joins the
parts of the datasets shown, sorts them by date, normalises their search text a slice at a time
while idle, and cuts the map's points into vector tiles (point-tiles.ts) as MapLibre asks for them;
the page only relays each tile's bytes. The distances are asked of the analysis worker with the
positions alone (no ids), in a task of their own, and reach the border column in order; the id
index is built at the first lookup. What is still the page's: copying the parts to the filter
worker (about 20 ms a batch of 5,000 here), the positions read for the distances, the list's and
panels' layout, and MapLibre's drawing and tile handling. Restoring: the restore worker reads the
saved chunks one at a time (the next asked for while it works on one) and checks each column by
column (every distinct text once, the numbers in their arrays: import/chunk-check.ts); a chunk
whose rows all pass as stored goes to the page as it was stored, with filter columns built from its
rows, and any other is decoded and checked row by row as an import would. The page sends each
batch's filter columns on to the filter worker as it arrives, so the filter worker holds them all
when the last comes. Exporting: the rows are decoded and written 1,000 at a time, each part a Blob, with
a pause between parts; the file is the Blobs joined. The search box's index reads the rows' ids,
dates and places from their columns.
`;
	} finally {
		await browser.close();
		server.kill();
		rmSync(file, { force: true });
	}
}
