import type { Geometry, Position } from 'geojson';
import { validateGeoJson } from '../geojson-validate';
import { checkIncident, describeValue } from '../incident-schema';
import { joinSources } from '../sources';
import { genericColumns, genericRow, NUMERIC_PARTS, type GenericPart } from './generic-csv';
import { columnKey, qualifiedId, rowOf, type Row, type RowOutcome } from './row-mapping';

/**
 * GeoJSON features as incidents. A feature in our schema (an export of this app, say) is
 * checked field by field against it; any other is read like a generic CSV row from its
 * properties, placed at its Point, or, for another geometry, at the mean of its vertices (and
 * the report says so). A geometry that is not valid GeoJSON rejects its feature alone.
 */

const GEOMETRY_TYPES = new Set([
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** The mean of a valid geometry's vertices, or null when it has none. */
export function representativePoint(geometry: Geometry): [number, number] | null {
	const points = vertices(geometry);
	if (points.length === 0) return null;
	let lonSum = 0;
	let latSum = 0;
	for (const [lon = 0, lat = 0] of points) {
		lonSum += lon;
		latSum += lat;
	}
	return [lonSum / points.length, latSum / points.length];
}

/** Where a feature's geometry places it, or why it cannot: null is "no position". */
function placeOf(geometry: unknown): { position: [number, number] | null } | { error: string } {
	if (geometry === null) return { position: null };
	if (!isRecord(geometry) || typeof geometry.type !== 'string') {
		return { error: `must be a GeoJSON geometry or null, not ${describeValue(geometry)}` };
	}
	if (!GEOMETRY_TYPES.has(geometry.type)) {
		return { error: `${describeValue(geometry.type)} is not a geometry type` };
	}
	const [problem] = validateGeoJson(geometry, { windingOrder: false });
	if (problem) return { error: `${problem.path.replace(/^\$\.?/, '')}: ${problem.message}` };
	const position = representativePoint(geometry as unknown as Geometry);
	if (!position) return { error: 'has no positions (null: an incident without a position)' };
	return { position };
}

/** Our schema's own fields: a feature with all of them is read as our schema, strictly. */
const OWN_FIELDS = ['date_precision', 'location_precision', 'killed_min', 'killed_max', 'sources'];

function ownFeature(
	feature: Record<string, unknown>,
	properties: Record<string, unknown>,
	rowNumber: number,
	dataset: string
): RowOutcome {
	const checked = checkIncident({ ...feature, properties: { ...properties, dataset } });
	if (!checked.ok) {
		const { id, field, message } = checked;
		return { error: { row: rowNumber, id, field, message } };
	}
	const { incident } = checked;
	const id = qualifiedId(dataset, incident.id, rowNumber);
	return {
		incident: {
			...incident,
			id,
			properties: { ...incident.properties, id, original_id: incident.id }
		}
	};
}

/**
 * A feature's properties as a generic row: text stays text, numbers are accepted where a
 * number belongs (and as an id), a list of texts as sources; anything else in a recognised
 * field rejects the row, naming the field. Unrecognised properties are not kept.
 */
function propertiesRow(
	properties: Record<string, unknown>,
	featureId: string | null
):
	| { row: Row; columns: ReturnType<typeof genericColumns> }
	| { id: string | null; field: string; message: string } {
	const values = new Map<string, unknown>();
	for (const [key, value] of Object.entries(properties)) {
		const name = columnKey(key);
		if (!values.has(name)) values.set(name, value);
	}
	const columns = genericColumns([...values.keys()]);
	const idValue = columns.id === undefined ? null : values.get(columns.id);
	const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : null;
	const texts = new Map<string, string>();
	for (const [part, name] of Object.entries(columns) as [GenericPart, string][]) {
		const value = values.get(name);
		if (value === null || value === undefined) continue;
		if (typeof value === 'string') texts.set(name, value);
		else if (typeof value === 'number' && (NUMERIC_PARTS.has(part) || part === 'id')) {
			texts.set(name, String(value));
		} else if (
			part === 'sources' &&
			Array.isArray(value) &&
			value.every((source) => typeof source === 'string')
		) {
			texts.set(name, joinSources(value));
		} else {
			const kind = NUMERIC_PARTS.has(part) ? 'a number or text' : 'text';
			return {
				id,
				field: key(properties, name),
				message: `must be ${kind}, not ${describeValue(value)}`
			};
		}
	}
	// A feature without an id property may have one of its own (the Feature's "id").
	if (columns.id === undefined && featureId !== null) {
		texts.set('id', featureId);
		columns.id = 'id';
	}
	return { row: rowOf(texts), columns };
}

/** The property's name as the file spells it. */
function key(properties: Record<string, unknown>, name: string): string {
	return Object.keys(properties).find((k) => columnKey(k) === name) ?? name;
}

export function geojsonFeature(
	feature: unknown,
	rowNumber: number,
	dataset: string,
	notes: Set<string>
): RowOutcome {
	const fail = (id: string | null, field: string, message: string): RowOutcome => ({
		error: { row: rowNumber, id, field, message }
	});
	if (!isRecord(feature) || feature.type !== 'Feature') {
		return fail(null, 'type', 'not a GeoJSON Feature');
	}
	const properties = feature.properties ?? {};
	if (!isRecord(properties)) {
		return fail(null, 'properties', `must be an object or null, not ${describeValue(properties)}`);
	}
	if (OWN_FIELDS.every((field) => field in properties)) {
		return ownFeature(feature, properties, rowNumber, dataset);
	}
	const featureId =
		typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : null;
	const read = propertiesRow(properties, featureId);
	if (!('row' in read)) return fail(read.id ?? featureId, read.field, read.message);
	const rowId = read.row.get(read.columns.id ?? '') ?? featureId;
	if (!('geometry' in feature)) return fail(rowId, 'geometry', 'is missing (null: no position)');
	const place = placeOf(feature.geometry);
	if ('error' in place) return fail(rowId, 'geometry', place.error);
	const { row, columns } = read;
	const type = (feature.geometry as { type?: string } | null)?.type;
	if (type && type !== 'Point')
		notes.add(`${type} features are placed at the mean of their vertices`);
	return genericRow(row, rowNumber, dataset, columns, place.position);
}
