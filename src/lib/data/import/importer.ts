import Papa from 'papaparse';
import type { IncidentFeature } from '../incident';
import type { RowError } from '../row-error';
import { ACLED_REQUIRED, acledRow } from './acled';
import { genericColumns, genericRow, hasCoordinateColumns } from './generic-csv';
import { geojsonFeature } from './geojson-import';
import { columnKey, normaliseRow, type Row, type RowOutcome } from './row-mapping';
import { UCDP_REQUIRED, ucdpRow } from './ucdp';

/**
 * Imports a file of incidents, whatever its format, and accounts for every row: each is
 * imported (located or not) or rejected with its row number, id, field and reason, so
 * imported + rejected = total, always. The format is read from the content, not the name.
 */

export type ImportFormat = 'acled' | 'ucdp' | 'geojson' | 'csv';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
	acled: 'ACLED CSV',
	ucdp: 'UCDP GED CSV',
	geojson: 'GeoJSON',
	csv: 'CSV with coordinates'
};

export interface ImportReport {
	format: ImportFormat | null;
	total: number;
	imported: number;
	unlocated: number;
	rejected: RowError[];
	/** What the user should know about how rows were read (e.g. polygons placed at a centroid). */
	notes: string[];
	/** Why nothing could be read at all (empty file, wrong type…), or null. */
	fileError: string | null;
}

export interface ImportResult {
	incidents: IncidentFeature[];
	report: ImportReport;
}

/** What the first bytes say: JSON, text (CSV), or not text at all. */
export function sniff(head: string): 'json' | 'csv' | 'binary' | 'empty' {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	if (text === '') return 'empty';
	// Control characters other than tab/CR/LF do not occur in text files: an image, a zip…
	// eslint-disable-next-line no-control-regex -- looking for exactly those characters
	if (/[\u0000-\u0008\u000E-\u001A]/.test(head.slice(0, 4096))) return 'binary';
	return text.startsWith('{') || text.startsWith('[') ? 'json' : 'csv';
}

/** Accumulates rows as they stream in (Papa Parse chunks in the worker, or a whole string). */
export class RowImport {
	readonly incidents: IncidentFeature[] = [];
	readonly rejected: RowError[] = [];
	readonly notes = new Set<string>();
	total = 0;
	unlocated = 0;
	format: ImportFormat | null = null;
	fileError: string | null = null;
	#map: ((row: Row, rowNumber: number) => RowOutcome) | null = null;
	#seen = new Set<string>();
	#dataset: string;

	constructor(dataset: string) {
		this.#dataset = dataset;
	}

	/** Chooses the row mapping from the header; false (with fileError) when none fits. */
	header(fields: readonly string[]): boolean {
		const header = fields.map(columnKey);
		const has = (names: readonly string[]) => names.every((name) => header.includes(name));
		const dataset = this.#dataset;
		if (has(ACLED_REQUIRED)) {
			this.format = 'acled';
			this.#map = (row, n) => acledRow(row, n, dataset);
		} else if (has(UCDP_REQUIRED)) {
			this.format = 'ucdp';
			this.#map = (row, n) => ucdpRow(row, n, dataset);
		} else {
			const columns = genericColumns(header);
			if (!hasCoordinateColumns(columns)) {
				this.fileError =
					'no latitude/longitude columns: name them latitude/longitude (or lat, lon, lng, x, y)';
				return false;
			}
			if (!columns.date) {
				this.fileError = 'no date column: name it date or event_date (YYYY-MM-DD)';
				return false;
			}
			this.format = 'csv';
			this.#map = (row, n) => genericRow(row, n, dataset, columns);
		}
		return true;
	}

	/** One data row; `problem` is a parser complaint about it (e.g. too few fields). */
	row(raw: Row, problem?: string) {
		const rowNumber = ++this.total;
		if (problem) {
			this.rejected.push({ row: rowNumber, id: null, field: 'row', message: problem });
			return;
		}
		if (!this.#map) return;
		this.#add(this.#map(normaliseRow(raw), rowNumber));
	}

	/** One GeoJSON feature. */
	feature(feature: unknown) {
		const rowNumber = ++this.total;
		this.#add(geojsonFeature(feature, rowNumber, this.#dataset, this.notes));
	}

	#add(outcome: RowOutcome) {
		if (outcome.error) {
			this.rejected.push(outcome.error);
			return;
		}
		const incident = outcome.incident;
		if (this.#seen.has(incident.id)) {
			this.rejected.push({
				row: this.total,
				id: incident.id,
				field: 'id',
				message: 'duplicate id (an earlier row has it)'
			});
			return;
		}
		this.#seen.add(incident.id);
		if (incident.geometry === null) this.unlocated++;
		this.incidents.push(incident);
	}

	result(): ImportResult {
		return {
			incidents: this.incidents,
			report: {
				format: this.format,
				total: this.total,
				imported: this.incidents.length,
				unlocated: this.unlocated,
				rejected: this.rejected,
				notes: [...this.notes],
				fileError: this.fileError
			}
		};
	}
}

/** Papa Parse's complaint about a row, in words. */
function parserProblem(error: Papa.ParseError, fieldCount: number): string {
	if (error.code === 'TooFewFields' || error.code === 'TooManyFields') {
		return `${error.message.replace(/\.$/, '')} (the header has ${fieldCount})`;
	}
	return error.message;
}

/** Papa Parse's complaints, by the index of the row (in its batch) they are about: the first. */
export function rowProblems(errors: readonly Papa.ParseError[], fieldCount: number) {
	const problems = new Map<number, string>();
	for (const error of errors) {
		if (error.row !== undefined && !problems.has(error.row)) {
			problems.set(error.row, parserProblem(error, fieldCount));
		}
	}
	return problems;
}

/** Why a file that is not CSV or JSON text cannot be imported. */
export const NOT_TEXT: Record<'empty' | 'binary', string> = {
	empty: 'the file is empty',
	binary: 'not a text file: import CSV (ACLED, UCDP GED or with coordinates) or GeoJSON'
};

export function importGeoJsonText(text: string, dataset: string): ImportResult {
	const rows = new RowImport(dataset);
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		rows.fileError = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
		return rows.result();
	}
	const collection = json as { type?: unknown; features?: unknown };
	if (collection?.type === 'Feature') {
		rows.format = 'geojson';
		rows.feature(collection);
	} else if (collection?.type === 'FeatureCollection' && Array.isArray(collection.features)) {
		rows.format = 'geojson';
		for (const feature of collection.features) rows.feature(feature);
	} else {
		rows.fileError = 'JSON, but not a GeoJSON FeatureCollection or Feature';
	}
	return rows.result();
}

/** How much of the start of a file tells its kind (sniff). */
export const HEAD_CHARACTERS = 65536;

export interface CsvHooks {
	/** Papa Parse's read size for a file (a string is read in one piece). */
	chunkSize?: number;
	/** After each chunk's rows are accounted for, with how far into the input it has read. */
	onChunk?(cursor: number): void;
	/** Once every row is accounted for (or the header fitted no format). */
	onDone?(): void;
	/** The input could not be read at all. */
	onError?(message: string): void;
}

/**
 * The CSV steps of an import, for a whole string (importText) and for a file streamed by the
 * import worker alike: the header chooses the row mapping, then every row is imported or
 * rejected with the parser's complaint about it. Synchronous for a string.
 */
export function parseCsv(input: string | File, rows: RowImport, hooks: CsvHooks = {}): void {
	let fields: string[] | null = null;
	Papa.parse<Row>(input, {
		header: true,
		skipEmptyLines: 'greedy',
		...(hooks.chunkSize ? { chunkSize: hooks.chunkSize } : {}),
		chunk(results, parser) {
			if (fields === null) {
				fields = results.meta.fields ?? [];
				if (!rows.header(fields)) {
					parser.abort();
					return;
				}
			}
			const problems = rowProblems(results.errors, fields.length);
			results.data.forEach((row, index) => rows.row(row, problems.get(index)));
			hooks.onChunk?.(results.meta.cursor);
		},
		complete() {
			if (fields === null) rows.header([]);
			hooks.onDone?.();
		},
		error(error) {
			hooks.onError?.(error.message);
		}
	});
}

/** The whole import from a string (tests, small files); the worker streams the same steps. */
export function importText(text: string, dataset: string): ImportResult {
	const kind = sniff(text.slice(0, HEAD_CHARACTERS));
	if (kind === 'json') return importGeoJsonText(text, dataset);
	const rows = new RowImport(dataset);
	if (kind === 'empty' || kind === 'binary') rows.fileError = NOT_TEXT[kind];
	else parseCsv(text.replace(/^\uFEFF/, ''), rows);
	return rows.result();
}
