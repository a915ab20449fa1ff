import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';
import { basemapUrls } from '../geodata-urls';
import type { GroupCollection } from '$lib/analysis/groups';
import type { MapPlaceProperties } from '../place-features';
import { basemapLabelLayers, basemapLayers, basemapSources } from './basemap';
import { BORDER_SOURCE, FILTER_BAND_SOURCE, bandLabelLayers, borderLayers } from './border';
import { DENSITY_STATE_DEFAULTS, densityLayers } from './density';
import { FILTER_STATE_DEFAULTS } from './filter';
import { fontFaces } from './fonts';
import {
	INCIDENTS_SOURCE,
	INCIDENTS_SOURCE_LAYER,
	haloMinZoom,
	incidentLayers,
	incidentSources
} from './incidents';
import { MEASURE_SOURCE, measureLayers } from './measure';
import { PLACES_SOURCE, placeLayers } from './places';
import { placeMarkLayers, placeMarkSources } from './place-mark';
import { ENGLISH_LABELS, type LabelLanguage } from './labels';
import type { Theme } from './theme';

/** The incident points: their GeoJSON, or its URL (map-points.ts), and how many there are. */
export interface IncidentPointsData {
	/** The URL template of the points' vector tiles (map-controller.svelte.ts serves them). */
	tiles: string;
	count: number;
}

export interface StyleData {
	incidents: IncidentPointsData;
	groups: GroupCollection;
	places: FeatureCollection<Point, MapPlaceProperties>;
	border: FeatureCollection<LineString | MultiLineString>;
}

export const EMPTY_BAND: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

/**
 * The whole map style: a pure function of the theme, the page's base URL (assets are resolved
 * against it) and the data. Layer order, bottom to top: ground, the density surface, border and
 * bands, labels, incidents, measurements, the place chosen in the search.
 */
export function mapStyle(
	theme: Theme,
	base: string,
	data: StyleData,
	labels: LabelLanguage = ENGLISH_LABELS
): StyleSpecification {
	return {
		version: 8,
		'font-faces': fontFaces(theme, base),
		state: Object.fromEntries(
			Object.entries({ ...FILTER_STATE_DEFAULTS, ...DENSITY_STATE_DEFAULTS }).map(
				([key, value]) => [key, { default: value }]
			)
		),
		sources: {
			...basemapSources(basemapUrls(base)),
			[BORDER_SOURCE]: { type: 'geojson', data: data.border },
			[FILTER_BAND_SOURCE]: { type: 'geojson', data: EMPTY_BAND },
			[MEASURE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			[PLACES_SOURCE]: { type: 'geojson', data: data.places },
			...incidentSources(data.incidents.tiles, data.groups),
			...placeMarkSources()
		},
		layers: styleLayers(theme, data.incidents.count, labels)
	};
}

/**
 * The style's layers for a theme and the labels' language (how many incidents there are
 * decides where halos start). A theme change repaints these same layers, a language change
 * rewrites their labels: nothing is reloaded.
 */
export function styleLayers(
	theme: Theme,
	incidentCount: number,
	labels: LabelLanguage = ENGLISH_LABELS
): LayerSpecification[] {
	return [
		...basemapLayers(theme),
		// Under the border and the labels, which stay readable over it.
		...densityLayers(theme, INCIDENTS_SOURCE, INCIDENTS_SOURCE_LAYER),
		...borderLayers(theme),
		...basemapLabelLayers(theme, labels.locale),
		...bandLabelLayers(theme, labels),
		...placeLayers(theme, labels.locale),
		...incidentLayers(theme, haloMinZoom(incidentCount), labels),
		...measureLayers(theme),
		...placeMarkLayers(theme)
	];
}
