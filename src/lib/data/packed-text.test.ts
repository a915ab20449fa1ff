import { describe, expect, it } from 'vitest';
import { joinPackedText, packText, unpackText } from './packed-text';

const texts = ['Hajin', '', 'هجين', 'Al-Bukamal "quoted", with commas', '\u202Eevil\u202C', '😀 x'];

describe('packed text', () => {
	it('gives back every string, empty, Arabic, controls and astral characters included', () => {
		const packed = packText(texts);
		expect(packed.ends.length).toBe(texts.length);
		expect(unpackText(packed)).toEqual(texts);
		expect(unpackText(packText([]))).toEqual([]);
	});

	it('joins lists end to end into new buffers, the parts left as they were', () => {
		const parts = [packText(texts.slice(0, 2)), packText([]), packText(texts.slice(2))];
		const joined = joinPackedText(parts);
		expect(unpackText(joined)).toEqual(texts);
		for (const part of parts) expect(joined.bytes.buffer).not.toBe(part.bytes.buffer);
		expect(unpackText(parts[2]!)).toEqual(texts.slice(2));
	});
});

describe('packing text that needs more than a byte a character', () => {
	it('grows its buffer as it goes and loses nothing', () => {
		const arabic = Array.from({ length: 300 }, (_, i) => `هجين ${i} البوكمال 😀`);
		expect(unpackText(packText(arabic))).toEqual(arabic);
	});
});
