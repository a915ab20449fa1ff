import { parseCsv } from '../csv-stream';
import { RowImport, type ImportResult } from '../importer';

/** The import of some bytes streamed as the worker streams a file, `chunkSize` bytes a time. */
export function streamImport(
	content: string | Uint8Array,
	chunkSize: number,
	encoding?: string
): Promise<ImportResult> {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const rows = new RowImport('ds');
	return new Promise((resolve, reject) => {
		parseCsv(new Blob([bytes as BlobPart]), rows, {
			chunkSize,
			...(encoding ? { encoding } : {}),
			onDone: () => resolve(rows.result()),
			onError: (message) => reject(new Error(message))
		});
	});
}
