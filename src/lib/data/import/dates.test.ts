import { describe, expect, it } from 'vitest';
import { readFlexibleDate } from './dates';

describe('readFlexibleDate', () => {
	it('reads a month by its English name, full or three letters, in any case', () => {
		expect(readFlexibleDate('15 January 2019')).toEqual({ ok: true, value: '2019-01-15' });
		expect(readFlexibleDate('2-feb-2019')).toEqual({ ok: true, value: '2019-02-02' });
		expect(readFlexibleDate('31 DECEMBER 2018')).toEqual({ ok: true, value: '2018-12-31' });
		expect(readFlexibleDate('9 Sep 2018')).toEqual({ ok: true, value: '2018-09-09' });
	});

	it('refuses a word that is not a month rather than guessing', () => {
		expect(readFlexibleDate('15 Janu 2019').ok).toBe(false);
		expect(readFlexibleDate('15 Sept 2019').ok).toBe(false);
	});
});
