import type { FilterFigures } from '$lib/data/filter';
import { FACETS, type IncidentFilter } from '../filter';
import type { IncidentFeature } from '../incident';

/** Generators for property tests of filtering: few values per field, so filters bite. */

/** Random incidents drawn from a few values per field, so filters select some and not others. */
export function randomIncidents(random: () => number, n: number): IncidentFeature[] {
	const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
	return Array.from({ length: n }, (_, i) => {
		const located = random() < 0.85;
		const min = pick([null, 0, 5, 20, 40]);
		const max = min === null ? pick([null, 10, 30]) : pick([min, min + 5, null]);
		return {
			type: 'Feature',
			id: `R${i}`,
			geometry: located
				? { type: 'Point', coordinates: [38 + 5 * random(), 32 + 5 * random()] }
				: null,
			properties: {
				id: `R${i}`,
				dataset: 'test',
				date: `2018-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
				date_precision: pick(['day', 'day', 'week', 'month'] as const),
				date_end: null,
				weekday_reported: null,
				place: pick(['Hajin', 'Al-Susah', 'Al-Bukamal (Abu Kamal)', 'Baghuz']),
				place_ar: pick([null, 'هجين', 'السوسة']),
				admin1: pick([null, 'Deir ez-Zor', 'Al-Hasakah']),
				country: pick(['Syria', 'Iraq']),
				location_precision: pick([1, 2, 3] as const),
				actor: pick(['Iraqi Air Force', 'Coalition', null]),
				aircraft: null,
				target: pick(['HQ', 'depot', null]),
				target_category: pick(['headquarters', 'weapons depot', null]),
				killed_min: min,
				killed_max: max,
				claimed_by: pick(['JOC', 'SOHR', null]),
				summary: pick(['A strike on a depot.', 'Meeting of leaders.', null]),
				sources: [pick(['https://example.org/a', 'https://news.example/b'])]
			}
		};
	});
}

/** Queries some incidents match by their own text, some only by their place's other names. */
const TEXTS = [
	'hajin',
	'Hajeen',
	'depot',
	'SUSAH',
	'example org',
	'هجين',
	'Albu Kamal',
	'البوكمال'
];

export function randomFilter(
	random: () => number,
	incidents: readonly IncidentFeature[]
): IncidentFilter {
	const maybe = <T>(p: number, value: () => T) => (random() < p ? value() : null);
	const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
	const someOf = (values: string[]) => values.filter(() => random() < 0.4);
	const facets: IncidentFilter['facets'] = {};
	for (const facet of FACETS) {
		if (random() < 0.3) facets[facet.key] = someOf([...new Set(incidents.map(facet.value))]);
	}
	return {
		from: maybe(0.4, () => `2018-${String(1 + Math.floor(random() * 6)).padStart(2, '0')}-01`),
		to: maybe(0.4, () => `2018-${String(6 + Math.floor(random() * 6)).padStart(2, '0')}-15`),
		maxBorderKm: maybe(0.3, () => Math.round(random() * 100)),
		killed: maybe(0.3, () => ({
			min: maybe(0.6, () => Math.round(random() * 40)),
			max: maybe(0.6, () => Math.round(10 + random() * 40)),
			unreported: random() < 0.5
		})),
		text: random() < 0.3 ? pick(TEXTS) : '',
		facets
	};
}

export function randomFigures(random: () => number, incidents: readonly IncidentFeature[]) {
	return new Map<string, FilterFigures>(
		incidents
			.filter(() => random() < 0.9)
			.map((incident) => [incident.id, { borderDistance: random() * 150_000 }])
	);
}
