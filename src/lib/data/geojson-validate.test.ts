import { describe, expect, it } from 'vitest';
import { validateGeoJson } from './geojson-validate';

const square = (clockwise: boolean) => {
	const ring = [
		[0, 0],
		[1, 0],
		[1, 1],
		[0, 1],
		[0, 0]
	];
	return clockwise ? ring.reverse() : ring;
};
const feature = (geometry: unknown) => ({ type: 'Feature', properties: {}, geometry });
const messages = (value: unknown, options = {}) =>
	validateGeoJson(value, options).map((p) => `${p.path}: ${p.message}`);

describe('validateGeoJson', () => {
	it('accepts valid features of every geometry type, and null geometry', () => {
		const collection = {
			type: 'FeatureCollection',
			features: [
				feature({ type: 'Point', coordinates: [40.8, 34.7] }),
				feature({
					type: 'LineString',
					coordinates: [
						[40, 34],
						[41, 35]
					]
				}),
				feature({ type: 'Polygon', coordinates: [square(false), square(true)] }),
				feature({ type: 'MultiPolygon', coordinates: [[square(false)]] }),
				feature(null)
			]
		};
		expect(messages(collection)).toEqual([]);
	});

	it('rejects out-of-range positions and positions outside a bbox', () => {
		expect(messages(feature({ type: 'Point', coordinates: [181, 95] }))).toEqual([
			'$.geometry.coordinates: longitude 181 is out of range',
			'$.geometry.coordinates: latitude 95 is out of range'
		]);
		expect(
			messages(feature({ type: 'Point', coordinates: [20, 34] }), { bbox: [33, 27, 50, 39] })
		).toEqual(['$.geometry.coordinates: position 20,34 is outside the region 33,27,50,39']);
	});

	it('enforces the right-hand rule and closed rings', () => {
		expect(messages(feature({ type: 'Polygon', coordinates: [square(true)] }))).toEqual([
			'$.geometry.coordinates[0]: exterior ring must be counterclockwise'
		]);
		expect(
			messages(
				feature({
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[1, 0],
							[1, 1],
							[0, 1]
						]
					]
				})
			)
		).toEqual(['$.geometry.coordinates[0]: a linear ring must be closed (first position = last)']);
	});

	it('rejects crs, bad ids, missing members and unknown types', () => {
		expect(messages({ type: 'FeatureCollection', crs: {}, features: [] })).toEqual([
			'$.crs: RFC 7946 removed "crs"'
		]);
		expect(messages({ type: 'Feature', id: {}, geometry: null })).toEqual([
			'$.properties: a Feature must have a properties member',
			'$.id: an id must be a string or a number'
		]);
		expect(messages(feature({ type: 'Circle', coordinates: [0, 0] }))).toEqual([
			'$.geometry.type: "Circle" is not a geometry type'
		]);
		expect(messages(feature({ type: 'LineString', coordinates: [[0, 0]] }))).toEqual([
			'$.geometry.coordinates: needs at least 2 positions'
		]);
	});
});
