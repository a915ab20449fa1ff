import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';

/** Where and when a benchmark ran, for the record. */
export function machine(): string {
	const cpu = cpus()[0]?.model ?? 'unknown CPU';
	const memory = Math.round(totalmem() / 2 ** 30);
	return `${new Date().toISOString().slice(0, 10)}, ${cpu}, ${cpus().length} cores, ${memory} GiB, Node ${process.version}, one core used`;
}

/** Replaces the section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in BENCHMARKS.md. */
export async function recordSection(file: string, name: string, markdown: string): Promise<void> {
	const start = `<!-- bench:${name} -->`;
	const end = `<!-- /bench:${name} -->`;
	const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
	const block = `${start}\n${markdown.trim()}\n${end}`;
	const at = current.indexOf(start);
	const next =
		at >= 0
			? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length)
			: `${current.trimEnd()}\n\n${block}\n`;
	// Formatted as the repository is, so `npm run lint` stays clean after a run.
	await writeFile(file, await format(next, { ...(await resolveConfig(file)), filepath: file }));
}

/** Best and median of repeated timings, in milliseconds. */
export function time(runs: number, work: () => void): { best: number; median: number } {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		work();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { best: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

export const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
export const thousands = (n: number) => n.toLocaleString('en');
