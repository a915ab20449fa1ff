import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PROXIMITY_BANDS_KM } from '$lib/data/region';
import { NO_DISTANCE_FILTER } from './filter';
import { intlTag } from '$lib/i18n/locale';
import { ENGLISH_LABELS, type LabelLanguage } from './labels';
import type { Theme } from './theme';

/** Source ids for the border and its proximity bands. */
export const BORDER_SOURCE = 'border';
export const BANDS_SOURCE = 'proximityBands';
/** The band up to the distance the user filters by (a Turf buffer, computed in a worker). */
export const FILTER_BAND_SOURCE = 'filterBand';

/** One band colour (or opacity) per ring, innermost first (rings carry min_km/max_km). */
function bandExpression(theme: Theme, pick: 'colour' | 'opacity'): ExpressionSpecification {
	const [first, ...others] = PROXIMITY_BANDS_KM.map((km, i): [number, string | number] => [
		km,
		theme.bands[i]?.[pick] ?? 0
	]);
	if (!first) throw new Error('no proximity bands');
	return [
		'match',
		['get', 'max_km'],
		first[0],
		first[1],
		...others.flat(),
		pick === 'colour' ? '#000000' : 0
	] as ExpressionSpecification;
}

/** Proximity bands (10/25/50 km rings), then the Iraq–Syria border, drawn prominently. */
export function borderLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'proximity-bands',
			type: 'fill',
			source: BANDS_SOURCE,
			filter: NO_DISTANCE_FILTER,
			paint: {
				'fill-color': bandExpression(theme, 'colour'),
				'fill-opacity': bandExpression(theme, 'opacity')
			}
		},
		{
			id: 'proximity-band-edges',
			type: 'line',
			source: BANDS_SOURCE,
			filter: NO_DISTANCE_FILTER,
			paint: {
				'line-color': theme.bandOutline,
				'line-opacity': 0.45,
				'line-width': 0.8,
				'line-dasharray': [4, 3]
			}
		},
		{
			id: 'filter-band',
			type: 'fill',
			source: FILTER_BAND_SOURCE,
			paint: { 'fill-color': theme.bands[0]?.colour ?? theme.bandOutline, 'fill-opacity': 0.14 }
		},
		{
			id: 'filter-band-edge',
			type: 'line',
			source: FILTER_BAND_SOURCE,
			paint: { 'line-color': theme.bandOutline, 'line-width': 1.6, 'line-dasharray': [4, 2] }
		},
		{
			id: 'border-casing',
			type: 'line',
			source: BORDER_SOURCE,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': theme.borderCasing,
				'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 8],
				'line-opacity': 0.9
			}
		},
		{
			id: 'border-line',
			type: 'line',
			source: BORDER_SOURCE,
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': theme.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 10, 4]
			}
		}
	];
}

/** "10 km"-style labels along the outer edge of each band (and of the filter's band). */
export function bandLabelLayers(
	theme: Theme,
	labels: LabelLanguage = ENGLISH_LABELS
): LayerSpecification[] {
	const label = (
		id: string,
		source: string,
		filter?: ExpressionSpecification
	): LayerSpecification => ({
		id,
		type: 'symbol',
		source,
		...(filter ? { filter } : {}),
		minzoom: 6.5,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': 350,
			'text-field':
				labels.locale === 'ar'
					? [
							'concat',
							['number-format', ['get', 'max_km'], { locale: intlTag('ar', labels.digits) }],
							' كم'
						]
					: ['concat', ['to-string', ['get', 'max_km']], ' km'],
			'text-font': [theme.font.regular],
			'text-size': 10.5,
			'text-offset': [0, -0.6]
		},
		paint: {
			'text-color': theme.bandOutline,
			'text-halo-color': theme.labelHalo,
			'text-halo-width': 1.2
		}
	});
	return [
		label('proximity-band-labels', BANDS_SOURCE, NO_DISTANCE_FILTER),
		label('filter-band-labels', FILTER_BAND_SOURCE)
	];
}
