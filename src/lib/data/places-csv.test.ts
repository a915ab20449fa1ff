import { describe, expect, it } from 'vitest';
import { placeId, placesRowsToFeatures } from './places-csv';

describe('gazetteer rows', () => {
	it('derives stable ids from the main name', () => {
		expect(placeId('Al-Susah (As-Susah; Al-Soussa)')).toBe('al-susah');
		expect(placeId("Al-Qa'im / Al-Bukamal border crossing")).toBe(
			'al-qa-im-al-bukamal-border-crossing'
		);
	});

	it('keeps places without coordinates, with null geometry', () => {
		const { features, errors } = placesRowsToFeatures([
			{ name: 'Husaybah', name_ar: 'حصيبة / حسيبة', kind: 'town', source_url: 'https://x.example' },
			{
				name: 'Hajin',
				kind: 'town',
				latitude: '34.68944',
				longitude: '40.83083',
				source_url: 'https://y.example'
			}
		]);
		expect(errors).toEqual([]);
		expect(features.map((f) => [f.id, f.geometry?.coordinates ?? null])).toEqual([
			['husaybah', null],
			['hajin', [40.83083, 34.68944]]
		]);
		expect(features[0]?.properties.name_ar).toBe('حصيبة / حسيبة');
	});
});
