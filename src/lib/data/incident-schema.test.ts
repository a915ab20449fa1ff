import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from './incident';
import { checkIncident } from './incident-schema';

const strikes: IncidentFeature[] = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
).features;
const hajin = strikes.find((incident) => incident.id === 'IQ-SY-002')!;

/** Hajin with some properties replaced (or a value of `undefined` removing them). */
const withProperties = (change: Record<string, unknown>) => ({
	...hajin,
	properties: { ...hajin.properties, ...change }
});
const withGeometry = (geometry: unknown) => ({ ...hajin, geometry });
const problem = (value: unknown, options = {}) => {
	const checked = checkIncident(value, options);
	return checked.ok ? 'ok' : `${checked.field}: ${checked.message}`;
};

describe('the incident schema', () => {
	it('accepts every built-in incident as it is', () => {
		for (const incident of strikes) {
			const checked = checkIncident(incident, { sourcesAreUrls: true });
			expect(checked).toEqual({ ok: true, incident });
		}
	});

	it('rebuilds what it keeps: unknown properties are left behind, no input object survives', () => {
		const exported = withProperties({ border_distance_km: 3.2, nearest_place: 'Hajin' });
		const checked = checkIncident(exported);
		expect(checked.ok && checked.incident).toEqual(hajin);
		expect(checked.ok && checked.incident.properties).not.toBe(exported.properties);
		expect(checked.ok && checked.incident.properties.sources).not.toBe(hajin.properties.sources);
	});

	it.each([
		[
			'actor {} (was shown as "[object Object]")',
			{ actor: {} },
			'actor: must be text, not an object'
		],
		[
			'actor {"toString": "x"} (threw on every load)',
			{ actor: { toString: 'x' } },
			'actor: must be text, not an object'
		],
		['a number where text belongs', { place_ar: 7 }, 'place_ar: must be text, not number 7'],
		['a list where text belongs', { summary: ['a'] }, 'summary: must be text, not a list'],
		[
			'killed -5 (reached the CSV export)',
			{ killed_min: -5 },
			'killed_min: must be a whole number ≥ 0 or null (not reported), not number -5'
		],
		[
			'killed 1.5',
			{ killed_max: 1.5 },
			'killed_max: must be a whole number ≥ 0 or null (not reported), not number 1.5'
		],
		[
			'killed as text',
			{ killed_max: '36' },
			'killed_max: must be a whole number ≥ 0 or null (not reported), not "36"'
		],
		['killed_min above killed_max', { killed_min: 40 }, 'killed_max: 36 is below killed_min 40'],
		[
			'killed_best outside the range',
			{ killed_best: 50 },
			'killed_best: 50 is outside killed_min–killed_max'
		],
		['an impossible date', { date: '2018-02-30' }, 'date: "2018-02-30" is not a calendar date'],
		[
			'a date as a number',
			{ date: 20180419 },
			'date: must be a date written YYYY-MM-DD, not number 20180419'
		],
		[
			'date_end before the date',
			{ date_end: '2018-04-01' },
			'date_end: 2018-04-01 is before the date 2018-04-19'
		],
		[
			'date precision out of range',
			{ date_precision: 'year' },
			'date_precision: must be day, week or month, not "year"'
		],
		[
			'location precision 4',
			{ location_precision: 4 },
			'location_precision: must be 1, 2 or 3, not number 4'
		],
		[
			'location precision as text',
			{ location_precision: '1' },
			'location_precision: must be 1, 2 or 3, not "1"'
		],
		['an empty place', { place: ' ' }, 'place: must be non-empty text, not " "'],
		[
			'sources not a list',
			{ sources: 'https://example.org' },
			'sources: must be a list of sources, not "https://example.org"'
		],
		[
			'a source that is not text',
			{ sources: [{}] },
			'sources: a source must be text, not an object'
		],
		['no id', { id: undefined }, 'id: must be non-empty text, not undefined'],
		['an id that is a number', { id: 2 }, 'id: must be non-empty text, not number 2'],
		[
			'an original row that is not one',
			{ source_row: { notes: 5 } },
			'source_row.columns: must be a list of texts, not undefined'
		]
	])('rejects %s, naming the field and why', (_, change, reason) => {
		expect(problem(withProperties(change))).toBe(reason);
	});

	it.each([
		[
			'[null, null] (was imported at 0,0)',
			[null, null],
			'geometry: a position must hold finite numbers, not null, null'
		],
		[
			'[true, false] (was imported at 1,0)',
			[true, false],
			'geometry: a position must hold finite numbers, not boolean true, boolean false'
		],
		[
			'strings',
			['40.8', '34.6'],
			'geometry: a position must hold finite numbers, not "40.8", "34.6"'
		],
		[
			'NaN',
			[Number.NaN, 34],
			'geometry: a position must hold finite numbers, not number NaN, number 34'
		],
		['a latitude out of range', [40, 91], 'geometry: latitude 91 is out of range (−90 to 90)'],
		[
			'a longitude out of range',
			[181, 34],
			'geometry: longitude 181 is out of range (−180 to 180)'
		],
		[
			'[] (was "without a position")',
			[],
			'geometry: a position must be a list of 2 numbers (longitude, latitude), not a list of 0'
		],
		[
			'[40] (was "without a position")',
			[40],
			'geometry: a position must be a list of 2 numbers (longitude, latitude), not a list of 1'
		],
		[
			'null coordinates',
			null,
			'geometry: a position must be a list of 2 numbers (longitude, latitude), not null'
		]
	])('rejects a Point at %s', (_, coordinates, reason) => {
		expect(problem(withGeometry({ type: 'Point', coordinates }))).toBe(reason);
	});

	it('keeps geometry: null as an incident without a position, and drops an altitude', () => {
		expect(problem(withGeometry(null))).toBe('ok');
		const checked = checkIncident(withGeometry({ type: 'Point', coordinates: [40.8, 34.6, 120] }));
		expect(checked.ok && checked.incident.geometry).toEqual({
			type: 'Point',
			coordinates: [40.8, 34.6]
		});
		expect(problem(withGeometry({ type: 'Polygon', coordinates: [] }))).toBe(
			'geometry: must be a Point, or null for an incident without a reported position'
		);
		expect(problem({ ...hajin, geometry: undefined })).toBe(
			'geometry: must be a Point, or null for an incident without a reported position'
		);
	});

	it('keeps the original row as texts, its columns checked once for all the rows sharing them', () => {
		const columns = ['__proto__', 'notes'];
		const shared = new WeakMap<object, string[]>();
		const kept = [1, 2].map((n) => {
			const checked = checkIncident(
				withProperties({ source_row: { columns, values: ['x', `n${n}`] }, original_id: 'SYR1' }),
				{ shared }
			);
			return checked.ok ? checked.incident.properties.source_row : undefined;
		});
		expect(kept[0]).toEqual({ columns, values: ['x', 'n1'] });
		expect(kept[0]?.columns).not.toBe(columns);
		expect(kept[1]?.columns).toBe(kept[0]?.columns);
		expect(problem(withProperties({ source_row: { columns, values: ['x'] } }))).toBe(
			'source_row.values: has 1 values for 2 columns'
		);
		expect(problem(withProperties({ source_row: { columns, values: ['x', 5] } }))).toBe(
			'source_row.values[1]: must be text, not number 5'
		);
		expect(problem(withProperties({ source_row: { columns: 'notes', values: [] } }))).toBe(
			'source_row.columns: must be a list of texts, not "notes"'
		);
	});

	it('asks for source URLs only where the built-in data is read', () => {
		const named = withProperties({ sources: ['Rudaw', 'Kurdistan 24'] });
		expect(problem(named)).toBe('ok');
		expect(problem(named, { sourcesAreUrls: true })).toBe('sources: "Rudaw" is not an http(s) URL');
		expect(problem(withProperties({ sources: [] }), { sourcesAreUrls: true })).toBe(
			'sources: needs at least one source URL'
		);
	});

	it('says what is not a feature at all', () => {
		expect(problem(null)).toBe('type: not a GeoJSON Feature');
		expect(problem({ type: 'Feature', geometry: null, properties: [] })).toBe(
			'properties: must be an object, not a list'
		);
		expect(problem({ type: 'Feature', properties: hajin.properties })).toBe(
			'geometry: is missing (null: no position)'
		);
	});
});
