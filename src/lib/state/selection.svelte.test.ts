import { describe, expect, it } from 'vitest';
import { Selection } from './selection.svelte';

describe('Selection', () => {
	it('keeps its group while stepping through the group’s incidents', () => {
		const selection = new Selection();
		selection.select('A', { group: ['A', 'B', 'C'] });
		selection.select('B');
		expect(selection.id).toBe('B');
		expect(selection.group).toEqual(['A', 'B', 'C']);
	});

	it('drops the group when an incident outside it is chosen', () => {
		const selection = new Selection();
		selection.select('A', { group: ['A', 'B'] });
		selection.select('Z');
		expect(selection.group).toEqual([]);
	});

	it('asks the map to reveal only when told to, and clear forgets everything', () => {
		const selection = new Selection();
		selection.select('A', { reveal: true });
		expect(selection.reveal).toBe(true);
		selection.select('B');
		expect(selection.reveal).toBe(false);
		selection.select('C', { group: ['C', 'D'], reveal: true });
		selection.clear();
		expect([selection.id, selection.group, selection.reveal]).toEqual([null, [], false]);
	});
});
