import { PROXIMITY_BANDS_KM, UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { DENSITY_FADE_END, densityStops } from './density';
import { APPROXIMATE_DATE_OPACITY, markerRadius } from './incidents';
import type { Theme } from './theme';

/**
 * The legend as data, built from the theme and the same constants the style uses, so the
 * on-screen legend and exported images always describe what the map draws.
 */
export type LegendSymbol =
	| { kind: 'line'; colour: string; width: number; casing?: string; dashed?: boolean }
	/** A colour ramp, from the least to the most (positions 0 to 1 along it). */
	| { kind: 'ramp'; stops: readonly (readonly [number, string])[] }
	| { kind: 'fill'; colour: string; opacity: number; outline?: string }
	| {
			kind: 'circle';
			radius: number;
			fill: string;
			stroke: string;
			strokeWidth: number;
			fillOpacity?: number;
			text?: string;
			textColour?: string;
	  };

export interface LegendEntry {
	symbol: LegendSymbol;
	label: string;
}

export interface LegendSection {
	title: string;
	entries: LegendEntry[];
}

/** What the legend describes besides the map's fixed symbols. */
export interface LegendOptions {
	/** The density view is on, weighed by count or by reported killed. */
	density?: { weight: 'count' | 'killed' } | null;
}

/** The density surface's legend: what it adds up, and how an unknown toll is weighed. */
function densitySection(theme: Theme, weight: 'count' | 'killed'): LegendSection {
	const ramp = { kind: 'ramp' as const, stops: densityStops(theme.densityRamp) };
	const hollow = {
		kind: 'circle' as const,
		radius: markerRadius(null),
		fill: theme.incidentUnknown,
		stroke: theme.incident,
		strokeWidth: 2.5
	};
	return {
		title: 'Density',
		entries:
			weight === 'count'
				? [
						{
							symbol: ramp,
							label: 'Incidents shown per area, darkest where they are densest'
						},
						{
							symbol: hollow,
							label: 'Every incident counts once, whether its toll was reported or not'
						}
					]
				: [
						{
							symbol: ramp,
							label:
								'Reported killed per area, darkest where most are reported (ranges by their upper figure)'
						},
						{
							symbol: hollow,
							label: 'Incidents with no reported toll add nothing: unknown, not zero'
						}
					]
	};
}

export function legendSections(theme: Theme, options: LegendOptions = {}): LegendSection[] {
	const bandLabels = PROXIMITY_BANDS_KM.map((km, i) =>
		i === 0 ? `within ${km} km` : `${PROXIMITY_BANDS_KM[i - 1]}–${km} km`
	);
	const sample = (killed: number) => ({
		kind: 'circle' as const,
		radius: markerRadius(killed),
		fill: theme.incident,
		stroke: theme.incidentStroke,
		strokeWidth: 1.5,
		text: String(killed),
		textColour: theme.clusterText
	});
	return [
		...(options.density ? [densitySection(theme, options.density.weight)] : []),
		{
			title: options.density ? `Incidents (markers from zoom ${DENSITY_FADE_END})` : 'Incidents',
			entries: [
				{ symbol: sample(10), label: 'Reported killed: circle area grows with the number' },
				{ symbol: sample(40), label: 'Ranges are sized by their upper figure' },
				{
					symbol: {
						kind: 'circle',
						radius: markerRadius(null),
						fill: theme.incidentUnknown,
						stroke: theme.incident,
						strokeWidth: 2.5
					},
					label: 'Toll not reported (unknown, not zero)'
				},
				{
					symbol: {
						kind: 'circle',
						radius: markerRadius(null) + 1,
						fill: theme.incident,
						fillOpacity: APPROXIMATE_DATE_OPACITY,
						stroke: theme.incident,
						strokeWidth: 2
					},
					label: 'Fainter: dated only to the week or month'
				},
				{
					symbol: {
						kind: 'circle',
						radius: 14,
						fill: theme.cluster,
						stroke: theme.incidentStroke,
						strokeWidth: 2,
						text: '5',
						textColour: theme.clusterText
					},
					label: 'Several incidents at one site or close together'
				}
			]
		},
		{
			title: 'Location precision',
			entries: [
				{
					symbol: {
						kind: 'circle',
						radius: 9,
						fill: theme.halo,
						fillOpacity: 0.07,
						stroke: theme.halo,
						strokeWidth: 1.2
					},
					label: `Near a town: within ~${UNCERTAINTY_RADIUS_KM[2]} km (ring drawn to scale)`
				},
				{
					symbol: {
						kind: 'circle',
						radius: 13,
						fill: theme.halo,
						fillOpacity: 0.07,
						stroke: theme.halo,
						strokeWidth: 1.2
					},
					label: `Region only: within ~${UNCERTAINTY_RADIUS_KM[3]} km (to scale)`
				},
				{
					symbol: {
						kind: 'circle',
						radius: 4,
						fill: theme.incident,
						stroke: theme.incidentStroke,
						strokeWidth: 1
					},
					label: 'No ring: the named town itself (its centre)'
				}
			]
		},
		{
			title: 'Border',
			entries: [
				{
					symbol: { kind: 'line', colour: theme.border, width: 3, casing: theme.borderCasing },
					label: 'Iraq–Syria border (Natural Earth)'
				},
				...PROXIMITY_BANDS_KM.map((_, i) => ({
					symbol: {
						kind: 'fill' as const,
						colour: theme.bands[i]?.colour ?? theme.bandOutline,
						opacity: theme.bands[i]?.opacity ?? 0.1,
						outline: theme.bandOutline
					},
					label: `${bandLabels[i]} of the border`
				})),
				{
					symbol: { kind: 'line', colour: theme.countryBorder, width: 1.5 },
					label: 'Other international borders'
				},
				{
					symbol: { kind: 'line', colour: theme.governorateLine, width: 1, dashed: true },
					label: 'Governorate boundaries'
				}
			]
		}
	];
}
