import { describe, expect, it } from 'vitest';
import {
	readIsoDate,
	readOptionalCount,
	readOptionalNumber,
	readPosition,
	splitUrls
} from './fields';

describe('field readers', () => {
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
