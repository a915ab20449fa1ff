import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar';

describe('scale bar', () => {
	it('uses Web Mercator scale at the latitude (MapLibre: 512 px world at zoom 0)', () => {
		expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 3);
		expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 3);
	});

	it('picks the longest 1/2/5 distance that fits', () => {
		expect(scaleBar(100, 200)).toEqual({ metres: 20000, pixels: 200, label: '20 km' });
		expect(scaleBar(100, 199)).toEqual({ metres: 10000, pixels: 100, label: '10 km' });
		expect(scaleBar(1, 120)).toEqual({ metres: 100, pixels: 100, label: '100 m' });
		expect(scaleBar(1000, 600).label).toBe('500 km');
	});
});
