import type { IncidentColumns } from './filter-engine';
import { normaliseForSearch } from './search';

/**
 * Normalises the columns' search text (as written, packed) a slice of rows at a time, so the
 * filter worker can do it while idle and still answer a filter between two slices; a text
 * filter finishes it at once. When the last row is done, the columns have their search text.
 */
export class SearchNormaliser {
	#columns: IncidentColumns;
	#search: string[];
	#next = 0;
	#decoder = new TextDecoder();

	constructor(columns: IncidentColumns) {
		this.#columns = columns;
		this.#search = new Array<string>(columns.rawSearch?.ends.length ?? 0);
	}

	get done(): boolean {
		return this.#columns.rawSearch === null;
	}

	/** Normalises up to `rows` more rows (all by default); whether every row is done now. */
	step(rows = Infinity): boolean {
		const columns = this.#columns;
		const raw = columns.rawSearch;
		if (!raw) return true;
		const end = Math.min(raw.ends.length, this.#next + rows);
		for (let i = this.#next; i < end; i++) {
			const from = i === 0 ? 0 : (raw.ends[i - 1] ?? 0);
			const text = this.#decoder.decode(raw.bytes.subarray(from, raw.ends[i]));
			this.#search[i] = normaliseForSearch(text);
		}
		this.#next = end;
		if (end < raw.ends.length) return false;
		columns.search = this.#search;
		columns.rawSearch = null;
		columns.placeSearch = columns.placeSearch.map(normaliseForSearch);
		return true;
	}
}
