import { describe, expect, it } from 'vitest';
import { strikesRowsToIncidents, type StrikesRow } from './strikes-csv';

const row = (overrides: StrikesRow = {}): StrikesRow => ({
	id: 'T-1',
	date: '2018-04-19',
	date_precision: 'day',
	weekday_reported: 'Thursday',
	place: 'Near Hajin',
	place_ar: 'هجين',
	admin1: 'Deir ez-Zor',
	country: 'Syria',
	latitude: '34.68944',
	longitude: '40.83083',
	location_precision: '2',
	actor: 'Iraqi Air Force',
	aircraft: 'F-16',
	target: 'IS positions',
	reported_killed_min: '36',
	reported_killed_max: '36',
	claimed_by: 'Iraqi PM office',
	summary: 'Strikes on Thursday near Hajin.',
	source_urls: 'https://a.example/1 ; https://b.example/2',
	...overrides
});

describe('strikesRowsToIncidents', () => {
	it('copies facts exactly and types numbers and lists', () => {
		const { features, errors } = strikesRowsToIncidents([row()], 'test');
		expect(errors).toEqual([]);
		expect(features[0]).toEqual({
			type: 'Feature',
			id: 'T-1',
			geometry: { type: 'Point', coordinates: [40.83083, 34.68944] },
			properties: expect.objectContaining({
				id: 'T-1',
				dataset: 'test',
				date: '2018-04-19',
				place_ar: 'هجين',
				location_precision: 2,
				killed_min: 36,
				killed_max: 36,
				sources: ['https://a.example/1', 'https://b.example/2']
			})
		});
	});

	it('keeps rows without coordinates as unlocated incidents, and blank tolls as null', () => {
		const { features } = strikesRowsToIncidents(
			[row({ latitude: '', longitude: '', reported_killed_min: '', reported_killed_max: '30' })],
			'test'
		);
		expect(features[0]?.geometry).toBeNull();
		expect(features[0]?.properties.killed_min).toBeNull();
		expect(features[0]?.properties.killed_max).toBe(30);
	});

	it('reports every problem with its row, id and field', () => {
		const { features, errors } = strikesRowsToIncidents(
			[
				row(),
				row({ id: 'T-2', latitude: '34.5', longitude: '', source_urls: '' }),
				row({ id: 'T-3', reported_killed_min: '40', reported_killed_max: '10' }),
				row()
			],
			'test'
		);
		expect(features.map((f) => f.id)).toEqual(['T-1']);
		expect(errors).toEqual([
			{
				row: 2,
				id: 'T-2',
				field: 'longitude',
				message: 'latitude is given but longitude is missing'
			},
			{
				row: 2,
				id: 'T-2',
				field: 'source_urls',
				message: 'no source URL: every incident needs one'
			},
			{
				row: 3,
				id: 'T-3',
				field: 'reported_killed_min',
				message: '40 is more than the maximum 10'
			},
			{ row: 4, id: 'T-1', field: 'id', message: 'duplicate id' }
		]);
	});
});
