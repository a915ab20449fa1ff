/** The incident dataset that ships with the app. */
export interface DatasetInfo {
	id: string;
	title: string;
	/** Credit line shown in the map attribution and carried into exports. */
	credit: string;
	description: string;
	/** SHA-256 of the file it was read from (hex), when known: its version, for citations. */
	sha256?: string;
	/** Where it was read from (a URL or a file name). */
	file?: string;
	/** Marker colour on the map (imports; the built-in data uses the theme's). */
	colour?: string;
	/** How an imported dataset came to be (absent for the built-in data). */
	imported?: {
		format: string;
		/** ISO timestamp. */
		at: string;
		total: number;
		imported: number;
		rejected: number;
		unlocated: number;
	};
}

export const BUILTIN_DATASET: DatasetInfo = {
	id: 'iq-sy-strikes',
	title: 'Iraqi air strikes on ISIS inside Syria, 2017–2019',
	credit: 'Incidents: compiled from public news reports (sources listed per incident)',
	description:
		'Publicly reported Iraqi air strikes on ISIS inside Syria, February 2017 – January 2019, one ' +
		'record per strike, with source URLs and ACLED-style precision codes. Casualty figures are ' +
		'mostly Iraqi military claims; blank means not reported.'
};
