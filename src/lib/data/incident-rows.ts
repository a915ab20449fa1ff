import type { IncidentFeature } from './incident';
import {
	decodeIncident,
	rowsByTextOf,
	textColumnOf,
	type IncidentChunk
} from './import/incident-chunk';

/**
 * Read access to a list of incidents, a row at a time. A plain array is one (the built-in
 * data, tests); an imported or restored dataset is `ChunkedIncidents`, its rows kept as the
 * columns its worker sent and decoded only when read (the panel, the list's visible rows, an
 * export), so the page never holds one object per row of a large file.
 *
 * Rows decoded from columns are new objects each time: compare incidents by id, not identity.
 */
export interface IncidentRows {
	readonly length: number;
	at(index: number): IncidentFeature | undefined;
}

/** The rows of some chunks, in order (each chunk as the import or restore worker sent it). */
export class ChunkedIncidents implements IncidentRows {
	readonly length: number;
	readonly #chunks: readonly IncidentChunk[];
	/** Where each chunk starts; one more entry, the total, at the end. */
	readonly #starts: Uint32Array;

	constructor(chunks: readonly IncidentChunk[]) {
		this.#chunks = chunks.filter((chunk) => chunk.count > 0);
		this.#starts = startsOf(this.#chunks.map((chunk) => chunk.count));
		this.length = this.#starts[this.#chunks.length] ?? 0;
	}

	at(index: number): IncidentFeature | undefined {
		if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
		const c = listAt(this.#starts, index);
		const chunk = this.#chunks[c];
		return chunk && decodeIncident(chunk, index - (this.#starts[c] ?? 0));
	}

	/** One text field of every row, read from the chunks' columns (see textColumn). */
	textColumn(field: RowText): (string | null)[] {
		return joined(this.#chunks.map((chunk) => textColumnOf(chunk, field)));
	}

	/** See rowsByText. */
	rowsByText(field: PlaceText, into: Map<string, number[]>, offset: number): void {
		this.#chunks.forEach((chunk, c) =>
			rowsByTextOf(chunk, field, into, offset + (this.#starts[c] ?? 0))
		);
	}
}

/** The text fields textColumn reads. */
export type RowText = 'id' | 'date' | 'place' | 'place_ar';

/** The place fields rowsByText groups by. */
export type PlaceText = 'place' | 'place_ar';

/**
 * Which rows have each value of a place field (null and empty left out), for rows kept as
 * columns read from their dictionaries' codes. Rows numbered from `offset`, added to `into`.
 */
export function rowsByText(
	rows: IncidentRows,
	field: PlaceText,
	into = new Map<string, number[]>(),
	offset = 0
): Map<string, number[]> {
	if (rows instanceof ChunkedIncidents || rows instanceof ConcatenatedRows) {
		rows.rowsByText(field, into, offset);
	} else {
		for (let i = 0; i < rows.length; i++) {
			const text = rows.at(i)?.properties[field];
			if (typeof text !== 'string') continue;
			const list = into.get(text);
			if (list) list.push(offset + i);
			else into.set(text, [offset + i]);
		}
	}
	into.delete('');
	return into;
}

/**
 * One text field of every row, in order: for rows kept as columns, read from the columns
 * without decoding a row (the search box reads the places, dates and ids of all of them).
 */
export function textColumn(rows: IncidentRows, field: RowText): (string | null)[] {
	if (rows instanceof ChunkedIncidents || rows instanceof ConcatenatedRows) {
		return rows.textColumn(field);
	}
	const out: (string | null)[] = [];
	for (let i = 0; i < rows.length; i++) {
		const row = rows.at(i);
		out.push(row === undefined ? null : field === 'id' ? row.id : row.properties[field]);
	}
	return out;
}

/** Arrays one after another (a loop: spreading 500,000 values would overflow the stack). */
function joined<T>(arrays: readonly T[][]): T[] {
	if (arrays.length === 1 && arrays[0]) return arrays[0];
	const out: T[] = [];
	for (const array of arrays) for (const value of array) out.push(value);
	return out;
}

/** Where each of some lists starts when they are read one after another, then the total. */
function startsOf(lengths: readonly number[]): Uint32Array {
	const starts = new Uint32Array(lengths.length + 1);
	lengths.forEach((length, l) => (starts[l + 1] = (starts[l] ?? 0) + length));
	return starts;
}

/** Which list row `index` is in: the last whose start is at or before it. */
function listAt(starts: Uint32Array, index: number): number {
	let low = 0;
	let high = starts.length - 2;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] ?? 0) <= index) low = middle;
		else high = middle - 1;
	}
	return low;
}

/** Several lists read as one, in order, without copying them. */
export function concatRows(lists: readonly IncidentRows[]): IncidentRows {
	const shown = lists.filter((list) => list.length > 0);
	const [only] = shown;
	return only && shown.length === 1 ? only : new ConcatenatedRows(shown);
}

class ConcatenatedRows implements IncidentRows {
	readonly length: number;
	readonly #lists: readonly IncidentRows[];
	readonly #starts: Uint32Array;

	constructor(lists: readonly IncidentRows[]) {
		this.#lists = lists;
		this.#starts = startsOf(lists.map((list) => list.length));
		this.length = this.#starts[lists.length] ?? 0;
	}

	at(index: number): IncidentFeature | undefined {
		if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
		const l = listAt(this.#starts, index);
		return this.#lists[l]?.at(index - (this.#starts[l] ?? 0));
	}

	textColumn(field: RowText): (string | null)[] {
		return joined(this.#lists.map((list) => textColumn(list, field)));
	}

	rowsByText(field: PlaceText, into: Map<string, number[]>, offset: number): void {
		this.#lists.forEach((list, l) =>
			rowsByText(list, field, into, offset + (this.#starts[l] ?? 0))
		);
	}
}

/** Every row (decoding them all: for the small lists, or work that must see every row). */
export function rowsArray(rows: IncidentRows): IncidentFeature[] {
	if (Array.isArray(rows)) return rows as IncidentFeature[];
	const out: IncidentFeature[] = [];
	for (let i = 0; i < rows.length; i++) {
		const row = rows.at(i);
		if (row) out.push(row);
	}
	return out;
}

/** The rows at some indices, in that order. */
export function rowsAt(rows: IncidentRows, indices: Iterable<number>): IncidentFeature[] {
	const out: IncidentFeature[] = [];
	for (const index of indices) {
		const row = rows.at(index);
		if (row) out.push(row);
	}
	return out;
}
