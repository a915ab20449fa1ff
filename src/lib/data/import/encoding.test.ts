import { describe, expect, it } from 'vitest';
import { checkEncoding, isUtf8, looksBinary } from './encoding';

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
/** "place\nالسوسة" in Windows-1256, and "place\ncafé Zoé" in Windows-1252. */
const ARABIC_1256 = new Uint8Array([...ascii('place\n'), 0xc7, 0xe1, 0xd3, 0xe6, 0xd3, 0xc9]);
const LATIN_1252 = new Uint8Array([...ascii('place\ncaf'), 0xe9, ...ascii(' Zo'), 0xe9]);

describe('text encodings', () => {
	it('finds valid UTF-8 valid, even when a character straddles its pieces', () => {
		const bytes = new TextEncoder().encode('هجين, café, 🙂');
		expect(isUtf8(bytes, 3)).toBe(true);
		expect(checkEncoding(bytes)).toEqual({ encoding: 'utf-8' });
	});

	it('asks about a Windows-1256 Arabic file, Arabic first, with a line as each would read it', () => {
		const check = checkEncoding(ARABIC_1256);
		expect('ask' in check && check.ask).toEqual([
			{ encoding: 'windows-1256', label: 'Arabic (Windows-1256)', sample: 'السوسة' },
			{
				encoding: 'windows-1252',
				label: 'Western European (Windows-1252 / Latin-1)',
				sample: 'ÇáÓæÓÉ'
			}
		]);
	});

	it('asks about a Latin-1 / Windows-1252 file, Western first', () => {
		const check = checkEncoding(LATIN_1252);
		expect('ask' in check && check.ask.map((option) => [option.encoding, option.sample])).toEqual([
			['windows-1252', 'café Zoé'],
			['windows-1256', 'café Zoé']
		]);
	});

	it('reads UTF-16 as its byte-order mark says, without asking', () => {
		expect(checkEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
			encoding: 'utf-16le'
		});
		expect(checkEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toMatchObject({
			encoding: 'utf-16be'
		});
	});

	it('tells a binary file from text in an old encoding', () => {
		expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
			true
		);
		expect(looksBinary(ARABIC_1256)).toBe(false);
	});
});
