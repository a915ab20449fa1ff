import { PROXIMITY_BANDS_KM, UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
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

/** The legend in a language (English by default), its numbers in that language's digits. */
export function legendSections(theme: Theme, f: Formatter = ENGLISH): LegendSection[] {
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
		{
			title: m.legend_incidents({}, o),
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
