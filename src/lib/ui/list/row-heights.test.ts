import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { RowHeights } from './row-heights';

describe('row heights of a virtual list', () => {
	it('counts rows not yet drawn at the estimate', () => {
		const rows = new RowHeights(10, 60);
		expect(rows.offset(0)).toBe(0);
		expect(rows.offset(3)).toBe(180);
		expect(rows.total()).toBe(600);
		expect(rows.indexAt(179)).toBe(2);
		expect(rows.indexAt(180)).toBe(3);
	});

	it('moves the rows below a row that turns out taller', () => {
		const rows = new RowHeights(10, 60);
		expect(rows.set(2, 90)).toBe(30);
		expect(rows.offset(2)).toBe(120);
		expect(rows.offset(3)).toBe(210);
		expect(rows.total()).toBe(630);
		expect(rows.indexAt(200)).toBe(2);
		expect(rows.set(2, 90)).toBe(0);
	});

	it('keeps the row at a position inside the list', () => {
		const rows = new RowHeights(4, 50);
		expect(rows.indexAt(-10)).toBe(0);
		expect(rows.indexAt(10_000)).toBe(3);
		expect(new RowHeights(0, 50).indexAt(100)).toBe(0);
		expect(rows.set(9, 100)).toBe(0);
	});

	it('agrees with plain sums for any heights (property test)', () => {
		const random = seededRandom(11);
		for (let trial = 0; trial < 50; trial++) {
			const count = 1 + Math.floor(random() * 300);
			const rows = new RowHeights(count, 56);
			const plain = new Array<number>(count).fill(56);
			for (let k = 0; k < 100; k++) {
				const index = Math.floor(random() * count);
				const height = 20 + Math.round(random() * 100);
				rows.set(index, height);
				plain[index] = height;
			}
			const at = Math.floor(random() * count);
			const offset = plain.slice(0, at).reduce((sum, h) => sum + h, 0);
			expect(rows.offset(at)).toBe(offset);
			expect(rows.indexAt(offset)).toBe(at);
			expect(rows.indexAt(offset + plain[at]! - 0.5)).toBe(at);
		}
	});
});
