import { describe, expect, it } from 'vitest';
import { clearArea, insideBox } from './clear-area';

describe('the part of the map nothing covers', () => {
	it('is the whole map without an overlay', () => {
		expect(clearArea(940, 650, null)).toEqual({ left: 0, top: 0, right: 940, bottom: 650 });
	});

	it('is left of a panel on the right (desktop)', () => {
		const panel = { left: 528, top: 12, right: 928, bottom: 638 };
		expect(clearArea(940, 650, panel)).toEqual({ left: 0, top: 0, right: 528, bottom: 650 });
	});

	it('is above a sheet along the bottom (phone), even one that runs past the map', () => {
		const sheet = { left: 0, top: 380, right: 390, bottom: 900 };
		expect(clearArea(390, 640, sheet)).toEqual({ left: 0, top: 0, right: 390, bottom: 380 });
	});

	it('is the whole map when the overlay misses it', () => {
		expect(clearArea(390, 640, { left: 0, top: 700, right: 390, bottom: 900 })).toEqual({
			left: 0,
			top: 0,
			right: 390,
			bottom: 640
		});
	});

	it('tells whether a marker is clear of the edges by a margin', () => {
		const box = { left: 0, top: 0, right: 528, bottom: 650 };
		expect(insideBox(470, 325, box, 32)).toBe(true);
		expect(insideBox(510, 325, box, 32)).toBe(false);
		expect(insideBox(600, 325, box)).toBe(false);
	});
});
