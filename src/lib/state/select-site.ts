import type { AppState } from './app-state';

/**
 * A click on a site (several incidents at one position, which zooming cannot separate): the
 * panel opens on the first of those the filter lets through, by date, and lists them all.
 * Returns whether any was selected.
 */
export function selectSite(
	{ incidents, filters, selection }: Pick<AppState, 'incidents' | 'filters' | 'selection'>,
	lon: number,
	lat: number
): boolean {
	const here = incidents.siteAt(lon, lat).filter((id) => filters.matchesId(id));
	const first = here[0];
	if (first === undefined) return false;
	selection.select(first, { group: here });
	return true;
}
