import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PROXIMITY_BANDS_KM } from '$lib/data/region';
import type { Theme } from './theme';

/** Source ids for the border and its proximity bands. */
export const BORDER_SOURCE = 'border';
export const BANDS_SOURCE = 'proximityBands';

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
			paint: {
				'fill-color': bandExpression(theme, 'colour'),
				'fill-opacity': bandExpression(theme, 'opacity')
			}
		},
		{
			id: 'proximity-band-edges',
			type: 'line',
			source: BANDS_SOURCE,
			paint: {
				'line-color': theme.bandOutline,
				'line-opacity': 0.45,
				'line-width': 0.8,
				'line-dasharray': [4, 3]
			}
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

/** "10 km"-style labels along the outer edge of each band. */
export function bandLabelLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'proximity-band-labels',
			type: 'symbol',
			source: BANDS_SOURCE,
			minzoom: 6.5,
			layout: {
				'symbol-placement': 'line',
				'symbol-spacing': 350,
				'text-field': ['concat', ['to-string', ['get', 'max_km']], ' km'],
				'text-font': [theme.font.regular],
				'text-size': 10.5,
				'text-offset': [0, -0.6]
			},
			paint: {
				'text-color': theme.bandOutline,
				'text-halo-color': theme.labelHalo,
				'text-halo-width': 1.2
			}
		}
	];
}
