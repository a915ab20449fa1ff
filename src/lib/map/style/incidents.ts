import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { MapIncidentProperties } from '../incident-features';
import type { Theme } from './theme';

export const INCIDENTS_SOURCE = 'incidents';
export const CLUSTERS_SOURCE = 'incidentClusters';
/** The map's deepest zoom: Natural Earth detail ends long before this. */
export const MAX_ZOOM = 13;
/** Global-state key holding the selected incident id ('' for none). */
export const SELECTED_ID = 'selectedId';

/**
 * Two sources from the same incidents: one clustered (markers and counts; incidents at the same
 * site never split, as clustering runs up to the map's deepest zoom) and one plain (uncertainty
 * halos, always visible even under a cluster, and the selection ring).
 */
export function incidentSources(
	data: FeatureCollection<Point, MapIncidentProperties>
): Record<string, SourceSpecification> {
	return {
		[INCIDENTS_SOURCE]: { type: 'geojson', data, maxzoom: MAX_ZOOM + 1 },
		[CLUSTERS_SOURCE]: {
			type: 'geojson',
			data,
			maxzoom: MAX_ZOOM + 1,
			cluster: true,
			clusterRadius: 28,
			clusterMaxZoom: MAX_ZOOM,
			// Extents of each cluster: equal min and max position means one site.
			clusterProperties: {
				lon_min: ['min', ['get', 'lon']],
				lon_max: ['max', ['get', 'lon']],
				lat_min: ['min', ['get', 'lat']],
				lat_max: ['max', ['get', 'lat']],
				day_min: ['min', ['get', 'day']],
				day_max: ['max', ['get', 'day']]
			}
		}
	};
}

/** Marker radius in pixels: area grows with the reported toll; a fixed size when unreported. */
export function markerRadius(killed: number | null): number {
	return killed === null ? 6 : 5 + 2.2 * Math.sqrt(killed);
}

/** Cluster radius in pixels for a count (the same formula as the cluster layer). */
export function clusterRadius(count: number): number {
	return 11 + 3 * Math.sqrt(count);
}

const radiusExpression: ExpressionSpecification = [
	'case',
	['==', ['get', 'killed_best'], null],
	markerRadius(null),
	['+', 5, ['*', 2.2, ['sqrt', ['get', 'killed_best']]]]
];

const isCluster: ExpressionSpecification = ['has', 'point_count'];

export function incidentLayers(theme: Theme): LayerSpecification[] {
	return [
		{
			id: 'incident-halos',
			type: 'circle',
			source: INCIDENTS_SOURCE,
			filter: ['>', ['get', 'halo_z0_px'], 0],
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
				'circle-opacity': 0.07,
				'circle-stroke-color': theme.halo,
				'circle-stroke-opacity': 0.55,
				'circle-stroke-width': 1.2,
				'circle-pitch-alignment': 'map'
			}
		},
		{
			id: 'incident-selected',
			type: 'circle',
			source: INCIDENTS_SOURCE,
			filter: ['==', ['get', 'id'], ['global-state', SELECTED_ID]],
			paint: {
				'circle-radius': ['+', 7, radiusExpression],
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': theme.selection,
				'circle-stroke-width': 3
			}
		},
		{
			id: 'incident-clusters',
			type: 'circle',
			source: CLUSTERS_SOURCE,
			filter: isCluster,
			paint: {
				'circle-radius': ['+', 11, ['*', 3, ['sqrt', ['get', 'point_count']]]], // clusterRadius()
				'circle-color': theme.cluster,
				'circle-stroke-color': theme.incidentStroke,
				'circle-stroke-width': 2
			}
		},
		{
			id: 'incident-cluster-counts',
			type: 'symbol',
			source: CLUSTERS_SOURCE,
			filter: isCluster,
			layout: {
				'text-field': ['to-string', ['get', 'point_count']],
				'text-font': [theme.font.bold],
				'text-size': 13,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': theme.clusterText }
		},
		{
			id: 'incident-points',
			type: 'circle',
			source: CLUSTERS_SOURCE,
			filter: ['!', isCluster],
			paint: {
				'circle-radius': radiusExpression,
				'circle-color': [
					'case',
					['==', ['get', 'killed_best'], null],
					theme.incidentUnknown,
					theme.incident
				],
				'circle-stroke-color': [
					'case',
					['==', ['get', 'killed_best'], null],
					theme.incident,
					theme.incidentStroke
				],
				'circle-stroke-width': ['case', ['==', ['get', 'killed_best'], null], 2.5, 1.5]
			}
		},
		{
			id: 'incident-killed-labels',
			type: 'symbol',
			source: CLUSTERS_SOURCE,
			filter: ['all', ['!', isCluster], ['!=', ['get', 'killed_label'], null]],
			layout: {
				'text-field': ['get', 'killed_label'],
				'text-font': [theme.font.bold],
				'text-size': 10.5,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': theme.clusterText }
		}
	];
}

/** Layers a pointer can hover or click, top first. */
export const INTERACTIVE_LAYERS = ['incident-clusters', 'incident-points'];
