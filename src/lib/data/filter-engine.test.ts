import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { randomFigures, randomFilter, randomIncidents } from './testing/random-incidents';
import { FACETS, failedParts, matchesFilter, NO_FILTER, type IncidentFilter } from './filter';
import {
	borderColumn,
	buildColumns,
	buildColumnsPart,
	columnsBinning,
	columnsDomain,
	dateOrder,
	evaluate,
	joinColumns,
	locatedPositions
} from './filter-engine';
import { dayNumber } from './format';
import type { IncidentCollection, PlaceCollection } from './incident';
import { linkPlaces } from './place-link';

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', path), 'utf8')) as T;
const strikes = geodata<IncidentCollection>('incidents/strikes.geojson').features;
const places = geodata<PlaceCollection>('places.geojson').features;

describe('filter engine', () => {
	it(
		'agrees with the reference meaning on every output (property test)',
		{ timeout: 30_000 },
		() => {
			const random = seededRandom(31);
			let byPlaceOnly = 0;
			for (let trial = 0; trial < 60; trial++) {
				const incidents = randomIncidents(random, 120);
				const links = linkPlaces(incidents, places);
				// The reference sees each incident's place names with its figures.
				const figures = randomFigures(random, incidents);
				incidents.forEach((incident, i) => {
					const place = links.placeOf[i]!;
					if (place < 0) return;
					const known = figures.get(incident.id);
					figures.set(incident.id, {
						borderDistance: NaN,
						...known,
						placeNames: links.names[place]
					});
				});
				const columns = buildColumns(
					incidents,
					(id) => {
						const distance = figures.get(id)?.borderDistance;
						return Number.isNaN(distance) ? undefined : distance;
					},
					true,
					links
				);
				const binning = columnsBinning(columns);
				for (let k = 0; k < 10; k++) {
					const filter = randomFilter(random, incidents);
					const result = evaluate(columns, filter);
					const failed = incidents.map((incident) =>
						failedParts(incident, figures.get(incident.id), filter)
					);
					const passing = incidents.map((_, i) => failed[i]!.length === 0);
					byPlaceOnly += incidents.filter(
						(incident, i) =>
							passing[i] &&
							filter.text !== '' &&
							failedParts(incident, undefined, filter).includes('text')
					).length;

					expect(Array.from(result.mask, Boolean)).toEqual(passing);
					expect(result.count).toBe(passing.filter(Boolean).length);
					expect(result.located).toBe(
						incidents.filter((incident, i) => passing[i] && incident.geometry).length
					);
					const expectedOrder = incidents
						.map((incident, i) => ({ incident, i }))
						.filter(({ i }) => passing[i])
						.sort(
							(a, b) =>
								a.incident.properties.date.localeCompare(b.incident.properties.date) ||
								(a.incident.id < b.incident.id ? -1 : 1)
						)
						.map(({ i }) => i);
					expect(Array.from(result.matching)).toEqual(expectedOrder);

					for (const facet of FACETS) {
						const expected = columns.facetValues[facet.key].map(
							(value) =>
								incidents.filter(
									(incident, i) =>
										facet.value(incident) === value &&
										failed[i]!.every((part) => part === facet.key)
								).length
						);
						expect(Array.from(result.facetCounts[facet.key]), facet.key).toEqual(expected);
					}
					const exact = new Array<number>(binning.count).fill(0);
					const approximate = new Array<number>(binning.count).fill(0);
					incidents.forEach((incident, i) => {
						if (!failed[i]!.every((part) => part === 'time')) return;
						const histogram = incident.properties.date_precision === 'day' ? exact : approximate;
						histogram[binning.binOf(dayNumber(incident.properties.date))]!++;
					});
					expect(Array.from(result.histogramExact)).toEqual(exact);
					expect(Array.from(result.histogramApproximate)).toEqual(approximate);
				}
			}
			// Some matches come from the place's other names alone ("Albu Kamal" for Al-Bukamal).
			expect(byPlaceOnly).toBeGreaterThan(0);
		}
	);

	it('finds the two strikes of 15–25 November 2018 in the shipped data', () => {
		const columns = buildColumns(strikes);
		const result = evaluate(columns, { ...NO_FILTER, from: '2018-11-15', to: '2018-11-25' });
		expect(Array.from(result.matching, (i) => strikes[i]!.id)).toEqual([
			'IQ-SY-009a',
			'IQ-SY-009b'
		]);
		expect(
			strikes.filter((incident) =>
				matchesFilter(incident, undefined, { ...NO_FILTER, from: '2018-11-15', to: '2018-11-25' })
			)
		).toHaveLength(2);
	});

	it('keeps "not reported" as its own choice and treats one-sided reports as ranges', () => {
		const columns = buildColumns(strikes);
		const ids = (killed: IncidentFilter['killed']) =>
			Array.from(evaluate(columns, { ...NO_FILTER, killed }).matching, (i) => strikes[i]!.id);
		expect(ids({ min: null, max: null, unreported: true })).toHaveLength(14);
		expect(ids({ min: null, max: null, unreported: false })).toHaveLength(8);
		// 40–50 overlaps 41–44 (IQ-SY-010), 45 (IQ-SY-007) and "at least 20" (IQ-SY-013), not "up to 30".
		expect(ids({ min: 40, max: 50, unreported: false }).sort()).toEqual([
			'IQ-SY-007',
			'IQ-SY-010',
			'IQ-SY-013'
		]);
	});

	it('searches place names in both scripts, summaries and sources', () => {
		const columns = buildColumns(strikes);
		const count = (text: string) => evaluate(columns, { ...NO_FILTER, text }).count;
		const ids = (text: string) =>
			Array.from(evaluate(columns, { ...NO_FILTER, text }).matching, (i) => strikes[i]!.id);
		// The five Hajin strikes by name, and the 20 November pair through a source about Hajin.
		expect(ids('hajin')).toEqual([
			'IQ-SY-002',
			'IQ-SY-005',
			'IQ-SY-006',
			'IQ-SY-007',
			'IQ-SY-009a',
			'IQ-SY-009b',
			'IQ-SY-011'
		]);
		expect(ids('هجين')).toEqual(['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011']);
		expect(count('thenationalnews')).toBe(2);
		expect(count('Falcons Cell')).toBe(1);
	});

	it('joins parts built apart into the columns built whole (datasets built in their workers)', () => {
		const random = seededRandom(7);
		const incidents = randomIncidents(random, 300);
		const links = linkPlaces(incidents, places);
		const figures = randomFigures(random, incidents);
		const whole = buildColumns(incidents, (id) => figures.get(id)?.borderDistance, true, links);
		// Three parts of unequal size, each with its own facet codes.
		const cuts = [0, 17, 200, 300];
		const parts = cuts.slice(1).map((end, k) => {
			const start = cuts[k]!;
			return buildColumnsPart(incidents.slice(start, end), links.placeOf.slice(start, end));
		});
		const join = joinColumns(parts, links.names, whole.border.slice(), {
			order: true,
			normalise: true
		});
		expect(join).toEqual(whole);
		// Without the order (the worker sorts it), the rest is the same.
		const unsorted = joinColumns(parts, links.names, null);
		expect(unsorted.order).toHaveLength(0);
		expect(unsorted.facetTotals).toEqual(whole.facetTotals);
		expect(joinColumns([], [], null).count).toBe(0);
		// What the page reads without joining (the worker joins) is what the join says.
		const domain = columnsDomain(parts);
		expect(domain).toEqual({
			facetValues: whole.facetValues,
			facetTotals: whole.facetTotals,
			firstDay: whole.firstDay,
			lastDay: whole.lastDay,
			unit: whole.unit
		});
		const none = joinColumns([], [], null);
		expect(columnsDomain([])).toMatchObject({ firstDay: none.firstDay, lastDay: none.lastDay });
	});

	it('reads the located incidents’ ids and positions from the parts, in the incidents’ order', () => {
		const random = seededRandom(11);
		const incidents = randomIncidents(random, 250);
		const parts = [0, 90, 91, 250].slice(1).map((end, k, ends) => {
			const start = k === 0 ? 0 : ends[k - 1]!;
			return buildColumnsPart(incidents.slice(start, end));
		});
		const located = incidents.filter((incident) => incident.geometry !== null);
		expect(located.length).toBeLessThan(incidents.length); // some have no position
		const { ids, lons, lats } = locatedPositions(parts);
		expect(ids).toEqual(located.map((incident) => incident.id));
		expect([...lons]).toEqual(located.map((incident) => incident.geometry!.coordinates[0]));
		expect([...lats]).toEqual(located.map((incident) => incident.geometry!.coordinates[1]));
		expect(locatedPositions([]).ids).toEqual([]);
		// Distances in that order make the same border column as distances looked up by id.
		const distances = Float64Array.from(ids, (_, k) => 1000 * k + 0.5);
		const byId = new Map(ids.map((id, k) => [id, distances[k]!]));
		const column = borderColumn(parts, distances);
		expect(column).toEqual(borderColumn(parts, (id) => byId.get(id)));
		expect(column.filter((metres) => !Number.isNaN(metres))).toEqual(distances);
	});
});

describe('dateOrder', () => {
	/** The order by one comparison sort: day, then id, then index. */
	const reference = (day: Int32Array, ids: string[]) =>
		Int32Array.from(ids.keys()).sort(
			(a, b) => day[a]! - day[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b)
		);

	it('gives the comparison sort’s order, with many incidents a day and ids met twice', () => {
		const random = seededRandom(11);
		for (const [count, span] of [
			[0, 1],
			[1, 1],
			[500, 3],
			[5_000, 400],
			[2_000, 40_000]
		] as const) {
			const day = Int32Array.from({ length: count }, () => 17_000 + Math.floor(random() * span));
			const ids = Array.from({ length: count }, () => `ds:E${Math.floor(random() * count)}`);
			expect(dateOrder(day, ids), `${count} incidents over ${span} days`).toEqual(
				reference(day, ids)
			);
		}
	});

	it('orders days before the epoch and far apart the same way', () => {
		const day = Int32Array.from([5, -40_000, 3_000_000, 5, -40_000, 0]);
		const ids = ['b', 'a', 'c', 'a', 'a', 'z'];
		expect([...dateOrder(day, ids)]).toEqual([1, 4, 5, 3, 0, 2]);
	});
});
