import {
	createExpression,
	featureFilter,
	validateStyleMin
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/data/testing/random';
import { INCIDENT_FILTER, maskText } from './filter';
import { clusterRadius, incidentLayers, markerRadius } from './incidents';
import { mapStyle } from './index';
import { legendSections } from './legend';
import { placeLayers } from './places';
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

	it('draws exactly the incidents whose mask character is 1, and all without a mask', () => {
		const random = seededRandom(23);
		const rendered = (mask: string, i: number) =>
			featureFilter(INCIDENT_FILTER, 'filter', { matchMask: mask }).filter({ zoom: 8 }, {
				type: 1,
				properties: { i },
				geometry: []
			} as never);
		for (let trial = 0; trial < 50; trial++) {
			const mask = Uint8Array.from({ length: 200 }, () => (random() < 0.5 ? 1 : 0));
			const text = maskText(mask);
			expect(text).toHaveLength(200);
			mask.forEach((bit, i) => expect(rendered(text, i)).toBe(bit === 1));
		}
		expect(rendered('', 150)).toBe(true);
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
});

describe('map labels in Arabic', () => {
	const style = mapStyle(
		LIGHT,
		'http://localhost/app/',
		{
			incidents: empty(),
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
