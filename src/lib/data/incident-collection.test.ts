import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncidentCollection } from './incident-collection';

const strikes = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../geodata/incidents/strikes.geojson'), 'utf8')
);

describe('checkIncidentCollection', () => {
	it('accepts the shipped incidents, located or not', () => {
		const { incidents, errors } = checkIncidentCollection(strikes);
		expect(errors).toEqual([]);
		expect(incidents).toHaveLength(14);
	});

	it('accepts every good feature and reports every bad one with its row', () => {
		const good = strikes.features[1];
		const bad = (change: object) => ({ ...good, properties: { ...good.properties, ...change } });
		const { incidents, errors } = checkIncidentCollection({
			type: 'FeatureCollection',
			features: [
				good,
				bad({ id: 'X1', date: '2018-02-30' }),
				{
					...good,
					geometry: { type: 'Point', coordinates: [40, 134] },
					properties: { ...good.properties, id: 'X2' }
				},
				good
			]
		});
		expect(incidents.map((incident) => incident.id)).toEqual(['IQ-SY-002']);
		expect(errors.map((e) => `${e.row} ${e.id} ${e.field}`)).toEqual([
			'2 X1 date',
			'3 X2 geometry',
			'4 IQ-SY-002 id'
		]);
		expect(checkIncidentCollection([1, 2]).errors[0]?.message).toBe(
			'not a GeoJSON FeatureCollection'
		);
	});
});
