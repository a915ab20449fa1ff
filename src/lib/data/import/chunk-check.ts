import { isCount } from '../incident-schema';
import { readIsoDate } from '../fields';
import { DATE_PRECISIONS, LOCATION_PRECISIONS, type DatePrecision } from '../incident';
import {
	ABSENT_CODE,
	NULL_CODE,
	type DictionaryColumn,
	type IncidentChunk,
	type ListColumn
} from './incident-chunk';

/**
 * Whether every row of a stored chunk would pass the incident schema exactly as it is stored,
 * read from the columns without decoding a row: each distinct text is checked once, the
 * numbers in their typed arrays. A restore checks every row as an import would (storage is
 * input like any file); when this says yes, decoding each row, checking it and comparing the
 * result with what was stored (what restored-batches.ts does otherwise, and most of a
 * restore's work) would give back every row unchanged, so the chunk can be handed on as it is.
 *
 * It may say no where the careful way would keep every row (anything unusual: a code out of
 * range, an order of offsets no writer makes); it must never say yes where the careful way
 * would change or leave out a row. chunk-check.test.ts holds it to that against the careful
 * way on chunks broken at random. What it does not see, the caller does: ids already met in
 * earlier chunks (StoredDatasetCheck.acceptUnchanged).
 */
export function chunkPassesAsStored(chunk: IncidentChunk, dataset: string): boolean {
	const t = chunk.text;
	const isDate = (value: string) => {
		const read = readIsoDate(value);
		return read.ok && read.value === value;
	};
	const anyText = () => true;
	const required = (column: DictionaryColumn, ok: (value: string) => boolean) =>
		columnPasses(column, ok, false, false);
	const nullable = (column: DictionaryColumn) => columnPasses(column, anyText, true, false);
	const optional = (column: DictionaryColumn) => columnPasses(column, anyText, true, true);
	return (
		required(t.dataset, (value) => value === dataset && value !== '') &&
		required(t.date, isDate) &&
		required(t.date_precision, (value) => DATE_PRECISIONS.includes(value as DatePrecision)) &&
		columnPasses(t.date_end, isDate, true, false) &&
		required(t.place, (value) => value.trim() !== '') &&
		[
			t.weekday_reported,
			t.place_ar,
			t.admin1,
			t.country,
			t.actor,
			t.aircraft,
			t.target,
			t.claimed_by,
			t.summary
		].every(nullable) &&
		[t.actor2, t.event_type, t.sub_event_type, t.target_category, t.original_id].every(optional) &&
		rowsPass(chunk, dataset) &&
		listPasses(chunk.sources, chunk.count, (value) => value.trim() !== '') &&
		sourceRowsPass(chunk)
	);
}

/**
 * Per value of a stored list, whether it is a text that passes `ok`: read by index (a stored
 * array may have holes, or own properties that shadow its methods), and none for a list longer
 * than `most` (no writer makes one; a sparse one could be billions long).
 */
function textsPassing(values: readonly unknown[], most: number, ok: (value: string) => boolean) {
	if (values.length > most) return null;
	const passes = new Uint8Array(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		passes[i] = typeof value === 'string' && ok(value) ? 1 : 0;
	}
	return passes;
}

/** Per code, whether its value passes `ok`; per row, its code's answer (or null's, absent's). */
function columnPasses(
	column: DictionaryColumn,
	ok: (value: string) => boolean,
	nullable: boolean,
	absentAllowed: boolean
): boolean {
	const passes = textsPassing(column.values, column.codes.length, ok);
	if (passes === null) return false;
	for (const code of column.codes) {
		const pass =
			code >= 0
				? passes[code] === 1
				: code === NULL_CODE
					? nullable
					: code === ABSENT_CODE && absentAllowed;
		if (!pass) return false;
	}
	return true;
}

const reported = (value: number) => !Number.isNaN(value);

/** Ids, dates' order, positions, precision and the killed counts, row by row. */
function rowsPass(chunk: IncidentChunk, dataset: string): boolean {
	const prefixes = [`${dataset}:`, `${dataset}/`];
	const dates = chunk.text.date;
	const ends = chunk.text.date_end;
	for (let r = 0; r < chunk.count; r++) {
		const id: unknown = chunk.ids[r];
		// An id without its dataset's prefix is one older versions saved: the check rewrites it.
		if (typeof id !== 'string' || !prefixes.some((prefix) => id.startsWith(prefix))) return false;
		const end = ends.values[ends.codes[r] ?? NULL_CODE];
		const date = dates.values[dates.codes[r] ?? NULL_CODE] ?? '';
		if (end !== undefined && end < date) return false;
		if (!LOCATION_PRECISIONS.includes(chunk.locationPrecision[r] as 1)) return false;
		const lon = chunk.lon[r] ?? Number.NaN;
		const lat = chunk.lat[r] ?? Number.NaN;
		// Either one missing: the row has no position (decoding gives null).
		if (reported(lon) && reported(lat)) {
			if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
			if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return false;
		}
		if (!countsPass(chunk, r)) return false;
	}
	return true;
}

/** killed_min ≤ killed_max, killed_best between them; NaN: not reported, -1: best absent. */
function countsPass(chunk: IncidentChunk, r: number): boolean {
	const min = chunk.killedMin[r] ?? Number.NaN;
	const max = chunk.killedMax[r] ?? Number.NaN;
	const best = chunk.killedBest[r] ?? Number.NaN;
	if ((reported(min) && !isCount(min)) || (reported(max) && !isCount(max))) return false;
	if (reported(min) && reported(max) && min > max) return false;
	if (best === -1 || !reported(best)) return true;
	return isCount(best) && !(reported(min) && best < min) && !(reported(max) && best > max);
}

/** Every row's list within the codes, in order, and every entry a text that passes. */
function listPasses(column: ListColumn, count: number, ok: (value: string) => boolean): boolean {
	const { offsets, codes } = column;
	const passes = textsPassing(column.values, codes.length, ok);
	if (passes === null) return false;
	for (let r = 0; r < count; r++) {
		const from = offsets[r] ?? 0;
		const to = offsets[r + 1] ?? 0;
		if (from > to || to > codes.length) return false;
		for (let i = from; i < to; i++) if (passes[codes[i] ?? -1] !== 1) return false;
	}
	return true;
}

/**
 * Each row's original row: a column list (of texts, checked for the lists rows use) and as
 * many values, all texts.
 */
function sourceRowsPass(chunk: IncidentChunk): boolean {
	const sets = chunk.sourceColumns;
	const values = chunk.sourceValues;
	if (sets.length > chunk.count || !listPasses(values, chunk.count, () => true)) return false;
	const used = new Uint8Array(sets.length);
	for (let r = 0; r < chunk.count; r++) {
		const set = chunk.sourceColumnSet[r] ?? -1;
		if (set === -1) continue;
		const length = (values.offsets[r + 1] ?? 0) - (values.offsets[r] ?? 0);
		if (set < 0 || set >= sets.length || sets[set]?.length !== length) return false;
		used[set] = 1;
	}
	// A used list is as long as some row's values, so no longer than the chunk's codes.
	for (let set = 0; set < sets.length; set++) {
		if (used[set] === 0) continue;
		const columns: readonly unknown[] = sets[set] ?? [];
		for (let i = 0; i < columns.length; i++) if (typeof columns[i] !== 'string') return false;
	}
	return true;
}
