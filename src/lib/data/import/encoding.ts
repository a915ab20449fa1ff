/**
 * Which text encoding a file is in. UTF-8 is checked, not assumed: a fatal TextDecoder over
 * every byte. A file that is not valid UTF-8 is most likely an older spreadsheet's export in
 * a Windows code page (Arabic Windows-1256, or Western Windows-1252, which browsers also use
 * for Latin-1), and only the user can tell which: both decode any bytes without complaint, so
 * guessing would turn one language into mojibake of another without a word. The import asks,
 * with a line of the file as each would read it.
 */

export interface EncodingOption {
	/** A label TextDecoder knows. */
	encoding: string;
	/** In words, for the user. */
	label: string;
	/** A line of the file (the first with a byte outside ASCII) as this encoding reads it. */
	sample: string;
}

export type EncodingCheck =
	{ encoding: string; note?: string } | { ask: EncodingOption[]; reason: string };

/** The encodings offered for a file that is not UTF-8, before the user says which. */
export const LEGACY_ENCODINGS: readonly Omit<EncodingOption, 'sample'>[] = [
	{ encoding: 'windows-1256', label: 'Arabic (Windows-1256)' },
	{ encoding: 'windows-1252', label: 'Western European (Windows-1252 / Latin-1)' }
];

/** Whether the bytes are valid UTF-8, read a piece at a time (the text is not kept). */
export function isUtf8(bytes: Uint8Array, piece = 1 << 22): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		for (let start = 0; start < bytes.length; start += piece) {
			decoder.decode(bytes.subarray(start, start + piece), { stream: true });
		}
		decoder.decode();
		return true;
	} catch {
		return false;
	}
}

/** The first line holding a byte outside ASCII: where encodings differ, so a user can tell. */
function sampleLine(bytes: Uint8Array): Uint8Array {
	const at = bytes.findIndex((byte) => byte >= 0x80);
	if (at < 0) return bytes.subarray(0, 0);
	let start = at;
	while (start > 0 && at - start < 60 && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) {
		start--;
	}
	let end = at;
	while (end < bytes.length && end - start < 120 && bytes[end] !== 0x0a && bytes[end] !== 0x0d) {
		end++;
	}
	return bytes.subarray(start, end);
}

/**
 * Arabic in Windows-1256 is written almost wholly in bytes above 0x7F, so they come in runs
 * (whole words); Western text has an accented letter here and there among ASCII. The share of
 * high bytes next to another high byte puts the likelier encoding first.
 */
function looksArabic(bytes: Uint8Array): boolean {
	let high = 0;
	let inRuns = 0;
	const end = Math.min(bytes.length, 1 << 16);
	for (let i = 0; i < end; i++) {
		if ((bytes[i] ?? 0) < 0x80) continue;
		high++;
		if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRuns++;
	}
	return high > 0 && inRuns / high > 0.5;
}

/** The legacy encodings a non-UTF-8 file may be in, the likelier first, each with a sample. */
export function encodingOptions(bytes: Uint8Array): EncodingOption[] {
	const line = sampleLine(bytes);
	const options = LEGACY_ENCODINGS.map((option) => ({
		...option,
		sample: new TextDecoder(option.encoding).decode(line)
	}));
	return looksArabic(bytes) ? options : [...options].reverse();
}

/**
 * The encoding to read a file in: UTF-16 when its byte-order mark says so, UTF-8 when every
 * byte is valid UTF-8, otherwise a question for the user.
 */
export function checkEncoding(bytes: Uint8Array): EncodingCheck {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {
			encoding: 'utf-16le',
			note: 'read as UTF-16 (little-endian), as its byte-order mark says'
		};
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {
			encoding: 'utf-16be',
			note: 'read as UTF-16 (big-endian), as its byte-order mark says'
		};
	}
	if (isUtf8(bytes)) return { encoding: 'utf-8' };
	return {
		ask: encodingOptions(bytes),
		reason: 'is not UTF-8 text: it was probably saved in an older encoding'
	};
}

/**
 * Control bytes other than tab, CR and LF never occur in text of these encodings: an image, a
 * zip… (UTF-16 has zero bytes throughout: its byte-order mark is checked first.)
 */
export function looksBinary(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, 4096);
	for (let i = 0; i < end; i++) {
		const byte = bytes[i] ?? 0;
		if (byte <= 0x08 || (byte >= 0x0e && byte <= 0x1a)) return true;
	}
	return false;
}

/** Whether TextDecoder knows an encoding (the worker is told one by the page). */
export function isKnownEncoding(encoding: string): boolean {
	try {
		new TextDecoder(encoding);
		return true;
	} catch {
		return false;
	}
}
