/** Marker colours for imported datasets (the built-in data is red): distinct, colour-blind safe. */
const PALETTE = ['#1f6fb2', '#7b3294', '#1b7837', '#b35806', '#01665e', '#c51b7d', '#4d4d4d'];

/** The first palette colour no other dataset uses (they repeat past seven). */
export function nextColour(used: readonly (string | undefined)[]): string {
	const taken = new Set(used);
	return (
		PALETTE.find((colour) => !taken.has(colour)) ??
		PALETTE[used.length % PALETTE.length] ??
		'#1f6fb2'
	);
}

/** One worker per import: cancelling an import terminates it. */
export function createImportWorker(): Worker {
	return new Worker(new URL('../data/import/import.worker.ts', import.meta.url), {
		type: 'module'
	});
}

/**
 * A new dataset's id: readable where it shows (the dataset facet, incident ids, links), made
 * of the file's name and the time, without ":" or "/" (incident ids are "<dataset>:<id>").
 */
export function datasetId(fileName: string, time: number): string {
	return `${fileName.replace(/[^\w.-]+/g, '-').slice(0, 40)}-${time.toString(36)}`;
}

export const nowIso = () => new Date().toISOString();
