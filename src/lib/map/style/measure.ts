import type { LayerSpecification } from 'maplibre-gl';
import type { Theme } from './theme';

export const MEASURE_SOURCE = 'measure';

/** The measure tool's geodesic path, its points and the running distance at each. */
export function measureLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'measure-casing',
			type: 'line',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': theme.labelHalo, 'line-width': 6 }
		},
		{
			id: 'measure-line',
			type: 'line',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': theme.selection, 'line-width': 2.5, 'line-dasharray': [3, 1.5] }
		},
		{
			id: 'measure-points',
			type: 'circle',
			source: MEASURE_SOURCE,
			filter: ['==', ['geometry-type'], 'Point'],
			paint: {
				'circle-radius': 5,
				'circle-color': theme.labelHalo,
				'circle-stroke-color': theme.selection,
				'circle-stroke-width': 2.5
			}
		},
		{
			id: 'measure-labels',
			type: 'symbol',
			source: MEASURE_SOURCE,
			filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'label'], '']],
			layout: {
				'text-field': ['get', 'label'],
				'text-font': [theme.font.bold],
				'text-size': 12,
				'text-offset': [0, -1.3],
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: {
				'text-color': theme.selection,
				'text-halo-color': theme.labelHalo,
				'text-halo-width': 2
			}
		}
	];
}
