import type { Feature, Point } from 'geojson';
import type { DatasetInfo } from './builtin';

/**
 * The incident schema shared by the built-in data, imports and exports.
 * Property names are snake_case because they are a file format (GeoJSON properties, CSV columns).
 */

/** How exactly the date is known (ACLED's time_precision 1/2/3). */
export type DatePrecision = 'day' | 'week' | 'month';

/**
 * How exactly the position is known (ACLED's geo_precision):
 * 1 = the named town itself, 2 = near a town / in its area, 3 = only the region.
 */
export type LocationPrecision = 1 | 2 | 3;

export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month'];
export const LOCATION_PRECISIONS: readonly LocationPrecision[] = [1, 2, 3];

export interface IncidentProperties {
	id: string;
	/** Id of the dataset the incident belongs to. */
	dataset: string;
	/** ISO date (YYYY-MM-DD): the day, or the reference day of the week/month when less precise. */
	date: string;
	date_precision: DatePrecision;
	/** Last possible day when the source gives a range (ISO date), otherwise null. */
	date_end: string | null;
	/** The weekday as the sources worded it, kept because sources disagree on dates. */
	weekday_reported: string | null;
	place: string;
	place_ar: string | null;
	admin1: string | null;
	country: string | null;
	location_precision: LocationPrecision;
	actor: string | null;
	aircraft: string | null;
	target: string | null;
	/** Lowest reported number killed; null = not reported (never 0 by default). */
	killed_min: number | null;
	/** Highest reported number killed; null = not reported. */
	killed_max: number | null;
	claimed_by: string | null;
	summary: string | null;
	/** Source URLs; at least one for the built-in data. Imports may name sources (ACLED). */
	sources: string[];
	/** The other party, when an import names one (ACLED actor2, UCDP side_b). */
	actor2?: string | null;
	/** Event type and sub-type of an import (ACLED; UCDP's type of violence and conflict). */
	event_type?: string | null;
	sub_event_type?: string | null;
	/** UCDP's best estimate, between killed_min (low) and killed_max (high). */
	killed_best?: number | null;
	/** A short category of the target, derived from `target` (built-in data; see target-category.ts). */
	target_category?: string | null;
	/**
	 * An imported row's id as its file gives it (null when the row had none). The incident's own
	 * `id` is qualified by its dataset ("<dataset>:<original id>") so that no import can take
	 * over another dataset's incident or the built-in one with the same id.
	 */
	original_id?: string | null;
	/**
	 * An imported ACLED or UCDP row as its file wrote it: every column of the file (lower-cased,
	 * in order; one array shared by all the rows of a file, so it costs one copy per file, not
	 * per row) and this row's values in the same order. `sourceField(p, 'actor2')` reads one.
	 */
	source_row?: SourceRow;
}

/** A row of an imported file, as the file wrote it: its columns and its values, aligned. */
export interface SourceRow {
	columns: string[];
	values: string[];
}

/** One column of an incident's original row (ACLED's actor2, UCDP's deaths_a…); null when blank or absent. */
export function sourceField(properties: IncidentProperties, column: string): string | null {
	const row = properties.source_row;
	if (!row) return null;
	const at = row.columns.indexOf(column);
	const value = at < 0 ? undefined : row.values[at];
	return value === undefined || value.trim() === '' ? null : value;
}

/** An incident is a GeoJSON Feature; `geometry: null` means no position was reported (unlocated). */
export type IncidentFeature = Feature<Point | null, IncidentProperties> & { id: string };

export interface IncidentCollection {
	type: 'FeatureCollection';
	/** Where the incidents come from (a foreign member, allowed by RFC 7946 §6.1). */
	dataset?: DatasetInfo;
	features: IncidentFeature[];
}

/**
 * A gazetteer entry: the project's curated places (with the sources of their coordinates) and
 * GeoNames places in Syria and Iraq (geodata/README.md says how they are merged).
 */
export interface PlaceProperties {
	id: string;
	name: string;
	name_ar: string | null;
	/** The Arabic name was picked from GeoNames' untagged alternates and reads like none of the place's Latin names. */
	name_ar_doubtful: boolean;
	/** Other names and spellings, in any script (GeoNames alternates; the curated name keeps its own in brackets). */
	alternates: string[];
	kind: 'town' | 'city' | 'region' | 'border_crossing';
	/** GeoNames feature code (PPL, PPLA, …); null when GeoNames does not have the place. */
	feature_code: string | null;
	/** Population as GeoNames gives it; null = unknown (never 0). */
	population: number | null;
	admin1: string | null;
	country: string | null;
	/** Where the place comes from: the project's curated table, or GeoNames. */
	source: 'curated' | 'geonames';
	/** The GeoNames entry: the place itself, or the one a curated place was matched to. */
	geonames_id: number | null;
	sources: string[];
}

export type PlaceFeature = Feature<Point | null, PlaceProperties> & { id: string };

export interface PlaceCollection {
	type: 'FeatureCollection';
	features: PlaceFeature[];
}

export function isLocated(
	feature: IncidentFeature
): feature is IncidentFeature & { geometry: Point } {
	return feature.geometry !== null;
}

export function isLocatedPlace(
	feature: PlaceFeature
): feature is PlaceFeature & { geometry: Point } {
	return feature.geometry !== null;
}
