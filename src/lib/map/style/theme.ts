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
	label: string;
	labelMuted: string;
	labelHalo: string;
	countryLabel: string;
	waterLabel: string;
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
	label: '#2b2622',
	labelMuted: '#6b6358',
	labelHalo: '#fbfaf7',
	countryLabel: '#8a7f70',
	waterLabel: '#3f6f86',
	font: { regular: 'Noto Sans', bold: 'Noto Sans Bold', italic: 'Noto Sans Italic' }
};
