/**
 * `npm run analyze`: runs the analyze CLI (scripts/analyze.ts) from a bundle built with esbuild,
 * so that a run starts in plain Node. Run through tsx instead, the process and each of its
 * worker threads start a TypeScript loader first (about 0.2 s each, and a loader thread each).
 *
 * The bundle lives in node_modules/.cache/analyze-cli and is rebuilt (about 0.1 s) whenever a
 * file it was built from, or this file, differs in size or modification time from when it was
 * built. A new build goes into a folder of its own and then becomes current by renaming one small
 * file, so a run already going keeps the build it started with. Where no bundle can be built
 * (node_modules read-only, say), the CLI runs through tsx instead, slower, and says so.
 *
 * Plain JavaScript on purpose: this file must run before anything is compiled.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');
/** ANALYZE_CLI_CACHE puts the bundles elsewhere (the tests use it for a cache that cannot be written). */
const cache = process.env.ANALYZE_CLI_CACHE || join(root, 'node_modules', '.cache', 'analyze-cli');
const current = join(cache, 'current.json');
/** Builds no run can still be using: older than this, they are removed. */
const STALE_BUILD_MS = 60 * 60 * 1000;

/** Size and modification time, or null for a file that is gone. */
function stamp(path) {
	try {
		const { size, mtimeMs } = statSync(path);
		return [size, mtimeMs];
	} catch {
		return null;
	}
}

/** The current build's folder if every file it was built from is unchanged, else null. */
function upToDate() {
	let record;
	try {
		record = JSON.parse(readFileSync(current, 'utf8'));
	} catch {
		return null;
	}
	for (const [path, size, mtimeMs] of record.inputs) {
		const now = stamp(join(root, path));
		if (!now || now[0] !== size || now[1] !== mtimeMs) return null;
	}
	return join(cache, record.folder);
}

async function rebuild() {
	const { build } = await import('esbuild');
	const folder = `build-${process.pid}-${Date.now()}`;
	const outdir = join(cache, folder);
	mkdirSync(outdir, { recursive: true });
	const result = await build({
		absWorkingDir: root,
		entryPoints: { analyze: 'scripts/analyze.ts', worker: 'scripts/analyze/worker.ts' },
		outdir,
		bundle: true,
		splitting: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		metafile: true,
		logLevel: 'error',
		define: { __ANALYZE_ROOT__: JSON.stringify(root) },
		// The CommonJS packages bundled in (GeographicLib) may require Node's own modules.
		banner: {
			js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
		}
	});
	const inputs = [...Object.keys(result.metafile.inputs), 'scripts/analyze-cli.mjs', 'package.json']
		.map((path) => [path, stamp(join(root, path))])
		.filter(([, now]) => now !== null)
		.map(([path, [size, mtimeMs]]) => [path, size, mtimeMs]);
	const staging = `${current}.${process.pid}.tmp`;
	writeFileSync(staging, JSON.stringify({ folder, inputs }));
	renameSync(staging, current);
	for (const name of readdirSync(cache)) {
		if (!name.startsWith('build-') || name === folder) continue;
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
		await runThroughTsx(error instanceof Error ? error.message.split('\n')[0] : String(error));
	}
}
if (folder !== null) await import(pathToFileURL(join(folder, 'analyze.js')).href);
