import { hasPosition, type ColumnsPart } from './filter-engine';
import type { IncidentFeature } from './incident';
import type { IncidentRows } from './incident-rows';
import { siteKey } from './site-key';

/**
 * What the page looks up over all the incidents shown, read from their datasets' columns
 * (filter-engine.ts's parts, in the order of the incidents) instead of from one object per row.
 * Row numbers count across the parts, as the joined columns and the incident list do.
 */

/** Each row's number, by incident id (see idIndex). */
export interface IdIndex {
	get(id: string): number | undefined;
	/** Whether the map behind it is built yet (it is, from the first lookup on). */
	readonly built: boolean;
}

/**
 * Each row's number, by incident id: the map is built at the first lookup, not when the data
 * changes (500,000 ids hashed is a few hundred milliseconds of the page's, and after an import
 * nothing may ask before someone opens an incident).
 */
export function idIndex(parts: readonly ColumnsPart[]): IdIndex {
	let index: Map<string, number> | null = null;
	return {
		get built() {
			return index !== null;
		},
		get(id) {
			if (!index) {
				index = new Map();
				let row = 0;
				for (const part of parts) for (const each of part.ids) index.set(each, row++);
			}
			return index.get(id);
		}
	};
}

/** How many rows have a position (each part counted where it was built). */
export function locatedCount(parts: readonly ColumnsPart[]): number {
	return parts.reduce((sum, part) => sum + part.located, 0);
}

/** The rows without a position (only parts that have some are read). */
export function unlocatedRows(parts: readonly ColumnsPart[]): number[] {
	const rows: number[] = [];
	let row = 0;
	for (const part of parts) {
		if (part.located < part.count)
			for (let i = 0; i < part.count; i++) if (!hasPosition(part, i)) rows.push(row + i);
		row += part.count;
	}
	return rows;
}

/** The rows at exactly this position. */
export function rowsAtPosition(parts: readonly ColumnsPart[], lon: number, lat: number): number[] {
	const rows: number[] = [];
	eachRow(parts, (part, i, row) => {
		if (part.lon[i] === lon && part.lat[i] === lat) rows.push(row);
	});
	return rows;
}

/**
 * The incidents at exactly this position, by date then id (as the list runs): their row numbers
 * and ids, read from the columns, so a site of thousands of rows is not decoded to be listed.
 */
export function siteRows(
	parts: readonly ColumnsPart[],
	lon: number,
	lat: number
): { rows: number[]; ids: string[] } {
	const found: { row: number; day: number; id: string }[] = [];
	eachRow(parts, (part, i, row) => {
		if (part.lon[i] === lon && part.lat[i] === lat) {
			found.push({ row, day: part.day[i] ?? 0, id: part.ids[i] ?? '' });
		}
	});
	// An ISO date's day number orders as its text does.
	found.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { rows: found.map((each) => each.row), ids: found.map((each) => each.id) };
}

/**
 * The rows at each of some positions, by their site key (positions without any are left out),
 * in one pass over the rows whatever the number of positions.
 */
export function rowsAtPositions(
	parts: readonly ColumnsPart[],
	positions: Iterable<readonly [number, number]>
): Map<string, number[]> {
	// Longitude first: most rows' longitude is none of the positions', so one lookup rules them out.
	const byLon = new Map<number, Map<number, string>>();
	for (const [lon, lat] of positions) {
		let lats = byLon.get(lon);
		if (!lats) byLon.set(lon, (lats = new Map()));
		lats.set(lat, siteKey(lon, lat));
	}
	const found = new Map<string, number[]>();
	eachRow(parts, (part, i, row) => {
		const key = byLon.get(part.lon[i] ?? Number.NaN)?.get(part.lat[i] ?? Number.NaN);
		if (key === undefined) return;
		const list = found.get(key);
		if (list) list.push(row);
		else found.set(key, [row]);
	});
	return found;
}

/** How many rows with a position (of those `mask` lets through, if given) have no reported toll. */
export function unknownTollCount(parts: readonly ColumnsPart[], mask?: Uint8Array): number {
	let count = 0;
	eachRow(parts, (part, i, row) => {
		if (!hasPosition(part, i) || (mask && mask[row] !== 1)) return;
		// The toll's range is NaN exactly when neither bound was reported (filter-engine.ts).
		if (Number.isNaN(part.killedLow[i] ?? Number.NaN)) count++;
	});
	return count;
}

/** Per site, how many rows it has, and the incident when it has one (decoded only then). */
export function siteSizes(
	rows: IncidentRows,
	sites: ReadonlyMap<string, readonly number[]>
): Map<string, { count: number; only?: IncidentFeature }> {
	const sizes = new Map<string, { count: number; only?: IncidentFeature }>();
	for (const [key, [first, ...rest]] of sites) {
		const only = rest.length === 0 && first !== undefined ? rows.at(first) : undefined;
		sizes.set(key, only ? { count: 1, only } : { count: rest.length + 1 });
	}
	return sizes;
}

function eachRow(
	parts: readonly ColumnsPart[],
	visit: (part: ColumnsPart, i: number, row: number) => void
) {
	let row = 0;
	for (const part of parts) for (let i = 0; i < part.count; i++) visit(part, i, row++);
}
