/** The default view: the Iraq–Syria border from Rabia down to al-Tanf, with the Euphrates valley. */
export const DEFAULT_BOUNDS: [[number, number], [number, number]] = [
	[37.6, 32.6],
	[43.8, 37.4]
];
