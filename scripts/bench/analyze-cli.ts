import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/lib/data/testing/random';
import { machine, thousands } from './report';

/**
 * The analyze CLI on a large ACLED-style CSV: throughput and peak memory (as the CLI itself
 * reports them), to show it streams.
 */
export async function benchAnalyzeCli(root: string, quick: boolean): Promise<string> {
	const rows = quick ? 50_000 : 1_000_000;
	const work = mkdtempSync(join(tmpdir(), 'bench-analyze-'));
	const input = join(work, 'points.csv');
	const random = seededRandom(7);
	const out = createWriteStream(input);
	out.write('event_id_cnty,event_date,notes,latitude,longitude\n');
	for (let i = 0; i < rows; i++) {
		const blank = i % 1000 === 999;
		const lat = blank ? '' : (27 + 12 * random()).toFixed(5);
		const lon = blank ? '' : (33 + 17 * random()).toFixed(5);
		if (!out.write(`SYN${i},2018-01-01,"synthetic row ${i}, for benchmarking",${lat},${lon}\n`))
			await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	const megabytes = statSync(input).size / 2 ** 20;
	const run = spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/analyze.ts', input, '--out', join(work, 'out.csv')],
		{ cwd: root, encoding: 'utf8' }
	);
	rmSync(work, { recursive: true, force: true });
	if (run.status !== 0) throw new Error(`analyze failed: ${run.stderr}`);
	const summary = execSummary(run.stderr);
	return `
### Analyze CLI (\`npm run bench\`)

${machine()}. A synthetic ACLED-style CSV of ${thousands(rows)} rows (${megabytes.toFixed(0)} MB, one row in
1,000 without a position), streamed through \`npm run analyze\`:

\`\`\`
${summary}
\`\`\`
`;
}

/** The CLI's own summary on stderr, which reports time, rate and peak memory. */
function execSummary(stderr: string): string {
	return stderr
		.split('\n')
		.filter((line) => !/^\s+row \d+/.test(line) && !line.includes('… and'))
		.join('\n')
		.trim();
}
