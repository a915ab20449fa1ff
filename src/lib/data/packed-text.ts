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
	// Encoded in place into one buffer (a buffer per string would cost an allocation each):
	// sized for text that is mostly one byte a character, and grown when it is not.
	let size = 0;
	for (const text of strings) size += text.length;
	let bytes = new Uint8Array(size + (size >> 3) + 16);
	const ends = new Uint32Array(strings.length);
	let end = 0;
	strings.forEach((text, i) => {
		for (;;) {
			const { read, written } = encoder.encodeInto(text, bytes.subarray(end));
			if (read === text.length) {
				ends[i] = end += written;
				return;
			}
			const larger = new Uint8Array(bytes.length * 2 + text.length * 3);
			larger.set(bytes.subarray(0, end));
			bytes = larger;
		}
	});
	return { bytes: bytes.slice(0, end), ends };
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
