import { describe, expect, it } from 'vitest';
import { siteWindow } from './site-window';

describe('siteWindow', () => {
	it('shows a small site whole', () => {
		expect(siteWindow(5, 2)).toEqual({ start: 0, end: 5 });
		expect(siteWindow(50, 49)).toEqual({ start: 0, end: 50 });
	});

	it('shows a stretch of a large site with the selected entry near its middle', () => {
		expect(siteWindow(5_000, 2_000)).toEqual({ start: 1_975, end: 2_025 });
		expect(siteWindow(5_000, 2_000, 10)).toEqual({ start: 1_995, end: 2_005 });
	});

	it('keeps the stretch inside the list at either end, and always holds the selected one', () => {
		expect(siteWindow(5_000, 0)).toEqual({ start: 0, end: 50 });
		expect(siteWindow(5_000, -1)).toEqual({ start: 0, end: 50 });
		expect(siteWindow(5_000, 4_999)).toEqual({ start: 4_950, end: 5_000 });
		for (const selected of [0, 1, 24, 25, 26, 2_500, 4_975, 4_999]) {
			const { start, end } = siteWindow(5_000, selected);
			expect(end - start).toBe(50);
			expect(selected >= start && selected < end).toBe(true);
		}
	});
});
