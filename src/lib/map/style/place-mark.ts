import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Theme } from './theme';

/**
 * The place chosen in the search box: a ring at its position and its name in both scripts,
 * drawn over everything until the search is cleared or another place is chosen. One feature,
 * set by the map controller (properties `first`, the name in the reader's script, and
 * `second`, the other one or '').
 */
export const PLACE_MARK_SOURCE = 'placeMark';

export function placeMarkSources(): Record<string, SourceSpecification> {
	return {
		[PLACE_MARK_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
	};
}

export function placeMarkLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'place-mark-ring',
			type: 'circle',
			source: PLACE_MARK_SOURCE,
			paint: {
				'circle-radius': 11,
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': theme.selection,
				'circle-stroke-width': 3.5
			}
		},
		{
			id: 'place-mark-dot',
			type: 'circle',
			source: PLACE_MARK_SOURCE,
			paint: {
				'circle-radius': 3.5,
				'circle-color': theme.selection,
				'circle-stroke-color': theme.labelHalo,
				'circle-stroke-width': 1.5
			}
		},
		{
			id: 'place-mark-label',
			type: 'symbol',
			source: PLACE_MARK_SOURCE,
			layout: {
				'text-field': [
					'format',
					['get', 'first'],
					{ 'font-scale': 1 },
					['case', ['to-boolean', ['get', 'second']], ['concat', '\n', ['get', 'second']], ''],
					{ 'font-scale': 0.95 }
				],
				'text-font': [theme.font.bold],
				'text-size': 15,
				'text-anchor': 'bottom',
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
