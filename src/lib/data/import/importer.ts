import type { IncidentFeature } from '../incident';
import { checkIncident } from '../incident-schema';
import type { RowError } from '../row-error';
import { ACLED_REQUIRED, acledRow } from './acled';
import { parseCsv } from './csv-stream';
import { genericColumns, genericRow, hasCoordinateColumns } from './generic-csv';
import { geojsonFeature } from './geojson-import';
import { columnKey, Columns, Row, type RowOutcome } from './row-mapping';
import { UCDP_REQUIRED, ucdpRow } from './ucdp';

/**
 * Imports a file of incidents, whatever its format, and accounts for every row: each is
 * imported (located or not) or rejected with its row number, id, field and reason, so
 * imported + rejected = total, always. The format is read from the content, not the name.
 * Every incident kept has passed the schema check (incident-schema.ts), and has an id of its
 * own dataset ("<dataset>:<its id>"), so an import never takes over another incident.
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
	/** The file's columns in order (lower-cased), for a CSV; each row's `source_row` has them. */
	columns?: string[];
	/** The text encoding the file was read in ("utf-8" unless the user chose another). */
	encoding?: string;
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
	encoding = 'utf-8';
	columns: string[] | null = null;
	#columns: Columns | null = null;
	/** The columns' list, checked once for all the rows that share it (checkIncident). */
	#shared = new WeakMap<object, string[]>();
	#map: ((row: Row, rowNumber: number) => RowOutcome) | null = null;
	/** Where the format's id column is, to name a row the parser could not read whole. */
	#idColumn = -1;
	#seen = new Set<string>();
	/** How many incidents take() has handed on (they count as imported, but are not kept). */
	#taken = 0;
	#dataset: string;

	constructor(dataset: string) {
		this.#dataset = dataset;
	}

	/** Chooses the row mapping from the header; false (with fileError) when none fits. */
	header(fields: readonly string[]): boolean {
		const header = fields.map(columnKey);
		this.columns = header;
		this.#columns = new Columns(header);
		const twice = header.filter((name, i) => header.indexOf(name) !== i);
		for (const name of new Set(twice)) {
			this.notes.add(`column "${name}" appears more than once: the first is read`);
		}
		const has = (names: readonly string[]) => names.every((name) => header.includes(name));
		const dataset = this.#dataset;
		if (has(ACLED_REQUIRED)) {
			this.format = 'acled';
			this.#idColumn = header.indexOf('event_id_cnty');
			this.#map = (row, n) => acledRow(row, n, dataset);
		} else if (has(UCDP_REQUIRED)) {
			this.format = 'ucdp';
			this.#idColumn = header.indexOf('id');
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
			this.#idColumn = columns.id === undefined ? -1 : header.indexOf(columns.id);
			this.#map = (row, n) => genericRow(row, n, dataset, columns);
		}
		return true;
	}

	/** One data record as parsed; `problem` is the parser's complaint about it. */
	record(fields: readonly string[], problem?: string) {
		const rowNumber = ++this.total;
		const header = this.#columns;
		if (!header || !this.#map) {
			this.#reject(rowNumber, null, 'row', 'the file has no header this import could read');
			return;
		}
		const id = fields[this.#idColumn]?.trim() || null;
		if (problem) {
			this.#reject(rowNumber, id, 'row', problem);
			return;
		}
		if (fields.length !== header.names.length) {
			const n = fields.length;
			this.#reject(
				rowNumber,
				id,
				'row',
				`has ${n} field${n === 1 ? '' : 's'} where the header has ${header.names.length}`
			);
			return;
		}
		this.#add(this.#map(new Row(header, fields), rowNumber), rowNumber);
	}

	/** One GeoJSON feature. */
	feature(feature: unknown) {
		const rowNumber = ++this.total;
		this.#add(geojsonFeature(feature, rowNumber, this.#dataset, this.notes), rowNumber);
	}

	#reject(row: number, id: string | null, field: string, message: string) {
		this.rejected.push({ row, id, field, message });
	}

	#add(outcome: RowOutcome, rowNumber: number) {
		if (outcome.error) {
			this.rejected.push(outcome.error);
			return;
		}
		const originalId = outcome.incident.properties.original_id ?? null;
		// The schema's own check, whatever the mapping: nothing is kept that the schema refuses.
		const checked = checkIncident(outcome.incident, { shared: this.#shared });
		if (!checked.ok) {
			this.#reject(rowNumber, originalId, checked.field, checked.message);
			return;
		}
		const incident = checked.incident;
		if (this.#seen.has(incident.id)) {
			this.#reject(rowNumber, originalId, 'id', 'duplicate id (an earlier row has it)');
			return;
		}
		this.#seen.add(incident.id);
		if (incident.geometry === null) this.unlocated++;
		this.incidents.push(incident);
	}

	/**
	 * The incidents accepted since the last take, handed on and no longer kept here (the worker
	 * sends them as columns, so it need not hold a whole file's objects).
	 */
	take(): IncidentFeature[] {
		const taken = this.incidents.splice(0);
		this.#taken += taken.length;
		return taken;
	}

	/** The report, and the incidents not taken. */
	result(): ImportResult {
		return {
			incidents: this.incidents,
			report: {
				format: this.format,
				total: this.total,
				imported: this.#taken + this.incidents.length,
				unlocated: this.unlocated,
				rejected: this.rejected,
				notes: [...this.notes],
				fileError: this.fileError,
				...(this.columns ? { columns: this.columns } : {}),
				encoding: this.encoding
			}
		};
	}
}

/** Why a file that is not CSV or JSON text cannot be imported. */
export const NOT_TEXT: Record<'empty' | 'binary', string> = {
	empty: 'the file is empty',
	binary: 'not a text file: import CSV (ACLED, UCDP GED or with coordinates), GeoJSON or GeoParquet'
};

export function importGeoJsonText(text: string, dataset: string, rows = new RowImport(dataset)) {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		rows.fileError = `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
		return rows.result();
	}
	const collection = json as { type?: unknown; features?: unknown } | null;
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

/** The whole import from a string (tests, small files); the worker streams the same steps. */
export function importText(text: string, dataset: string): ImportResult {
	const kind = sniff(text.slice(0, HEAD_CHARACTERS));
	if (kind === 'json') return importGeoJsonText(text, dataset);
	const rows = new RowImport(dataset);
	if (kind === 'empty' || kind === 'binary') rows.fileError = NOT_TEXT[kind];
	else parseCsv(text, rows);
	return rows.result();
}
