import { describe, expect, it } from 'vitest';
import {
	CLOSE_DISTANCE,
	dragHeight,
	FULL_GAP,
	nextSnap,
	PEEK_HEIGHT,
	settle,
	sheetHeights
} from './sheet';

const phone = sheetHeights(844);

describe('the bottom sheet', () => {
	it('rests at a peek, half the screen, or all but a gap at the top', () => {
		expect(phone).toEqual({ peek: PEEK_HEIGHT, half: 422, full: 844 - FULL_GAP });
	});

	it('is never taller than a short screen, and its snaps keep their order', () => {
		const short = sheetHeights(200);
		expect(short.full).toBeLessThanOrEqual(200);
		expect(short.peek).toBeLessThanOrEqual(short.half);
		expect(short.half).toBeLessThanOrEqual(short.full);
	});

	it('follows a drag, between nothing and full', () => {
		expect(dragHeight(422, 100, phone)).toBe(322);
		expect(dragHeight(422, -1000, phone)).toBe(phone.full);
		expect(dragHeight(168, 500, phone)).toBe(0);
	});

	it('comes to rest at the nearest snap when let go slowly', () => {
		expect(settle(400, 0, phone, 'half')).toBe('half');
		expect(settle(700, 0, phone, 'half')).toBe('full');
		expect(settle(200, 0, phone, 'half')).toBe('peek');
	});

	it('closes when pulled well below the peek, or flicked down from it', () => {
		expect(settle(PEEK_HEIGHT - CLOSE_DISTANCE - 1, 0, phone, 'half')).toBe('closed');
		expect(settle(PEEK_HEIGHT - 10, 0, phone, 'peek')).toBe('peek');
		expect(settle(PEEK_HEIGHT - 10, 1, phone, 'peek')).toBe('closed');
	});

	it('goes on in the direction of a flick, past the snap it started from', () => {
		expect(settle(410, 1, phone, 'half')).toBe('peek');
		expect(settle(130, 1, phone, 'half')).toBe('peek');
		expect(settle(430, -1, phone, 'half')).toBe('full');
		expect(settle(phone.full, -1, phone, 'full')).toBe('full');
		expect(settle(500, 1, phone, 'full')).toBe('half');
		expect(settle(300, 1, phone, 'full')).toBe('half');
		expect(settle(190, 1, phone, 'full')).toBe('peek');
	});

	it('its grip button goes up to full, then back to half', () => {
		expect(nextSnap('peek')).toBe('half');
		expect(nextSnap('half')).toBe('full');
		expect(nextSnap('full')).toBe('half');
	});
});
