import type { IncidentColumns } from '$lib/data/filter-engine';
import type { LocationPrecision } from '$lib/data/incident';
import { UNCERTAINTY_RADIUS_KM } from '$lib/data/region';
import { siteKey } from '$lib/data/site-key';

/**
 * What the map draws of an incident and how (its properties, halos, toll labels), for the
 * vector tiles the filter worker cuts (point-tiles.ts) and the selected marker the page draws.
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
export function haloOwners(columns: IncidentColumns, precision: (i: number) => LocationPrecision) {
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
