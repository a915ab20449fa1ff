import { Appearance } from './appearance.svelte';
import type { FilterEngine, FilterHandlers } from './filter-client';
import { FilterState } from './filters.svelte';
import { ImportState, type ImportServices } from './importer.svelte';
import { LanguageState } from './language.svelte';
import { IncidentStore, type AnalysisService, type IncidentData } from './incidents.svelte';
import { MapViewState } from './map-view.svelte';
import { MeasureState } from './measure.svelte';
import { PlaybackState } from './playback.svelte';
import { Selection } from './selection.svelte';

/** The app's state, created once by the root layout and read by components through context. */
export interface AppState {
	incidents: IncidentStore;
	filters: FilterState;
	selection: Selection;
	mapView: MapViewState;
	measure: MeasureState;
	playback: PlaybackState;
	imports: ImportState;
	appearance: Appearance;
	language: LanguageState;
}

/** The app's state, with the one call that stops everything it started. */
export interface App extends AppState {
	dispose(): void;
}

/** The workers and storage the state talks to; tests replace them with stand-ins. */
export interface AppServices {
	analysis: () => AnalysisService;
	filterEngine: (handlers: FilterHandlers) => FilterEngine;
	imports: ImportServices;
	/** The interface's language (tests give one with a stand-in store). */
	language: LanguageState;
}

/** The reader's "reduce motion" setting (false outside a browser). */
const prefersReducedMotion = () =>
	globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Builds the whole app state from the loaded data and starts it: the figures follow the
 * incidents, the filter follows both, and datasets of earlier visits are brought back.
 */
export function createAppState(data: IncidentData, services: Partial<AppServices> = {}): App {
	const incidents = new IncidentStore(data, services.analysis);
	const filters = new FilterState(incidents, services.filterEngine);
	const playback = new PlaybackState(filters, { reducedMotion: prefersReducedMotion() });
	const imports = new ImportState(incidents, services.imports, filters);
	incidents.start();
	filters.start();
	void imports.restore();
	return {
		incidents,
		filters,
		selection: new Selection(),
		mapView: new MapViewState(),
		measure: new MeasureState(),
		playback,
		imports,
		appearance: new Appearance(),
		language: services.language ?? new LanguageState(),
		dispose() {
			playback.dispose();
			imports.dispose();
			filters.dispose();
			incidents.dispose();
		}
	};
}
