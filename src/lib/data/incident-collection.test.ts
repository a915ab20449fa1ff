import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIncidentCollection, parseIncidentFile } from './incident-collection';

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

describe('parseIncidentFile', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	it('reads a FeatureCollection, with or without a byte-order mark, its features unchecked', () => {
		const text = '{"type":"FeatureCollection","features":[{"x":1}],"dataset":{"id":"d"}}';
		for (const file of [text, `\uFEFF${text}`]) {
			expect(parseIncidentFile(bytes(file))).toEqual({
				collection: { type: 'FeatureCollection', features: [{ x: 1 }], dataset: { id: 'd' } }
			});
		}
	});

	it('says why a file is not one: not UTF-8, not JSON, or not a FeatureCollection', () => {
		expect(parseIncidentFile(Uint8Array.from([0x7b, 0xff, 0x7d]))).toEqual({
			problem: 'not-utf8'
		});
		const notJson = parseIncidentFile(bytes('{"type":'));
		expect(notJson).toMatchObject({ problem: 'not-json' });
		expect('error' in notJson && notJson.error).toBeTruthy();
		for (const text of ['[]', '{"type":"Feature"}', '{"type":"FeatureCollection"}', 'null'])
			expect(parseIncidentFile(bytes(text))).toEqual({ problem: 'not-incidents' });
	});
});
