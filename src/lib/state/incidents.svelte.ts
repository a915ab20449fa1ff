import type { LineString, MultiLineString } from 'geojson';
import type { DatasetInfo } from '$lib/data/builtin';
import { groupBy, indexBy } from '$lib/data/collections';
import type { IncidentFeature, PlaceFeature } from '$lib/data/incident';
import { labelledPoints } from '$lib/analysis/nearest';
import { figuresById, type IncidentFigures } from '$lib/analysis/incident-figures';
import { FiguresClient } from '$lib/analysis/figures-client';

export interface IncidentData {
	dataset: DatasetInfo;
	incidents: IncidentFeature[];
	places: PlaceFeature[];
	border: LineString | MultiLineString;
}

const byDate = (a: IncidentFeature, b: IncidentFeature) =>
	a.properties.date.localeCompare(b.properties.date) || a.id.localeCompare(b.id);

/** The incidents, the gazetteer and the border, plus the figures computed from them. */
export class IncidentStore {
	dataset = $state.raw<DatasetInfo>({ id: '', title: '', credit: '', description: '' });
	places = $state.raw<PlaceFeature[]>([]);
	border = $state.raw<LineString | MultiLineString>({ type: 'MultiLineString', coordinates: [] });
	incidents = $state.raw<IncidentFeature[]>([]);
	/** Computed in a worker; empty until it answers. */
	figures = $state.raw<ReadonlyMap<string, IncidentFigures>>(indexBy([], () => ''));
	figuresError = $state<string | null>(null);

	byId = $derived(indexBy(this.incidents, (incident) => incident.id));
	/** Sorted by date, then id. */
	sorted = $derived([...this.incidents].sort(byDate));
	located = $derived(this.sorted.filter((incident) => incident.geometry !== null));
	unlocated = $derived(this.sorted.filter((incident) => incident.geometry === null));
	placeById = $derived(indexBy(this.places, (place) => place.id));
	/** Incidents grouped by their exact position ("lon,lat" → incidents, by date). */
	sites = $derived(groupBy(this.located, siteKey));

	#figuresClient: FiguresClient | null = null;

	constructor(data: IncidentData) {
		this.dataset = data.dataset;
		this.places = data.places;
		this.border = data.border;
		this.incidents = data.incidents;
	}

	/** The incidents at the same position as this one (itself included), by date. */
	siteOf(incident: IncidentFeature): IncidentFeature[] {
		const key = siteKey(incident);
		return key ? (this.sites.get(key) ?? [incident]) : [incident];
	}

	/** Starts the worker that measures border distances and nearest places. */
	async computeFigures(): Promise<void> {
		const located = this.located;
		const places = labelledPoints(this.places);
		this.#figuresClient ??= new FiguresClient();
		try {
			const result = await this.#figuresClient.compute({
				border: this.border,
				places,
				ids: located.map((incident) => incident.id),
				lons: Float64Array.from(located, (incident) => incident.geometry?.coordinates[0] ?? NaN),
				lats: Float64Array.from(located, (incident) => incident.geometry?.coordinates[1] ?? NaN)
			});
			this.figures = figuresById(result, places);
			this.figuresError = null;
		} catch (error) {
			this.figuresError = error instanceof Error ? error.message : String(error);
		}
	}

	dispose() {
		this.#figuresClient?.dispose();
	}
}

function siteKey(incident: IncidentFeature): string | null {
	const coordinates = incident.geometry?.coordinates;
	return coordinates ? `${coordinates[0]},${coordinates[1]}` : null;
}
