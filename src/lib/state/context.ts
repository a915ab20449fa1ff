import { getContext, setContext } from 'svelte';
import type { FilterState } from './filters.svelte';
import type { ImportState } from './importer.svelte';
import type { IncidentStore } from './incidents.svelte';
import type { MapViewState } from './map-view.svelte';
import type { MeasureState } from './measure.svelte';
import type { PlaybackState } from './playback.svelte';
import type { Selection } from './selection.svelte';

/** The app's state, created once by the root layout and read by components through context. */
export interface AppState {
	incidents: IncidentStore;
	filters: FilterState;
	selection: Selection;
	mapView: MapViewState;
	measure: MeasureState;
	playback: PlaybackState;
	imports: ImportState;
}

const KEY = Symbol('app-state');

export function setAppState(state: AppState): AppState {
	return setContext(KEY, state);
}

export function getAppState(): AppState {
	const state = getContext<AppState | undefined>(KEY);
	if (!state) throw new Error('getAppState() needs the root layout, which creates the app state');
	return state;
}
