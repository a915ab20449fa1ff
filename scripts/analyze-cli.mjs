/**
 * `npm run analyze`: runs the analyze CLI (scripts/analyze.ts) from a bundle built with esbuild,
 * so that a run starts in plain Node. Run through tsx instead, the process and each of its
 * worker threads start a TypeScript loader first (about 0.2 s each, and a loader thread each).
 *
 * The bundle lives in node_modules/.cache/analyze-cli and is rebuilt (about 0.1 s) whenever a
 * file it was built from, this file, package.json, tsconfig.json or the installed packages
 * differ in size or modification time from when it was built, or the project has moved. A new
 * build goes into a folder of its own and then becomes current by renaming one small file, so a
 * run already going keeps the build it started with. Where no bundle can be written (node_modules
 * read-only, say), the CLI runs through tsx instead, slower, and says so; code esbuild cannot
 * compile is reported as the error it is.
 *
 * Plain JavaScript on purpose: this file must run before anything is compiled.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
/** ANALYZE_CLI_CACHE puts the bundles elsewhere (the tests use it for a cache that cannot be written). */
const cache = process.env.ANALYZE_CLI_CACHE || join(root, 'node_modules', '.cache', 'analyze-cli');
const current = join(cache, 'current.json');
/**
 * A build not picked for this long is one no run can still be using, and is removed. Each run
 * touches the folder of the build it picks, so the age counts from the last run, not the build.
 */
const STALE_BUILD_MS = 60 * 60 * 1000;
/** Read besides the sources esbuild reports: a change to any of them can change the bundle. */
const SETTINGS = [
	'scripts/analyze-cli.mjs',
	'package.json',
	'tsconfig.json',
	'node_modules/.package-lock.json'
];

/** Size and modification time, or null for a file that is gone. */
function stamp(path) {
	try {
		const { size, mtimeMs } = statSync(path);
		return [size, mtimeMs];
	} catch {
		return null;
	}
}

/** The record of the current build, or null where there is none or it cannot be read. */
function currentRecord() {
	try {
		const record = JSON.parse(readFileSync(current, 'utf8'));
		if (typeof record?.folder !== 'string' || !Array.isArray(record.inputs)) return null;
		return record;
	} catch {
		return null;
	}
}

/** The current build's folder if it was built here and every file it was built from is unchanged. */
function upToDate() {
	const record = currentRecord();
	if (record === null || record.root !== root) return null;
	for (const input of record.inputs) {
		if (!Array.isArray(input)) return null;
		const [path, size, mtimeMs] = input;
		const now = stamp(join(root, String(path)));
		if (!now || now[0] !== size || now[1] !== mtimeMs) return null;
	}
	const folder = join(cache, record.folder);
	if (stamp(join(folder, 'analyze.js')) === null) return null;
	touch(folder);
	return folder;
}

/** Marks a build as in use now (its folder's modification time), so no rebuild removes it. */
function touch(folder) {
	try {
		const now = new Date();
		utimesSync(folder, now, now);
	} catch {
		// A cache that cannot be written still runs; the build is only less protected.
	}
}

/** Code esbuild cannot compile, as opposed to a cache it cannot write (where tsx can stand in). */
function isCompileError(error) {
	return Array.isArray(error?.errors) && error.errors.length > 0;
}

async function rebuild() {
	const { build } = await import('esbuild');
	const folder = `build-${process.pid}-${Date.now()}`;
	const outdir = join(cache, folder);
	const record = currentRecord();
	const previous = record?.folder;
	mkdirSync(outdir, { recursive: true });
	// Stamped before building (the settings, and the sources the last build read): a file saved
	// while esbuild reads it then keeps its old stamp in the record, and the next run rebuilds.
	const known = [...SETTINGS, ...(record?.inputs ?? []).map((input) => String(input?.[0]))];
	const before = new Map(known.map((path) => [path, stamp(join(root, path))]));
	let result;
	try {
		result = await build({
			absWorkingDir: root,
			entryPoints: { analyze: 'scripts/analyze.ts', worker: 'scripts/analyze/worker.ts' },
			outdir,
			bundle: true,
			splitting: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			metafile: true,
			logLevel: 'silent',
			// The CommonJS packages bundled in (GeographicLib) may require Node's own modules.
			banner: {
				js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
			}
		});
	} catch (error) {
		rmSync(outdir, { recursive: true, force: true });
		throw error;
	}
	// A source new to this build is stamped now: one saved between esbuild's read and this stat
	// (a window of milliseconds, for a file just added) would be missed.
	const read = new Set([...SETTINGS, ...Object.keys(result.metafile.inputs)]);
	const inputs = [...read]
		.map((path) => [path, before.get(path) ?? stamp(join(root, path))])
		.filter(([, then]) => then !== null)
		.map(([path, [size, mtimeMs]]) => [path, size, mtimeMs]);
	const staging = `${current}.${process.pid}.tmp`;
	writeFileSync(staging, JSON.stringify({ root, folder, inputs }));
	renameSync(staging, current);
	for (const name of readdirSync(cache)) {
		if (!name.startsWith('build-') || name === folder || name === previous) continue;
		const age = Date.now() - (stamp(join(cache, name))?.[1] ?? Date.now());
		if (age > STALE_BUILD_MS) rmSync(join(cache, name), { recursive: true, force: true });
	}
	return outdir;
}

/** Without a bundle (a read-only node_modules, say), the TypeScript runs through tsx as before. */
async function runThroughTsx(reason) {
	console.error(`analyze: running without the bundle (${reason})`);
	const { register } = await import('tsx/esm/api');
	register();
	await import(pathToFileURL(join(root, 'scripts', 'analyze.ts')).href);
}

let folder = upToDate();
if (folder === null) {
	try {
		folder = await rebuild();
	} catch (error) {
		if (isCompileError(error)) {
			const { formatMessages } = await import('esbuild');
			const lines = await formatMessages(error.errors, { kind: 'error' });
			console.error(`analyze: the CLI's code does not compile\n${lines.join('')}`);
			process.exit(1);
		}
		await runThroughTsx(error instanceof Error ? error.message.split('\n')[0] : String(error));
	}
}
if (folder !== null) {
	globalThis.__analyzeCliRoot = root;
	await import(pathToFileURL(join(folder, 'analyze.js')).href);
}
