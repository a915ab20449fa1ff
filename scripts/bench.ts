/**
 * Benchmarks, measured here and recorded in BENCHMARKS.md (each in its own marked section).
 *
 *   npm run bench              # all, full size (minutes)
 *   npm run bench -- --quick   # small sizes, to check the benchmarks themselves run
 *   npm run bench -- border    # only those whose name contains "border"
 *   npm run bench -- import --rows=200000   # the import at another size (its own section)
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnalyzeCli } from './bench/analyze-cli';
import { benchBorderDistance } from './bench/border-distance';
import { benchBrowser } from './bench/browser';
import { benchExport } from './bench/export';
import { benchImport } from './bench/import';
import { recordSection } from './bench/report';
import { benchVideo } from './bench/video';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((arg) => !arg.startsWith('--'));
const rowsArg = args.find((arg) => arg.startsWith('--rows='));
const importRows = rowsArg ? Number(rowsArg.slice('--rows='.length)) : null;
if (importRows !== null && !(Number.isSafeInteger(importRows) && importRows > 0)) {
	throw new Error(`--rows wants a whole number of rows, not ${rowsArg}`);
}

const benches: [name: string, run: () => string | Promise<string>][] = [
	['border-distance', () => benchBorderDistance(root, quick)],
	['analyze-cli', () => benchAnalyzeCli(root, quick)],
	['browser', () => benchBrowser(root, quick)],
	['export', () => benchExport(root, quick)],
	['import', () => benchImport(root, quick, importRows)],
	['video', () => benchVideo(root, quick)]
];
/** The import at a size other than the default is recorded in a section of its own. */
const sectionOf = (name: string) =>
	name === 'import' && importRows !== null && importRows !== 500_000
		? `import-${importRows}`
		: name;

for (const [name, run] of benches) {
	if (only.length > 0 && !only.some((filter) => name.includes(filter))) continue;
	console.error(`bench: ${name}${quick ? ' (quick)' : ''}…`);
	const markdown = await run();
	console.log(markdown);
	if (!quick) await recordSection(join(root, 'BENCHMARKS.md'), sectionOf(name), markdown);
}
