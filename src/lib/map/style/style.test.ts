import {
	createExpression,
	featureFilter,
	validateStyleMin
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import {
	DENSITY_FADE_END,
	DENSITY_FADE_START,
	DENSITY_LAYER,
	DENSITY_WEIGHT,
	densityLayers
} from './density';
import { DENSITY_FILTER, INCIDENT_FILTER, NO_MASK, maskState, maskText } from './filter';
import { clusterRadius, incidentLayers, markerRadius } from './incidents';
import { mapStyle } from './index';
import { legendSections } from './legend';
import { placeLayers } from './places';
import { LIGHT } from './theme';

const empty = <T>() => ({ type: 'FeatureCollection', features: [] }) as FeatureCollection<Point, T>;

describe('map style', () => {
	it('is a valid MapLibre style, every layer and expression included', () => {
		const style = mapStyle(LIGHT, 'http://localhost/app/', {
			incidents: { tiles: 'incident-tiles://1/0/{z}/{x}/{y}', count: 0 },
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

	it('draws exactly the markers the mask keeps, and all without a mask', () => {
		const random = seededRandom(29);
		const rendered = (text: string, i: number) =>
			featureFilter(INCIDENT_FILTER, 'filter', { matchMask: text }).filter({ zoom: 8 }, {
				type: 1,
				id: i,
				properties: {},
				geometry: []
			} as never);
		for (const share of [0.05, 0.5, 0.95, 0, 1]) {
			const mask = Uint8Array.from({ length: 200 }, () => (random() < share ? 1 : 0));
			const text = maskText(mask);
			expect(text).toHaveLength(200);
			mask.forEach((bit, i) => expect(rendered(text, i)).toBe(bit === 1));
		}
		expect(maskText(null)).toBe('');
		expect(rendered('', 150)).toBe(true);
	});

	it('draws exactly the density the mask keeps, and all without a mask', () => {
		const random = seededRandom(23);
		const rendered = (state: unknown, i: number) =>
			featureFilter(DENSITY_FILTER, 'filter', { densityMask: state }).filter({ zoom: 8 }, {
				type: 1,
				id: i,
				properties: {},
				geometry: []
			} as never);
		// Few shown, few hidden, half and half, none and all: the state lists the fewer.
		for (const share of [0.05, 0.5, 0.95, 0, 1]) {
			for (let trial = 0; trial < 10; trial++) {
				const mask = Uint8Array.from({ length: 200 }, () => (random() < share ? 1 : 0));
				const state = maskState(mask);
				const shown = mask.reduce((sum, bit) => sum + bit, 0);
				expect(Object.keys(state.set)).toHaveLength(Math.min(shown, 200 - shown));
				mask.forEach((bit, i) => expect(rendered(state, i)).toBe(bit === 1));
			}
		}
		expect(maskState(null)).toBe(NO_MASK);
		expect(rendered(NO_MASK, 150)).toBe(true);
	});

	it('looks a feature up in the density mask in a time that does not grow with the data', () => {
		const size = 200_000;
		const mask = Uint8Array.from({ length: size }, (_, i) => (i % 3 === 0 ? 1 : 0));
		const filter = featureFilter(DENSITY_FILTER, 'filter', { densityMask: maskState(mask) });
		const started = performance.now();
		let kept = 0;
		for (let i = 0; i < size; i++) {
			const feature = { type: 1, id: i, properties: {}, geometry: [] } as never;
			if (filter.filter({ zoom: 8 }, feature)) kept++;
		}
		expect(kept).toBe(Math.ceil(size / 3));
		// Every feature of a 200,000-incident tile, well within a second (the text mask took
		// milliseconds per feature: minutes for the tile).
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('draws a place from its own zoom on, its labels ranked by sort key', () => {
		for (const layer of placeLayers(LIGHT)) {
			const filter = (layer as { filter?: unknown }).filter;
			const shown = (zoom: number, min_zoom: number) =>
				featureFilter(filter as never, 'filter').filter({ zoom }, {
					type: 1,
					properties: { min_zoom },
					geometry: []
				} as never);
			expect([shown(5, 6), shown(6, 6), shown(12, 9)], layer.id).toEqual([false, true, true]);
		}
		const labels = placeLayers(LIGHT).find((layer) => layer.id === 'place-labels');
		expect((labels?.layout as Record<string, unknown>)['symbol-sort-key']).toEqual([
			'get',
			'sort_key'
		]);
	});

	it('sizes markers and badges as the code that places labels beside them expects', () => {
		const paint = (id: string) =>
			incidentLayers(LIGHT).find((layer) => layer.id === id)?.paint as Record<string, unknown>;
		const evaluate = (expression: unknown, properties: Record<string, unknown>) => {
			const compiled = createExpression(expression, 'paint.circle-radius');
			if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
			return compiled.value.evaluate({ zoom: 6 }, {
				type: 1,
				properties,
				geometry: []
			} as never) as number;
		};
		for (const count of [1, 2, 7, 555, 200_000])
			expect(evaluate(paint('group-badges')['circle-radius'], { count })).toBeCloseTo(
				clusterRadius(count),
				9
			);
		for (const killed of [null, 0, 3, 40])
			expect(
				evaluate(paint('incident-points')['circle-radius'], { killed_best: killed })
			).toBeCloseTo(markerRadius(killed), 9);
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

	describe('the density view', () => {
		/** An expression evaluated at a zoom, for a feature, with the renderer's global state. */
		const evaluate = (
			expression: unknown,
			key: string,
			zoom: number,
			properties: Record<string, unknown>,
			state: Record<string, unknown>
		) => {
			const compiled = createExpression(expression, key, null, state);
			if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
			return compiled.value.evaluate(
				{ zoom, globalState: state } as never,
				{
					type: 1,
					properties,
					geometry: []
				} as never
			) as unknown;
		};

		it('is drawn from the incidents the filter matched, only while it is on', () => {
			const [layer] = densityLayers(LIGHT, 'incidents', 'incidents');
			expect(layer?.id).toBe(DENSITY_LAYER);
			expect(layer && 'source' in layer && layer.source).toBe('incidents');
			// Its own mask of the same matches (style/filter.ts: the markers keep the text).
			expect((layer as { filter?: unknown }).filter).toEqual(DENSITY_FILTER);
			const visibility = (layer?.layout as Record<string, unknown>).visibility;
			expect(evaluate(visibility, 'layout.visibility', 6, {}, { density: true })).toBe('visible');
			expect(evaluate(visibility, 'layout.visibility', 6, {}, { density: false })).toBe('none');
			expect(layer?.maxzoom).toBe(DENSITY_FADE_END);
		});

		it('weighs each incident as one, or by its reported killed, an unknown toll as nothing', () => {
			const weight = (killed: number | null, by: string) =>
				evaluate(
					DENSITY_WEIGHT,
					'paint.heatmap-weight',
					6,
					{ killed_best: killed },
					{
						density: true,
						densityWeight: by
					}
				);
			expect([weight(null, 'count'), weight(0, 'count'), weight(40, 'count')]).toEqual([1, 1, 1]);
			expect(weight(40, 'killed')).toBe(40);
			expect(weight(0, 'killed')).toBe(0);
			expect(weight(null, 'killed')).toBe(0);
		});

		it('fades the markers out when zoomed out, and leaves them alone without it', () => {
			const paint = (id: string) =>
				incidentLayers(LIGHT).find((layer) => layer.id === id)?.paint as Record<string, unknown>;
			const opacity = (zoom: number, density: boolean) =>
				evaluate(
					paint('incident-points')['circle-opacity'],
					'paint.circle-opacity',
					zoom,
					{ approximate_date: false },
					{ density }
				);
			expect(opacity(DENSITY_FADE_START - 2, true)).toBe(0);
			expect(opacity(DENSITY_FADE_END, true)).toBe(1);
			expect(opacity((DENSITY_FADE_START + DENSITY_FADE_END) / 2, true)).toBeCloseTo(0.5, 5);
			for (const zoom of [4, 8, 9.5, 12]) expect(opacity(zoom, false)).toBe(1);
			for (const id of ['group-badges', 'group-singles', 'group-counts'])
				expect(JSON.stringify(paint(id)), id).toContain('"global-state","density"');
		});

		it('has its own legend, which says how an unknown toll is weighed', () => {
			const sections = (weight: 'count' | 'killed') =>
				legendSections(LIGHT, undefined, { density: { weight } });
			expect(legendSections(LIGHT).map((section) => section.title)).not.toContain('Density');
			const [count] = sections('count');
			expect(count?.title).toBe('Density');
			expect(count?.entries[0]?.symbol.kind).toBe('ramp');
			const killed = sections('killed')[0]
				?.entries.map((entry) => entry.label)
				.join(' ');
			expect(killed).toContain('Reported killed per area');
			expect(killed).toContain('unknown, not zero');
		});
	});
});

describe('map labels in Arabic', () => {
	const style = mapStyle(
		LIGHT,
		'http://localhost/app/',
		{
			incidents: { tiles: 'incident-tiles://1/0/{z}/{x}/{y}', count: 0 },
			groups: empty(),
			places: empty(),
			border: { type: 'FeatureCollection', features: [] }
		},
		{ locale: 'ar', digits: 'native' }
	);
	const field = (id: string, properties: Record<string, unknown>) => {
		const layer = style.layers.find((candidate) => candidate.id === id) as {
			layout: { 'text-field': unknown };
		};
		const expression = createExpression(layer.layout['text-field'], 'layout.text-field');
		if (expression.result !== 'success') throw new Error(`${id}: invalid text-field`);
		const value = expression.value.evaluate({ zoom: 8 }, {
			type: 1,
			properties,
			geometry: []
		} as never) as unknown;
		return typeof value === 'object' && value !== null && 'sections' in value
			? (value as { sections: { text: string }[] }).sections.map((s) => s.text).join('')
			: String(value);
	};

	it('is still a valid style', () => {
		expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
	});

	it('puts the Arabic name first, the Latin one below it; Latin alone where no Arabic is known', () => {
		expect(field('place-labels', { label_en: 'Hajin', name_ar: 'هجين' })).toBe('هجين\nHajin');
		expect(field('place-labels', { label_en: 'Tall Afar', name_ar: null })).toBe('Tall Afar');
		expect(field('country-labels', { name: 'Syria' })).toBe('سوريا');
		expect(field('country-labels', { name: 'Cyprus U.N. Buffer Zone' })).toBe(
			'المنطقة العازلة في قبرص'
		);
		expect(field('governorate-labels', { name: 'Dayr Az Zawr' })).toBe('دير الزور');
		expect(field('governorate-labels', { name: 'Nowhere' })).toBe('Nowhere');
		expect(field('river-labels', { label: 'Euphrates' })).toBe('الفرات');
	});

	it('the legend in Arabic, its numbers in Arabic digits', async () => {
		const { Formatter } = await import('$lib/i18n/format');
		const sections = legendSections(LIGHT, new Formatter('ar'));
		expect(sections.map((section) => section.title)).toEqual(['الحوادث', 'دقة الموقع', 'الحدود']);
		expect(sections[2]!.entries[1]!.label).toBe('ضمن ١٠ كم من الحدود');
		expect(sections[2]!.entries[2]!.label).toBe('١٠–٢٥ كم من الحدود');
		const englishBands = legendSections(LIGHT)[2]!.entries.map((entry) => entry.label);
		expect(englishBands.slice(1, 4)).toEqual([
			'within 10 km of the border',
			'10–25 km of the border',
			'25–50 km of the border'
		]);
	});
});
