import { FACETS, isFiltering, type IncidentFilter } from '$lib/data/filter';
import { ENGLISH, type Formatter } from '$lib/i18n/format';
import { facetLabel, facetValue } from '$lib/i18n/vocabulary';
import { m } from '$lib/paraglide/messages';

/**
 * The filter in words, for an image's subtitle and an export's metadata, in a language (English
 * by default: the data exports' metadata stays in English):
 * "15 Nov 2018 – 25 Nov 2018 · Actor: Iraqi Air Force · within 25 km of the border".
 */
export function describeFilter(filter: IncidentFilter, f: Formatter = ENGLISH): string {
	const o = { locale: f.locale };
	if (!isFiltering(filter)) return m.filter_none({}, o);
	const parts: string[] = [];
	if (filter.from !== null || filter.to !== null) {
		const from = filter.from === null ? m.filter_start({}, o) : f.shortDay(filter.from);
		const to = filter.to === null ? m.filter_end({}, o) : f.shortDay(filter.to);
		parts.push(from === to ? from : m.filter_range({ from, to }, o));
	}
	for (const facet of FACETS) {
		const values = filter.facets[facet.key];
		if (values && values.length > 0) {
			const words = values.map((value) => facetValue(facet.key, value, f.locale));
			parts.push(
				m.filter_facet(
					{ label: facetLabel(facet.key, f.locale), values: words.join(m.filter_or({}, o)) },
					o
				)
			);
		}
	}
	if (filter.killed) {
		const { min, max, unreported } = filter.killed;
		const range =
			min !== null && max !== null
				? m.filter_killed_range({ min: f.count(min), max: f.count(max) }, o)
				: min !== null
					? m.filter_killed_min({ min: f.count(min) }, o)
					: max !== null
						? m.filter_killed_max({ max: f.count(max) }, o)
						: m.filter_killed_any({}, o);
		parts.push(
			unreported ? m.filter_killed_or_unreported({ range }, o) : m.filter_killed({ range }, o)
		);
	}
	if (filter.maxBorderKm !== null) parts.push(m.filter_within({ km: f.km(filter.maxBorderKm) }, o));
	if (filter.text.trim() !== '') parts.push(m.filter_matching({ text: filter.text.trim() }, o));
	return parts.join(m.separator({}, o));
}

/** "2 of 14 incidents" or "14 incidents". */
export function describeCount(
	shown: number,
	total: number,
	filtering: boolean,
	f: Formatter = ENGLISH
): string {
	const o = { locale: f.locale };
	return filtering
		? m.incidents_shown({ shown: f.count(shown), count: total, n: f.count(total) }, o)
		: m.incident_count({ count: total, n: f.count(total) }, o);
}
