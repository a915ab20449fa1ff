import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';
import { basemapUrls } from '../geodata-urls';
import type { GroupCollection } from '$lib/analysis/groups';
import type { MapIncidentProperties } from '../incident-features';
import type { MapPlaceProperties } from '../place-features';
import { basemapLabelLayers, basemapLayers, basemapSources } from './basemap';
import { BORDER_SOURCE, FILTER_BAND_SOURCE, bandLabelLayers, borderLayers } from './border';
import { FILTER_STATE_DEFAULTS } from './filter';
import { fontFaces } from './fonts';
import { haloMinZoom, incidentLayers, incidentSources } from './incidents';
import { MEASURE_SOURCE, measureLayers } from './measure';
import { PLACES_SOURCE, placeLayers } from './places';
import { ENGLISH_LABELS, type LabelLanguage } from './labels';
import type { Theme } from './theme';

export interface StyleData {
	incidents: FeatureCollection<Point, MapIncidentProperties>;
	groups: GroupCollection;
	places: FeatureCollection<Point, MapPlaceProperties>;
	border: FeatureCollection<LineString | MultiLineString>;
}

export const EMPTY_BAND: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

/**
 * The whole map style: a pure function of the theme, the page's base URL (assets are resolved
 * against it) and the data. Layer order, bottom to top: ground, border and bands, labels,
 * incidents.
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
			Object.entries(FILTER_STATE_DEFAULTS).map(([key, value]) => [key, { default: value }])
		),
		sources: {
			...basemapSources(basemapUrls(base)),
			[BORDER_SOURCE]: { type: 'geojson', data: data.border },
			[FILTER_BAND_SOURCE]: { type: 'geojson', data: EMPTY_BAND },
			[MEASURE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			[PLACES_SOURCE]: { type: 'geojson', data: data.places },
			...incidentSources(data.incidents, data.groups)
		},
		layers: styleLayers(theme, data.incidents.features.length, labels)
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
		...borderLayers(theme),
		...basemapLabelLayers(theme, labels.locale),
		...bandLabelLayers(theme, labels),
		...placeLayers(theme, labels.locale),
		...incidentLayers(theme, haloMinZoom(incidentCount), labels),
		...measureLayers(theme)
	];
}
