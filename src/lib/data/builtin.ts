/** The incident dataset that ships with the app. */
export interface DatasetInfo {
	id: string;
	title: string;
	/** Credit line shown in the map attribution and carried into exports. */
	credit: string;
	description: string;
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
