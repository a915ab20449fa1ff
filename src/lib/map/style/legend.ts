import { PROXIMITY_BANDS_KM, UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { DENSITY_FADE_END, densityStops } from './density';
import { ENGLISH, type Formatter } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
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
function densitySection(theme: Theme, weight: 'count' | 'killed', f: Formatter): LegendSection {
	const o = { locale: f.locale };
	const ramp = { kind: 'ramp' as const, stops: densityStops(theme.densityRamp) };
	const hollow = {
		kind: 'circle' as const,
		radius: markerRadius(null),
		fill: theme.incidentUnknown,
		stroke: theme.incident,
		strokeWidth: 2.5
	};
	const [surface, unknown] =
		weight === 'count'
			? [m.legend_density_count({}, o), m.legend_density_count_unknown({}, o)]
			: [m.legend_density_killed({}, o), m.legend_density_killed_unknown({}, o)];
	return {
		title: m.legend_density({}, o),
		entries: [
			{ symbol: ramp, label: surface },
			{ symbol: hollow, label: unknown }
		]
	};
}

/**
 * The legend in a language (English by default), its numbers in that language's digits; with
 * the density view's section first when the map draws it.
 */
export function legendSections(
	theme: Theme,
	f: Formatter = ENGLISH,
	options: LegendOptions = {}
): LegendSection[] {
	const o = { locale: f.locale };
	const bandLabels = PROXIMITY_BANDS_KM.map((km, i) =>
		i === 0
			? m.legend_band_within({ km: f.km(km) }, o)
			: m.legend_band({ from: f.count(PROXIMITY_BANDS_KM[i - 1] ?? 0), to: f.km(km) }, o)
	);
	const sample = (killed: number) => ({
		kind: 'circle' as const,
		radius: markerRadius(killed),
		fill: theme.incident,
		stroke: theme.incidentStroke,
		strokeWidth: 1.5,
		text: f.count(killed),
		textColour: theme.clusterText
	});
	return [
		...(options.density ? [densitySection(theme, options.density.weight, f)] : []),
		{
			title: options.density
				? m.legend_incidents_from_zoom({ zoom: f.count(DENSITY_FADE_END) }, o)
				: m.legend_incidents({}, o),
			entries: [
				{ symbol: sample(10), label: m.legend_killed({}, o) },
				{ symbol: sample(40), label: m.legend_ranges({}, o) },
				{
					symbol: {
						kind: 'circle',
						radius: markerRadius(null),
						fill: theme.incidentUnknown,
						stroke: theme.incident,
						strokeWidth: 2.5
					},
					label: m.legend_unknown({}, o)
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
					label: m.legend_approximate({}, o)
				},
				{
					symbol: {
						kind: 'circle',
						radius: 14,
						fill: theme.cluster,
						stroke: theme.incidentStroke,
						strokeWidth: 2,
						text: f.count(5),
						textColour: theme.clusterText
					},
					label: m.legend_cluster({}, o)
				}
			]
		},
		{
			title: m.legend_precision({}, o),
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
					label: m.legend_near({ km: f.km(UNCERTAINTY_RADIUS_KM[2]) }, o)
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
					label: m.legend_region({ km: f.km(UNCERTAINTY_RADIUS_KM[3]) }, o)
				},
				{
					symbol: {
						kind: 'circle',
						radius: 4,
						fill: theme.incident,
						stroke: theme.incidentStroke,
						strokeWidth: 1
					},
					label: m.legend_town({}, o)
				}
			]
		},
		{
			title: m.legend_border({}, o),
			entries: [
				{
					symbol: { kind: 'line', colour: theme.border, width: 3, casing: theme.borderCasing },
					label: m.legend_border_line({}, o)
				},
				...PROXIMITY_BANDS_KM.map((_, i) => ({
					symbol: {
						kind: 'fill' as const,
						colour: theme.bands[i]?.colour ?? theme.bandOutline,
						opacity: theme.bands[i]?.opacity ?? 0.1,
						outline: theme.bandOutline
					},
					label: bandLabels[i] ?? ''
				})),
				{
					symbol: { kind: 'line', colour: theme.countryBorder, width: 1.5 },
					label: m.legend_other_borders({}, o)
				},
				{
					symbol: { kind: 'line', colour: theme.governorateLine, width: 1, dashed: true },
					label: m.legend_governorates({}, o)
				}
			]
		}
	];
}
