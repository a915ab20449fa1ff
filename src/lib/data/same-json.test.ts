import { describe, expect, it } from 'vitest';
import { sameJson } from './same-json';

describe('sameJson', () => {
	it('compares objects by keys and values, whatever the order', () => {
		expect(sameJson({ a: 1, b: [1, 'x', null] }, { b: [1, 'x', null], a: 1 })).toBe(true);
		expect(sameJson({ a: { b: 'ب' } }, { a: { b: 'ب' } })).toBe(true);
		expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
		expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
		expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
	});

	it('compares arrays element by element, in order', () => {
		expect(sameJson([1, 2], [2, 1])).toBe(false);
		expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
		expect(sameJson([], {})).toBe(false);
		expect(sameJson({}, [])).toBe(false);
	});

	it('never takes null, undefined members, NaN or other objects for a copy', () => {
		expect(sameJson(null, {})).toBe(false);
		expect(sameJson({ a: null }, { a: undefined })).toBe(false);
		expect(sameJson({ a: undefined }, { b: undefined })).toBe(false);
		expect(sameJson({ a: undefined }, { a: undefined })).toBe(false);
		expect(sameJson(Number.NaN, Number.NaN)).toBe(false);
		expect(sameJson(new Date(0), new Date(0))).toBe(false);
		expect(sameJson(new Float64Array(1), new Float64Array(1))).toBe(false);
	});
});
