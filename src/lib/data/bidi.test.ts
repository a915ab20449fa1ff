import { describe, expect, it } from 'vitest';
import { isolate, quotedParts } from './bidi';

describe('imported text in our sentences', () => {
	it('isolates a name holding a right-to-left override (U+202E) from the words around it', () => {
		expect(isolate('\u202Eevil.csv')).toBe('\u2068\u202Eevil.csv\u2069');
	});

	it('splits a message where it quotes values', () => {
		expect(quotedParts('"2018-13-40" is not a calendar date')).toEqual([
			{ text: '"2018-13-40"', quoted: true },
			{ text: ' is not a calendar date', quoted: false }
		]);
		expect(quotedParts('year: "2019" is not the year of "x"!')).toEqual([
			{ text: 'year: ', quoted: false },
			{ text: '"2019"', quoted: true },
			{ text: ' is not the year of ', quoted: false },
			{ text: '"x"', quoted: true },
			{ text: '!', quoted: false }
		]);
		expect(quotedParts('no quotes')).toEqual([{ text: 'no quotes', quoted: false }]);
	});
});
