import type { LayerSpecification } from 'maplibre-gl';
import type { Theme } from './theme';

export const PLACES_SOURCE = 'places';

/**
 * The gazetteer's places with English and Arabic names. Their properties carry `label_en` (the
 * main English name) and `name_ar`; the label shows both, Arabic on its own line where known.
 * Drawn above the Natural Earth towns so they win label collisions.
 */
export function placeLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'place-dots',
			type: 'circle',
			source: PLACES_SOURCE,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 2, 10, 4],
				'circle-color': ['match', ['get', 'kind'], 'border_crossing', theme.labelHalo, theme.label],
				'circle-stroke-color': [
					'match',
					['get', 'kind'],
					'border_crossing',
					theme.border,
					theme.labelHalo
				],
				'circle-stroke-width': ['match', ['get', 'kind'], 'border_crossing', 2, 1]
			}
		},
		{
			id: 'place-labels',
			type: 'symbol',
			source: PLACES_SOURCE,
			layout: {
				'text-field': [
					'format',
					['get', 'label_en'],
					{ 'font-scale': 1 },
					['case', ['to-boolean', ['get', 'name_ar']], ['concat', '\n', ['get', 'name_ar']], ''],
					{ 'font-scale': 0.95 }
				],
				'text-font': [theme.font.regular],
				'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 10, 14],
				'text-variable-anchor': ['right', 'left', 'top', 'bottom'],
				'text-radial-offset': ['get', 'label_offset'],
				'text-justify': 'auto',
				'text-max-width': 12,
				// Cities first, then towns; crossings last.
				'symbol-sort-key': ['match', ['get', 'kind'], 'city', 0, 'town', 1, 'region', 2, 3]
			},
			paint: {
				'text-color': theme.label,
				'text-halo-color': theme.labelHalo,
				'text-halo-width': 1.6,
				'text-halo-blur': 0.3
			}
		}
	];
}
