import { describe, expect, it } from 'vitest';
import { coordinateColumns } from './columns';

describe('coordinateColumns', () => {
	it('finds the usual names in any case, preferring the full ones', () => {
		expect(coordinateColumns(['event_id_cnty', 'latitude', 'longitude'])).toEqual({
			latitude: 'latitude',
			longitude: 'longitude'
		});
		expect(coordinateColumns(['Lat', 'LNG'])).toEqual({ latitude: 'Lat', longitude: 'LNG' });
		expect(coordinateColumns(['x', 'y', 'lat', 'lon'])).toEqual({
			latitude: 'lat',
			longitude: 'lon'
		});
		expect(coordinateColumns([' Latitude ', 'Long'])).toEqual({
			latitude: ' Latitude ',
			longitude: 'Long'
		});
	});

	it('says when a side is missing', () => {
		expect(coordinateColumns(['name', 'lat'])).toEqual({ latitude: 'lat', longitude: null });
		expect(coordinateColumns([])).toEqual({ latitude: null, longitude: null });
	});
});
