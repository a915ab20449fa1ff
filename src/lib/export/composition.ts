import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LegendSection } from '$lib/map/style/legend';
import type { Theme } from '$lib/map/style/theme';
import type { Digits, Locale } from '$lib/i18n/locale';

/** What an export image says over its map; laid out by compose-layout.ts, drawn by compose.ts. */
export interface Composition {
	title: string;
	subtitle: string;
	legend: LegendSection[];
	/** Credits, in order ("Made with Natural Earth", the datasets' credits…). */
	credits: string[];
	/** "Exported 24 Nov 2026, 09:00 UTC" */
	exported: string;
	/** Metres per layout pixel at the centre of the image. */
	metresPerPixel: number;
	bearing: number;
	/** West, south, east, north of the view, for the inset. */
	view: readonly [number, number, number, number];
	inset: InsetData | null;
	theme: Theme;
	/** A video frame's date (and what it shows), under the title; absent in a still image. */
	caption?: Caption | null;
	/**
	 * The language the texts are in (English when absent): Arabic mirrors the composition
	 * (title and scale on the right, legend and inset on the left) and writes right to left.
	 */
	language?: { locale: Locale; digits: Digits };
}

/** The caption of a video's step: "November 2018", "2 incidents". */
export interface Caption {
	date: string;
	detail: string;
	/**
	 * Every date the video will show: the card is as wide as the widest, so it keeps its size
	 * from frame to frame.
	 */
	dates?: readonly string[];
	/** Likewise for the details. */
	details?: readonly string[];
}

export interface InsetData {
	countries: FeatureCollection<Polygon | MultiPolygon, { adm0_a3: string }>;
	/** The inset's extent: west, south, east, north. */
	extent: readonly [number, number, number, number];
}
