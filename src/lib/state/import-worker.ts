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

export const nowIso = () => new Date().toISOString();
