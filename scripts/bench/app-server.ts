import { readFileSync } from 'node:fs';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';

/** What the browser benchmarks share: Chromium, a build step and the static server. */

/** The tests' Chromium, with performance.memory reporting real figures. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions(['--enable-precise-memory-info']));
}

export function run(root: string, args: string[], what = args.join(' ')) {
	const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${what} failed:\n${result.stderr}`);
}

export async function serve(root: string, port: number): Promise<ChildProcess> {
	const server = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/serve.ts', 'build', String(port)],
		{ cwd: root, stdio: 'ignore' }
	);
	for (let attempt = 0; attempt < 100; attempt++) {
		const up = await fetch(`http://127.0.0.1:${port}/`).then(
			(response) => response.ok,
			() => false
		);
		if (up) return server;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	server.kill();
	throw new Error('the static server did not start');
}

/** This process's descendants: the browser's processes, and the static server. */
function browserProcesses(): number[] {
	const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
	const rows = table
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const found: number[] = [];
	const stack = [...(children.get(process.pid) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		found.push(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return found;
}

/**
 * The browser's memory in MB, summed over its processes: resident (RSS, which counts a page
 * shared by several processes — Chromium's code, shared memory — once in each) and
 * proportional (PSS, which splits each shared page between the processes sharing it, so the
 * sum is what the browser holds). Here before an import: RSS 1,009 MB, PSS 554 MB.
 */
export function browserMemory(): { rss: number; pss: number } {
	let [rss, pss] = [0, 0];
	for (const pid of browserProcesses()) {
		try {
			// Chromium's processes only: the static server is this process's child too.
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
			const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
			const kb = (key: string) =>
				Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
			rss += kb('Rss');
			pss += kb('Pss');
		} catch {
			// The process ended between ps and the read.
		}
	}
	return { rss: rss / 1024, pss: pss / 1024 };
}

/** The browser processes' resident memory, summed (MB; see browserMemory). */
export function browserMemoryMb(): number {
	return browserMemory().rss;
}

/** Resident pages are counted in /proc/<pid>/statm in pages of this size (Linux on x86-64). */
const PAGE_BYTES = 4096;
/** How often the browser's process list is read again (processes come and go rarely). */
const PROCESS_LIST_MS = 2_000;
/** PSS is read when the RSS sum has grown by this much since the last reading, and every… */
const PSS_GROWTH = 1.02;
const PSS_EVERY_MS = 2_000;

/**
 * The browser's peak memory while a benchmark runs, sampled at a cost the benchmark can bear.
 * Reading every process's PSS (smaps_rollup makes the kernel walk its page tables) and listing
 * the processes with `ps` cost about 75 ms a sample during a 500,000-row import here, a third
 * of a core of two taken from the browser it measures. So the process list is read every 2 s,
 * RSS (statm, which costs next to nothing) every tick, and PSS only when the RSS sum has grown
 * by 2 % since PSS was last read, or 2 s have passed. Its own time is kept, to be reported.
 */
export class MemorySampler {
	readonly before: { rss: number; pss: number };
	readonly peak: { rss: number; pss: number };
	/** The sampler's own time (ms) and samples taken. */
	ownMs = 0;
	samples = 0;
	#pids: number[] = [];
	#listedAt = -Infinity;
	#pssAt = -Infinity;
	#rssAtPss = 0;

	constructor() {
		this.before = browserMemory();
		this.peak = { ...this.before };
		this.#rssAtPss = this.before.rss;
		this.#pssAt = performance.now();
	}

	/** One reading: call it every tick of the benchmark's own timer. */
	sample(): void {
		const start = performance.now();
		if (start - this.#listedAt > PROCESS_LIST_MS) {
			this.#pids = browserProcesses().filter(isChromium);
			this.#listedAt = start;
		}
		let rss = 0;
		for (const pid of this.#pids) {
			try {
				rss +=
					(Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES) / 2 ** 20;
			} catch {
				// The process has ended since it was listed.
			}
		}
		this.peak.rss = Math.max(this.peak.rss, rss);
		if (rss > this.#rssAtPss * PSS_GROWTH || start - this.#pssAt > PSS_EVERY_MS) {
			this.peak.pss = Math.max(this.peak.pss, browserMemory().pss);
			this.#rssAtPss = rss;
			this.#pssAt = performance.now();
		}
		this.samples++;
		this.ownMs += performance.now() - start;
	}
}

function isChromium(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom');
	} catch {
		return false;
	}
}
