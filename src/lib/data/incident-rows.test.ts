import { describe, expect, it } from 'vitest';
import {
	ChunkedIncidents,
	concatRows,
	rowsArray,
	rowsAt,
	rowsByText,
	textColumn
} from './incident-rows';
import { chunkBuffers, encodeIncidents } from './import/incident-chunk';
import { randomIncidents } from './testing/random-incidents';
import { seededRandom } from './testing/random';

const incidents = randomIncidents(seededRandom(7), 230);
/** The same rows as chunks of uneven sizes, one of them empty (as a worker may send). */
const bounds = [0, 1, 1, 100, 229, 230];
const chunked = new ChunkedIncidents(
	bounds.slice(1).map((end, c) => encodeIncidents(incidents.slice(bounds[c], end)))
);

describe('ChunkedIncidents', () => {
	it('reads every row back as the incident encoded, across chunk boundaries', () => {
		expect(chunked.length).toBe(230);
		expect(rowsArray(chunked)).toEqual(incidents);
		for (const i of [0, 1, 99, 100, 228, 229]) expect(chunked.at(i)).toEqual(incidents[i]);
	});

	it('has no row outside its range, nor at a fractional index', () => {
		for (const i of [-1, 230, 1.5, Number.NaN]) expect(chunked.at(i)).toBeUndefined();
		expect(new ChunkedIncidents([]).length).toBe(0);
	});

	it('survives a structured clone of its chunks with their buffers transferred', () => {
		const chunk = encodeIncidents(incidents.slice(0, 50));
		const moved = structuredClone(chunk, { transfer: chunkBuffers(chunk) });
		expect(chunk.lon.byteLength).toBe(0);
		expect(rowsArray(new ChunkedIncidents([moved]))).toEqual(incidents.slice(0, 50));
	});
});

describe('concatRows', () => {
	it('reads several lists as one, in order, arrays and chunks alike', () => {
		const rows = concatRows([incidents.slice(0, 3), [], chunked, incidents.slice(3, 5)]);
		expect(rows.length).toBe(235);
		expect(rowsArray(rows)).toEqual([
			...incidents.slice(0, 3),
			...incidents,
			...incidents.slice(3, 5)
		]);
		expect(rows.at(235)).toBeUndefined();
		expect(rows.at(-1)).toBeUndefined();
	});

	it('is the list itself when only one has rows', () => {
		expect(concatRows([[], chunked])).toBe(chunked);
	});
});

describe('rowsAt', () => {
	it('gives the rows at the indices, in their order, skipping those out of range', () => {
		expect(rowsAt(chunked, [229, 0, 500, 100])).toEqual([
			incidents[229],
			incidents[0],
			incidents[100]
		]);
	});
});

describe('textColumn', () => {
	it('reads a text field of every row from the columns, the same as from the rows', () => {
		const mixed = concatRows([incidents.slice(0, 3), chunked]);
		for (const field of ['id', 'date', 'place', 'place_ar'] as const) {
			const expected = rowsArray(mixed).map((row) =>
				field === 'id' ? row.id : row.properties[field]
			);
			expect(textColumn(mixed, field), field).toEqual(expected);
			expect(textColumn(chunked, field)).toEqual(expected.slice(3));
		}
		expect(textColumn(chunked, 'place_ar')).toContain(null);
	});

	it('groups the rows by a place field, from the columns as from the rows', () => {
		const mixed = concatRows([incidents.slice(0, 3), chunked, incidents.slice(3, 5)]);
		const expected = new Map<string, number[]>();
		rowsArray(mixed).forEach((row, i) => {
			for (const field of ['place', 'place_ar'] as const) {
				const text = row.properties[field];
				if (text) expected.set(text, [...(expected.get(text) ?? []), i]);
			}
		});
		const grouped = rowsByText(mixed, 'place_ar', rowsByText(mixed, 'place'));
		const sorted = (map: Map<string, number[]>) =>
			[...map].map(([text, rows]) => [text, [...rows].sort((a, b) => a - b)]).sort();
		expect(sorted(grouped)).toEqual(sorted(expected));
	});

	it('decodes no row of a dataset kept as columns', () => {
		let decoded = 0;
		class Counting extends ChunkedIncidents {
			override at(index: number) {
				decoded++;
				return super.at(index);
			}
		}
		const rows = concatRows([new Counting([encodeIncidents(incidents)]), incidents.slice(0, 2)]);
		expect(textColumn(rows, 'place')).toHaveLength(232);
		expect(rowsByText(rows, 'place').size).toBeGreaterThan(0);
		expect(decoded).toBe(0);
	});
});
