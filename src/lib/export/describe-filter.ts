import { FACETS, isFiltering, type IncidentFilter } from '$lib/data/filter';
import { formatShortDay } from '$lib/data/format';

/**
 * The filter in words, for an image's subtitle and an export's metadata:
 * "15 Nov 2018 – 25 Nov 2018 · Actor: Iraqi Air Force · within 25 km of the border".
 */
export function describeFilter(filter: IncidentFilter): string {
	if (!isFiltering(filter)) return 'all dates, no filters';
	const parts: string[] = [];
	if (filter.from !== null || filter.to !== null) {
		const from = filter.from === null ? 'start' : formatShortDay(filter.from);
		const to = filter.to === null ? 'end' : formatShortDay(filter.to);
		parts.push(from === to ? from : `${from} – ${to}`);
	}
	for (const facet of FACETS) {
		const values = filter.facets[facet.key];
		if (values && values.length > 0) {
			parts.push(`${facet.label}: ${values.map((value) => facet.describe(value)).join(' or ')}`);
		}
	}
	if (filter.killed) {
		const { min, max, unreported } = filter.killed;
		const range =
			min !== null && max !== null
				? `${min}–${max}`
				: min !== null
					? `${min} or more`
					: max !== null
						? `up to ${max}`
						: 'any number';
		parts.push(`reported killed: ${range}${unreported ? ' or not reported' : ''}`);
	}
	if (filter.maxBorderKm !== null) parts.push(`within ${filter.maxBorderKm} km of the border`);
	if (filter.text.trim() !== '') parts.push(`matching “${filter.text.trim()}”`);
	return parts.join(' · ');
}

/** "2 of 14 incidents" or "14 incidents". */
export function describeCount(shown: number, total: number, filtering: boolean): string {
	const noun = (n: number) => (n === 1 ? 'incident' : 'incidents');
	return filtering
		? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun(total)}`
		: `${total.toLocaleString('en')} ${noun(total)}`;
}
