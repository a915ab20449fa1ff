import type { Feature, Geometry, Position } from 'geojson';
import { checkIncidentCollection } from '../incident-collection';
import type { IncidentFeature } from '../incident';
import { genericColumns, genericRow } from './generic-csv';
import { columnKey, type Row, type RowOutcome } from './row-mapping';

/**
 * GeoJSON features as incidents. A feature already in our schema (an export of this app, say)
 * is taken as it is; any other is read like a generic CSV row from its properties, placed at
 * its Point, or, for another geometry, at the mean of its vertices (and the report says so).
 */

function vertices(geometry: Geometry): Position[] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'MultiPoint':
		case 'LineString':
			return geometry.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.flat();
		case 'MultiPolygon':
			return geometry.coordinates.flat(2);
		case 'GeometryCollection':
			return geometry.geometries.flatMap(vertices);
	}
}

export function representativePoint(geometry: Geometry): Position | null {
	const points = vertices(geometry).filter((p) => p.length >= 2);
	if (points.length === 0) return null;
	let lonSum = 0;
	let latSum = 0;
	for (const [lon = 0, lat = 0] of points) {
		lonSum += lon;
		latSum += lat;
	}
	return [lonSum / points.length, latSum / points.length];
}

function asText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (Array.isArray(value)) return value.map(String).join(';');
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function geojsonFeature(
	feature: unknown,
	rowNumber: number,
	dataset: string,
	notes: Set<string>
): RowOutcome {
	const own = checkIncidentCollection({ type: 'FeatureCollection', features: [feature] });
	const accepted = own.incidents[0];
	if (accepted) {
		return { incident: { ...accepted, properties: { ...accepted.properties, dataset } } };
	}
	const f = feature as Partial<Feature> | null;
	if (!f || typeof f !== 'object' || f.type !== 'Feature') {
		return { error: { row: rowNumber, id: null, field: 'type', message: 'not a GeoJSON Feature' } };
	}
	const row: Row = {};
	for (const [key, value] of Object.entries(f.properties ?? {}))
		row[columnKey(key)] = asText(value);
	if (f.id !== undefined && row.id === undefined) row.id = String(f.id);
	const geometry = f.geometry ?? null;
	if (geometry) {
		const point = representativePoint(geometry);
		if (geometry.type !== 'Point') {
			notes.add(`${geometry.type} features are placed at the mean of their vertices`);
		}
		row.latitude = point ? String(point[1]) : undefined;
		row.longitude = point ? String(point[0]) : undefined;
	} else {
		row.latitude = undefined;
		row.longitude = undefined;
	}
	const columns = {
		...genericColumns(Object.keys(row)),
		latitude: 'latitude',
		longitude: 'longitude'
	};
	return genericRow(row, rowNumber, dataset, columns);
}

export function isIncident(value: RowOutcome): value is { incident: IncidentFeature } {
	return value.incident !== undefined;
}
