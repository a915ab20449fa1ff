import type {
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import type { DatasetInfo } from '$lib/data/builtin';
import { groupBy, indexBy, keySet, positionsById } from '$lib/data/collections';
import type { IncidentFeature, PlaceFeature } from '$lib/data/incident';
import { positionKey } from '$lib/data/site-key';
import type { ImportReport } from '$lib/data/import/importer';
import { labelledPoints } from '$lib/analysis/nearest';
import type { Region } from '$lib/analysis/regions';
import { FiguresTable, type FiguresRequest } from '$lib/analysis/incident-figures';
import { AnalysisClient } from '$lib/analysis/analysis-client';
import { untrack } from 'svelte';
import { linkedColumnsPart, locatedPositions, type ColumnsPart } from '$lib/data/filter-engine';

export interface IncidentData {
	dataset: DatasetInfo;
	incidents: IncidentFeature[];
	places: PlaceFeature[];
	border: LineString | MultiLineString;
	/** The countries on either side of the border, named by their ISO code. */
	sides: Region[];
	/** Rows of the data file that did not fit the schema, said in words. */
	rejected: string[];
}

/** An imported dataset: its incidents, how the import went, and whether it is shown. */
export interface ImportedDataset {
	info: DatasetInfo;
	incidents: IncidentFeature[];
	report: ImportReport;
	visible: boolean;
	/**
	 * The incidents' filter columns, built by the worker that parsed or restored them (absent:
	 * built here when first needed).
	 */
	columns?: ColumnsPart;
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
	#builtin = $state.raw<IncidentFeature[]>([]);
	builtinVisible = $state(true);
	/** Imported datasets, in the order they were added. */
	imports = $state.raw<ImportedDataset[]>([]);
	/** Every incident shown: the built-in ones and the visible imports. */
	incidents = $derived.by(() => {
		const visible = this.imports.filter((entry) => entry.visible);
		const base = this.builtinVisible ? this.#builtin : [];
		if (visible.length === 0) return base;
		return base.concat(...visible.map((entry) => entry.incidents));
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
		const parts = visible.map((entry) => this.#partOf(entry.incidents, entry.columns));
		return this.builtinVisible ? [this.#partOf(this.#builtin), ...parts] : parts;
	});
	/** Parts built here (the built-in data's, or an import that came without), by incidents. */
	#parts = new WeakMap<readonly IncidentFeature[], ColumnsPart>();
	builtinCount = $derived(this.#builtin.length);
	#builtinIds = $derived(keySet(this.#builtin, (incident) => incident.id));
	/** Computed in a worker; empty until it answers. */
	figures = $state.raw<FiguresTable>(FiguresTable.EMPTY);
	figuresError = $state<string | null>(null);

	byId = $derived(indexBy(this.incidents, (incident) => incident.id));
	/** Each incident's position in `incidents` (the order the filter worker's columns use). */
	indexOf = $derived(positionsById(this.incidents));
	/** Those with a position (in data order), and those without (by date, then id). */
	located = $derived(this.incidents.filter((incident) => incident.geometry !== null));
	unlocated = $derived(
		this.incidents.filter((incident) => incident.geometry === null).sort(byDate)
	);
	placeById = $derived(indexBy(this.places, (place) => place.id));
	/** Incidents grouped by their exact position ("lon,lat" → incidents, by date). */
	sites = $derived(groupBy([...this.located].sort(byDate), siteOfIncident));

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
		this.#createAnalysis = createAnalysis;
	}

	/** Measures every set of incidents shown: at start, and after each import, removal or toggle. */
	start() {
		this.#stop = $effect.root(() => {
			$effect(() => {
				void this.incidents;
				untrack(() => void this.computeFigures());
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
		const kept = entry.incidents.filter((incident) => !builtin.has(incident.id));
		const shown = kept.length === entry.incidents.length ? entry : { ...entry, incidents: kept };
		this.imports = [...this.imports.filter((other) => other.info.id !== entry.info.id), shown];
		return entry.incidents.length - kept.length;
	}

	removeImport(id: string) {
		this.imports = this.imports.filter((entry) => entry.info.id !== id);
	}

	setImportVisible(id: string, visible: boolean) {
		this.imports = this.imports.map((entry) =>
			entry.info.id === id ? { ...entry, visible } : entry
		);
	}

	#partOf(incidents: readonly IncidentFeature[], built?: ColumnsPart): ColumnsPart {
		if (built && built.count === incidents.length) return built;
		let part = this.#parts.get(incidents);
		if (!part) {
			part = linkedColumnsPart(incidents, this.places);
			this.#parts.set(incidents, part);
		}
		return part;
	}

	/** The incidents at the same position as this one (itself included), by date. */
	siteOf(incident: IncidentFeature): IncidentFeature[] {
		const key = siteOfIncident(incident);
		return key ? (this.sites.get(key) ?? [incident]) : [incident];
	}

	/** Starts the worker that measures border distances, sides and nearest neighbours. */
	async computeFigures(): Promise<void> {
		// From the columns (aligned with `incidents`), not from the incident objects.
		const { ids, lons, lats } = locatedPositions(this.columnParts);
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
			this.figures = new FiguresTable(result, request);
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

function siteOfIncident(incident: IncidentFeature): string | null {
	const coordinates = incident.geometry?.coordinates;
	return coordinates ? positionKey(coordinates) : null;
}
