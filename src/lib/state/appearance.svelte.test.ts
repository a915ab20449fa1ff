import { describe, expect, it } from 'vitest';
import { Appearance, type ChoiceStore } from './appearance.svelte';

const memory = (saved: string | null = null) => {
	const store = { saved, get: () => store.saved, set: (value: string) => (store.saved = value) };
	return store satisfies ChoiceStore;
};

describe('Appearance', () => {
	it('follows the system until the reader chooses', () => {
		const system = $state({ current: true });
		const appearance = new Appearance(memory(), system);
		expect(appearance.choice).toBe('system');
		expect(appearance.theme).toBe('dark');
		system.current = false;
		expect(appearance.theme).toBe('light');
		appearance.choose('dark');
		system.current = false;
		expect(appearance.theme).toBe('dark');
	});

	it('remembers the reader’s choice, and brings it back on the next visit', () => {
		const store = memory();
		const appearance = new Appearance(store);
		appearance.toggle();
		expect(appearance.theme).toBe('dark');
		expect(store.saved).toBe('dark');
		expect(new Appearance(store).theme).toBe('dark');
		appearance.toggle();
		expect(new Appearance(store).theme).toBe('light');
	});

	it('ignores a saved value it does not know, and works without storage', () => {
		expect(new Appearance(memory('sepia')).choice).toBe('system');
		const appearance = new Appearance(null);
		appearance.choose('dark');
		expect(appearance.theme).toBe('dark');
	});
});
