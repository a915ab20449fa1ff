import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { DENSITY_RADII } from '$lib/analysis/density-scale';
import { DENSITY_FILTER } from './filter';
import type { Theme } from './theme';

/**
 * The density view: a heatmap of the incidents the filter matched, instead of their markers,
 * when zoomed out. It is drawn from the same source and the same mask as the markers
 * (style/filter.ts), so it follows every filter and the timeline as they do, and it is switched
 * by the renderer's global state (no data is uploaded again):
 * - DENSITY_STATE: whether density replaces the markers;
 * - DENSITY_WEIGHT_STATE: what each incident adds, 'count' (1 each) or 'killed' (its reported
 *   killed, the figure its marker is sized by: the upper one of a range). An incident whose
 *   toll was not reported adds nothing then: unknown is not zero, and is not guessed at; the
 *   interface says how many incidents are left out of the surface that way.
 * Zooming in, the surface fades out between DENSITY_FADE_START and DENSITY_FADE_END and the
 * markers fade in, so incidents can be read one by one again.
 */
export const DENSITY_STATE = 'density';
export const DENSITY_WEIGHT_STATE = 'densityWeight';
export const DENSITY_STATE_DEFAULTS = { [DENSITY_STATE]: false, [DENSITY_WEIGHT_STATE]: 'count' };

export const DENSITY_LAYER = 'incident-density';
export const DENSITY_FADE_START = 9;
export const DENSITY_FADE_END = 10;

const densityOn = ['global-state', DENSITY_STATE] as ExpressionSpecification;
const byKilled: ExpressionSpecification = [
	'==',
	['global-state', DENSITY_WEIGHT_STATE] as ExpressionSpecification,
	'killed'
];

/**
 * A marker's opacity with the density view: as given without it; with it, none below
 * DENSITY_FADE_START, fading in up to DENSITY_FADE_END.
 */
export function densityFade(opacity: number | ExpressionSpecification): ExpressionSpecification {
	return [
		'interpolate',
		['linear'],
		['zoom'],
		DENSITY_FADE_START,
		['case', densityOn, 0, opacity],
		DENSITY_FADE_END,
		opacity
	] as ExpressionSpecification;
}

/** Each incident's weight in the surface (see above). */
export const DENSITY_WEIGHT: ExpressionSpecification = [
	'case',
	byKilled,
	// Unknown tolls (null) add nothing; known ones their figure.
	['coalesce', ['get', 'killed_best'], 0],
	1
];

/**
 * Where each colour of the ramp sits on the density scale (0 to 1): transparent at 0, the
 * faintest colour soon after (a lone incident stays visible), the rest evenly up to 1.
 */
export function densityStops(ramp: readonly string[]): [number, string][] {
	const FAINTEST = 0.06;
	return ramp.map((colour, i) => [
		i === 0 ? 0 : FAINTEST + ((i - 1) / Math.max(1, ramp.length - 2)) * (1 - FAINTEST),
		colour
	]);
}

/** The surface's intensity by zoom, from [zoom, intensity] pairs. */
export function densityIntensityExpression(
	stops: readonly (readonly [number, number])[]
): ExpressionSpecification {
	return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;
}

/** The ramp as the heatmap's colour by density (0 → transparent). */
function densityColour(theme: Theme): ExpressionSpecification {
	return [
		'interpolate',
		['linear'],
		['heatmap-density'],
		...densityStops(theme.densityRamp).flat()
	] as ExpressionSpecification;
}

/** The surface, drawn from `source`'s `sourceLayer`: the incidents' own (style/incidents.ts). */
export function densityLayers(
	theme: Theme,
	source: string,
	sourceLayer: string
): LayerSpecification[] {
	return [
		{
			id: DENSITY_LAYER,
			type: 'heatmap',
			source,
			'source-layer': sourceLayer,
			// Not drawn (nor laid out) where the markers have taken over, nor while it is off.
			maxzoom: DENSITY_FADE_END,
			filter: DENSITY_FILTER,
			layout: { visibility: ['case', densityOn, 'visible', 'none'] as ExpressionSpecification },
			paint: {
				'heatmap-weight': DENSITY_WEIGHT,
				'heatmap-radius': [
					'interpolate',
					['linear'],
					['zoom'],
					...DENSITY_RADII.flat()
				] as ExpressionSpecification,
				// Replaced by the map from the incidents shown (densityIntensityExpression).
				'heatmap-intensity': densityIntensityExpression(DENSITY_RADII.map(([zoom]) => [zoom, 1])),
				'heatmap-color': densityColour(theme),
				'heatmap-opacity': [
					'interpolate',
					['linear'],
					['zoom'],
					DENSITY_FADE_START,
					0.85,
					DENSITY_FADE_END,
					0
				]
			}
		}
	];
}
