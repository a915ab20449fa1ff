import type { IncidentColumns } from '$lib/data/filter-engine';
import type { LocationPrecision } from '$lib/data/incident';
import { UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { siteKey } from '$lib/data/site-key';

/**
 * The map's incident points as GeoJSON text, built from the filter worker's columns, so that
 * neither building 500,000 features nor handing them to MapLibre happens on the main thread:
 * the text becomes a Blob, the page gives MapLibre its object URL, and MapLibre's own worker
 * fetches and parses it.
 */

/**
 * What the map needs to draw an incident, and nothing more (everything else stays in the
 * app's state): the fewer properties, the faster 500,000 of them reach the renderer.
 */
export interface MapIncidentProperties {
	/** The incident's position in the app's incident list: its character in the filter mask. */
	i: number;
	id: string;
	killed_best: number | null;
	killed_label: string | null;
	/**
	 * Uncertainty-halo radius in pixels at zoom 0 (0 = no halo, or another incident at the same
	 * position draws it); it doubles per zoom level.
	 */
	halo_z0_px: number;
	/** Drawn fainter: the date is known only to the week or month. */
	approximate_date: boolean;
	/** The marker colour of an imported dataset (absent: the theme's). */
	colour?: string;
}

/** Web Mercator circumference (m) and the world's width in pixels at zoom 0 in MapLibre. */
const EARTH_CIRCUMFERENCE = 40_075_016.686;
const WORLD_PIXELS_AT_Z0 = 512;

/**
 * Pixels at zoom 0 for a ground radius at a latitude: Mercator stretches distances by 1/cos φ,
 * so a circle drawn with this radius covers the same ground anywhere (to well under 1 % for the
 * 25 km halos).
 */
export function pixelsAtZoomZero(metres: number, latitude: number): number {
	const metresPerPixel =
		(EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / WORLD_PIXELS_AT_Z0;
	return metres / metresPerPixel;
}

/** What the points need besides the columns: the datasets' colours and the digits of labels. */
export interface MapPointsOptions {
	/** Marker colour of a dataset that has its own (imports), by dataset id. */
	colours: Record<string, string>;
	/**
	 * The Intl locale tag the interface writes numbers with (Formatter.tag), or null for the
	 * plain Latin digits English uses. Marker labels are written in it.
	 */
	numberTag: string | null;
}

/** A toll label ("≤30", "41–44") with its numbers written as `tag` writes them. */
export function relabel(label: string, format: ((n: number) => string) | null): string {
	return format ? label.replace(/\d+/g, (digits) => format(Number(digits))) : label;
}

/**
 * Toll labels ("≤30") as the interface writes numbers (`numberTag`, Formatter.tag; null: the
 * plain digits English uses), each distinct label written once.
 */
export function tollLabelWriter(numberTag: string | null): (latin: string | null) => string | null {
	if (numberTag === null) return (latin) => latin;
	const numbers = new Intl.NumberFormat(numberTag, { maximumFractionDigits: 0 });
	const format = (n: number) => numbers.format(n);
	const written = new Map<string, string>();
	return (latin) => {
		if (latin === null) return null;
		let label = written.get(latin);
		if (label === undefined) written.set(latin, (label = relabel(latin, format)));
		return label;
	};
}

/**
 * One halo per position, the widest there, drawn by the first incident that has it (stacked
 * translucent halos would darken the area and suggest more certainty, not less). Returns, per
 * incident, whether it draws its position's halo.
 */
function haloOwners(columns: IncidentColumns, precision: (i: number) => LocationPrecision) {
	const owner = new Map<string, { i: number; radius: number }>();
	for (let i = 0; i < columns.count; i++) {
		const lon = columns.lon[i]!;
		if (Number.isNaN(lon)) continue;
		const key = siteKey(lon, columns.lat[i]!);
		const radius = UNCERTAINTY_RADIUS_KM[precision(i)];
		const current = owner.get(key);
		if (!current || radius > current.radius) owner.set(key, { i, radius });
	}
	const owns = new Uint8Array(columns.count);
	for (const { i } of owner.values()) owns[i] = 1;
	return owns;
}

/** Features per part of the text (one string per part keeps each string small). */
const PART = 10_000;

/** The located incidents' points as GeoJSON FeatureCollection text, in parts, and how many. */
export function mapPointsJson(
	columns: IncidentColumns,
	options: MapPointsOptions
): { parts: string[]; count: number } {
	const precisionValues = columns.facetValues.location_precision.map(
		(value) => Number(value) as LocationPrecision
	);
	const precisionCodes = columns.facetCodes.location_precision;
	const precision = (i: number) => precisionValues[precisionCodes[i]!]!;
	const datasetValues = columns.facetValues.dataset;
	const datasetCodes = columns.facetCodes.dataset;
	const colourOf = datasetValues.map((dataset) =>
		Object.hasOwn(options.colours, dataset) ? options.colours[dataset] : undefined
	);
	const numbers = options.numberTag
		? new Intl.NumberFormat(options.numberTag, { maximumFractionDigits: 0 })
		: null;
	const format = numbers ? (n: number) => numbers.format(n) : null;
	const labels = new Map<string, string>();
	const label = (latin: string) => {
		let written = labels.get(latin);
		if (written === undefined)
			labels.set(latin, (written = JSON.stringify(relabel(latin, format))));
		return written;
	};
	const owns = haloOwners(columns, precision);

	const parts = ['{"type":"FeatureCollection","features":['];
	let features: string[] = [];
	let count = 0;
	for (let i = 0; i < columns.count; i++) {
		const lon = columns.lon[i]!;
		if (Number.isNaN(lon)) continue; // unlocated: listed in the panel, never drawn
		const lat = columns.lat[i]!;
		const id = JSON.stringify(columns.ids[i]!);
		const best = columns.killedBest[i]!;
		const latin = columns.killedLabel[i] ?? null;
		const halo = owns[i] ? pixelsAtZoomZero(UNCERTAINTY_RADIUS_KM[precision(i)] * 1000, lat) : 0;
		const colour = colourOf[datasetCodes[i]!];
		features.push(
			`{"type":"Feature","id":${id},"geometry":{"type":"Point","coordinates":[${lon},${lat}]},` +
				`"properties":{"i":${i},"id":${id},"killed_best":${Number.isNaN(best) ? 'null' : best},` +
				`"killed_label":${latin === null ? 'null' : label(latin)},"halo_z0_px":${halo},` +
				`"approximate_date":${columns.datePrecision[i] !== 0}` +
				`${colour === undefined ? '' : `,"colour":${JSON.stringify(colour)}`}}}`
		);
		count++;
		if (features.length === PART) {
			parts.push((parts.length > 1 ? ',' : '') + features.join(','));
			features = [];
		}
	}
	if (features.length > 0) parts.push((parts.length > 1 ? ',' : '') + features.join(','));
	parts.push(']}');
	return { parts, count };
}
