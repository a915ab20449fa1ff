import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../incident';
import { checkIncident } from '../incident-schema';
import { streamImport } from './testing/stream-import';
import { checkEncoding } from './encoding';
import { importText, type ImportResult } from './importer';
import { checkStoredDataset } from './stored-dataset';

/**
 * Every import path under arbitrary input (issue 10's acceptance): arbitrary JSON values in
 * every property and geometry of a GeoJSON feature, arbitrary CSV text with quotes, separators
 * and line endings under each format's header, arbitrary bytes, arbitrary saved datasets.
 * Whatever comes in: nothing throws, imported + rejected = total, and every incident kept
 * passes the one schema check (incident-schema.ts) unchanged, with an id of its own dataset.
 */

const strikes: IncidentFeature[] = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../../geodata/incidents/strikes.geojson'), 'utf8')
).features;

const RUNS = { numRuns: 250, seed: 1010 };

/** What every import must hold, whatever its input. */
function expectAccounted(result: ImportResult, rows?: number) {
	const { report, incidents } = result;
	expect(report.imported + report.rejected.length).toBe(report.total);
	expect(report.imported).toBe(incidents.length);
	if (rows !== undefined && !report.fileError) expect(report.total).toBe(rows);
	expect(report.unlocated).toBe(incidents.filter((incident) => !incident.geometry).length);
	const ids = new Set<string>();
	for (const incident of incidents) {
		expect(checkIncident(incident)).toEqual({ ok: true, incident });
		expect(incident.id.startsWith('ds:') || incident.id.startsWith('ds/')).toBe(true);
		expect(incident.properties.dataset).toBe('ds');
		expect(ids.has(incident.id)).toBe(false);
		ids.add(incident.id);
	}
	for (const error of report.rejected) {
		expect(Number.isSafeInteger(error.row) && error.row >= 1).toBe(true);
		expect(typeof error.field).toBe('string');
		expect(typeof error.message).toBe('string');
	}
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A value for one field: anything JSON holds, or something near what belongs there. */
const fieldValue = fc.oneof(
	anyJson,
	fc.constantFrom(null, '', ' ', -5, 0, 1, 4, 1.5, '2018-02-30', '2018-11-20', 'day', 'x'),
	fc.constant({ toString: 'x' }),
	fc.record({
		columns: fc.array(fc.oneof(fc.string(), anyJson), { maxLength: 3 }),
		values: fc.array(fc.oneof(fc.string(), anyJson), { maxLength: 3 })
	})
);
const position = fc.oneof(
	fc.tuple(fc.double(), fc.double()),
	fc.tuple(fc.double({ min: -180, max: 180 }), fc.double({ min: -90, max: 90 })),
	fc.array(anyJson, { maxLength: 4 })
);
const geometry = fc.oneof(
	anyJson,
	fc.constant(null),
	position.map((coordinates) => ({ type: 'Point', coordinates })),
	fc.record({
		type: fc.constantFrom('MultiPoint', 'LineString', 'Polygon', 'GeometryCollection'),
		coordinates: fc.array(fc.oneof(position, fc.array(position, { maxLength: 5 })), {
			maxLength: 5
		}),
		geometries: fc.array(anyJson, { maxLength: 2 })
	})
);

describe('GeoJSON import under arbitrary values (property)', () => {
	const keys = Object.keys(strikes[1]!.properties);

	it("the app's own schema: any value in any property or geometry", () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						template: fc.constantFrom(...strikes),
						changes: fc.dictionary(
							fc.constantFrom(...keys, 'source_row', 'killed_best'),
							fieldValue
						),
						geometry: fc.option(geometry, { nil: undefined })
					}),
					{ maxLength: 12 }
				),
				(rows) => {
					const features = rows.map(({ template, changes, geometry }) => ({
						...template,
						...(geometry === undefined ? {} : { geometry }),
						properties: { ...template.properties, ...changes }
					}));
					const text = JSON.stringify({ type: 'FeatureCollection', features });
					expectAccounted(importText(text, 'ds'), features.length);
				}
			),
			RUNS
		);
	});

	it('any other GeoJSON: any properties, any geometry, any feature', () => {
		const names = fc.constantFrom(
			'id',
			'date',
			'event_date',
			'place',
			'name',
			'lat',
			'lon',
			'fatalities',
			'killed_min',
			'killed_max',
			'sources',
			'date_precision',
			'location_precision',
			'date_end',
			'summary',
			'__proto__',
			'constructor',
			'toString'
		);
		const feature = fc.oneof(
			fc.record({
				type: fc.constant('Feature'),
				id: fc.option(anyJson, { nil: undefined }),
				geometry,
				properties: fc.oneof(fc.dictionary(fc.oneof(names, fc.string()), fieldValue), anyJson)
			}),
			anyJson
		);
		fc.assert(
			fc.property(fc.array(feature, { maxLength: 12 }), (features) => {
				const text = JSON.stringify({ type: 'FeatureCollection', features });
				expectAccounted(importText(text, 'ds'), features.length);
			}),
			RUNS
		);
	});

	it('any JSON at all', () => {
		fc.assert(
			fc.property(anyJson, (json) => expectAccounted(importText(JSON.stringify(json) ?? '', 'ds'))),
			RUNS
		);
	});
});

/** CSV text from the pieces CSV is made of, broken quoting and mixed line endings included. */
const csvBody = fc.string({
	unit: fc.constantFrom(
		'"',
		',',
		';',
		'\t',
		'\n',
		'\r',
		'\r\n',
		' ',
		'#',
		'a',
		'ح',
		'é',
		'-',
		'.',
		'0',
		'1',
		'3',
		'34.5',
		'40.8',
		'2018-11-20',
		'2018-02-30',
		'E1',
		'E2',
		'\uFEFF',
		'\u202E'
	),
	maxLength: 400
});
const HEADERS = [
	'event_id_cnty,event_date,year,time_precision,latitude,longitude,geo_precision,fatalities,notes,source',
	'id,relid,where_prec,date_start,date_end,date_prec,latitude,longitude,best,low,high,deaths_a',
	'id,date,lat,lon,killed,sources,date_precision,location_precision',
	'id,dataset,date,date_precision,date_end,weekday_reported,place,place_ar,admin1,country,' +
		'longitude,latitude,location_precision,actor,aircraft,target,killed_min,killed_max,' +
		'claimed_by,summary,sources'
];

describe('CSV import under arbitrary text (property)', () => {
	it("any text with quotes, separators and line endings, under each format's header", () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...HEADERS),
				fc.constantFrom('\n', '\r\n', '\r'),
				csvBody,
				(header, newline, body) => {
					expectAccounted(importText(`${header}${newline}${body}`, 'ds'));
				}
			),
			{ ...RUNS, numRuns: 600 }
		);
	});

	it('streamed a few bytes at a time, the same result as the whole text', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...HEADERS),
				csvBody,
				fc.integer({ min: 1, max: 64 }),
				async (header, body, chunkSize) => {
					const text = `${header}\n${body}`;
					const whole = importText(text, 'ds');
					const streamed = await streamImport(text, chunkSize);
					expectAccounted(streamed);
					expect(streamed).toEqual(whole);
				}
			),
			{ ...RUNS, numRuns: 150 }
		);
	});

	it('with no quote, or one that nothing closes, every line after the header is one row', () => {
		const line = fc.string({
			unit: fc.constantFrom(',', ' ', 'a', 'ح', '-', '0', '1', '34.5', '2018-11-20', 'E'),
			maxLength: 40
		});
		fc.assert(
			fc.property(
				fc.constantFrom(...HEADERS),
				fc.constantFrom('\n', '\r\n'),
				fc.array(line, { minLength: 1, maxLength: 30 }),
				fc.option(fc.nat(), { nil: undefined }),
				(header, newline, lines, stray) => {
					if (stray !== undefined) {
						// An opening quote at the start of a field of one line, closed nowhere.
						const at = stray % lines.length;
						lines[at] = `${lines[at]},"${lines[at]}`;
					}
					const result = importText([header, ...lines].join(newline), 'ds');
					const rows = lines.filter((text) => text.split(',').some((field) => field.trim() !== ''));
					expectAccounted(result, rows.length);
				}
			),
			RUNS
		);
	});

	it('any bytes: the encoding check and the import never throw', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const check = checkEncoding(bytes);
				const encodings =
					'ask' in check ? check.ask.map((option) => option.encoding) : [check.encoding];
				for (const encoding of encodings) {
					expectAccounted(importText(new TextDecoder(encoding).decode(bytes), 'ds'));
				}
			}),
			RUNS
		);
	});
});

describe('restoring saved datasets under arbitrary records (property)', () => {
	it('never throws; what it keeps passes the schema', () => {
		const [template] = strikes;
		const incident = fc.oneof(
			anyJson,
			fc
				.dictionary(fc.constantFrom(...Object.keys(template!.properties)), fieldValue)
				.map((changes) => ({
					...template,
					properties: { ...template!.properties, dataset: 'ds', ...changes }
				}))
		);
		const record = fc.oneof(
			anyJson,
			fc.record({
				info: fc.oneof(
					anyJson,
					fc.record({
						id: fc.constantFrom('ds', 'a:b', ''),
						title: fieldValue,
						credit: fc.string(),
						description: fc.string()
					})
				),
				incidents: fc.oneof(anyJson, fc.array(incident, { maxLength: 6 })),
				report: anyJson,
				visible: anyJson
			})
		);
		fc.assert(
			fc.property(record, (value) => {
				const { dataset, problem } = checkStoredDataset(value);
				expect(dataset !== null || problem !== null).toBe(true);
				for (const kept of dataset?.incidents ?? []) {
					expect(checkIncident(kept)).toEqual({ ok: true, incident: kept });
					expect(kept.properties.dataset).toBe(dataset?.info.id);
				}
			}),
			RUNS
		);
	});
});
