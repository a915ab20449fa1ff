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
