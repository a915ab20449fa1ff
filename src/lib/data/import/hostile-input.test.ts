import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceField, type IncidentFeature, type IncidentProperties } from '../incident';
import { formatRowError } from '../row-error';
import { importText, type ImportResult } from './importer';

/**
 * Broken and hostile input, case by case (issue 10): each test names what it guards. The
 * property tests (import.fuzz.test.ts) throw arbitrary input at the same paths.
 */

const strikes: IncidentFeature[] = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../../geodata/incidents/strikes.geojson'), 'utf8')
).features;
const hajin = strikes.find((incident) => incident.id === 'IQ-SY-002')!;

const messages = (result: ImportResult) => result.report.rejected.map(formatRowError);
const collection = (features: unknown[]) =>
	importText(JSON.stringify({ type: 'FeatureCollection', features }), 'ds');
const point = (coordinates: unknown, properties: object = {}) => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates },
	properties: { date: '2018-11-20', place: 'Hajin', ...properties }
});

describe('one bad geometry never aborts a GeoJSON import', () => {
	it('coordinates: null rejects that feature alone (it used to stop the import: "Cannot read properties of null")', () => {
		const result = collection([
			point([40.8, 34.6], { id: 'a' }),
			point(null, { id: 'b' }),
			point([40.9, 34.7], { id: 'c' })
		]);
		expect(result.report).toMatchObject({ total: 3, imported: 2 });
		expect(messages(result)).toEqual([
			'row 2 (b), geometry: coordinates: a position must be an array of 2 or 3 numbers'
		]);
	});

	it.each([
		['[null, null] (was imported at 0,0)', [null, null]],
		['[true, false] (was imported at 1,0)', [true, false]],
		['strings', ['40.8', '34.6']],
		['a latitude out of range', [40, 95]],
		['a longitude out of range', [190, 34]],
		['[] (was "without a position")', []],
		['[40] (was "without a position")', [40]],
		['four numbers', [40, 34, 0, 0]]
	])('a Point at %s is rejected, never placed', (_, coordinates) => {
		const result = collection([point(coordinates, { id: 'x' })]);
		expect(result.incidents).toEqual([]);
		expect(result.report.rejected[0]).toMatchObject({ row: 1, id: 'x', field: 'geometry' });
	});

	it('other broken geometries are rejected with the reason; geometry: null stays an unlocated incident', () => {
		const result = collection([
			{
				type: 'Feature',
				geometry: { type: 'MultiPoint', coordinates: [] },
				properties: { date: '2018-11-20' }
			},
			{
				type: 'Feature',
				geometry: { type: 'Circle', coordinates: [40, 34] },
				properties: { date: '2018-11-20' }
			},
			{
				type: 'Feature',
				geometry: { type: 'LineString', coordinates: [[40, 34]] },
				properties: { date: '2018-11-20' }
			},
			{ type: 'Feature', geometry: 'POINT (40 34)', properties: { date: '2018-11-20' } },
			{ type: 'Feature', properties: { date: '2018-11-20' } },
			{ type: 'Feature', geometry: null, properties: { date: '2018-11-20', place: 'Somewhere' } }
		]);
		expect(messages(result)).toEqual([
			'row 1, geometry: has no positions (null: an incident without a position)',
			'row 2, geometry: "Circle" is not a geometry type',
			'row 3, geometry: coordinates: needs at least 2 positions',
			'row 4, geometry: must be a GeoJSON geometry or null, not "POINT (40 34)"',
			'row 5, geometry: is missing (null: no position)'
		]);
		expect(result.report).toMatchObject({ total: 6, imported: 1, unlocated: 1 });
		expect(result.incidents[0]?.geometry).toBeNull();
	});
});

describe('values are checked by type and range before they are kept', () => {
	const own = (change: object) => ({
		...hajin,
		properties: { ...hajin.properties, ...change }
	});

	it.each([
		[
			'actor: {} (was shown as "[object Object]")',
			{ actor: {} },
			'actor: must be text, not an object'
		],
		[
			'actor: {"toString": "x"} (threw on every load)',
			{ actor: { toString: 'x' } },
			'actor: must be text, not an object'
		],
		[
			'killed -5 (reached the CSV export)',
			{ killed_min: -5 },
			'killed_min: must be a whole number ≥ 0 or null (not reported), not number -5'
		],
		[
			'a date that is not a date',
			{ date: '2018-02-30' },
			'date: "2018-02-30" is not a calendar date'
		],
		[
			'a precision code out of range',
			{ location_precision: 0 },
			'location_precision: must be 1, 2 or 3, not number 0'
		]
	])("in the app's own GeoJSON schema: %s", (_, change, reason) => {
		const result = collection([own(change), own({ id: 'IQ-SY-OK' })]);
		expect(messages(result)).toEqual([`row 1 (IQ-SY-002), ${reason}`]);
		expect(result.incidents.map((incident) => incident.id)).toEqual(['ds:IQ-SY-OK']);
	});

	it('in any other GeoJSON: text must be text, numbers numbers', () => {
		const result = collection([
			point([40, 34], { id: 'a', place: {} }),
			point([40, 34], { id: 'b', fatalities: true }),
			point([40, 34], { id: 'c', sources: [1, 2] }),
			point([40, 34], { id: 7, fatalities: 3, sources: ['Rudaw', 'AFP'] })
		]);
		expect(messages(result)).toEqual([
			'row 1 (a), place: must be text, not an object',
			'row 2 (b), fatalities: must be a number or text, not boolean true',
			'row 3 (c), sources: must be text, not a list'
		]);
		expect(result.incidents[0]?.properties).toMatchObject({
			id: 'ds:7',
			original_id: '7',
			killed_min: 3,
			sources: ['Rudaw', 'AFP']
		});
	});

	it('in CSV: codes that name inherited properties are not codes ("toString" is no precision)', () => {
		const result = importText(
			'event_id_cnty,event_date,time_precision,latitude,longitude,geo_precision\n' +
				'A1,2018-11-20,toString,34,40,1\nA2,2018-11-20,1,34,40,constructor\n',
			'ds'
		);
		expect(messages(result)).toEqual([
			'row 1 (A1), time_precision: "toString" is not 1, 2 or 3',
			'row 2 (A2), geo_precision: "constructor" is not 1, 2 or 3'
		]);
	});

	it('UCDP: low ≤ best ≤ high, deaths are counts, type_of_violence 1–3', () => {
		const header =
			'id,relid,where_prec,date_start,latitude,longitude,type_of_violence,deaths_a,best,low,high';
		const result = importText(
			`${header}\n1,r,1,2018-11-20,34,40,1,0,10,12,14\n2,r,1,2018-11-20,34,40,1,-1,10,8,12\n` +
				`3,r,1,2018-11-20,34,40,9,0,10,8,12\n4,r,1,2018-11-20,34,40,3,0,10,8,12\n`,
			'ds'
		);
		expect(messages(result)).toEqual([
			'row 1 (1), low: 12 is above best 10',
			'row 2 (2), deaths_a: "-1" is not a whole number ≥ 0',
			'row 3 (3), type_of_violence: "9" is not 1, 2 or 3'
		]);
		expect(result.incidents[0]?.properties).toMatchObject({
			event_type: 'one-sided violence',
			killed_min: 8,
			killed_best: 10,
			killed_max: 12
		});
	});

	it('ACLED: the year column agrees with event_date', () => {
		const result = importText(
			'event_id_cnty,event_date,year,latitude,longitude\nA1,2018-11-20,2019,34,40\n',
			'ds'
		);
		expect(messages(result)).toEqual([
			'row 1 (A1), year: "2019" is not the year of event_date 2018-11-20'
		]);
	});
});

describe('imported ids never take over another incident', () => {
	it('a CSV row with id IQ-SY-002 becomes ds:IQ-SY-002, keeping IQ-SY-002 as its original id', () => {
		const { incidents } = importText(
			'id,date,lat,lon,place\nIQ-SY-002,2018-11-20,34.6,40.8,Impostor\n,2018-11-21,34,40,No id\n',
			'ds'
		);
		expect(incidents.map((incident) => [incident.id, incident.properties.original_id])).toEqual([
			['ds:IQ-SY-002', 'IQ-SY-002'],
			['ds/row-2', null]
		]);
	});

	it('re-importing the built-in data as GeoJSON gives every incident an id of the new dataset', () => {
		const { incidents, report } = importText(
			JSON.stringify({ type: 'FeatureCollection', metadata: { count: 14 }, features: strikes }),
			'ds'
		);
		expect(report).toMatchObject({ total: 14, imported: 14, rejected: [] });
		incidents.forEach((incident, i) => {
			const original = strikes[i]!;
			expect(incident.id).toBe(`ds:${original.id}`);
			expect(incident.properties).toEqual({
				...original.properties,
				id: `ds:${original.id}`,
				dataset: 'ds',
				original_id: original.id
			});
		});
	});

	it('two rows with one id: the second is rejected as a duplicate', () => {
		const { report } = importText(
			'id,date,lat,lon\nA,2018-11-20,34,40\nA,2018-11-21,34,40\n',
			'ds'
		);
		expect(report.rejected).toEqual([
			{ row: 2, id: 'A', field: 'id', message: 'duplicate id (an earlier row has it)' }
		]);
	});
});

/** The original row's non-blank columns, by name. */
const nonBlank = (p: IncidentProperties) =>
	Object.fromEntries(
		(p.source_row?.columns ?? [])
			.map((column, i) => [column, p.source_row?.values[i] ?? ''])
			.filter(([, value]) => value !== '')
	);

describe('the original row is kept (issue 14 shows it)', () => {
	const acled = readFileSync(join(import.meta.dirname, 'fixtures/acled-current.csv'), 'utf8');

	it('ACLED: every non-blank column as written, the columns in order, ";" sources apart', () => {
		const { incidents, report } = importText(acled, 'ds');
		expect(report.columns).toHaveLength(31);
		expect(report.columns?.slice(0, 4)).toEqual([
			'event_id_cnty',
			'event_date',
			'year',
			'time_precision'
		]);
		const first = incidents[0]!.properties;
		expect(first.sources).toEqual(['Rudaw', 'Kurdistan 24']);
		expect(first.source_row?.columns).toEqual(report.columns);
		expect(nonBlank(first)).toMatchObject({
			event_id_cnty: 'SYR1001',
			disorder_type: 'Political violence',
			event_type: 'Explosions/Remote violence',
			sub_event_type: 'Air/drone strike',
			actor2: 'Islamic State (Syria)',
			inter1: 'State forces',
			inter2: 'Rebel group',
			interaction: 'State forces-Rebel group',
			admin1: 'Deir ez-Zor',
			admin2: 'Al Mayadin',
			admin3: 'Hajin',
			location: 'Hajin',
			source: 'Rudaw; Kurdistan 24',
			source_scale: 'National-International',
			latitude: '34.6894',
			fatalities: '10',
			notes: 'Iraqi F-16s struck an IS "command" post, killing 10'
		});
		// Blank columns are kept blank; sourceField reads them as null.
		expect(sourceField(first, 'assoc_actor_1')).toBeNull();
		expect(sourceField(first, 'sub_event_type')).toBe('Air/drone strike');
		// One list of columns for all the rows of the file, not a copy per row.
		expect(incidents[1]!.properties.source_row?.columns).toBe(first.source_row?.columns);
	});

	it('UCDP: sides, deaths by category, precision codes and the headline', () => {
		const ucdp = readFileSync(join(import.meta.dirname, 'fixtures/ucdp-ged.csv'), 'utf8');
		const [first] = importText(ucdp, 'ds').incidents;
		expect(nonBlank(first!.properties)).toMatchObject({
			type_of_violence: '1',
			side_a: 'Government of Syria',
			side_b: 'IS',
			deaths_a: '0',
			deaths_b: '10',
			deaths_civilians: '0',
			deaths_unknown: '0',
			best: '10',
			low: '8',
			high: '12',
			where_prec: '1',
			date_prec: '1',
			source_headline: 'Iraqi jets hit IS'
		});
	});

	it('a column named "__proto__" or "constructor" is a column like any other', () => {
		const { incidents } = importText(
			'event_id_cnty,event_date,latitude,longitude,__proto__,constructor\nA1,2018-11-20,34,40,x,y\n',
			'ds'
		);
		expect(nonBlank(incidents[0]!.properties)).toEqual({
			event_id_cnty: 'A1',
			event_date: '2018-11-20',
			latitude: '34',
			longitude: '40',
			['__proto__']: 'x',
			constructor: 'y'
		});
	});
});
