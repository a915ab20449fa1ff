import type { DatasetInfo } from '$lib/data/builtin';
import type { IncidentFeature } from '$lib/data/incident';
import type { IncidentRows } from '$lib/data/incident-rows';
import { csvDocumentParts } from '$lib/data/csv';
import { GeoParquetWriter, type GeoParquetColumnType } from '$lib/data/geoparquet';
import { concatenated } from '$lib/data/typed-arrays';
import { joinSources } from '$lib/data/sources';

type CsvValue = string | number | null | undefined;

/**
 * The data behind the screen: exactly the incidents the filters select, every field of the
 * schema plus the figures computed from their positions, and where they came from (the
 * permalink that reproduces the view, the datasets, a citation).
 */

/** Computed figures of one incident, as exported (null: not measured, e.g. no position). */
export interface ExportedFigures {
	border_distance_km: number | null;
	border_side: string | null;
	nearest_place: string | null;
	nearest_place_km: number | null;
}

export const NO_FIGURES: ExportedFigures = {
	border_distance_km: null,
	border_side: null,
	nearest_place: null,
	nearest_place_km: null
};

export interface ExportContext {
	/** The link that reopens this view with these filters. */
	permalink: string;
	/** ISO timestamp of the export. */
	exportedAt: string;
	datasets: DatasetInfo[];
	/** The filter in words. */
	filters: string;
	/** How many incidents there are before filtering. */
	total: number;
}

export const CSV_COLUMNS = [
	'id',
	'dataset',
	'date',
	'date_precision',
	'date_end',
	'weekday_reported',
	'place',
	'place_ar',
	'admin1',
	'country',
	'longitude',
	'latitude',
	'location_precision',
	'actor',
	'aircraft',
	'target',
	'target_category',
	'killed_min',
	'killed_max',
	'claimed_by',
	'summary',
	'sources',
	'border_distance_km',
	'border_side',
	'nearest_place',
	'nearest_place_km'
] as const;

const km = (metres: number) => Math.round(metres) / 1000;

/** Figures in kilometres to the metre, from the app's figures in metres. */
export function exportedFigures(
	measures:
		| {
				borderDistance: number;
				side: string | null;
				nearestPlace: { id: string; distance: number } | null;
		  }
		| undefined,
	placeName: (id: string) => string | undefined
): ExportedFigures {
	if (!measures || !Number.isFinite(measures.borderDistance)) return NO_FIGURES;
	return {
		border_distance_km: km(measures.borderDistance),
		border_side: measures.side,
		nearest_place: measures.nearestPlace ? (placeName(measures.nearestPlace.id) ?? null) : null,
		nearest_place_km: measures.nearestPlace ? km(measures.nearestPlace.distance) : null
	};
}

export function citation(context: ExportContext, count: number): string {
	const titles = context.datasets.map((dataset) => dataset.title).join('; ');
	const day = context.exportedAt.slice(0, 10);
	return (
		`${titles}. ${count.toLocaleString('en')} of ${context.total.toLocaleString('en')} incidents ` +
		`(${context.filters}). Iraq–Syria border incident map, exported ${day}. ${context.permalink}`
	);
}

function csvRow(incident: IncidentFeature, figures: ExportedFigures): CsvValue[] {
	const p = incident.properties;
	const [lon, lat] = incident.geometry?.coordinates ?? [];
	return [
		p.id,
		p.dataset,
		p.date,
		p.date_precision,
		p.date_end,
		p.weekday_reported,
		p.place,
		p.place_ar,
		p.admin1,
		p.country,
		lon,
		lat,
		p.location_precision,
		p.actor,
		p.aircraft,
		p.target,
		p.target_category ?? null,
		p.killed_min,
		p.killed_max,
		p.claimed_by,
		p.summary,
		// URLs space-separated; named sources (ACLED's outlets) "; "-separated, as ACLED writes them.
		joinSources(p.sources),
		figures.border_distance_km,
		figures.border_side,
		figures.nearest_place,
		figures.nearest_place_km
	];
}

/**
 * Rows of an export written in one part: the page writes a part, then lets other work run
 * (writeParts), and the file is a Blob of the parts, never one string (a GeoJSON export of
 * 500,000 ACLED rows with their original columns is longer than a JavaScript string can be).
 */
export const ROWS_PER_PART = 1_000;

/** Rows read one at a time (each decoded from its dataset's columns only when written). */
function* each(incidents: IncidentRows): Generator<IncidentFeature> {
	for (let i = 0; i < incidents.length; i++) {
		const incident = incidents.at(i);
		if (incident) yield incident;
	}
}

/**
 * CSV (UTF-8 with BOM, RFC 4180): two comment lines first, starting with "#": the citation and
 * the permalink. Spreadsheets show them as the first rows; parsers skip them with a comment
 * option (Papa Parse `comments: '#'`, pandas `comment='#'`, R `comment.char = '#'`). Text cells a
 * spreadsheet would run as a formula get a leading `'` (csvDocument's default); numbers stay
 * numbers. A part at a time (ROWS_PER_PART rows); incidentsCsv is the whole text.
 */
export function* incidentsCsvParts(
	incidents: IncidentRows,
	figuresOf: (incident: IncidentFeature) => ExportedFigures,
	context: ExportContext,
	rowsPerPart = ROWS_PER_PART
): Generator<string> {
	yield* csvDocumentParts(
		CSV_COLUMNS,
		(function* () {
			for (const incident of each(incidents)) yield csvRow(incident, figuresOf(incident));
		})(),
		[`citation: ${citation(context, incidents.length)}`, `permalink: ${context.permalink}`],
		{},
		rowsPerPart
	);
}

export function incidentsCsv(...args: Parameters<typeof incidentsCsvParts>): string {
	return [...incidentsCsvParts(...args)].join('');
}

/**
 * GeoJSON with a top-level `metadata` member (a foreign member, RFC 7946 §6.1), a part at a
 * time (ROWS_PER_PART features); incidentsGeoJson is the whole text.
 */
export function* incidentsGeoJsonParts(
	incidents: IncidentRows,
	figuresOf: (incident: IncidentFeature) => ExportedFigures,
	context: ExportContext,
	rowsPerPart = ROWS_PER_PART
): Generator<string> {
	const metadata = {
		citation: citation(context, incidents.length),
		permalink: context.permalink,
		exported_at: context.exportedAt,
		filters: context.filters,
		count: incidents.length,
		total: context.total,
		datasets: context.datasets,
		fields:
			'border_distance_km: WGS84 geodesic distance to the Iraq–Syria border (Natural Earth); ' +
			'nearest_place(_km): nearest gazetteer place; null when the incident has no position'
	};
	// What JSON.stringify of the whole collection writes, feature by feature.
	let part = [`{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[`];
	let first = true;
	for (const incident of each(incidents)) {
		const feature = {
			type: 'Feature',
			id: incident.id,
			geometry: incident.geometry,
			properties: { ...incident.properties, ...figuresOf(incident) }
		};
		part.push((first ? '' : ',') + JSON.stringify(feature));
		first = false;
		if (part.length >= rowsPerPart) {
			yield part.join('');
			part = [];
		}
	}
	part.push(']}');
	yield part.join('');
}

export function incidentsGeoJson(...args: Parameters<typeof incidentsGeoJsonParts>): string {
	return [...incidentsGeoJsonParts(...args)].join('');
}

/** Lets the page's other work (input, drawing) run between two parts of an export. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * An export's parts, written one after another with a pause between them, so no one task
 * holds the page for the whole file. `progress`: how many parts are written.
 */
export async function writeParts<T>(
	parts: Iterable<T>,
	pause: () => Promise<void> = nextTask,
	progress?: (written: number) => void
): Promise<T[]> {
	const written: T[] = [];
	for (const part of parts) {
		written.push(part);
		progress?.(written.length);
		await pause();
	}
	return written;
}

/**
 * A file of text parts, as writeParts writes them. Each part becomes a Blob as it is written
 * (its UTF-8 encoding a short task of its own), and the file is those Blobs joined, which
 * copies nothing: one Blob of every string at the end was a long task of its own.
 */
export async function writeBlob(
	parts: Iterable<string>,
	type: string,
	pause: () => Promise<void> = nextTask,
	progress?: (written: number) => void
): Promise<Blob> {
	const blobs = (function* () {
		for (const part of parts) yield new Blob([part]);
	})();
	return new Blob(await writeParts(blobs, pause, progress), { type });
}

/** The CSV export's columns as GeoParquet types: counts whole numbers, figures doubles, the rest text. */
const PARQUET_TYPES: Partial<Record<(typeof CSV_COLUMNS)[number], GeoParquetColumnType>> = {
	longitude: 'DOUBLE',
	latitude: 'DOUBLE',
	location_precision: 'INT64',
	killed_min: 'INT64',
	killed_max: 'INT64',
	border_distance_km: 'DOUBLE',
	nearest_place_km: 'DOUBLE'
};

/**
 * Rows per GeoParquet row group in an export: each group is encoded in one task once its rows
 * are read, so a group is kept small enough for that task to stay short (in Node, 10,000 rows
 * took 56–81 ms; the page runs slower). Readers take groups of any size.
 */
export const EXPORT_ROW_GROUP_ROWS = 5_000;

/**
 * GeoParquet: the CSV export's columns (same names, same values; null stays null) plus a WKB
 * Point `geometry` (null for an incident without a position) and GeoParquet 1.1 metadata, so
 * DuckDB, GeoPandas and QGIS read it as points. The citation, permalink, filter and datasets go
 * in the file's key-value metadata, where the CSV has its comment lines. The rows are read a
 * part at a time and written a row group at a time, with `pause` after each part; `progress`:
 * how many parts are read.
 */
export async function incidentsGeoParquet(
	incidents: IncidentRows,
	figuresOf: (incident: IncidentFeature) => ExportedFigures,
	context: ExportContext,
	pause: () => Promise<void> = () => Promise.resolve(),
	progress?: (parts: number) => void
): Promise<Uint8Array> {
	const columns = CSV_COLUMNS.map((name) => ({ name, type: PARQUET_TYPES[name] ?? 'STRING' }));
	const bytes: Uint8Array[] = [];
	const writer = new GeoParquetWriter(columns, (part) => void bytes.push(part), {
		rowGroupRows: EXPORT_ROW_GROUP_ROWS,
		metadata: {
			citation: citation(context, incidents.length),
			permalink: context.permalink,
			exported_at: context.exportedAt,
			filters: context.filters,
			datasets: JSON.stringify(context.datasets)
		}
	});
	let part = { rows: [] as CsvValue[][], lons: [] as number[], lats: [] as number[] };
	let parts = 0;
	const writePart = async () => {
		await writer.writeRows(part.rows, part.lons, part.lats);
		part = { rows: [], lons: [], lats: [] };
		progress?.(++parts);
		await pause();
	};
	for (const incident of each(incidents)) {
		part.rows.push(csvRow(incident, figuresOf(incident)));
		const [lon, lat] = incident.geometry?.coordinates ?? [];
		part.lons.push(lon ?? Number.NaN);
		part.lats.push(lat ?? Number.NaN);
		if (part.rows.length === ROWS_PER_PART) await writePart();
	}
	if (part.rows.length > 0) await writePart();
	await writer.finish();
	return concatenated(Uint8Array, bytes);
}
