/**
 * A list of strings as one UTF-8 buffer and where each ends. Hundreds of thousands of short
 * strings cost a worker message one serialised string each; packed, they are two buffers that
 * are transferred, not copied, and cost neither thread a pass over them.
 */
export interface PackedText {
	bytes: Uint8Array;
	/** Byte offset just past string i. */
	ends: Uint32Array;
}

export function packText(strings: readonly string[]): PackedText {
	const encoder = new TextEncoder();
	const encoded = strings.map((text) => encoder.encode(text));
	const ends = new Uint32Array(strings.length);
	let end = 0;
	encoded.forEach((bytes, i) => (ends[i] = end += bytes.length));
	const bytes = new Uint8Array(end);
	encoded.forEach((part, i) => bytes.set(part, (ends[i] ?? 0) - part.length));
	return { bytes, ends };
}

/** Several packed lists end to end, in new buffers (safe to transfer: the parts keep theirs). */
export function joinPackedText(parts: readonly PackedText[]): PackedText {
	const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.bytes.length, 0));
	const ends = new Uint32Array(parts.reduce((sum, part) => sum + part.ends.length, 0));
	let byte = 0;
	let at = 0;
	for (const part of parts) {
		bytes.set(part.bytes, byte);
		for (let i = 0; i < part.ends.length; i++) ends[at + i] = byte + (part.ends[i] ?? 0);
		byte += part.bytes.length;
		at += part.ends.length;
	}
	return { bytes, ends };
}

export function unpackText({ bytes, ends }: PackedText): string[] {
	const decoder = new TextDecoder();
	const strings: string[] = [];
	let start = 0;
	for (const end of ends) {
		strings.push(decoder.decode(bytes.subarray(start, end)));
		start = end;
	}
	return strings;
}
