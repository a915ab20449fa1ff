import { DATASET_COLOURS } from '$lib/data/palette';

const PALETTE: readonly string[] = DATASET_COLOURS;

/** The first palette colour no other dataset uses (they repeat past seven). */
export function nextColour(used: readonly (string | undefined)[]): string {
	const taken = new Set(used);
	return (
		PALETTE.find((colour) => !taken.has(colour)) ??
		PALETTE[used.length % PALETTE.length] ??
		DATASET_COLOURS[0]
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
