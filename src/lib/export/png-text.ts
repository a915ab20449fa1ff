/**
 * Text metadata in a PNG: iTXt chunks (UTF-8, so a permalink or an Arabic place name survives),
 * inserted before IEND of a PNG the browser encoded, and read back. PNG spec §11.3.4.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
	let c = 0xffffffff;
	for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function checkSignature(png: Uint8Array) {
	if (png.length < 8 || SIGNATURE.some((byte, i) => png[i] !== byte)) {
		throw new Error('not a PNG file');
	}
}

interface Chunk {
	type: string;
	/** Offset of the chunk's length field. */
	start: number;
	dataStart: number;
	dataEnd: number;
}

function* chunks(png: Uint8Array): Generator<Chunk> {
	checkSignature(png);
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	let offset = 8;
	while (offset + 12 <= png.length) {
		const length = view.getUint32(offset);
		const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
		const dataStart = offset + 8;
		const dataEnd = dataStart + length;
		if (dataEnd + 4 > png.length) throw new Error(`truncated PNG chunk ${type}`);
		yield { type, start: offset, dataStart, dataEnd };
		offset = dataEnd + 4;
	}
}

/** Keywords are 1–79 Latin-1 characters (PNG spec). */
function checkKeyword(keyword: string) {
	if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) {
		throw new Error(`invalid PNG text keyword: ${JSON.stringify(keyword)}`);
	}
}

function iTxtChunk(keyword: string, text: string): Uint8Array {
	checkKeyword(keyword);
	const encoder = new TextEncoder();
	const key = Uint8Array.from(keyword, (char) => char.charCodeAt(0));
	const value = encoder.encode(text);
	// keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0
	const data = new Uint8Array(key.length + 5 + value.length);
	data.set(key, 0);
	data.set(value, key.length + 5);
	const chunk = new Uint8Array(12 + data.length);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, data.length);
	chunk.set([0x69, 0x54, 0x58, 0x74], 4); // "iTXt"
	chunk.set(data, 8);
	view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
	return chunk;
}

/** The PNG with these text entries added (in order) just before its IEND chunk. */
export function addPngText(png: Uint8Array, entries: readonly [string, string][]): Uint8Array {
	const end = [...chunks(png)].find((chunk) => chunk.type === 'IEND');
	if (!end) throw new Error('PNG has no IEND chunk');
	const added = entries.map(([keyword, text]) => iTxtChunk(keyword, text));
	const size = added.reduce((sum, chunk) => sum + chunk.length, 0);
	const out = new Uint8Array(png.length + size);
	out.set(png.subarray(0, end.start), 0);
	let offset = end.start;
	for (const chunk of added) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	out.set(png.subarray(end.start), offset);
	return out;
}

/** The text entries of a PNG (tEXt and uncompressed iTXt), checking every chunk's CRC. */
export function readPngText(png: Uint8Array): [string, string][] {
	const entries: [string, string][] = [];
	const latin1 = new TextDecoder('latin1');
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	for (const chunk of chunks(png)) {
		if (view.getUint32(chunk.dataEnd) !== crc32(png, chunk.start + 4, chunk.dataEnd)) {
			throw new Error(`bad CRC in PNG chunk ${chunk.type}`);
		}
		const data = png.subarray(chunk.dataStart, chunk.dataEnd);
		const nul = data.indexOf(0);
		if (nul < 0) continue;
		const keyword = latin1.decode(data.subarray(0, nul));
		if (chunk.type === 'tEXt') {
			entries.push([keyword, latin1.decode(data.subarray(nul + 1))]);
		} else if (chunk.type === 'iTXt' && data[nul + 1] === 0) {
			const language = data.indexOf(0, nul + 3);
			const translated = data.indexOf(0, language + 1);
			if (language < 0 || translated < 0) continue;
			entries.push([keyword, utf8.decode(data.subarray(translated + 1))]);
		}
	}
	return entries;
}
