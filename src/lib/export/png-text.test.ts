import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { addPngText, crc32, readPngText } from './png-text';

function samplePng(): Uint8Array {
	const png = new PNG({ width: 3, height: 2 });
	png.data.fill(200);
	return new Uint8Array(PNG.sync.write(png));
}

describe('PNG text chunks', () => {
	it('computes the CRC-32 the PNG spec uses (as zlib does)', () => {
		for (const text of ['', 'IEND', 'iTXtPermalink', 'حجين']) {
			const bytes = new TextEncoder().encode(text);
			expect(crc32(bytes)).toBe(zlibCrc32(bytes));
		}
	});

	it('adds UTF-8 entries that read back, leaving the image intact', () => {
		const entries: [string, string][] = [
			['Title', 'Strikes near Hajin — هجين'],
			['Source', 'http://127.0.0.1:4173/#map=9/34.5/40.8&from=2018-11-15&to=2018-11-25'],
			['Comment', '']
		];
		const out = addPngText(samplePng(), entries);
		expect(readPngText(out)).toEqual(entries);
		const decoded = PNG.sync.read(Buffer.from(out));
		expect([decoded.width, decoded.height]).toEqual([3, 2]);
		expect(decoded.data[0]).toBe(200);
	});

	it('puts the chunks before IEND, and IEND last', () => {
		const out = addPngText(samplePng(), [['Title', 'x']]);
		const tail = new TextDecoder('latin1').decode(out.subarray(out.length - 8, out.length - 4));
		expect(tail).toBe('IEND');
	});

	it('refuses what is not a PNG, bad keywords, and corrupted chunks', () => {
		expect(() => addPngText(new TextEncoder().encode('GIF89a...'), [])).toThrow('not a PNG');
		expect(() => addPngText(samplePng(), [['', 'x']])).toThrow('keyword');
		expect(() => addPngText(samplePng(), [['x'.repeat(80), 'x']])).toThrow('keyword');
		const out = addPngText(samplePng(), [['Title', 'abc']]);
		out[out.length - 20] = out[out.length - 20]! ^ 0xff;
		expect(() => readPngText(out)).toThrow('CRC');
	});
});
