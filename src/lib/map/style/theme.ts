import { DATASET_COLOURS } from '$lib/data/palette';
import type { ThemeName } from '$lib/state/appearance.svelte';

/**
 * Colours and type for the map and everything drawn from it (legend, exports). A theme is data:
 * style functions take it as an argument, so a dark theme is a second object, not a fork.
 */
export interface Theme {
	name: string;
	/** Outside the data's extent and behind everything. */
	background: string;
	water: string;
	waterLine: string;
	river: string;
	land: string;
	/** Country fills: the two countries the map is about, and the rest. */
	iraq: string;
	syria: string;
	neighbour: string;
	urban: string;
	playa: string;
	governorateLine: string;
	countryBorder: string;
	disputedBorder: string;
	/** The Iraq–Syria border, drawn over everything else on the ground. */
	border: string;
	borderCasing: string;
	/** One colour per proximity band, innermost first, with the fill opacity of each. */
	bands: { colour: string; opacity: number }[];
	bandOutline: string;
	incident: string;
	incidentStroke: string;
	/** Fill for incidents whose toll was not reported (drawn hollow). */
	incidentUnknown: string;
	halo: string;
	cluster: string;
	clusterText: string;
	selection: string;
	/**
	 * The density surface, from the faintest density to the densest (densities in between are
	 * blended): the first entry is transparent, the last stands out from every ground at 3:1.
	 */
	densityRamp: readonly string[];
	label: string;
	labelMuted: string;
	labelHalo: string;
	countryLabel: string;
	waterLabel: string;
	/**
	 * Imported datasets' markers, entry by entry for DATASET_COLOURS (the colour a dataset
	 * keeps): the same datasets in shades that stand out from this theme's ground.
	 */
	datasetColours: readonly string[];
	/** An exported image's own text and cards, over the map. */
	print: { ink: string; muted: string; card: string; cardLine: string };
	/** Font names as registered in the style's font-faces. */
	font: { regular: string; bold: string; italic: string };
}

export const LIGHT: Theme = {
	name: 'light',
	background: '#e4dfd6',
	water: '#b9d3df',
	waterLine: '#8fb6c8',
	river: '#6fa3bd',
	land: '#f1eee8',
	iraq: '#f5e6c6',
	syria: '#e6ecd9',
	neighbour: '#eceae4',
	urban: '#ded6c8',
	playa: '#e9e1cf',
	governorateLine: '#aca392',
	countryBorder: '#7d766b',
	disputedBorder: '#9a8f80',
	border: '#2e2522',
	borderCasing: '#ffffff',
	bands: [
		{ colour: '#8c2d19', opacity: 0.15 },
		{ colour: '#8c2d19', opacity: 0.09 },
		{ colour: '#8c2d19', opacity: 0.045 }
	],
	bandOutline: '#8c2d19',
	incident: '#b3261e',
	incidentStroke: '#ffffff',
	incidentUnknown: '#ffffff',
	halo: '#b3261e',
	cluster: '#6e1d17',
	clusterText: '#ffffff',
	selection: '#0a4fbd',
	densityRamp: ['rgba(255, 237, 160, 0)', '#fed976', '#fd8d3c', '#e31a1c', '#800026'],
	label: '#2b2622',
	labelMuted: '#6b6358',
	labelHalo: '#fbfaf7',
	countryLabel: '#8a7f70',
	waterLabel: '#3f6f86',
	datasetColours: DATASET_COLOURS,
	print: {
		ink: '#1f1b18',
		muted: '#4f483f',
		card: 'rgba(255, 255, 255, 0.93)',
		cardLine: 'rgba(31, 27, 24, 0.18)'
	},
	font: { regular: 'Noto Sans', bold: 'Noto Sans Bold', italic: 'Noto Sans Italic' }
};

/**
 * The dark map: the same data rules, night colours. Markers and lines are light on dark ground
 * and hold the same 3:1 against every ground they can be drawn on (contrast.test.ts).
 */
export const DARK: Theme = {
	name: 'dark',
	background: '#14161a',
	water: '#1b2b36',
	waterLine: '#35566a',
	river: '#4f88a8',
	land: '#25272b',
	iraq: '#2f2c26',
	syria: '#272c26',
	neighbour: '#232427',
	urban: '#35332f',
	playa: '#302d28',
	governorateLine: '#5c574e',
	countryBorder: '#8a8378',
	disputedBorder: '#6f685e',
	border: '#f1ece4',
	borderCasing: '#0e0f11',
	bands: [
		{ colour: '#ff8a65', opacity: 0.12 },
		{ colour: '#ff8a65', opacity: 0.07 },
		{ colour: '#ff8a65', opacity: 0.035 }
	],
	bandOutline: '#ff8a65',
	incident: '#ff6f61',
	incidentStroke: '#14161a',
	incidentUnknown: '#14161a',
	halo: '#ff6f61',
	cluster: '#ffb4a9',
	clusterText: '#14161a',
	selection: '#8ab4ff',
	densityRamp: ['rgba(122, 1, 119, 0)', '#7a0177', '#c51b8a', '#f768a1', '#fde0dd'],
	label: '#ece7e0',
	labelMuted: '#b3ab9f',
	labelHalo: '#14161a',
	countryLabel: '#a0978a',
	waterLabel: '#8dbad2',
	datasetColours: ['#7fb3e8', '#c9a0dc', '#7ccf8e', '#f2a65a', '#5cc7ba', '#f48cc4', '#c2c2c2'],
	print: {
		ink: '#f1ece4',
		muted: '#c4bcb0',
		card: 'rgba(24, 25, 29, 0.92)',
		cardLine: 'rgba(241, 236, 228, 0.22)'
	},
	font: LIGHT.font
};

export const THEMES: Record<ThemeName, Theme> = { light: LIGHT, dark: DARK };

/** A dataset's marker colour (one of DATASET_COLOURS, kept with the dataset) in a theme. */
export function datasetColour(colour: string | undefined, theme: Theme): string {
	const entry = DATASET_COLOURS.findIndex((candidate) => candidate === colour);
	return (entry >= 0 ? theme.datasetColours[entry] : colour) ?? theme.incident;
}
