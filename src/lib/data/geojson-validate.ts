/**
 * Checks a parsed JSON value against RFC 7946 (GeoJSON): structure, positions in WGS84 range,
 * closed linear rings with at least four positions, the right-hand rule for polygon rings
 * (exterior counterclockwise, holes clockwise), and no `crs` member. Returns every problem found,
 * each with a JSON-path-like location; an empty list means valid.
 */

export interface GeoJsonProblem {
	path: string;
	message: string;
}

export interface ValidateOptions {
	/** Also require every position to lie inside [west, south, east, north]. */
	bbox?: readonly [number, number, number, number];
	/** Check the right-hand rule on polygon rings (RFC 7946 §3.1.6). Default true. */
	windingOrder?: boolean;
}

const GEOMETRY_TYPES = new Set([
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
]);

type Position = number[];

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function validateGeoJson(value: unknown, options: ValidateOptions = {}): GeoJsonProblem[] {
	const problems: GeoJsonProblem[] = [];
	const report = (path: string, message: string) => problems.push({ path, message });
	const checkWinding = options.windingOrder ?? true;

	const position = (item: unknown, path: string): item is Position => {
		if (!Array.isArray(item) || item.length < 2 || item.length > 3) {
			report(path, 'a position must be an array of 2 or 3 numbers');
			return false;
		}
		if (!item.every((n) => typeof n === 'number' && Number.isFinite(n))) {
			report(path, 'a position must hold finite numbers');
			return false;
		}
		const [lon, lat] = item as [number, number];
		if (lon < -180 || lon > 180) report(path, `longitude ${lon} is out of range`);
		if (lat < -90 || lat > 90) report(path, `latitude ${lat} is out of range`);
		if (options.bbox) {
			const [west, south, east, north] = options.bbox;
			if (lon < west || lon > east || lat < south || lat > north) {
				report(path, `position ${lon},${lat} is outside the region ${options.bbox.join(',')}`);
			}
		}
		return true;
	};

	const positions = (item: unknown, path: string, minimum: number): item is Position[] => {
		if (!Array.isArray(item)) {
			report(path, 'expected an array of positions');
			return false;
		}
		if (item.length < minimum) report(path, `needs at least ${minimum} positions`);
		return item.map((p, i) => position(p, `${path}[${i}]`)).every(Boolean);
	};

	const ring = (item: unknown, path: string, exterior: boolean) => {
		if (!positions(item, path, 4)) return;
		const first = item[0];
		const last = item[item.length - 1];
		if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
			report(path, 'a linear ring must be closed (first position = last)');
			return;
		}
		if (!checkWinding) return;
		const area = signedArea(item);
		if (exterior && area < 0) report(path, 'exterior ring must be counterclockwise');
		if (!exterior && area > 0) report(path, 'a hole must be clockwise');
	};

	const polygon = (item: unknown, path: string) => {
		if (!Array.isArray(item) || item.length === 0) {
			report(path, 'a polygon needs at least one ring');
			return;
		}
		item.forEach((r, i) => ring(r, `${path}[${i}]`, i === 0));
	};

	const geometry = (item: unknown, path: string): void => {
		if (!isObject(item)) return void report(path, 'a geometry must be an object or null');
		const type = item.type;
		if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
			return void report(`${path}.type`, `"${String(type)}" is not a geometry type`);
		}
		if ('crs' in item) report(`${path}.crs`, 'RFC 7946 removed "crs"');
		const coordinates = item.coordinates;
		const at = `${path}.coordinates`;
		switch (type) {
			case 'Point':
				position(coordinates, at);
				return;
			case 'MultiPoint':
				positions(coordinates, at, 0);
				return;
			case 'LineString':
				positions(coordinates, at, 2);
				return;
			case 'MultiLineString':
				if (!Array.isArray(coordinates)) return void report(at, 'expected an array of lines');
				coordinates.forEach((line, i) => positions(line, `${at}[${i}]`, 2));
				return;
			case 'Polygon':
				polygon(coordinates, at);
				return;
			case 'MultiPolygon':
				if (!Array.isArray(coordinates)) return void report(at, 'expected an array of polygons');
				coordinates.forEach((p, i) => polygon(p, `${at}[${i}]`));
				return;
			case 'GeometryCollection':
				if (!Array.isArray(item.geometries)) {
					return void report(`${path}.geometries`, 'expected an array of geometries');
				}
				item.geometries.forEach((g, i) => geometry(g, `${path}.geometries[${i}]`));
				return;
		}
	};

	const feature = (item: unknown, path: string) => {
		if (!isObject(item) || item.type !== 'Feature') return void report(path, 'expected a Feature');
		if (!('geometry' in item)) report(`${path}.geometry`, 'a Feature must have a geometry member');
		else if (item.geometry !== null) geometry(item.geometry, `${path}.geometry`);
		if (!('properties' in item)) {
			report(`${path}.properties`, 'a Feature must have a properties member');
		} else if (item.properties !== null && !isObject(item.properties)) {
			report(`${path}.properties`, 'properties must be an object or null');
		}
		if ('id' in item && typeof item.id !== 'string' && typeof item.id !== 'number') {
			report(`${path}.id`, 'an id must be a string or a number');
		}
	};

	if (!isObject(value)) {
		report('$', 'GeoJSON must be an object');
	} else if (value.type === 'FeatureCollection') {
		if ('crs' in value) report('$.crs', 'RFC 7946 removed "crs"');
		if (!Array.isArray(value.features)) report('$.features', 'expected an array of features');
		else value.features.forEach((f, i) => feature(f, `$.features[${i}]`));
	} else if (value.type === 'Feature') {
		feature(value, '$');
	} else {
		geometry(value, '$');
	}
	return problems;
}

/** Twice the signed area (shoelace) in degree units: positive = counterclockwise. */
function signedArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		const a = ring[i] as [number, number];
		const b = ring[i + 1] as [number, number];
		sum += a[0] * b[1] - b[0] * a[1];
	}
	return sum;
}
