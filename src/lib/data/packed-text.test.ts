import { describe, expect, it } from 'vitest';
import { packText, unpackText } from './packed-text';

const texts = ['Hajin', '', 'هجين', 'Al-Bukamal "quoted", with commas', '\u202Eevil\u202C', '😀 x'];

describe('packed text', () => {
	it('gives back every string, empty, Arabic, controls and astral characters included', () => {
		const packed = packText(texts);
		expect(packed.ends.length).toBe(texts.length);
		expect(unpackText(packed)).toEqual(texts);
		expect(unpackText(packText([]))).toEqual([]);
	});
});

describe('packing text that needs more than a byte a character', () => {
	it('grows its buffer as it goes and loses nothing', () => {
		const arabic = Array.from({ length: 300 }, (_, i) => `هجين ${i} البوكمال 😀`);
		expect(unpackText(packText(arabic))).toEqual(arabic);
	});
});
