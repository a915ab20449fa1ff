import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import type { IncidentCollection, IncidentFeature } from '$lib/data/incident';
import { importText } from '$lib/data/import/importer';
import { incidentsCsv, incidentsGeoJson, NO_FIGURES, type ExportContext } from './incident-export';

/**
 * What this app exports, it imports again as it was (issue 10): the CSV's comment lines are
 * skipped and its columns map back onto the schema; the GeoJSON's metadata member and computed
 * figures are left aside. The re-imported incidents are a dataset of their own: their ids are
 * qualified by it, so they never take over the incidents they were exported from.
 */

const strikes = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
	) as IncidentCollection
).features;

const context: ExportContext = {
	permalink: 'http://127.0.0.1:4173/#map=9/34.6/40.8&q=x',
	exportedAt: '2026-11-24T09:00:00.000Z',
	datasets: [BUILTIN_DATASET],
	filters: 'no filter',
	total: strikes.length
};

const figures = () => ({
	border_distance_km: 1.5,
	border_side: 'SYR',
	nearest_place: 'Hajin',
	nearest_place_km: 0
});

/** The incident as it was, in the dataset it was imported into. */
const reimported = (incident: IncidentFeature, dataset: string): IncidentFeature => ({
	...incident,
	id: `${dataset}:${incident.id}`,
	properties: {
		...incident.properties,
		id: `${dataset}:${incident.id}`,
		dataset,
		original_id: incident.id
	}
});

/** An ACLED-style incident: sources named, not linked. */
const named: IncidentFeature = {
	...strikes[1]!,
	id: 'acled.csv-x:SYR1001',
	properties: {
		...strikes[1]!.properties,
		id: 'acled.csv-x:SYR1001',
		sources: ['Rudaw', 'Kurdistan 24'],
		summary: 'Line one,\nline "two"'
	}
};

describe('the app re-imports its own exports', () => {
	it('CSV: every built-in incident comes back as it went out, under ids of the new dataset', () => {
		const { incidents, report } = importText(incidentsCsv(strikes, figures, context), 'again');
		expect(report).toMatchObject({ format: 'csv', total: 14, imported: 14, rejected: [] });
		expect(report.notes).toContain(
			'2 comment lines before the header (starting with "#") were skipped'
		);
		expect(incidents).toEqual(strikes.map((incident) => reimported(incident, 'again')));
	});

	it('CSV: named sources stay apart ("Rudaw; Kurdistan 24" is two sources, not one)', () => {
		const text = incidentsCsv([named], () => NO_FIGURES, context);
		expect(text).toContain('Rudaw; Kurdistan 24');
		const [incident] = importText(text, 'again').incidents;
		expect(incident?.properties.sources).toEqual(['Rudaw', 'Kurdistan 24']);
		expect(incident?.properties.summary).toBe('Line one,\nline "two"');
		expect(incident?.properties.original_id).toBe('acled.csv-x:SYR1001');
	});

	it('CSV: cells the export neutralised come back as they were (=HYPERLINK, a leading quote)', () => {
		const formulas: IncidentFeature = {
			...named,
			properties: { ...named.properties, summary: '=HYPERLINK("http://x")', target: "'=kept" }
		};
		const text = incidentsCsv([formulas], () => NO_FIGURES, context);
		expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
		const [incident] = importText(text, 'again').incidents;
		expect(incident?.properties.summary).toBe('=HYPERLINK("http://x")');
		expect(incident?.properties.target).toBe("'=kept");
	});

	it('CSV: a leading quote in a file this app did not write is the file’s text', () => {
		const text =
			"id,date,place,latitude,longitude,summary\nx1,2018-04-19,Hajin,34.69,40.83,'=1+1\n";
		const [incident] = importText(text, 'other').incidents;
		expect(incident?.properties.summary).toBe("'=1+1");
	});

	it('GeoJSON: the metadata member is fine, the computed figures are left aside', () => {
		const text = incidentsGeoJson([...strikes, named], figures, context);
		const { incidents, report } = importText(text, 'again');
		expect(report).toMatchObject({ format: 'geojson', total: 15, imported: 15, rejected: [] });
		expect(incidents).toEqual([...strikes, named].map((incident) => reimported(incident, 'again')));
	});
});
