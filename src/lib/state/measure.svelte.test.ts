import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { geodesicInverse } from '$lib/analysis/geodesic';
import { MeasureState } from './measure.svelte';

describe('MeasureState', () => {
	it('derives geodesic legs and their total from the points', () => {
		const measure = new MeasureState();
		measure.start();
		measure.add([40.83, 34.69]);
		measure.add([40.92, 34.46]);
		measure.add([41.2, 34.4]);
		const first = geodesicInverse(34.69, 40.83, 34.46, 40.92).distance;
		const second = geodesicInverse(34.46, 40.92, 34.4, 41.2).distance;
		expect(measure.legs).toHaveLength(2);
		expect(measure.legs[0]?.distance).toBeCloseTo(first, 6);
		expect(measure.total).toBeCloseTo(first + second, 6);
	});

	it('runs effects that follow it (the browser runtime is in use)', () => {
		const measure = new MeasureState();
		const totals: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				totals.push(measure.legs.length);
			});
		});
		flushSync();
		measure.add([40, 34]);
		measure.add([41, 34]);
		flushSync();
		measure.undo();
		flushSync();
		stop();
		expect(totals).toEqual([0, 1, 0]);
	});

	it('undo removes the last point; clear keeps measuring; stop ends and forgets', () => {
		const measure = new MeasureState();
		measure.start();
		measure.add([40, 34]);
		measure.add([41, 34]);
		measure.undo();
		expect(measure.points).toEqual([[40, 34]]);
		measure.clear();
		expect(measure.active).toBe(true);
		expect(measure.points).toEqual([]);
		measure.add([40, 34]);
		measure.stop();
		expect(measure.active).toBe(false);
		expect(measure.points).toEqual([]);
	});
});
