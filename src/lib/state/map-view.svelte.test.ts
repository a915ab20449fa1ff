import { describe, expect, it } from 'vitest';
import { DENSITY_AUTO_LIMIT, MapViewState, PLACE_ZOOM, effectiveLayers } from './map-view.svelte';
import { viewFromPairs, viewToPairs } from './view-hash';

const DHIBAN = {
	id: 'geonames:170691',
	name: 'Dhībān',
	name_ar: 'ذيبان',
	lon: 40.51085,
	lat: 35.0155
};

describe('a place chosen in the search', () => {
	it('is flown to, at PLACE_ZOOM at least, and marked', () => {
		const view = new MapViewState();
		view.current = { zoom: 6, lat: 34, lon: 41 };
		view.showPlace(DHIBAN);
		expect(view.requested).toEqual({ zoom: PLACE_ZOOM, lat: 35.0155, lon: 40.51085, fly: true });
		expect(view.place).toEqual(DHIBAN);
	});

	it('keeps a closer zoom, and the mark goes when cleared', () => {
		const view = new MapViewState();
		view.current = { zoom: 12.5, lat: 34, lon: 41 };
		view.showPlace(DHIBAN);
		expect(view.requested?.zoom).toBe(12.5);
		view.clearPlace();
		expect(view.place).toBeNull();
	});
});

describe('markers or density', () => {
	it('is the user’s choice, else density above the limit of incidents shown', () => {
		expect(effectiveLayers(null, DENSITY_AUTO_LIMIT)).toBe('markers');
		expect(effectiveLayers(null, DENSITY_AUTO_LIMIT + 1)).toBe('density');
		expect(effectiveLayers('markers', 200_000)).toBe('markers');
		expect(effectiveLayers('density', 14)).toBe('density');
	});

	it('is written in the link only as chosen, and read back', () => {
		expect(viewToPairs({ layers: null, densityWeight: 'count' })).toEqual([]);
		const pairs = viewToPairs({ layers: 'density', densityWeight: 'killed' });
		expect(pairs).toEqual([
			['view', 'density'],
			['weight', 'killed']
		]);
		expect(viewFromPairs([...pairs, ['q', 'hajin']])).toEqual({
			view: { layers: 'density', densityWeight: 'killed' },
			others: [['q', 'hajin']]
		});
		expect(viewFromPairs([['view', 'heat']]).view).toEqual({
			layers: null,
			densityWeight: 'count'
		});
	});
});
