import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { IncidentFigures } from '$lib/analysis/incident-figures';
import { seededRandom } from '$lib/analysis/testing/random';
import { matchesFilter, type IncidentFilter } from '$lib/data/filter';
import type { IncidentFeature } from '$lib/data/incident';
import type { MapIncidentProperties } from '../incident-features';
import { filterGlobalState, FILTER_STATE_DEFAULTS, INCIDENT_FILTER } from './filter';
import { mapStyle } from './index';
import { legendSections } from './legend';
import { LIGHT } from './theme';

const empty = <T>() => ({ type: 'FeatureCollection', features: [] }) as FeatureCollection<Point, T>;

describe('map style', () => {
	it('is a valid MapLibre style, every layer and expression included', () => {
		const style = mapStyle(LIGHT, 'http://localhost/app/', {
			incidents: empty(),
			groups: empty(),
			places: empty(),
			border: { type: 'FeatureCollection', features: [] }
		});
		expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
		// Every font a layer names is one the style ships.
		const faces = Object.keys(style['font-faces'] ?? {});
		for (const layer of style.layers) {
			const fonts = (layer.layout as { 'text-font'?: string[] } | undefined)?.['text-font'] ?? [];
			for (const font of fonts) expect(faces, `${layer.id}`).toContain(font);
		}
		// Assets resolve against the page, wherever it is hosted.
		expect(JSON.stringify(style)).not.toMatch(/"(data|url)":"\/(?!\/)/);
	});

	it('filters incidents in the renderer exactly as matchesFilter does in the app', () => {
		const random = seededRandom(23);
		for (let trial = 0; trial < 500; trial++) {
			const filter: IncidentFilter = {
				maxBorderKm: random() < 0.2 ? null : Math.round(random() * 100)
			};
			const measured = random() < 0.85;
			const metres = random() * 150_000;
			const incident = {
				id: 'x',
				geometry: { type: 'Point', coordinates: [40, 34] }
			} as IncidentFeature;
			const figures = measured ? ({ borderDistance: metres } as IncidentFigures) : undefined;
			const properties: Partial<MapIncidentProperties> = { border_m: measured ? metres : null };
			const compiled = featureFilter(INCIDENT_FILTER, 'filter', {
				...FILTER_STATE_DEFAULTS,
				...filterGlobalState(filter)
			});
			const rendered = compiled.filter({ zoom: 8 }, { type: 1, properties, geometry: [] } as never);
			expect(rendered, JSON.stringify({ filter, metres, measured })).toBe(
				matchesFilter(incident, figures, filter)
			);
		}
	});

	it('has a legend entry for each kind of thing the map draws', () => {
		const labels = legendSections(LIGHT).flatMap((section) =>
			section.entries.map((entry) => entry.label)
		);
		for (const words of [
			'Reported killed',
			'not reported',
			'Several incidents',
			'5 km',
			'25 km',
			'Iraq–Syria border',
			'within 10 km'
		]) {
			expect(
				labels.some((label) => label.includes(words)),
				words
			).toBe(true);
		}
	});
});
