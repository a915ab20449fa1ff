import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	SourceSpecification
} from 'maplibre-gl';
import { CLUSTER_ZOOM_END, type GroupCollection } from '$lib/analysis/groups';
import { DATASET_COLOURS } from '$lib/data/palette';
import { POINT_TILE_LAYER } from '$lib/analysis/point-tiles';
import { densityFade } from './density';
import { INCIDENT_FILTER } from './filter';
import { intlTag } from '$lib/i18n/locale';
import { ENGLISH_LABELS, type LabelLanguage } from './labels';
import type { Theme } from './theme';

/**
 * Incidents on the map, from two sources:
 * - INCIDENTS_SOURCE: every located incident, as vector tiles the filter worker cuts
 *   (analysis/point-tiles.ts), loaded once and filtered in the renderer (global-state
 *   expressions, style/filter.ts): markers from CLUSTER_ZOOM_END up, uncertainty halos, the
 *   density surface;
 * - GROUPS_SOURCE: small, recomputed in a worker when the filter changes (groups.ts): clusters
 *   and lone incidents per zoom level below CLUSTER_ZOOM_END, and "site" badges counting the
 *   matching incidents that share a position above it.
 */
export const INCIDENTS_SOURCE = 'incidents';
export const GROUPS_SOURCE = 'incidentGroups';
/** The selected incident alone: changing the selection re-lays out one feature, not all. */
export const SELECTION_SOURCE = 'selectedIncident';
export const HALO_LAYER = 'incident-halos';
/**
 * How opaque the fill of a marker dated only to a week or a month is: fainter than an exact
 * day. Its outline stays at full colour, which is what keeps it 3:1 against the ground.
 */
export const APPROXIMATE_DATE_OPACITY = 0.45;
/** Up to this many located incidents, halos are drawn at every zoom. */
export const HALOS_EVERYWHERE_LIMIT = 5000;

/**
 * The zoom from which uncertainty halos are drawn: every zoom for small data; for large data
 * only where markers are drawn one by one, where tens of thousands of halos would be noise.
 * A layer zoom range rather than a filter: below it MapLibre then never tiles the 200,000
 * incidents at all, and a filter change has nothing there to re-tile.
 */
export function haloMinZoom(locatedCount: number): number {
	return locatedCount <= HALOS_EVERYWHERE_LIMIT ? 0 : CLUSTER_ZOOM_END;
}
/** The map's deepest zoom: Natural Earth detail ends long before this. */
export const MAX_ZOOM = 13;

/** The layer of the incident tiles, for every style layer that draws from INCIDENTS_SOURCE. */
export const INCIDENTS_SOURCE_LAYER = POINT_TILE_LAYER;

export function incidentSources(
	tiles: string,
	groups: GroupCollection
): Record<string, SourceSpecification> {
	return {
		// Vector tiles are 512 pixels in MapLibre, as GeoJSON's are: zoom z draws tiles of z.
		[INCIDENTS_SOURCE]: { type: 'vector', tiles: [tiles], maxzoom: MAX_ZOOM + 1 },
		[SELECTION_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
		[GROUPS_SOURCE]: { type: 'geojson', data: groups, maxzoom: CLUSTER_ZOOM_END + 1 }
	};
}

/** Marker radius in pixels: area grows with the reported toll; a fixed size when unreported. */
export function markerRadius(killed: number | null): number {
	return killed === null ? 6 : 5 + 2.2 * Math.sqrt(killed);
}

/**
 * Radius in pixels of a cluster or site badge for a count: it grows with the logarithm, so a
 * badge of thousands stays readable without burying its neighbours (the number says how many).
 */
export function clusterRadius(count: number): number {
	return 10 + 3.2 * Math.log2(Math.max(1, count));
}

const radiusExpression: ExpressionSpecification = [
	'case',
	['==', ['get', 'killed_best'], null],
	markerRadius(null),
	['+', 5, ['*', 2.2, ['sqrt', ['get', 'killed_best']]]]
];
const countRadiusExpression: ExpressionSpecification = [
	'+',
	10,
	['*', 3.2, ['log2', ['max', 1, ['get', 'count']]]]
];

/** Group features for the current whole zoom level (GeoJSON tiles are laid out per zoom). */
const atThisZoom: ExpressionSpecification = ['==', ['get', 'z'], ['floor', ['zoom']]];
const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
/** Cluster badges below CLUSTER_ZOOM_END, site badges from it up. */
const badges: FilterSpecification = [
	'any',
	['all', ofKind('cluster'), atThisZoom],
	['all', ofKind('site'), ['>=', ['zoom'], CLUSTER_ZOOM_END]]
];

function markerPaint(theme: Theme) {
	const unknown: ExpressionSpecification = ['==', ['get', 'killed_best'], null];
	// An incident dated only to the week or month is drawn fainter: its time is not exact. Its
	// fill fades, its outline keeps the full colour, so it still stands out from the ground.
	const approximate: ExpressionSpecification = ['to-boolean', ['get', 'approximate_date']];
	// Imported datasets carry their own colour; the built-in data uses the theme's.
	const datasetColour = datasetColourExpression(theme);
	return {
		'circle-radius': radiusExpression,
		// With the density view, markers give way to it when zoomed out (style/density.ts).
		'circle-opacity': densityFade([
			'case',
			approximate,
			APPROXIMATE_DATE_OPACITY,
			1
		] as ExpressionSpecification),
		'circle-stroke-opacity': densityFade(1),
		'circle-color': [
			'case',
			unknown,
			theme.incidentUnknown,
			datasetColour
		] as ExpressionSpecification,
		'circle-stroke-color': [
			'case',
			['any', unknown, approximate],
			datasetColour,
			theme.incidentStroke
		] as ExpressionSpecification,
		'circle-stroke-width': ['case', unknown, 2.5, approximate, 2, 1.5] as ExpressionSpecification
	};
}

/**
 * An imported dataset's marker colour in this theme: the dataset keeps one of DATASET_COLOURS,
 * drawn as the theme's shade of it; the built-in data (no colour) gets the theme's own.
 */
function datasetColourExpression(theme: Theme): ExpressionSpecification {
	const shades = DATASET_COLOURS.flatMap((colour, i) => [
		colour,
		theme.datasetColours[i] ?? colour
	]);
	return [
		'match',
		['coalesce', ['get', 'colour'], ''],
		...shades,
		['coalesce', ['get', 'colour'], theme.incident]
	] as unknown as ExpressionSpecification;
}

function tollLabels(
	id: string,
	source: string,
	filter: ExpressionSpecification,
	theme: Theme,
	zoom: { minzoom?: number; maxzoom?: number }
): LayerSpecification {
	return {
		id,
		type: 'symbol',
		source,
		...(source === INCIDENTS_SOURCE ? { 'source-layer': INCIDENTS_SOURCE_LAYER } : {}),
		...zoom,
		filter: ['all', filter, ['!=', ['get', 'killed_label'], null]],
		layout: {
			'text-field': ['get', 'killed_label'],
			'text-font': [theme.font.bold],
			'text-size': 10.5,
			'text-allow-overlap': true,
			'text-ignore-placement': true
		},
		paint: { 'text-color': theme.clusterText, 'text-opacity': densityFade(1) }
	};
}

export function incidentLayers(
	theme: Theme,
	halosFromZoom = 0,
	labels: LabelLanguage = ENGLISH_LABELS
): LayerSpecification[] {
	return [
		{
			id: HALO_LAYER,
			type: 'circle',
			source: INCIDENTS_SOURCE,
			'source-layer': INCIDENTS_SOURCE_LAYER,
			minzoom: halosFromZoom,
			filter: ['all', INCIDENT_FILTER, ['>', ['get', 'halo_z0_px'], 0]],
			paint: {
				// The radius in pixels doubles with each zoom level: a fixed distance on the ground.
				'circle-radius': [
					'interpolate',
					['exponential', 2],
					['zoom'],
					0,
					['get', 'halo_z0_px'],
					22,
					['*', ['get', 'halo_z0_px'], 2 ** 22]
				],
				'circle-color': theme.halo,
				'circle-opacity': densityFade(0.07),
				'circle-stroke-color': theme.halo,
				'circle-stroke-opacity': densityFade(0.55),
				'circle-stroke-width': 1.2,
				'circle-pitch-alignment': 'map'
			}
		},
		{
			// The selection stays visible even when the filter hides the incident itself.
			id: 'incident-selected',
			type: 'circle',
			source: SELECTION_SOURCE,
			paint: {
				'circle-radius': ['+', 7, radiusExpression],
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': theme.selection,
				'circle-stroke-width': 3
			}
		},
		{
			id: 'group-singles',
			type: 'circle',
			source: GROUPS_SOURCE,
			maxzoom: CLUSTER_ZOOM_END,
			filter: ['all', ofKind('single'), atThisZoom],
			paint: markerPaint(theme)
		},
		tollLabels('group-single-labels', GROUPS_SOURCE, ['all', ofKind('single'), atThisZoom], theme, {
			maxzoom: CLUSTER_ZOOM_END
		}),
		{
			id: 'incident-points',
			type: 'circle',
			source: INCIDENTS_SOURCE,
			'source-layer': INCIDENTS_SOURCE_LAYER,
			minzoom: CLUSTER_ZOOM_END,
			filter: INCIDENT_FILTER,
			layout: { 'circle-sort-key': ['-', ['coalesce', ['get', 'killed_best'], 0]] },
			paint: markerPaint(theme)
		},
		tollLabels('incident-killed-labels', INCIDENTS_SOURCE, INCIDENT_FILTER, theme, {
			minzoom: CLUSTER_ZOOM_END
		}),
		{
			id: 'group-badges',
			type: 'circle',
			source: GROUPS_SOURCE,
			filter: badges,
			paint: {
				'circle-radius': countRadiusExpression,
				'circle-color': theme.cluster,
				'circle-opacity': densityFade(1),
				'circle-stroke-color': theme.incidentStroke,
				'circle-stroke-opacity': densityFade(1),
				'circle-stroke-width': 2
			}
		},
		{
			id: 'group-counts',
			type: 'symbol',
			source: GROUPS_SOURCE,
			filter: badges,
			layout: {
				'text-field':
					labels.locale === 'ar'
						? ['number-format', ['get', 'count'], { locale: intlTag('ar', labels.digits) }]
						: ['to-string', ['get', 'count']],
				'text-font': [theme.font.bold],
				'text-size': 13,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': theme.clusterText, 'text-opacity': densityFade(1) }
		}
	];
}

/** Layers a pointer can hover or click, top first. */
export const INTERACTIVE_LAYERS = ['group-badges', 'incident-points', 'group-singles'];
