import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRowError } from '../row-error';
import { importText, RowImport } from './importer';
import { parseCsv } from './csv-stream';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

const run = (name: string) => importText(fixture(name), 'test');
const messages = (name: string) => run(name).report.rejected.map(formatRowError);

describe('ACLED, current 31 columns (BOM, CRLF, quoting, Arabic, markup)', () => {
	const { incidents, report } = run('acled-current.csv');

	it('accounts for every row', () => {
		expect(report.format).toBe('acled');
		expect(report.total).toBe(7);
		expect(report.imported).toBe(4);
		expect(report.rejected).toHaveLength(3);
		expect(report.imported + report.rejected.length).toBe(report.total);
		expect(report.unlocated).toBe(1);
	});

	it('says which rows were rejected and why', () => {
		expect(messages('acled-current.csv')).toEqual([
			'row 4 (SYR1004), latitude: latitude 134.2 is out of range (−90 to 90)',
			'row 5 (SYR1005), latitude: longitude is given but latitude is missing',
			'row 6 (SYR1006), event_date: "2018-13-40" is not a calendar date'
		]);
	});

	it('maps ACLED codes and fields onto the schema', () => {
		const [first, second, third, markup] = incidents;
		expect(first?.properties).toMatchObject({
			// Qualified by its dataset, so it can never stand for another dataset's SYR1001.
			id: 'test:SYR1001',
			original_id: 'SYR1001',
			date: '2018-11-20',
			date_precision: 'day',
			location_precision: 1,
			place: 'Hajin',
			admin1: 'Deir ez-Zor',
			actor: 'Military Forces of Iraq (2018-)',
			actor2: 'Islamic State (Syria)',
			event_type: 'Explosions/Remote violence',
			sub_event_type: 'Air/drone strike',
			killed_min: 10,
			killed_max: 10,
			summary: 'Iraqi F-16s struck an IS "command" post, killing 10',
			sources: ['Rudaw', 'Kurdistan 24']
		});
		expect(first?.geometry).toEqual({ type: 'Point', coordinates: [40.8308, 34.6894] });
		expect(second?.properties).toMatchObject({
			place: 'السوسة',
			date_precision: 'week',
			location_precision: 2,
			killed_min: null,
			summary: 'Strike near السوسة.\nSecond line, with comma'
		});
		expect(third?.geometry).toBeNull();
		expect(third?.properties).toMatchObject({ date_precision: 'month', killed_min: 0 });
		// Markup is data: kept as the characters it is (the interface renders text).
		expect(markup?.properties.summary).toBe('<img src=x onerror="window.__pwned=1"><b>bold</b>');
	});
});

describe('ACLED, older files', () => {
	it('reads numeric actor codes and dates written in words', () => {
		const { incidents, report } = run('acled-old.csv');
		expect(report).toMatchObject({ format: 'acled', total: 2, imported: 2, rejected: [] });
		expect(incidents.map((i) => i.properties.date)).toEqual(['2019-01-15', '2019-02-02']);
		expect(incidents[0]?.properties.sources).toEqual(['Rudaw', 'AFP']);
		expect(incidents[1]?.properties.killed_min).toBeNull();
	});
});

describe('UCDP GED', () => {
	const { incidents, report } = run('ucdp-ged.csv');

	it('accounts for every row, keeping country-level events unlocated', () => {
		expect(report).toMatchObject({ format: 'ucdp', total: 4, imported: 2, unlocated: 1 });
		expect(messages('ucdp-ged.csv')).toEqual([
			'row 3 (300003), longitude: latitude is given but longitude is missing',
			'row 4 (300004), date_end: 2018-11-20 is before date_start 2018-11-25'
		]);
	});

	it('maps dates, precision and the low/best/high toll', () => {
		const [hajin, country] = incidents;
		expect(hajin?.properties).toMatchObject({
			id: 'test:300001',
			original_id: '300001',
			date: '2018-11-20',
			date_end: null,
			date_precision: 'day',
			location_precision: 1,
			killed_min: 8,
			killed_best: 10,
			killed_max: 12,
			actor: 'Government of Syria',
			actor2: 'IS',
			sources: ['"Reuters,2018-11-20,Strike"', '"AFP,2018-11-21"']
		});
		expect(country?.geometry).toBeNull();
		expect(country?.properties).toMatchObject({
			date: '2018-11-01',
			date_end: '2018-11-30',
			date_precision: 'month'
		});
	});
});

describe('generic CSV and GeoJSON', () => {
	it('finds coordinate columns under common names, any case', () => {
		const { incidents, report } = run('generic.csv');
		expect(report).toMatchObject({ format: 'csv', total: 5, imported: 3, unlocated: 1 });
		expect(messages('generic.csv')).toEqual([
			'row 4, lat: latitude 91 is out of range (−90 to 90)',
			'row 5, row: has 2 fields where the header has 6'
		]);
		expect(incidents[0]?.properties.sources).toEqual([
			'https://example.org/a',
			'https://example.org/b'
		]);
	});

	it('places other geometries at the mean of their vertices, and says so', () => {
		const { incidents, report } = run('features.geojson');
		expect(report).toMatchObject({ format: 'geojson', total: 4, imported: 3, unlocated: 1 });
		expect(incidents[1]?.geometry?.coordinates).toEqual([40.4, 34.4]);
		expect(report.notes).toEqual(['Polygon features are placed at the mean of their vertices']);
		expect(messages('features.geojson')).toEqual([
			'row 4 (g4), date: "not a date" is not a date (write YYYY-MM-DD)'
		]);
	});
});

describe('files that cannot be imported', () => {
	it.each([
		['empty.csv', 'the file is empty'],
		['image.png', 'not a text file'],
		['truncated.geojson', 'not valid JSON'],
		['no-coordinates.csv', 'no latitude/longitude columns']
	])('%s', (name, message) => {
		const { incidents, report } = run(name);
		expect(incidents).toEqual([]);
		expect(report.total).toBe(0);
		expect(report.fileError).toContain(message);
	});

	it('a header without rows imports nothing, with no error', () => {
		expect(run('header-only.csv').report).toMatchObject({
			format: 'acled',
			total: 0,
			imported: 0,
			fileError: null
		});
	});
});

describe('rows handed on as they come (the worker sends them in batches)', () => {
	it('take() gives each accepted row once, and the report still counts every one', () => {
		const text = fixture('acled-current.csv');
		const whole = importText(text, 'test');
		const rows = new RowImport('test');
		parseCsv(text, rows);
		const first = rows.take();
		expect(rows.take()).toEqual([]);
		const { incidents, report } = rows.result();
		expect(incidents).toEqual([]);
		expect(first).toEqual(whole.incidents);
		expect(report).toEqual(whole.report);
	});
});
