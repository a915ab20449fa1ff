/**
 * The analyze CLI against broken and hostile input and output (issue 10): every row is written
 * or reported, nothing is written where it should not be, and every failure exits non-zero with
 * a reason.
 */
import { execFile, spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	symlinkSync,
	writeFileSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'analyze-robust-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function analyze(args: string[]) {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['--import', 'tsx', 'scripts/analyze.ts', ...args],
			{ cwd: root, maxBuffer: 64 * 2 ** 20 }
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failure = error as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

const parse = (text: string) =>
	Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ',', skipEmptyLines: true }).data;

const noPartials = () =>
	expect(readdirSync(work).filter((name) => name.includes('.partial-'))).toEqual([]);

describe('analyze CLI: broken input', { timeout: 120_000 }, () => {
	it('one unterminated quote loses one row, reported with its line; the other nine come out', async () => {
		const lines = ['id,notes,latitude,longitude'];
		for (let i = 1; i <= 10; i++)
			lines.push(i === 3 ? `R${i},"unterminated,34.5,40.9` : `R${i},note ${i},34.5,40.9`);
		const input = join(work, 'unterminated.csv');
		writeFileSync(input, lines.join('\n') + '\n');
		const out = join(work, 'unterminated-out.csv');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		const rows = parse(readFileSync(out, 'utf8'));
		expect(rows.slice(1).map((row) => row[0])).toEqual([
			'R1',
			'R2',
			'R4',
			'R5',
			'R6',
			'R7',
			'R8',
			'R9',
			'R10'
		]);
		// input rows = output rows + reported rows
		expect(stderr).toMatch(
			/10 rows: 9 measured, 0 kept without results \(no valid position\), 1 rejected/
		);
		expect(stderr).toContain('row 3 (line 4): the quote that opens field 2 is never closed');
	});

	it('mixed LF, CR and CRLF line endings never merge rows', async () => {
		const input = join(work, 'mixed.csv');
		writeFileSync(
			input,
			'id,latitude,longitude\nA,34.5,40.9\rB,34.6,40.8\r\nC,34.7,40.7\nD,34.8,40.6\r'
		);
		const out = join(work, 'mixed-out.csv');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		expect(parse(readFileSync(out, 'utf8')).map((row) => row[0])).toEqual([
			'id',
			'A',
			'B',
			'C',
			'D'
		]);
		expect(stderr).toMatch(/4 rows: 4 measured/);
	});

	it('refuses a GeoJSON with a second "features" member, writing nothing', async () => {
		const input = join(work, 'two-features.geojson');
		const feature =
			'{"type":"Feature","geometry":{"type":"Point","coordinates":[40.8,34.6]},"properties":{}}';
		writeFileSync(
			input,
			`{"type":"FeatureCollection","features":[${feature}],"features":[${feature}]}`
		);
		const out = join(work, 'two-features-out.geojson');
		const { code, stderr } = await analyze([input, '--out', out]);
		expect(code).toBe(1);
		expect(stderr).toContain('the FeatureCollection has a second "features" member');
		expect(existsSync(out)).toBe(false);
		const named = join(work, 'two-names.geojson');
		writeFileSync(named, `{"type":"FeatureCollection","name":"a","features":[],"name":"b"}`);
		expect((await analyze([named, '--out', out])).stderr).toContain('a second "name" member');
		noPartials();
	});

	it.each([['"'], ['\n'], ['\r'], [';;']])('refuses the delimiter %j', async (delimiter) => {
		const { code, stderr } = await analyze([
			join(import.meta.dirname, 'fixtures/points.csv'),
			'--out',
			'-',
			'--delimiter',
			delimiter
		]);
		expect(code).toBe(1);
		expect(stderr).toMatch(/analyze: --delimiter: the delimiter (must be one character|cannot be)/);
	});
});

describe('analyze CLI: where it writes', { timeout: 120_000 }, () => {
	const input = join(import.meta.dirname, 'fixtures/points.csv');

	it('fails with a reason when the folder does not exist', async () => {
		const { code, stderr } = await analyze([input, '--out', '/nonexistent-dir/o.csv']);
		expect(code).toBe(1);
		expect(stderr).toContain(
			'analyze: cannot write /nonexistent-dir/o.csv: its folder does not exist'
		);
	});

	it('refuses to write onto a symbolic link, a named pipe, a device or a folder', async () => {
		const target = join(work, 'precious.txt');
		writeFileSync(target, 'keep me');
		const link = join(work, 'link.csv');
		symlinkSync(target, link);
		const fifo = join(work, 'pipe.csv');
		await promisify(execFile)('mkfifo', [fifo]);
		const folder = join(work, 'folder.csv');
		mkdirSync(folder);
		for (const [out, kind] of [
			[link, 'a symbolic link'],
			[fifo, 'a named pipe (FIFO)'],
			['/dev/null', 'a device'],
			[folder, 'a folder']
		]) {
			const { code, stderr } = await analyze([input, '--out', out!]);
			expect(code, out).toBe(1);
			expect(stderr).toContain(`refusing to write onto ${out}: it is ${kind}`);
		}
		expect(readlinkSync(link)).toBe(target);
		expect(readFileSync(target, 'utf8')).toBe('keep me');
		noPartials();
	});

	it('exits non-zero with a reason when standard output cannot be written (a full disk)', async () => {
		const full = openSync('/dev/full', 'w');
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'scripts/analyze.ts', input, '--out', '-'],
			{
				cwd: root,
				stdio: ['ignore', full, 'pipe']
			}
		);
		let stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		expect(code).toBe(1);
		expect(stderr).toContain('analyze: cannot write -: no space left on the device');
	});

	it('replaces a regular file, and only once the output is complete', async () => {
		const out = join(work, 'existing.csv');
		writeFileSync(out, 'old');
		const { code } = await analyze([input, '--out', out]);
		expect(code).toBe(0);
		expect(readFileSync(out, 'utf8')).toContain('border_distance_m');
	});
});

describe('analyze CLI: formulas in CSV output', { timeout: 120_000 }, () => {
	const input = join(work, 'formulas.csv');
	writeFileSync(
		input,
		'id,notes,actor,latitude,longitude,delta\r\n' +
			'F1,"=HYPERLINK(""http://example.org"",""x"")",+cmd|x,34.5,40.9,-5\r\n' +
			'F2,@SUM(A1),plain,-3.2,-5,-3.2\r\n'
	);

	it('neutralises cells a spreadsheet would run, by default; numbers stay numbers', async () => {
		const out = join(work, 'formulas-out.csv');
		expect((await analyze([input, '--out', out])).code).toBe(0);
		const rows = parse(readFileSync(out, 'utf8'));
		expect(rows[1]!.slice(0, 6)).toEqual([
			'F1',
			`'=HYPERLINK("http://example.org","x")`,
			"'+cmd|x",
			'34.5',
			'40.9',
			'-5'
		]);
		expect(rows[2]!.slice(0, 6)).toEqual(['F2', "'@SUM(A1)", 'plain', '-3.2', '-5', '-3.2']);
	});

	it('writes them as read with --raw-csv', async () => {
		const out = join(work, 'formulas-raw.csv');
		expect((await analyze([input, '--out', out, '--raw-csv'])).code).toBe(0);
		const text = readFileSync(out, 'utf8');
		expect(text).toContain('F1,"=HYPERLINK(""http://example.org"",""x"")",+cmd|x,34.5,40.9,-5,');
		expect(parse(text)[2]![1]).toBe('@SUM(A1)');
	});
});

describe('analyze CLI: worker threads', { timeout: 180_000 }, () => {
	it('a worker’s error stops the run with its reason, leaving no file and no process behind', async () => {
		const input = join(work, 'clash.geojson');
		const features = Array.from({ length: 5_000 }, (_, i) =>
			JSON.stringify({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [40, 34] },
				properties: i === 2_999 ? { border_distance_m: 1 } : { n: i }
			})
		);
		writeFileSync(input, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
		const out = join(work, 'clash-out.geojson');
		const { code, stderr } = await analyze([input, '--out', out, '--workers', '2']);
		expect(code).toBe(1);
		expect(stderr).toContain('feature 3000 already has a border_distance_m property');
		expect(existsSync(out)).toBe(false);
		noPartials();
	});

	it('writes the same bytes with workers as in one thread, in order, broken rows and all', async () => {
		const input = join(work, 'many.csv');
		const lines = ['event_id_cnty,notes,latitude,longitude'];
		for (let i = 0; i < 60_000; i++) {
			const notes = i % 7 === 0 ? `"row ${i}, quoted ""x"""` : `row ${i}`;
			const broken = i === 31_337 ? '"broken' : '';
			const position =
				i % 1000 === 999
					? ','
					: `${(27 + (i % 120) / 10).toFixed(3)},${(33 + (i % 170) / 10).toFixed(3)}`;
			lines.push(`E${i},${broken}${notes},${position}`);
		}
		writeFileSync(input, lines.join('\n') + '\n');
		const one = join(work, 'many-0.csv');
		const two = join(work, 'many-2.csv');
		const [a, b] = [
			await analyze([input, '--out', one, '--workers', '0']),
			await analyze([input, '--out', two, '--workers', '2'])
		];
		expect([a.code, b.code]).toEqual([0, 0]);
		expect(readFileSync(two).equals(readFileSync(one))).toBe(true);
		expect(b.stderr).toMatch(
			/60,000 rows: 59,9\d\d measured, 60 kept without results \(no valid position\), 1 rejected/
		);
	});
});
