import { describe, expect, it } from 'vitest';
import {
	isDecimal,
	readIsoDate,
	readOptionalCount,
	readOptionalNumber,
	readPosition,
	splitUrls
} from './fields';

describe('field readers', () => {
	it('tells a plain decimal exactly as /^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$/ does, for every short text', () => {
		const pattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
		const alphabet = ['', '+', '-', '.', '0', '7', 'e', ' ', '٣', 'x'];
		let texts = [''];
		for (let length = 1; length <= 5; length++) {
			texts = texts.flatMap((text) => alphabet.slice(1).map((c) => text + c));
			for (const text of texts)
				expect(isDecimal(text), JSON.stringify(text)).toBe(pattern.test(text));
		}
		expect(isDecimal('')).toBe(false);
	});

	it('reads calendar dates and rejects impossible ones', () => {
		expect(readIsoDate('2018-04-19')).toEqual({ ok: true, value: '2018-04-19' });
		expect(readIsoDate('2018-02-30')).toEqual({
			ok: false,
			reason: '"2018-02-30" is not a calendar date'
		});
		expect(readIsoDate('19/04/2018').ok).toBe(false);
	});

	it('treats blank as unknown, never zero', () => {
		expect(readOptionalNumber('  ')).toEqual({ ok: true, value: null });
		expect(readOptionalCount('')).toEqual({ ok: true, value: null });
		expect(readOptionalCount('0')).toEqual({ ok: true, value: 0 });
		expect(readOptionalCount('2.5').ok).toBe(false);
		expect(readOptionalCount('-1').ok).toBe(false);
		expect(readOptionalNumber('1e3').ok).toBe(false);
	});

	it('reads positions: both, neither, one, or out of range', () => {
		expect(readPosition('34.68944', '40.83083')).toEqual({ ok: true, value: [40.83083, 34.68944] });
		expect(readPosition('', '')).toEqual({ ok: true, value: null });
		expect(readPosition('34.5', '')).toMatchObject({ ok: false, field: 'longitude' });
		expect(readPosition('134.2', '40')).toEqual({
			ok: false,
			reason: 'latitude 134.2 is out of range (−90 to 90)',
			field: 'latitude'
		});
	});

	it('splits URL lists only where a new URL starts', () => {
		expect(splitUrls('https://a.example/x ; http://b.example/y;z ;https://c.example')).toEqual([
			'https://a.example/x',
			'http://b.example/y;z',
			'https://c.example'
		]);
	});
});
