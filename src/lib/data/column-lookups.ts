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
	/** Whether the map behind it is whole. */
	readonly built: boolean;
	/**
	 * Builds the map a slice of ids at a time, awaiting `pause` before each slice, while `wanted`
	 * (the data is still the one shown); a lookup meanwhile does not wait for it.
	 */
	build(pause: () => Promise<void>, wanted?: () => boolean, idsPerSlice?: number): Promise<void>;
}

/** Ids hashed between two pauses: about 10 ms here. */
const IDS_PER_SLICE = 25_000;
/** Lookups answered by a scan of the ids not yet hashed before the rest is hashed at once. */
const SCANNED_LOOKUPS = 8;

/**
 * Each row's number, by incident id (a later row wins, as in a Map filled in order). Hashing
 * 500,000 ids is a few hundred milliseconds of the page's, so it is not done when the data
 * changes: the store builds it a slice at a time once the data is shown (`build`). A lookup
 * before it is whole looks in what is hashed and scans the ids not hashed yet (a few ms at
 * 500,000); after a few such lookups the rest is hashed in one go, as it was at the first
 * lookup before.
 */
export function idIndex(parts: readonly ColumnsPart[]): IdIndex {
	const index = new Map<string, number>();
	const total = parts.reduce((sum, part) => sum + part.ids.length, 0);
	// What is hashed: every row before `part`'s row `within`, which is row number `done`.
	let [part, within, done] = [0, 0, 0];
	let scans = 0;

	const hashUpTo = (limit: number) => {
		while (done < limit && part < parts.length) {
			const ids = (parts[part] as ColumnsPart).ids;
			const end = Math.min(ids.length, within + (limit - done));
			for (let i = within; i < end; i++) index.set(ids[i] as string, done++);
			within = end;
			if (within >= ids.length) [part, within] = [part + 1, 0];
		}
	};

	/** The last row with this id among those not hashed yet (-1: none). */
	const scanRest = (id: string): number => {
		let row = total;
		for (let p = parts.length - 1; p >= part; p--) {
			const ids = (parts[p] as ColumnsPart).ids;
			const from = p === part ? within : 0;
			row -= ids.length;
			for (let i = ids.length - 1; i >= from; i--) if (ids[i] === id) return row + i;
		}
		return -1;
	};

	return {
		get built() {
			return done >= total;
		},
		get(id) {
			if (done < total) {
				if (++scans > SCANNED_LOOKUPS) hashUpTo(total);
				else {
					const later = scanRest(id);
					if (later >= 0) return later;
				}
			}
			return index.get(id);
		},
		async build(pause, wanted = () => true, idsPerSlice = IDS_PER_SLICE) {
			// A pause first: the task that took the new data in has enough to do.
			while (done < total) {
				await pause();
				if (!wanted()) return;
				hashUpTo(done + idsPerSlice);
			}
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
