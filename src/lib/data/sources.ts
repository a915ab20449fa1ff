import { isWebUrl, splitList, splitUrls } from './fields';

/**
 * Sources in one CSV cell. URLs never hold a space, so a list of them is written
 * space-separated; sources named rather than linked (ACLED lists outlets: "Rudaw; Kurdistan
 * 24") hold spaces, so a list with any of them is written as ACLED writes it, "; "-separated.
 */
export function joinSources(sources: readonly string[]): string {
	return sources.every((source) => isWebUrl(source) && !/\s/.test(source))
		? sources.join(' ')
		: sources.join('; ');
}

/**
 * Reads a cell written by joinSources, by ACLED (";"), or by hand ("url ; url"): a cell whose
 * words are all URLs is a list of URLs; otherwise ";" separates, except inside a URL.
 */
export function splitSources(raw: string | undefined): string[] {
	const words = (raw ?? '').split(/\s+/).filter((word) => word !== '');
	if (words.length > 1 && words.every(isWebUrl)) return words;
	const urls = splitUrls(raw);
	return urls.length > 0 && urls.every(isWebUrl) ? urls : splitList(raw);
}
