import { keySet } from '$lib/data/collections';
import { matchesFilter, type IncidentFilter } from '$lib/data/filter';
import type { IncidentFeature } from '$lib/data/incident';
import type { IncidentStore } from './incidents.svelte';

/** The filter the user has set, and the incidents it lets through. */
export class FilterState {
	maxBorderKm = $state<number | null>(null);

	readonly filter: IncidentFilter = $derived({ maxBorderKm: this.maxBorderKm });

	/** Incidents passing the filter, by date (located and not). */
	readonly matching: IncidentFeature[];
	readonly matchingIds: ReadonlySet<string>;

	#incidents: IncidentStore;

	constructor(incidents: IncidentStore) {
		this.#incidents = incidents;
		this.matching = $derived(
			this.#incidents.sorted.filter((incident) =>
				matchesFilter(incident, this.#incidents.figures.get(incident.id), this.filter)
			)
		);
		this.matchingIds = $derived(keySet(this.matching, (incident) => incident.id));
	}

	clear() {
		this.maxBorderKm = null;
	}
}
