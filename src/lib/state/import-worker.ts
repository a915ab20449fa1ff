/** Marker colours for imported datasets (the built-in data is red): distinct, colour-blind safe. */
// Dark enough to stand 3:1 on every ground of the map, bands included (contrast.test.ts).
export const PALETTE = [
	'#19598e',
	'#7b3294',
	'#16622d',
	'#884305',
	'#016159',
	'#a21666',
	'#4d4d4d'
];

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

export const nowIso = () => new Date().toISOString();
