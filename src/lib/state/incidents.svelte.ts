import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { DatasetInfo } from '$lib/data/builtin';
import { indexBy, keySet } from '$lib/data/collections';
import type { IncidentFeature, PlaceFeature } from '$lib/data/incident';
import { concatRows, rowsArray, type IncidentRows } from '$lib/data/incident-rows';
import type { ImportReport } from '$lib/data/import/importer';
import { labelledPoints } from '$lib/analysis/nearest';
import type { Region } from '$lib/analysis/regions';
import { FiguresTable, type FiguresRequest } from '$lib/analysis/incident-figures';
import { AnalysisClient } from '$lib/analysis/analysis-client';
import { linkedColumnsPart, locatedPositions, type ColumnsPart } from '$lib/data/filter-engine';
import {
	idIndex,
	type IdIndex,
	locatedCount,
	rowsAtPositions,
	siteRows,
	siteSizes,
	unlocatedRows
} from '$lib/data/column-lookups';

export interface IncidentData {
	dataset: DatasetInfo;
	/** An array for the built-in strikes; a ?data= file's, the columns its worker sent. */
	incidents: IncidentRows;
	/** Their filter columns, in parts of consecutive rows, when the worker that read them built them. */
	columns?: ColumnsPart[];
	places: PlaceFeature[];
	border: LineString | MultiLineString;
	/** The countries on either side of the border, named by their ISO code. */
	sides: Region[];
	/** Rows of the data file that did not fit the schema, said in words. */
	rejected: string[];
}

/**
 * An imported dataset: its incidents (as the columns its worker sent, decoded a row at a time),
 * how the import went, and whether it is shown.
 */
export interface ImportedDataset {
	info: DatasetInfo;
	incidents: IncidentRows;
	report: ImportReport;
	visible: boolean;
	/**
	 * The incidents' filter columns, in parts of consecutive rows, built by the worker that
	 * parsed or restored them (absent: built here when first needed).
	 */
	columns?: ColumnsPart[];
}

/** ISO dates compare as strings; plain comparison is far faster than localeCompare. */
const byDate = (a: IncidentFeature, b: IncidentFeature) =>
	a.properties.date < b.properties.date
		? -1
		: a.properties.date > b.properties.date
			? 1
			: a.id < b.id
				? -1
				: 1;

/** What the store asks of the analysis worker (AnalysisClient; tests give a stand-in). */
export type AnalysisService = Pick<AnalysisClient, 'figures' | 'band' | 'dispose'>;

/** The incidents, the gazetteer and the border, plus the figures computed from them. */
export class IncidentStore {
	dataset = $state.raw<DatasetInfo>({ id: '', title: '', credit: '', description: '' });
	places = $state.raw<PlaceFeature[]>([]);
	border = $state.raw<LineString | MultiLineString>({ type: 'MultiLineString', coordinates: [] });
	sides = $state.raw<Region[]>([]);
	rejected = $state.raw<string[]>([]);
	/** The built-in (or ?data=) incidents, and whether they are shown. */
	#builtin = $state.raw<IncidentRows>([]);
	#builtinColumns: ColumnsPart[] | undefined = undefined;
	builtinVisible = $state(true);
	/** Imported datasets, in the order they were added. */
	imports = $state.raw<ImportedDataset[]>([]);
	/** Every incident shown: the built-in ones and the visible imports (read, not copied). */
	incidents = $derived.by((): IncidentRows => {
		const visible = this.imports.filter((entry) => entry.visible);
		const base = this.builtinVisible ? this.#builtin : [];
		if (visible.length === 0) return base;
		return concatRows([base, ...visible.map((entry) => entry.incidents)]);
	});
	/** Imported datasets' descriptions by id (their colours, for the map). */
	importInfo = $derived(
		indexBy(
			this.imports.map((entry) => entry.info),
			(info) => info.id
		)
	);
	/**
	 * The filter columns of `incidents`, a part per dataset in the same order (filter-engine.ts
	 * joins them): an import's come from its worker, so a new dataset is not a pass over its
	 * rows here.
	 */
	columnParts = $derived.by(() => {
		const visible = this.imports.filter((entry) => entry.visible);
		const parts = visible.flatMap((entry) => this.#partsOf(entry.incidents, entry.columns));
		return this.builtinVisible
			? [...this.#partsOf(this.#builtin, this.#builtinColumns), ...parts]
			: parts;
	});
	/** Parts built here (the built-in data's, or an import that came without), by incidents. */
	#parts = new WeakMap<IncidentRows, ColumnsPart>();
	builtinCount = $derived(this.#builtin.length);
	#builtinIds = $derived(
		keySet(
			this.#partsOf(this.#builtin, this.#builtinColumns).flatMap((part) => part.ids),
			(id) => id
		)
	);
	/** Computed in a worker; empty until it answers. */
	figures = $state.raw<FiguresTable>(FiguresTable.EMPTY);
	figuresError = $state<string | null>(null);

	/**
	 * Each incident's position in `incidents` (the order the filter worker's columns use), by id;
	 * read from the columns' ids, so no row is decoded for it.
	 */
	indexOf = $derived(idIndex(this.columnParts));
	/** An incident by id (decoded from its dataset's columns when asked). */
	byId = $derived(rowsById(this.incidents, this.indexOf));
	/** How many have a position. */
	locatedCount = $derived(locatedCount(this.columnParts));
	/** Those without a position with their row numbers, by date then id (few, as a rule). */
	#unlocated = $derived(
		unlocatedRows(this.columnParts)
			.flatMap((row) => {
				const incident = this.incidents.at(row);
				return incident ? [{ row, incident }] : [];
			})
			.sort((a, b) => byDate(a.incident, b.incident))
	);
	/** Those without a position, by date then id (decoded: they are few, as a rule). */
	unlocated = $derived(this.#unlocated.map((entry) => entry.incident));
	placeById = $derived(indexBy(this.places, (place) => place.id));
	/**
	 * How many incidents are at each gazetteer place's position ("lon,lat"), with the incident
	 * when it is the only one (the map sizes the place's marker around theirs).
	 */
	placeSites = $derived.by((): ReadonlyMap<string, { count: number; only?: IncidentFeature }> => {
		const positions = this.places.flatMap((place) => {
			const [lon, lat] = place.geometry?.coordinates ?? [];
			return lon === undefined || lat === undefined ? [] : [[lon, lat] as const];
		});
		return siteSizes(this.incidents, rowsAtPositions(this.columnParts, positions));
	});

	#createAnalysis: () => AnalysisService;
	#analysis: AnalysisService | null = null;
	#figuresAsked = 0;
	#stop: (() => void) | null = null;

	constructor(
		data: IncidentData,
		createAnalysis: () => AnalysisService = () => new AnalysisClient()
	) {
		this.dataset = data.dataset;
		this.places = data.places;
		this.border = data.border;
		this.sides = data.sides;
		this.rejected = data.rejected;
		this.#builtin = data.incidents;
		this.#builtinColumns = data.columns;
		this.#createAnalysis = createAnalysis;
	}

	/** Measures every set of incidents shown: at start, and after each import, removal or toggle. */
	start() {
		this.#stop = $effect.root(() => {
			$effect(() => {
				void this.incidents;
				// In a task of its own: reading the positions of 500,000 rows is not added to the
				// task that takes the new data in (which is long enough already).
				const asked = setTimeout(() => void this.computeFigures(), 0);
				return () => clearTimeout(asked);
			});
			$effect(() => {
				// The id index of the data shown, hashed a slice at a time from the next task on,
				// so the first incident opened after an import of 500,000 is not one long task.
				const index = this.indexOf;
				let wanted = true;
				void index.build(afterOtherTasks, () => wanted);
				return () => (wanted = false);
			});
		});
	}

	/**
	 * Adds (or replaces) an imported dataset. Imported ids are qualified by their dataset, so
	 * they cannot meet the built-in ids, but a ?data= file may use any id: an imported incident
	 * with the id of a built-in one is left out rather than shadow it. Returns how many were.
	 */
	addImport(entry: ImportedDataset): number {
		const builtin = this.#builtinIds;
		const parts = this.#partsOf(entry.incidents, entry.columns);
		const shadowing = shadowingCount(parts, builtin);
		// Rare (a ?data= file's ids): only then are its rows decoded, and its columns rebuilt.
		const shown =
			shadowing === 0
				? entry
				: {
						...entry,
						incidents: rowsArray(entry.incidents).filter((incident) => !builtin.has(incident.id)),
						columns: undefined
					};
		this.imports = [...this.imports.filter((other) => other.info.id !== entry.info.id), shown];
		return shadowing;
	}

	removeImport(id: string) {
		this.imports = this.imports.filter((entry) => entry.info.id !== id);
	}

	setImportVisible(id: string, visible: boolean) {
		this.imports = this.imports.map((entry) =>
			entry.info.id === id ? { ...entry, visible } : entry
		);
	}

	/** The filter columns of some incidents: the workers', when they cover every row. */
	#partsOf(incidents: IncidentRows, built?: readonly ColumnsPart[]): readonly ColumnsPart[] {
		if (built && built.reduce((sum, part) => sum + part.count, 0) === incidents.length)
			return built;
		let part = this.#parts.get(incidents);
		if (!part) {
			part = linkedColumnsPart(rowsArray(incidents), this.places);
			this.#parts.set(incidents, part);
		}
		return [part];
	}

	/** Those without a position that a filter's mask (over `incidents`) lets through, by date. */
	unlocatedPassing(mask: Uint8Array): IncidentFeature[] {
		return this.#unlocated.filter((entry) => mask[entry.row] === 1).map((entry) => entry.incident);
	}

	/**
	 * The ids of the incidents at exactly this position, by date: a pass over the position
	 * columns, no row decoded (a town centre in an ACLED file can hold thousands).
	 */
	siteAt(lon: number, lat: number): string[] {
		return siteRows(this.columnParts, lon, lat).ids;
	}

	/** The ids of the incidents at the same position as this one (itself included), by date. */
	siteOf(incident: IncidentFeature): string[] {
		const [lon, lat] = incident.geometry?.coordinates ?? [];
		if (lon === undefined || lat === undefined) return [incident.id];
		const here = this.siteAt(lon, lat);
		return here.length > 0 ? here : [incident.id];
	}

	/** Starts the worker that measures border distances, sides and nearest neighbours. */
	async computeFigures(): Promise<void> {
		// From the columns (aligned with `incidents`), not from the incident objects.
		const parts = this.columnParts;
		const { ids, lons, lats } = locatedPositions(parts);
		const request: FiguresRequest = {
			border: this.border,
			sides: this.sides,
			places: labelledPoints(this.places),
			crossings: labelledPoints(
				this.places.filter((place) => place.properties.kind === 'border_crossing')
			),
			ids,
			lons,
			lats
		};
		this.#analysis ??= this.#createAnalysis();
		const asked = ++this.#figuresAsked;
		try {
			const result = await this.#analysis.figures(request);
			// A newer set of incidents asked since: its answer is the one to keep.
			if (asked !== this.#figuresAsked) return;
			this.figures = new FiguresTable(result, request, parts);
			this.figuresError = null;
		} catch (error) {
			this.figuresError = error instanceof Error ? error.message : String(error);
		}
	}

	/** The area within `km` of the border, computed in the analysis worker. */
	borderBand(km: number): Promise<FeatureCollection<Polygon | MultiPolygon>> {
		this.#analysis ??= this.#createAnalysis();
		return this.#analysis.band(this.border, km);
	}

	dispose() {
		this.#stop?.();
		this.#analysis?.dispose();
	}
}

/**
 * How many of the parts' ids are among `taken`. An id's length is compared first: a set of
 * lengths answers at once for most ids, where hashing 500,000 strings would cost the page
 * a few hundred milliseconds.
 */
export function shadowingCount(parts: readonly ColumnsPart[], taken: ReadonlySet<string>): number {
	const lengths = keySet([...taken], (id) => id.length);
	let count = 0;
	for (const part of parts)
		for (const id of part.ids) if (lengths.has(id.length) && taken.has(id)) count++;
	return count;
}

/** Lets the tasks already queued (the import's, the map's) run first. */
const afterOtherTasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Incidents by id: a lookup in the id index, then the row decoded. */
export interface IncidentsById {
	get(id: string): IncidentFeature | undefined;
}

function rowsById(rows: IncidentRows, index: IdIndex): IncidentsById {
	return {
		get: (id) => {
			const at = index.get(id);
			return at === undefined ? undefined : rows.at(at);
		}
	};
}
