import { describe, expect, it } from 'vitest';
import { joinSources, splitSources } from './sources';

describe('sources in one cell', () => {
	it('keeps names apart with "; " (ACLED: "Rudaw; Kurdistan 24" stays two sources)', () => {
		expect(joinSources(['Rudaw', 'Kurdistan 24'])).toBe('Rudaw; Kurdistan 24');
		expect(splitSources('Rudaw; Kurdistan 24')).toEqual(['Rudaw', 'Kurdistan 24']);
	});

	it('writes URLs space-separated and reads them back', () => {
		const urls = ['https://example.org/a', 'https://example.org/b;c'];
		expect(joinSources(urls)).toBe('https://example.org/a https://example.org/b;c');
		expect(splitSources(joinSources(urls))).toEqual(urls);
		expect(splitSources('https://example.org/a https://example.org/b')).toEqual([
			'https://example.org/a',
			'https://example.org/b'
		]);
		expect(splitSources('https://example.org/a;https://example.org/b')).toEqual([
			'https://example.org/a',
			'https://example.org/b'
		]);
	});

	it('round-trips mixed lists and names with spaces', () => {
		for (const sources of [
			['Rudaw', 'https://example.org/a'],
			['Syrian Observatory for Human Rights'],
			['https://example.org/only'],
			[]
		]) {
			expect(splitSources(joinSources(sources))).toEqual(sources);
		}
	});
});
