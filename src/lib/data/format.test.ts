import { describe, expect, it } from 'vitest';
import {
	dayNumber,
	formatDistance,
	formatIncidentDate,
	formatKilled,
	formatShortDay,
	isoFromDayNumber,
	sourceHost
} from './format';

describe('format', () => {
	it('writes dates as precisely as they are known', () => {
		expect(formatIncidentDate('2018-04-19', 'day')).toBe('19 April 2018');
		expect(formatIncidentDate('2018-05-24', 'week')).toBe('week of 24 May 2018');
		expect(formatIncidentDate('2018-05-24', 'month')).toBe('May 2018');
		expect(formatShortDay('2018-12-31')).toBe('31 Dec 2018');
	});

	it('never turns an unreported toll into 0', () => {
		expect(formatKilled(null, null)).toEqual({ long: 'not reported', short: null });
		expect(formatKilled(0, 0)).toEqual({ long: '0', short: '0' });
		expect(formatKilled(36, 36).long).toBe('36');
		expect(formatKilled(41, 44)).toEqual({ long: '41–44', short: '41–44' });
		expect(formatKilled(null, 30)).toEqual({ long: 'up to 30', short: '≤30' });
		expect(formatKilled(20, null)).toEqual({ long: 'at least 20', short: '≥20' });
	});

	it('writes distances for reading', () => {
		expect(formatDistance(25678.005)).toBe('25.68 km');
		expect(formatDistance(640.4)).toBe('640 m');
		expect(formatDistance(514813.8)).toBe('514.8 km');
		expect(formatDistance(Number.NaN)).toBe('unknown');
	});

	it('names a source by its host', () => {
		expect(sourceHost('https://www.kurdistan24.net/en/news/1')).toBe('kurdistan24.net');
		expect(sourceHost('not a url')).toBe('not a url');
	});

	it('counts days from 1970', () => {
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('2018-11-20') - dayNumber('2018-11-15')).toBe(5);
		expect(isoFromDayNumber(dayNumber('2018-04-19'))).toBe('2018-04-19');
		// Read digit by digit when written in full, as the split reads any other writing.
		expect(dayNumber('2018-04-09')).toBe(dayNumber('2018-4-9'));
		expect(dayNumber('1999-12-31')).toBe(Date.UTC(1999, 11, 31) / 86_400_000);
		expect(dayNumber('20x8-04-09')).toBeNaN();
	});
});
