import Papa from 'papaparse';
import { restoreFormula } from '../csv';
import type { RowImport } from './importer';

/**
 * The CSV steps of an import, for a whole string (importText) and for a file streamed by the
 * import worker alike. Papa Parse splits the text into records; this module decides what each
 * record is, by its position in the file, never by its position in a batch:
 * - comment lines this app's CSV export writes before the header ("# citation: …") are skipped;
 * - the first record left is the header, which chooses the row mapping;
 * - every record after it is imported or rejected with the parser's complaint about it;
 * - a quoted field that is never closed swallows, for Papa Parse, the rest of the file into one
 *   field. Nothing after its opening quote holds another quote (that is why it is unclosed), so
 *   that record ends at its line break, and is rejected, and the lines after it are read as the
 *   records they are: one broken quote costs one row, not the rest of the file.
 */

export interface CsvHooks {
	/** How much is read at a time: bytes of a file, characters of a string (all at once if unset). */
	chunkSize?: number;
	/** The text encoding of a file (a string is text already). Default UTF-8. */
	encoding?: string;
	/** After each chunk's rows are accounted for, with the fraction of the input read. */
	onChunk?(fraction: number): void;
	/** Once every row is accounted for (or the header fitted no format). */
	onDone?(): void;
	/** The input could not be read at all. */
	onError?(message: string): void;
}

/** What Papa Parse's complaints mean for a row, in words. */
function problemOf(error: Papa.ParseError): string {
	if (error.code === 'InvalidQuotes') {
		return 'a quoted field is malformed: a quote inside it is not doubled ("")';
	}
	return error.message;
}

const UNCLOSED =
	'a quote opens a field that no quote closes before the end of the file: this row is ' +
	'rejected, and the rows after it are read on their own';

/** Comment lines before the header, as this app's CSV export writes them ("# …"). */
const LEADING_COMMENTS = /^(?:#(?:[ \t][^\r\n]*)?(?:\r\n|\n|\r))+/;
/** The permalink comment line of this app's own CSV export (incident-export.ts). */
const OWN_EXPORT = /^# permalink: /m;

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/**
 * A file as the readable stream Papa Parse takes (it asks for `readable`, `read` and `on`):
 * slices read one after another and decoded by one streaming TextDecoder, so a character whose
 * bytes straddle two slices is decoded whole (decoding each slice alone would break it), and
 * any encoding TextDecoder knows can be read.
 */
function decodedStream(
	blob: Blob,
	encoding: string,
	chunkSize: number,
	progress: (bytes: number) => void
) {
	type Listener = (value?: unknown) => void;
	const listeners = new Map<string, Listener[]>();
	const emit = (event: string, value?: unknown) => {
		for (const listener of listeners.get(event) ?? []) listener(value);
	};
	let started = false;
	let stopped = false;
	const pump = async () => {
		try {
			const decoder = new TextDecoder(encoding);
			for (let start = 0; start < blob.size && !stopped; start += chunkSize) {
				const bytes = await blob.slice(start, start + chunkSize).arrayBuffer();
				progress(Math.min(blob.size, start + chunkSize));
				const text = decoder.decode(bytes, { stream: true });
				if (text !== '' && !stopped) emit('data', text);
			}
			const rest = decoder.decode();
			if (rest !== '' && !stopped) emit('data', rest);
			if (!stopped) emit('end');
		} catch (error) {
			emit('error', error instanceof Error ? error : new Error(String(error)));
		}
	};
	return {
		stream: {
			readable: true,
			read() {},
			pause() {},
			resume() {},
			on(event: string, listener: Listener) {
				listeners.set(event, [...(listeners.get(event) ?? []), listener]);
				if (!started) {
					started = true;
					queueMicrotask(() => void pump());
				}
			},
			removeListener(event: string, listener: Listener) {
				listeners.set(
					event,
					(listeners.get(event) ?? []).filter((other) => other !== listener)
				);
			}
		},
		stop() {
			stopped = true;
		}
	};
}

/**
 * Parses CSV into `rows`: synchronously for a string, streaming (asynchronously) for a Blob.
 * Every record is accounted for in `rows` by the time onDone is called.
 */
export function parseCsv(input: string | Blob, rows: RowImport, hooks: CsvHooks = {}): void {
	let headerRead = false;
	let stopped = false;
	let bytesRead = 0;
	const size = typeof input === 'string' ? input.length : input.size;

	/** Accounts for one record; false when the import cannot go on (no usable header). */
	let ownExport = false;
	const take = (fields: string[], problem?: string): boolean => {
		if (isBlank(fields) && !problem) return true;
		if (headerRead) {
			rows.record(ownExport ? fields.map(restoreFormula) : fields, problem);
			return true;
		}
		headerRead = true;
		if (problem) {
			rows.fileError = `the header cannot be read: ${problem}`;
			return false;
		}
		return rows.header(fields);
	};

	/** A record whose last field was never closed, and everything Papa Parse put in it. */
	const recover = (fields: string[], delimiter: string, newline: string): boolean => {
		const swallowed = fields[fields.length - 1] ?? '';
		const cut = swallowed.indexOf(newline);
		const own = cut < 0 ? swallowed : swallowed.slice(0, cut);
		if (!take([...fields.slice(0, -1), own], UNCLOSED)) return false;
		if (cut < 0) return true;
		// No quote in what follows (else it would have closed the field): plain lines.
		const after = Papa.parse<string[]>(swallowed.slice(cut + newline.length), {
			delimiter,
			newline: newline as Papa.ParseConfig['newline'],
			header: false,
			skipEmptyLines: false
		});
		return after.data.every((record) => take(record));
	};

	const stream =
		typeof input === 'string'
			? null
			: decodedStream(input, hooks.encoding ?? 'utf-8', hooks.chunkSize ?? 2 ** 21, (bytes) => {
					bytesRead = bytes;
				});
	const stop = () => {
		stopped = true;
		stream?.stop();
	};

	const config: Papa.ParseLocalConfig<string[], Papa.LocalFile> = {
		header: false,
		skipEmptyLines: false,
		...(typeof input === 'string' && hooks.chunkSize ? { chunkSize: hooks.chunkSize } : {}),
		beforeFirstChunk(chunk) {
			const text = chunk.replace(/^\uFEFF/, '');
			const comments = LEADING_COMMENTS.exec(text)?.[0] ?? '';
			if (comments === '') return text;
			// The app's own export put a ' before cells a spreadsheet would run: take it off again.
			ownExport = OWN_EXPORT.test(comments);
			const lines = comments.split(/\r\n|\n|\r/).length - 1;
			rows.notes.add(
				`${lines} comment line${lines === 1 ? '' : 's'} before the header (starting with "#") ` +
					'were skipped'
			);
			return text.slice(comments.length);
		},
		chunk(results, parser) {
			if (stopped) return;
			const { delimiter, linebreak } = results.meta;
			// A complaint belongs to the record at its index in this batch's data; one at or past
			// its end is about a record cut by the batch's end, which comes again, whole, next time.
			const problems = new Map<number, Papa.ParseError>();
			for (const error of results.errors) {
				if (
					error.row !== undefined &&
					error.row < results.data.length &&
					!problems.has(error.row)
				) {
					problems.set(error.row, error);
				}
			}
			for (let index = 0; index < results.data.length; index++) {
				const fields = results.data[index] ?? [];
				const error = problems.get(index);
				const goOn =
					error?.code === 'MissingQuotes'
						? recover(fields, delimiter, linebreak)
						: take(fields, error && problemOf(error));
				if (!goOn) {
					stop();
					parser.abort();
					return;
				}
			}
			hooks.onChunk?.(
				typeof input === 'string' ? results.meta.cursor / Math.max(1, size) : bytesRead / size
			);
		},
		complete() {
			if (!headerRead && !rows.fileError) rows.header([]);
			stop();
			hooks.onDone?.();
		},
		error(error: Error) {
			stop();
			hooks.onError?.(error.message);
		}
	};
	// A string takes the same config (Papa Parse reads it in one piece, or in chunkSize pieces).
	const source = stream ? (stream.stream as unknown as Papa.LocalFile) : input;
	Papa.parse<string[], Papa.LocalFile>(source as Papa.LocalFile, config);
}
