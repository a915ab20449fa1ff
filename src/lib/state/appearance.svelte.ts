import { MediaQuery } from 'svelte/reactivity';

export type ThemeName = 'light' | 'dark';
export type ThemeChoice = ThemeName | 'system';

const STORAGE_KEY = 'incident-map:theme';

/** Where the reader's choice is kept between visits (localStorage; tests give a stand-in). */
export interface ChoiceStore {
	get(): string | null;
	set(value: string): void;
}

const browserStore = (): ChoiceStore | null => {
	try {
		const storage = globalThis.localStorage;
		if (!storage) return null;
		return { get: () => storage.getItem(STORAGE_KEY), set: (v) => storage.setItem(STORAGE_KEY, v) };
	} catch {
		return null; // storage refused (a privacy setting): the choice lasts for this visit
	}
};

const systemPrefersDark = (): { readonly current: boolean } =>
	typeof globalThis.matchMedia === 'function'
		? new MediaQuery('(prefers-color-scheme: dark)', false)
		: { current: false };

/**
 * Light or dark: the system's preference (prefers-color-scheme) until the reader chooses, then
 * their choice, remembered. The map, the interface and the default of an export follow it.
 */
export class Appearance {
	choice = $state<ThemeChoice>('system');
	#system: { readonly current: boolean };
	#store: ChoiceStore | null;

	/**
	 * @param system whether the system prefers dark (a live media query in the browser)
	 */
	constructor(store: ChoiceStore | null = browserStore(), system = systemPrefersDark()) {
		this.#store = store;
		this.#system = system;
		const saved = store?.get();
		if (saved === 'light' || saved === 'dark') this.choice = saved;
	}

	/** The theme shown: the reader's choice, else the system's. */
	get theme(): ThemeName {
		if (this.choice !== 'system') return this.choice;
		return this.#system.current ? 'dark' : 'light';
	}

	/** The reader's choice, kept for their next visit. */
	choose(choice: ThemeChoice) {
		this.choice = choice;
		try {
			this.#store?.set(choice);
		} catch {
			// Not kept (storage full or refused): it still holds for this visit.
		}
	}

	/** Switches to the other theme (the header's toggle). */
	toggle() {
		this.choose(this.theme === 'dark' ? 'light' : 'dark');
	}
}
