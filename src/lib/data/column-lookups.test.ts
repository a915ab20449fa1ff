import { describe, expect, it } from 'vitest';
import {
	idIndex,
	locatedCount,
	rowsAtPosition,
	rowsAtPositions,
	siteRows,
	siteSizes,
	unknownTollCount,
	unlocatedRows
} from './column-lookups';
import { buildColumnsPart } from './filter-engine';
import { randomIncidents } from './testing/random-incidents';
import { seededRandom } from './testing/random';
import { positionKey, siteKey } from './site-key';

const incidents = randomIncidents(seededRandom(11), 400);
// A site of three, across the two parts: rows 200 and 399 are put at row 0's position.
const shared = incidents.find((incident) => incident.geometry !== null)!.geometry;
for (const i of [0, 200, 399]) incidents[i] = { ...incidents[i]!, geometry: shared };
// Two parts, as two datasets shown: row numbers count across them.
const parts = [buildColumnsPart(incidents.slice(0, 150)), buildColumnsPart(incidents.slice(150))];
const rows = (keep: (i: number) => boolean) => [...incidents.keys()].filter(keep);

describe('lookups over the columns agree with the incident objects', () => {
	it('numbers each row by id: scanning the ids at first, then from the map', () => {
		const index = idIndex(parts);
		expect(index.built).toBe(false);
		expect(index.get('no such incident')).toBeUndefined();
		// The first few lookups scan the ids (nothing hashed yet), across both parts.
		for (const i of [0, 399, 150, 149, 7, 250, 3]) expect(index.get(incidents[i]!.id)).toBe(i);
		expect(index.built).toBe(false);
		// The next one hashes them all.
		expect(index.get(incidents[42]!.id)).toBe(42);
		expect(index.built).toBe(true);
		incidents.forEach((incident, i) => expect(index.get(incident.id)).toBe(i));
	});

	it('builds a slice at a time, and answers the same half built', async () => {
		const index = idIndex(parts);
		let pauses = 0;
		await index.build(
			async () => {
				pauses++;
				expect(index.built).toBe(false);
			},
			undefined,
			60
		);
		expect(pauses).toBe(7); // 400 ids in slices of 60, a pause before each
		expect(index.built).toBe(true);
		incidents.forEach((incident, i) => expect(index.get(incident.id)).toBe(i));

		// No longer wanted after two slices: 120 hashed, the rest found by the scan.
		const half = idIndex(parts);
		let asked = 0;
		await half.build(
			async () => {},
			() => asked++ < 2,
			60
		);
		expect(half.built).toBe(false);
		for (const i of [0, 119, 120, 149, 150, 399]) expect(half.get(incidents[i]!.id)).toBe(i);
	});

	it('gives an id found twice its later row, whole or half built, as a Map filled in order would', async () => {
		const twice = [incidents.slice(0, 150), [...incidents.slice(150, 399), incidents[5]!]];
		const doubled = twice.map((slice) => buildColumnsPart(slice));
		const id = incidents[5]!.id;
		expect(idIndex(doubled).get(id)).toBe(399);
		const half = idIndex(doubled);
		let asked = 0;
		await half.build(
			async () => {},
			() => asked++ < 1,
			100
		); // row 5 hashed, row 399 not
		expect(half.built).toBe(false);
		expect(half.get(id)).toBe(399);
		const whole = idIndex(doubled);
		await whole.build(async () => {});
		expect(whole.get(id)).toBe(399);
	});

	it('counts and lists the rows with and without a position', () => {
		const unlocated = rows((i) => incidents[i]!.geometry === null);
		expect(unlocated.length).toBeGreaterThan(0);
		expect(unlocatedRows(parts)).toEqual(unlocated);
		expect(locatedCount(parts)).toBe(400 - unlocated.length);
	});

	it('finds the rows at a position, one or many', () => {
		const at = (key: string) =>
			rows((i) => {
				const position = incidents[i]!.geometry?.coordinates;
				return position !== undefined && positionKey(position) === key;
			});
		const positions = incidents.flatMap((incident) => {
			const position = incident.geometry?.coordinates;
			return position ? [[position[0]!, position[1]!] as const] : [];
		});
		const [lon, lat] = positions[0]!;
		expect(rowsAtPosition(parts, lon, lat)).toEqual([0, 200, 399]);
		expect(rowsAtPosition(parts, lon, lat)).toEqual(at(siteKey(lon, lat)));
		const found = rowsAtPositions(parts, [...positions.slice(0, 20), [0, 0]]);
		expect(found.has(siteKey(0, 0))).toBe(false);
		for (const [key, list] of found) expect(list).toEqual(at(key));
		expect(found.size).toBe(new Set(positions.slice(0, 20).map(([x, y]) => siteKey(x, y))).size);
	});

	it('lists a site’s rows and ids by date, then id, as the objects sort', () => {
		const [lon, lat] = shared?.coordinates ?? [];
		const site = siteRows(parts, lon!, lat!);
		const expected = [0, 200, 399].sort((a, b) => {
			const [x, y] = [incidents[a]!, incidents[b]!];
			return x.properties.date.localeCompare(y.properties.date) || (x.id < y.id ? -1 : 1);
		});
		expect(site.rows).toEqual(expected);
		expect(site.ids).toEqual(expected.map((i) => incidents[i]!.id));
		expect(siteRows(parts, 0, 0)).toEqual({ rows: [], ids: [] });
	});

	it('sizes sites: how many rows, and the incident itself when it is alone', () => {
		const [lon, lat] = shared?.coordinates ?? [];
		const lone = incidents[5]?.geometry?.coordinates ?? [];
		const sites = rowsAtPositions(parts, [
			[lon ?? 0, lat ?? 0],
			[lone[0] ?? 0, lone[1] ?? 0]
		]);
		const sizes = siteSizes(incidents, sites);
		expect(sizes.get(siteKey(lon ?? 0, lat ?? 0))).toEqual({ count: 3 });
		expect(sizes.get(siteKey(lone[0] ?? 0, lone[1] ?? 0))).toEqual({
			count: 1,
			only: incidents[5]
		});
	});

	it('counts the located rows without a reported toll, of those a mask lets through', () => {
		const unknown = (i: number) => {
			const { geometry, properties: p } = incidents[i]!;
			return geometry !== null && p.killed_min === null && p.killed_max === null;
		};
		expect(unknownTollCount(parts)).toBe(rows(unknown).length);
		const mask = Uint8Array.from(incidents, (_, i) => i % 2);
		expect(unknownTollCount(parts, mask)).toBe(rows((i) => unknown(i) && i % 2 === 1).length);
	});
});
