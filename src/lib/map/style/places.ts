import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Locale } from '$lib/i18n/locale';
import type { Theme } from './theme';

export const PLACES_SOURCE = 'places';

/** Drawn from the place's own zoom on (map/place-features.ts: labelMinZoom). */
const FROM_MIN_ZOOM: FilterSpecification = ['>=', ['zoom'], ['get', 'min_zoom']];

/**
 * The gazetteer's places with English and Arabic names. Their properties carry `label_en` (the
 * main English name), `name_ar`, the zoom they appear from and their collision rank; the label
 * shows both names, Arabic on its own line where known. Labels never overlap: the one with the
 * lower `sort_key` (curated places, then the more populous) is placed first, and one that would
 * collide tries its other anchors, then is left out at that zoom. Drawn above the Natural
 * Earth towns so they win label collisions.
 */
export function placeLayers(theme: Theme, locale: Locale = 'en'): LayerSpecification[] {
	/** One name first, the other script on a line below (if the place has it). */
	const both = (first: string, second: string) => [
		'format',
		['get', first],
		{ 'font-scale': 1 },
		['case', ['to-boolean', ['get', second]], ['concat', '\n', ['get', second]], ''],
		{ 'font-scale': 0.95 }
	];
	return [
		{
			id: 'place-dots',
			type: 'circle',
			source: PLACES_SOURCE,
			filter: FROM_MIN_ZOOM,
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
			filter: FROM_MIN_ZOOM,
			layout: {
				// With Arabic active, the Arabic name first (the Latin one below it).
				'text-field': (locale === 'ar'
					? [
							'case',
							['to-boolean', ['get', 'name_ar']],
							both('name_ar', 'label_en'),
							['get', 'label_en']
						]
					: [
							'case',
							['==', ['get', 'label_en'], ''],
							['format', ['get', 'name_ar'], { 'font-scale': 0.95 }],
							both('label_en', 'name_ar')
						]) as unknown as ExpressionSpecification,
				'text-font': [theme.font.regular],
				// Cities a size up.
				'text-size': [
					'interpolate',
					['linear'],
					['zoom'],
					5,
					['match', ['get', 'kind'], 'city', 12, 11],
					10,
					['match', ['get', 'kind'], 'city', 15, 14]
				],
				'text-variable-anchor': ['right', 'left', 'top', 'bottom'],
				'text-radial-offset': ['get', 'label_offset'],
				'text-justify': 'auto',
				'text-max-width': 12,
				'symbol-sort-key': ['get', 'sort_key']
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
