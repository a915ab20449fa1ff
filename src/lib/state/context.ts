import { getContext, onDestroy, setContext } from 'svelte';
import { createAppState, type AppState } from './app-state';
import type { IncidentData } from './incidents.svelte';
import { sveltekitHistory } from './sveltekit-history';
import { UrlSync } from './url-sync.svelte';

export type { AppState } from './app-state';

const KEY = Symbol('app-state');

/**
 * Creates the app state for the root layout, puts it in context, keeps the URL in step with
 * it, and stops it all when the layout goes. Must be called while a component initialises.
 */
export function provideAppState(data: IncidentData): AppState {
	const app = createAppState(data);
	setContext(KEY, app);
	const stopSync = new UrlSync(app, sveltekitHistory()).start();
	onDestroy(() => {
		stopSync();
		app.dispose();
	});
	return app;
}

export function getAppState(): AppState {
	const state = getContext<AppState | undefined>(KEY);
	if (!state) throw new Error('getAppState() needs the root layout, which creates the app state');
	return state;
}
