import type { DensityWeight, IncidentLayers } from './map-view.svelte';

/**
 * How the map draws, as URL hash pairs beside map=: `view=density` or `view=markers` when the
 * user chose (no pair: the map decides by how many incidents are shown), and `weight=killed`
 * when a density surface adds up reported killed rather than incidents. They describe the
 * picture, never the data: the filter's pairs, and so the counts, do not change with them.
 */
export interface ViewChoice {
	layers: IncidentLayers | null;
	densityWeight: DensityWeight;
}

export const VIEW_KEYS = new Set(['view', 'weight']);

export function viewToPairs(view: ViewChoice): [string, string][] {
	const pairs: [string, string][] = [];
	if (view.layers) pairs.push(['view', view.layers]);
	if (view.densityWeight === 'killed') pairs.push(['weight', 'killed']);
	return pairs;
}

/** The view in some pairs (unknown values are ignored), and the pairs that are not about it. */
export function viewFromPairs(pairs: readonly [string, string][]): {
	view: ViewChoice;
	others: [string, string][];
} {
	const view: ViewChoice = { layers: null, densityWeight: 'count' };
	const others: [string, string][] = [];
	for (const [key, value] of pairs) {
		if (key === 'view') {
			if (value === 'density' || value === 'markers') view.layers = value;
		} else if (key === 'weight') {
			if (value === 'killed' || value === 'count') view.densityWeight = value;
		} else {
			others.push([key, value]);
		}
	}
	return { view, others };
}
