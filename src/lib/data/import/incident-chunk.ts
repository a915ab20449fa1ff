import type {
	IncidentFeature,
	IncidentProperties,
	LocationPrecision,
	SourceRow
} from '../incident';

/**
 * Incidents as columns: how a saved dataset's rows are kept in IndexedDB (one record per
 * CHUNK rows, dataset-db.ts) and the shape the import worker can hand over as transferable
 * buffers.
 *
 * Why a hand-made layout and not Apache Arrow: what the app does with the columns is clone them
 * (IndexedDB, postMessage) and read a few of them as typed arrays (positions, counts), and both
 * want plain typed arrays and string arrays, which this is. Arrow (apache-arrow, ~200 kB of
 * JavaScript minified) would add its own builders and vectors over the same buffers, and its
 * selling point here, Parquet, is already covered by hyparquet. The layout is not measured
 * against Arrow; it is measured against the previous one (an array of GeoJSON features per
 * record) in BENCHMARKS.md when the import benchmark is run.
 *
 * Per row: the id; longitude/latitude (NaN: no position); the killed counts (NaN: not
 * reported, -1: the field is absent, which only killed_best may be; counts are never negative);
 * location precision; every text field dictionary-encoded (code -1: null, -2: absent); the
 * sources as a list of codes; the file's original row as a column-set number and its values'
 * codes. Decoding gives back exactly the incident encoded (incident-chunk.test.ts).
 */

export const CHUNK_LAYOUT = 'incident-columns-1';

/** Text fields every incident has (null allowed where the schema allows it). */
const TEXT = [
	'dataset',
	'date',
	'date_precision',
	'date_end',
	'weekday_reported',
	'place',
	'place_ar',
	'admin1',
	'country',
	'actor',
	'aircraft',
	'target',
	'claimed_by',
	'summary'
] as const;

/** Text fields only some imports have: absent stays absent. */
const OPTIONAL_TEXT = [
	'actor2',
	'event_type',
	'sub_event_type',
	'target_category',
	'original_id'
] as const;

type TextField = (typeof TEXT)[number] | (typeof OPTIONAL_TEXT)[number];

/** A text field's code for null. */
export const NULL_CODE = -1;
/** A text field's code for a field the incident does not have. */
export const ABSENT_CODE = -2;
const NULL = NULL_CODE;
const ABSENT = ABSENT_CODE;

/** Distinct strings and, per entry, which one (or NULL / ABSENT). */
export interface DictionaryColumn {
	values: string[];
	codes: Int32Array;
}

/** A list per row: row r's entries are codes[offsets[r]] … codes[offsets[r + 1] - 1]. */
export interface ListColumn {
	values: string[];
	offsets: Uint32Array;
	codes: Int32Array;
}

export interface IncidentChunk {
	layout: typeof CHUNK_LAYOUT;
	count: number;
	ids: string[];
	lon: Float64Array;
	lat: Float64Array;
	killedMin: Float64Array;
	killedMax: Float64Array;
	killedBest: Float64Array;
	locationPrecision: Uint8Array;
	text: Record<TextField, DictionaryColumn>;
	sources: ListColumn;
	/** The distinct column lists of the rows' original rows (one per file, as a rule). */
	sourceColumns: string[][];
	/** Per row, which of sourceColumns its original row has (-1: none). */
	sourceColumnSet: Int32Array;
	sourceValues: ListColumn;
}

/** Builds a dictionary column a value at a time. */
class DictionaryBuilder {
	readonly values: string[] = [];
	readonly #index = new Map<string, number>();

	code(value: string): number {
		let code = this.#index.get(value);
		if (code === undefined) {
			code = this.values.length;
			this.values.push(value);
			this.#index.set(value, code);
		}
		return code;
	}
}

const countValue = (value: number | null | undefined) =>
	value === undefined ? -1 : value === null ? Number.NaN : value;

function listColumn(
	count: number,
	lists: (r: number) => readonly string[] | undefined
): ListColumn {
	const dictionary = new DictionaryBuilder();
	const offsets = new Uint32Array(count + 1);
	const codes: number[] = [];
	for (let r = 0; r < count; r++) {
		for (const value of lists(r) ?? []) codes.push(dictionary.code(value));
		offsets[r + 1] = codes.length;
	}
	return { values: dictionary.values, offsets, codes: Int32Array.from(codes) };
}

/** The incidents as columns. */
export function encodeIncidents(incidents: readonly IncidentFeature[]): IncidentChunk {
	const count = incidents.length;
	const lon = new Float64Array(count);
	const lat = new Float64Array(count);
	const killedMin = new Float64Array(count);
	const killedMax = new Float64Array(count);
	const killedBest = new Float64Array(count);
	const locationPrecision = new Uint8Array(count);
	const fields = [...TEXT, ...OPTIONAL_TEXT].map((name) => ({
		name,
		dictionary: new DictionaryBuilder(),
		codes: new Int32Array(count)
	}));
	const columnSets: string[][] = [];
	const sourceColumnSet = new Int32Array(count);
	incidents.forEach((incident, r) => {
		const p = incident.properties;
		const position = incident.geometry?.coordinates;
		lon[r] = position ? (position[0] ?? Number.NaN) : Number.NaN;
		lat[r] = position ? (position[1] ?? Number.NaN) : Number.NaN;
		killedMin[r] = countValue(p.killed_min);
		killedMax[r] = countValue(p.killed_max);
		killedBest[r] = countValue(p.killed_best);
		locationPrecision[r] = p.location_precision;
		for (const field of fields) {
			const value = p[field.name];
			field.codes[r] =
				value === undefined ? ABSENT : value === null ? NULL : field.dictionary.code(value);
		}
		const row = p.source_row;
		if (row) {
			let set = columnSets.indexOf(row.columns);
			if (set < 0) set = columnSets.push(row.columns) - 1;
			sourceColumnSet[r] = set;
		} else sourceColumnSet[r] = -1;
	});
	const text = Object.fromEntries(
		fields.map(({ name, dictionary, codes }) => [name, { values: dictionary.values, codes }])
	) as Record<TextField, DictionaryColumn>;
	return {
		layout: CHUNK_LAYOUT,
		count,
		ids: incidents.map((incident) => incident.id),
		lon,
		lat,
		killedMin,
		killedMax,
		killedBest,
		locationPrecision,
		text,
		sources: listColumn(count, (r) => incidents[r]?.properties.sources),
		sourceColumns: columnSets,
		sourceColumnSet,
		sourceValues: listColumn(count, (r) => incidents[r]?.properties.source_row?.values)
	};
}

const list = (column: ListColumn, r: number): string[] => {
	const out: string[] = [];
	for (let i = column.offsets[r] ?? 0; i < (column.offsets[r + 1] ?? 0); i++) {
		out.push(column.values[column.codes[i] ?? 0] ?? '');
	}
	return out;
};

/** One row's text field: its string, null, or undefined when absent. */
function textAt(column: DictionaryColumn, r: number): string | null | undefined {
	const code = column.codes[r] ?? ABSENT;
	return code === ABSENT ? undefined : code === NULL ? null : (column.values[code] ?? null);
}

const countAt = (values: Float64Array, r: number) => {
	const value = values[r] ?? Number.NaN;
	return Number.isNaN(value) ? null : value;
};

/** Row r of the chunk as the incident it was. */
export function decodeIncident(chunk: IncidentChunk, r: number): IncidentFeature {
	const t = chunk.text;
	const id = chunk.ids[r] ?? '';
	const p = {
		id,
		dataset: textAt(t.dataset, r),
		date: textAt(t.date, r),
		date_precision: textAt(t.date_precision, r),
		date_end: textAt(t.date_end, r),
		weekday_reported: textAt(t.weekday_reported, r),
		place: textAt(t.place, r),
		place_ar: textAt(t.place_ar, r),
		admin1: textAt(t.admin1, r),
		country: textAt(t.country, r),
		location_precision: chunk.locationPrecision[r] as LocationPrecision,
		actor: textAt(t.actor, r),
		aircraft: textAt(t.aircraft, r),
		target: textAt(t.target, r),
		killed_min: countAt(chunk.killedMin, r),
		killed_max: countAt(chunk.killedMax, r),
		claimed_by: textAt(t.claimed_by, r),
		summary: textAt(t.summary, r),
		sources: list(chunk.sources, r)
	} as IncidentProperties;
	for (const field of OPTIONAL_TEXT) {
		const value = textAt(t[field], r);
		if (value !== undefined) p[field] = value;
	}
	if (chunk.killedBest[r] !== -1) p.killed_best = countAt(chunk.killedBest, r);
	const set = chunk.sourceColumnSet[r] ?? -1;
	const columns = set < 0 ? undefined : chunk.sourceColumns[set];
	if (columns) {
		const row: SourceRow = { columns, values: list(chunk.sourceValues, r) };
		p.source_row = row;
	}
	const lon = chunk.lon[r] ?? Number.NaN;
	const lat = chunk.lat[r] ?? Number.NaN;
	return {
		type: 'Feature',
		id,
		geometry:
			Number.isNaN(lon) || Number.isNaN(lat) ? null : { type: 'Point', coordinates: [lon, lat] },
		properties: p
	};
}

export function decodeIncidents(chunk: IncidentChunk): IncidentFeature[] {
	return Array.from({ length: chunk.count }, (_, r) => decodeIncident(chunk, r));
}

/** One text field of every row of the chunk (id, or a field every incident has), in order. */
export function textColumnOf(
	chunk: IncidentChunk,
	field: 'id' | (typeof TEXT)[number]
): (string | null)[] {
	if (field === 'id') return chunk.ids.slice();
	const { values, codes } = chunk.text[field];
	const out = new Array<string | null>(codes.length);
	for (let r = 0; r < codes.length; r++) {
		const code = codes[r] ?? NULL;
		out[r] = code < 0 ? null : (values[code] ?? null);
	}
	return out;
}

/**
 * Which rows of the chunk have each value of a text field, the rows numbered from `offset`,
 * added to `into` (read from the dictionary's codes: no row decoded, no string hashed per row).
 */
export function rowsByTextOf(
	chunk: IncidentChunk,
	field: (typeof TEXT)[number],
	into: Map<string, number[]>,
	offset = 0
): void {
	const { values, codes } = chunk.text[field];
	const lists: number[][] = values.map(() => []);
	for (let r = 0; r < codes.length; r++) lists[codes[r] ?? NULL]?.push(offset + r);
	values.forEach((value, code) => {
		const rows = lists[code] ?? [];
		if (rows.length === 0) return;
		const list = into.get(value);
		if (list) for (const row of rows) list.push(row);
		else into.set(value, rows);
	});
}

/** Whether a stored value is a chunk of this layout (older versions stored feature arrays). */
export function isIncidentChunk(value: unknown): value is IncidentChunk {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { layout?: unknown }).layout === CHUNK_LAYOUT
	);
}

/** A chunk's typed arrays' buffers, to transfer rather than copy it between threads. */
export function chunkBuffers(chunk: IncidentChunk): ArrayBuffer[] {
	const arrays: ArrayBufferView[] = [
		chunk.lon,
		chunk.lat,
		chunk.killedMin,
		chunk.killedMax,
		chunk.killedBest,
		chunk.locationPrecision,
		chunk.sourceColumnSet,
		chunk.sources.offsets,
		chunk.sources.codes,
		chunk.sourceValues.offsets,
		chunk.sourceValues.codes,
		...Object.values(chunk.text).map((column) => column.codes)
	];
	// Distinct buffers only: transferring one twice is an error.
	return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

const isArrayOf = <T extends ArrayBufferView>(
	value: unknown,
	type: new (length: number) => T,
	length: number
): value is T =>
	value instanceof type && (value as unknown as { length: number }).length === length;

function dictionaryColumn(value: unknown, count: number): DictionaryColumn | null {
	if (typeof value !== 'object' || value === null) return null;
	const { values, codes } = value as Partial<DictionaryColumn>;
	return Array.isArray(values) && isArrayOf(codes, Int32Array, count) ? { values, codes } : null;
}

function listColumnOf(value: unknown, count: number): ListColumn | null {
	if (typeof value !== 'object' || value === null) return null;
	const { values, offsets, codes } = value as Partial<ListColumn>;
	return Array.isArray(values) &&
		isArrayOf(offsets, Uint32Array, count + 1) &&
		codes instanceof Int32Array
		? { values, offsets, codes }
		: null;
}

/**
 * A stored chunk with every column of the type and length this layout gives it, rebuilt of
 * just those columns; null otherwise. It says nothing of the values (the rows are checked when
 * decoded): a well-formed chunk is one whose buffers can be handed on as they are.
 */
export function wellFormedChunk(value: unknown): IncidentChunk | null {
	if (!isIncidentChunk(value)) return null;
	const { count, ids, lon, lat, killedMin, killedMax, killedBest, locationPrecision } = value;
	if (!Number.isSafeInteger(count) || count < 0 || !Array.isArray(ids) || ids.length !== count) {
		return null;
	}
	const numbers = [lon, lat, killedMin, killedMax, killedBest];
	if (!numbers.every((column) => isArrayOf(column, Float64Array, count))) return null;
	if (!isArrayOf(locationPrecision, Uint8Array, count)) return null;
	if (!isArrayOf(value.sourceColumnSet, Int32Array, count)) return null;
	const columns = value.sourceColumns;
	if (!Array.isArray(columns) || columns.length > count) return null;
	// By index: a stored array's own properties may shadow its methods.
	for (let set = 0; set < columns.length; set++) if (!Array.isArray(columns[set])) return null;
	if (typeof value.text !== 'object' || value.text === null) return null;
	const text = {} as Record<TextField, DictionaryColumn>;
	for (const field of [...TEXT, ...OPTIONAL_TEXT]) {
		const column = dictionaryColumn(value.text[field], count);
		if (column === null) return null;
		text[field] = column;
	}
	const sources = listColumnOf(value.sources, count);
	const sourceValues = listColumnOf(value.sourceValues, count);
	if (sources === null || sourceValues === null) return null;
	return {
		layout: CHUNK_LAYOUT,
		count,
		ids,
		lon,
		lat,
		killedMin,
		killedMax,
		killedBest,
		locationPrecision,
		text,
		sources,
		sourceColumns: columns,
		sourceColumnSet: value.sourceColumnSet,
		sourceValues
	};
}
