/**
 * The analyze CLI end to end, as a user runs it: `npm run --silent analyze -- <in> --out <out>`.
 */
import { execFile } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { referenceBorderDistance } from '../../src/lib/analysis/testing/reference-border-distance';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'analyze-'));
const border = (
	JSON.parse(
		readFileSync(join(root, 'geodata/border/iraq-syria.geojson'), 'utf8')
	) as FeatureCollection<MultiLineString>
).features[0]!.geometry;

async function analyze(args: string[]) {
	try {
		const { stdout, stderr } = await run('npm', ['run', '--silent', 'analyze', '--', ...args], {
			cwd: root
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

// Each test starts the CLI as a process (several for the failure cases): on a busy two-core
// machine that can take longer than Vitest's default 5 s.
describe('analyze CLI', { timeout: 60_000 }, () => {
	it('round-trips GeoJSON: every feature in order, properties kept, measures added', async () => {
		const input = join(root, 'geodata/incidents/strikes.geojson');
		const out = join(work, 'strikes.geojson');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		const before = JSON.parse(readFileSync(input, 'utf8'));
		const after = JSON.parse(readFileSync(out, 'utf8'));
		expect(after.dataset).toEqual(before.dataset);
		expect(after.features.map((f: { id: string }) => f.id)).toEqual(
			before.features.map((f: { id: string }) => f.id)
		);
		after.features.forEach(
			(feature: { properties: Record<string, unknown>; geometry: unknown }, i: number) => {
				const {
					border_distance_m,
					border_side,
					nearest_place,
					nearest_place_km,
					nearest_place_source,
					...kept
				} = feature.properties;
				expect(kept).toEqual(before.features[i].properties);
				expect(feature.geometry).toEqual(before.features[i].geometry);
				if (feature.geometry === null) {
					expect([
						border_distance_m,
						border_side,
						nearest_place,
						nearest_place_km,
						nearest_place_source
					]).toEqual([null, null, null, null, null]);
				}
			}
		);
		const hajin = after.features[1].properties;
		expect(
			Math.abs(
				hajin.border_distance_m - referenceBorderDistance(border, 40.83083, 34.68944).distance
			)
		).toBeLessThan(0.01);
		expect(hajin).toMatchObject({
			border_side: 'SYR',
			nearest_place: 'Hajin',
			nearest_place_km: 0,
			nearest_place_source: 'curated'
		});
		expect(stderr).toMatch(/14 rows: 11 measured, 3 kept without results/);
		expect(stderr).toMatch(/row 3 \(IQ-SY-003\): no geometry/);
	});

	it('round-trips CSV: header, row order and every original field kept; bad rows kept and reported', async () => {
		const input = join(fixtures, 'points.csv');
		const out = join(work, 'points.csv');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		const text = readFileSync(out, 'utf8');
		expect(text.startsWith('\ufeff')).toBe(true);
		const parse = (csv: string) =>
			Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), {
				delimiter: ',',
				newline: '\r\n',
				skipEmptyLines: true
			}).data;
		const before = parse(readFileSync(input, 'utf8'));
		const after = parse(text);
		expect(after[0]).toEqual([
			...before[0]!,
			'border_distance_m',
			'border_side',
			'nearest_place',
			'nearest_place_km',
			'nearest_place_source'
		]);
		expect(after).toHaveLength(before.length);
		after.forEach((row, i) => expect(row.slice(0, 5)).toEqual(before[i]));

		const byId = Object.fromEntries(after.slice(1).map((row) => [row[0], row.slice(5)]));
		expect(Number(byId.A1![0])).toBeCloseTo(
			referenceBorderDistance(border, 40.83083, 34.68944).distance,
			2
		);
		expect(byId.A1!.slice(1)).toEqual(['SYR', 'Hajin', '0', 'curated']);
		expect(byId.A3![2]).toBe('Al-Baghuz Fawqani');
		for (const id of ['A4', 'A5', 'A6', 'A7']) expect(byId[id], id).toEqual(['', '', '', '', '']);
		// Paris is measured too, far outside the region, and is in neither country.
		expect(Number(byId.A8![0])).toBeCloseTo(
			referenceBorderDistance(border, 2.35, 48.86).distance,
			2
		);
		expect(byId.A8![1]).toBe('');

		expect(stderr).toMatch(/8 rows: 4 measured, 4 kept without results/);
		expect(stderr).toContain('row 4 (A4): latitude and longitude are blank');
		expect(stderr).toContain('row 5 (A5): latitude is given but longitude is missing');
		expect(stderr).toContain('row 6 (A6): latitude 134.2 is out of range');
		expect(stderr).toContain('row 7 (A7): "abc" is not a number');
	});

	it('measures to another line with --border, leaving the side empty', async () => {
		const line = (
			JSON.parse(
				readFileSync(join(fixtures, 'meridian.geojson'), 'utf8')
			) as FeatureCollection<LineString>
		).features[0]!.geometry;
		const out = join(work, 'meridian.csv');
		const { code, stderr } = await analyze([
			join(fixtures, 'points.csv'),
			'--out',
			out,
			'--border',
			join(fixtures, 'meridian.geojson')
		]);
		expect(code).toBe(0);
		const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), {
			delimiter: ',',
			skipEmptyLines: true
		}).data;
		const hajin = rows.find((row) => row[0] === 'A1')!;
		expect(Number(hajin[5])).toBeCloseTo(
			referenceBorderDistance(line, 40.83083, 34.68944).distance,
			2
		);
		expect(hajin[6]).toBe('');
		expect(stderr).toContain('border_side left empty');
	});

	it('writes to standard output with --out -', async () => {
		const { code, stdout } = await analyze([join(fixtures, 'points.csv'), '--out', '-']);
		expect(code).toBe(0);
		expect(stdout).toContain('border_distance_m');
		expect(stdout.split('\r\n').filter(Boolean)).toHaveLength(10); // header, 8 rows, one with a line break inside
	});

	it('fails clearly, leaving no half-written file', async () => {
		const noColumns = join(work, 'no-columns.csv');
		writeFileSync(noColumns, 'name,place\nA,B\n');
		const out = join(work, 'never.csv');
		const missing = await analyze([noColumns, '--out', out]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('no latitude column among name, place');

		const truncated = join(work, 'truncated.geojson');
		writeFileSync(
			truncated,
			readFileSync(join(root, 'geodata/incidents/strikes.geojson'), 'utf8').slice(0, 4000)
		);
		const cut = await analyze([truncated, '--out', join(work, 'never.geojson')]);
		expect(cut.code).toBe(1);
		expect(cut.stderr).toMatch(/the file ends early \(truncated JSON after \d+ features\)/);

		expect(existsSync(out)).toBe(false);
		expect(readdirSync(work).filter((name) => name.includes('.partial-'))).toEqual([]);

		const usage = await analyze([noColumns]);
		expect(usage.code).toBe(1);
		expect(usage.stderr).toContain('no --out file');
	});

	it('runs from a bundle that is rebuilt when a file it was built from changes', async () => {
		const input = join(root, 'geodata/incidents/strikes.geojson');
		const current = join(root, 'node_modules/.cache/analyze-cli/current.json');
		const build = () =>
			JSON.parse(readFileSync(current, 'utf8')) as { folder: string; inputs: [string][] };
		const first = await analyze([input, '--out', join(work, 'bundle-1.geojson')]);
		expect(first.code).toBe(0);
		const built = build();
		const inputs = built.inputs.map(([path]) => path);
		for (const path of [
			'scripts/analyze.ts',
			'scripts/analyze/worker.ts',
			'src/lib/analysis/border-distance.ts',
			'scripts/analyze-cli.mjs'
		])
			expect(inputs).toContain(path);

		expect((await analyze([input, '--out', join(work, 'bundle-2.geojson')])).code).toBe(0);
		expect(build().folder).toBe(built.folder);

		// A source edited (here only its modification time) makes the next run build afresh.
		const source = join(root, 'scripts/analyze/summary.ts');
		const { atime, mtime } = statSync(source);
		utimesSync(source, atime, new Date(mtime.getTime() + 1000));
		try {
			expect((await analyze([input, '--out', join(work, 'bundle-3.geojson')])).code).toBe(0);
		} finally {
			utimesSync(source, atime, mtime);
		}
		expect(build().folder).not.toBe(built.folder);
		const text = (name: string) => readFileSync(join(work, name), 'utf8');
		expect(text('bundle-3.geojson')).toBe(text('bundle-1.geojson'));
	});

	it('keeps a build a run picked within the hour, and rebuilds for a moved project or an odd record', async () => {
		const input = join(root, 'geodata/incidents/strikes.geojson');
		const cache = join(root, 'node_modules/.cache/analyze-cli');
		const current = join(cache, 'current.json');
		const record = () =>
			JSON.parse(readFileSync(current, 'utf8')) as { root: string; folder: string };
		const runOnce = async (name: string) =>
			expect((await analyze([input, '--out', join(work, name)])).code).toBe(0);
		const source = join(root, 'scripts/analyze/summary.ts');
		const { atime, mtime } = statSync(source);
		/** A source's modification time moved on, as an edit would, so the next run rebuilds. */
		const edit = (seconds: number) =>
			utimesSync(source, atime, new Date(mtime.getTime() + seconds * 1000));
		const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
		try {
			await runOnce('keep-1.geojson');
			const picked = record().folder;
			expect(record().root).toBe(root);
			// Built long ago, but picked by a run now: a rebuild two builds later must not remove it.
			utimesSync(join(cache, picked), twoHoursAgo, twoHoursAgo);
			await runOnce('keep-2.geojson');
			expect(record().folder).toBe(picked);
			const abandoned = join(cache, 'build-1-1');
			mkdirSync(abandoned, { recursive: true });
			utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
			edit(1);
			await runOnce('keep-3.geojson');
			edit(2);
			await runOnce('keep-4.geojson');
			expect(existsSync(join(cache, picked, 'analyze.js'))).toBe(true);
			expect(existsSync(abandoned)).toBe(false);

			// A record made for a project elsewhere (a cache shared through ANALYZE_CLI_CACHE) is stale.
			const built = record();
			writeFileSync(current, JSON.stringify({ ...built, root: '/elsewhere' }));
			await runOnce('keep-5.geojson');
			expect(record().folder).not.toBe(built.folder);
			expect(record().root).toBe(root);

			// A record without its list of inputs is rebuilt from, not a crash.
			writeFileSync(current, JSON.stringify({ folder: record().folder }));
			await runOnce('keep-6.geojson');
			expect(Array.isArray((record() as unknown as { inputs: unknown }).inputs)).toBe(true);
		} finally {
			utimesSync(source, atime, mtime);
		}
		const text = (name: string) => readFileSync(join(work, name), 'utf8');
		for (const name of ['keep-2', 'keep-3', 'keep-4', 'keep-5', 'keep-6'])
			expect(text(`${name}.geojson`)).toBe(text('keep-1.geojson'));
	});

	it('runs through tsx, and says so, where no bundle can be built', async () => {
		const input = join(root, 'geodata/incidents/strikes.geojson');
		const notAFolder = join(work, 'cache-is-a-file');
		writeFileSync(notAFolder, '');
		const bundled = await analyze([input, '--out', join(work, 'fallback-1.geojson')]);
		const fallback = await run(
			'npm',
			['run', '--silent', 'analyze', '--', input, '--out', join(work, 'fallback-2.geojson')],
			{
				cwd: root,
				env: { ...process.env, ANALYZE_CLI_CACHE: notAFolder }
			}
		);
		expect(bundled.code).toBe(0);
		expect(fallback.stderr).toContain('analyze: running without the bundle (');
		const text = (name: string) => readFileSync(join(work, name), 'utf8');
		expect(text('fallback-2.geojson')).toBe(text('fallback-1.geojson'));
	});
});
