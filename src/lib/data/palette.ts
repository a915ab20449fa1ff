/**
 * Marker colours for imported datasets (the built-in data uses the theme's own): distinct and
 * colour-blind safe, and dark enough to stand 3:1 on every ground of the light map. A dataset
 * keeps its colour as one of these; a dark theme draws the same entry in a lighter shade
 * (map/style/theme.ts), so the colour names which dataset it is, whatever the theme.
 */
export const DATASET_COLOURS = [
	'#19598e',
	'#7b3294',
	'#16622d',
	'#884305',
	'#016159',
	'#a21666',
	'#4d4d4d'
] as const;
