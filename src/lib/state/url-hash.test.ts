import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { formatHash, parseHash, repairHash, type HashState } from './url-hash';

describe('URL hash', () => {
	it('reads the permalink format', () => {
		expect(parseHash('#map=12/34.68944/40.83083&incident=IQ-SY-002')).toEqual({
			map: { zoom: 12, lat: 34.68944, lon: 40.83083 },
			incident: 'IQ-SY-002',
			rest: []
		});
	});

	it('writes the permalink format', () => {
		expect(
			formatHash({
				map: { zoom: 12, lat: 34.68944, lon: 40.83083 },
				incident: 'IQ-SY-002',
				rest: []
			})
		).toBe('#map=12/34.68944/40.83083&incident=IQ-SY-002');
		expect(
			formatHash({ map: { zoom: 6.123456, lat: 34.5, lon: -0.000001 }, incident: null, rest: [] })
		).toBe('#map=6.12/34.5/0');
		expect(formatHash({ map: null, incident: null, rest: [] })).toBe('');
	});

	it('ignores views that are not views, and keeps keys it does not know', () => {
		expect(parseHash('#map=12/95/40').map).toBeNull();
		expect(parseHash('#map=12/34').map).toBeNull();
		expect(parseHash('#map=abc/1/2&x=1&incident=').map).toBeNull();
		expect(parseHash('#from=2018-11-15&incident=A%20B&to=2018-11-25')).toEqual({
			map: null,
			incident: 'A B',
			rest: [
				['from', '2018-11-15'],
				['to', '2018-11-25']
			]
		});
	});

	it('round-trips: format(parse(format(s))) = format(s), and positions to 1e-5', () => {
		const random = seededRandom(9);
		for (let i = 0; i < 500; i++) {
			const state: HashState = {
				map: { zoom: 4 + 9 * random(), lat: 27 + 12 * random(), lon: 33 + 17 * random() },
				incident: random() < 0.7 ? `ID-${Math.floor(random() * 1e6)}/é&=${i}` : null,
				rest: random() < 0.5 ? [['from', '2018-11-15']] : []
			};
			const text = formatHash(state);
			const parsed = parseHash(text);
			expect(formatHash(parsed)).toBe(text);
			expect(parsed.incident).toBe(state.incident);
			expect(Math.abs(parsed.map!.lat - state.map!.lat)).toBeLessThanOrEqual(5e-6);
			expect(Math.abs(parsed.map!.lon - state.map!.lon)).toBeLessThanOrEqual(5e-6);
			expect(Math.abs(parsed.map!.zoom - state.map!.zoom)).toBeLessThanOrEqual(5e-3);
		}
	});
});

describe('hashes that do not decode', () => {
	it('a malformed "%" (#q=100%) ignores that pair alone; the rest still applies', () => {
		expect(parseHash('#q=100%&incident=IQ-SY-002&from=2018-11-15&%E0%A4%A=x')).toEqual({
			map: null,
			incident: 'IQ-SY-002',
			rest: [['from', '2018-11-15']]
		});
	});

	it('is repaired before the router reads it: only the pairs that do not decode go', () => {
		expect(repairHash('#q=100%&incident=IQ-SY-002')).toBe('#incident=IQ-SY-002');
		expect(repairHash('#q=100%')).toBe('');
		expect(repairHash('#%E0%A4%A&map=6/34/40&q=a%20b')).toBe('#map=6/34/40&q=a%20b');
		// Nothing to repair: the hash is left exactly as it is.
		expect(repairHash('#q=100%25&incident=A%20B')).toBeNull();
		expect(repairHash('')).toBeNull();
	});
});
