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

/** Resident memory of every process under this one (the browser and its helpers), in MB. */
export function browserMemoryMb(): number {
	const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
	const rows = table
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const rss = new Map(rows.map(([pid, , kb]) => [pid, kb]));
	let total = 0;
	const stack = [...(children.get(process.pid) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total / 1024;
}
