import type { IncidentColumns } from './filter-engine';
import { normaliseForSearch } from './search';

/**
 * Normalises the columns' search text (as written, packed, a list per part) a slice of rows at
 * a time, so the filter worker can do it while idle and still answer a filter between two
 * slices; a text filter finishes it at once. When the last row is done, the columns have their
 * search text.
 */
export class SearchNormaliser {
	#columns: IncidentColumns;
	#search: string[];
	/** The next row to normalise: overall, and as a part and a row within it. */
	#next = 0;
	#part = 0;
	#row = 0;
	#decoder = new TextDecoder();

	constructor(columns: IncidentColumns) {
		this.#columns = columns;
		const rows = (columns.rawSearch ?? []).reduce((sum, packed) => sum + packed.ends.length, 0);
		this.#search = new Array<string>(rows);
	}

	get done(): boolean {
		return this.#columns.rawSearch === null;
	}

	/** Normalises up to `rows` more rows (all by default); whether every row is done now. */
	step(rows = Infinity): boolean {
		const columns = this.#columns;
		const raw = columns.rawSearch;
		if (!raw) return true;
		const end = Math.min(this.#search.length, this.#next + rows);
		while (this.#next < end) {
			const packed = raw[this.#part];
			// The rows are counted from these parts, so a part is there for every row left.
			if (!packed) break;
			if (this.#row >= packed.ends.length) {
				this.#part++;
				this.#row = 0;
				continue;
			}
			const r = this.#row;
			const from = r === 0 ? 0 : (packed.ends[r - 1] ?? 0);
			const text = this.#decoder.decode(packed.bytes.subarray(from, packed.ends[r]));
			this.#search[this.#next++] = normaliseForSearch(text);
			this.#row++;
		}
		if (end < this.#search.length) return false;
		columns.search = this.#search;
		columns.rawSearch = null;
		columns.placeSearch = columns.placeSearch.map(normaliseForSearch);
		return true;
	}
}
