import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BasemapSource } from '../geodata-urls';
import { arabicNameTable } from '$lib/data/arabic-names';
import type { Locale } from '$lib/i18n/locale';
import type { Theme } from './theme';

/**
 * The offline basemap: Natural Earth land, water and boundaries, Iraq and Syria tinted apart
 * from their neighbours, and place labels in English (Natural Earth) — the gazetteer's English
 * and Arabic labels are drawn by places.ts above these.
 */

export function basemapSources(
	urls: Record<BasemapSource, string>
): Record<string, SourceSpecification> {
	return Object.fromEntries(
		Object.entries(urls).map(([name, url]) => [name, { type: 'geojson', data: url, maxzoom: 12 }])
	);
}

const byZoom = (...stops: number[]): ExpressionSpecification =>
	['interpolate', ['linear'], ['zoom'], ...stops] as ExpressionSpecification;

const MAIN_RIVERS = ['Euphrates', 'Tigris'];

/** Layers under the border and the incidents. */
export function basemapLayers(theme: Theme): LayerSpecification[] {
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': theme.water } },
		{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': theme.land } },
		{
			id: 'countries',
			type: 'fill',
			source: 'countries',
			paint: {
				'fill-color': [
					'match',
					['get', 'adm0_a3'],
					'IRQ',
					theme.iraq,
					'SYR',
					theme.syria,
					theme.neighbour
				]
			}
		},
		{ id: 'playas', type: 'fill', source: 'playas', paint: { 'fill-color': theme.playa } },
		{
			id: 'urban-areas',
			type: 'fill',
			source: 'urbanAreas',
			minzoom: 6,
			paint: { 'fill-color': theme.urban, 'fill-opacity': byZoom(6, 0, 8, 0.9) }
		},
		// The ocean is drawn over the (coarser) country fills so coastlines stay crisp.
		{ id: 'ocean', type: 'fill', source: 'ocean', paint: { 'fill-color': theme.water } },
		{ id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': theme.water } },
		{
			id: 'lake-shores',
			type: 'line',
			source: 'lakes',
			paint: { 'line-color': theme.waterLine, 'line-width': 0.6 }
		},
		{
			id: 'rivers',
			type: 'line',
			source: 'rivers',
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': theme.river,
				'line-width': [
					'interpolate',
					['linear'],
					['zoom'],
					4,
					['match', ['get', 'label'], MAIN_RIVERS, 1.2, 0.5],
					10,
					['match', ['get', 'label'], MAIN_RIVERS, 3.5, 1.5]
				]
			}
		},
		{
			id: 'governorate-lines',
			type: 'line',
			source: 'governorateLines',
			minzoom: 4.5,
			paint: {
				'line-color': theme.governorateLine,
				'line-width': byZoom(5, 0.5, 10, 1.2),
				'line-dasharray': [3, 2]
			}
		},
		{
			id: 'country-borders',
			type: 'line',
			source: 'countryBorders',
			// The Iraq–Syria border has layers of its own (border.ts).
			filter: [
				'!',
				[
					'any',
					['all', ['==', ['get', 'adm0_a3_l'], 'IRQ'], ['==', ['get', 'adm0_a3_r'], 'SYR']],
					['all', ['==', ['get', 'adm0_a3_l'], 'SYR'], ['==', ['get', 'adm0_a3_r'], 'IRQ']]
				]
			],
			layout: { 'line-join': 'round' },
			paint: { 'line-color': theme.countryBorder, 'line-width': byZoom(4, 0.8, 10, 2) }
		},
		{
			id: 'disputed-borders',
			type: 'line',
			source: 'disputedBorders',
			paint: {
				'line-color': theme.disputedBorder,
				'line-width': 1,
				'line-dasharray': [2, 2]
			}
		}
	];
}

/**
 * A name property in the labels' language: the English name as Natural Earth has it, or, for
 * Arabic, its Arabic name from data/arabic-names.ts where the table has one (else the English).
 */
function nameIn(
	locale: Locale,
	kind: 'country' | 'governorate',
	property: string,
	english: ExpressionSpecification
): ExpressionSpecification {
	if (locale !== 'ar') return english;
	const table = arabicNameTable(kind).flatMap(([name, arabic]) => [name, arabic]);
	return ['match', ['get', property], ...table, english] as unknown as ExpressionSpecification;
}

/** Labels of the basemap, in a language; drawn above the border but under incident markers. */
export function basemapLabelLayers(theme: Theme, locale: Locale = 'en'): LayerSpecification[] {
	const arabic = locale === 'ar';
	const halo = {
		'text-halo-color': theme.labelHalo,
		'text-halo-width': 1.4,
		'text-halo-blur': 0.3
	};
	return [
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'countryLabels',
			maxzoom: 8,
			filter: ['!=', ['get', 'name'], null],
			layout: {
				'text-field': nameIn(locale, 'country', 'name', ['upcase', ['get', 'name']]),
				'text-font': [theme.font.bold],
				'text-size': [
					'interpolate',
					['linear'],
					['zoom'],
					4,
					['match', ['get', 'name'], ['Iraq', 'Syria'], 15, 11],
					7,
					['match', ['get', 'name'], ['Iraq', 'Syria'], 22, 14]
				],
				// Spaced-out capitals in English; Arabic letters join, unspaced.
				'text-letter-spacing': arabic ? 0 : 0.25,
				'text-max-width': 8,
				'symbol-sort-key': ['get', 'scalerank']
			},
			paint: { 'text-color': theme.countryLabel, ...halo }
		},
		{
			id: 'river-labels',
			type: 'symbol',
			source: 'rivers',
			minzoom: 6,
			filter: ['in', ['get', 'label'], ['literal', MAIN_RIVERS]],
			layout: {
				'symbol-placement': 'line',
				'symbol-spacing': 400,
				'text-field': arabic
					? ['match', ['get', 'label'], 'Euphrates', 'الفرات', 'Tigris', 'دجلة', ['get', 'label']]
					: ['get', 'label'],
				'text-font': [theme.font.italic],
				'text-size': 12,
				'text-letter-spacing': arabic ? 0 : 0.1
			},
			paint: { 'text-color': theme.waterLabel, ...halo }
		},
		{
			id: 'lake-labels',
			type: 'symbol',
			source: 'lakes',
			minzoom: 6,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [theme.font.italic],
				'text-size': 11,
				'text-max-width': 7
			},
			paint: { 'text-color': theme.waterLabel, ...halo }
		},
		{
			id: 'governorate-labels',
			type: 'symbol',
			source: 'governorateLabels',
			minzoom: 6,
			maxzoom: 10,
			filter: ['in', ['get', 'adm0_a3'], ['literal', ['IRQ', 'SYR']]],
			layout: {
				'text-field': nameIn(locale, 'governorate', 'name', ['get', 'name']),
				'text-font': [theme.font.italic],
				'text-size': 11,
				'text-transform': 'uppercase',
				'text-letter-spacing': arabic ? 0 : 0.12,
				'text-max-width': 8,
				'symbol-sort-key': ['get', 'scalerank']
			},
			paint: { 'text-color': theme.labelMuted, ...halo }
		},
		{
			id: 'town-dots',
			type: 'circle',
			source: 'towns',
			// Towns the gazetteer also names are drawn by places.ts, with their Arabic names.
			filter: [
				'all',
				['==', ['get', 'gazetteer_id'], null],
				['<=', ['get', 'min_zoom'], ['+', ['zoom'], 2.5]]
			],
			paint: {
				'circle-radius': byZoom(4, 1.5, 10, 3),
				'circle-color': theme.labelMuted,
				'circle-stroke-color': theme.labelHalo,
				'circle-stroke-width': 1
			}
		},
		{
			id: 'town-labels',
			type: 'symbol',
			source: 'towns',
			filter: [
				'all',
				['==', ['get', 'gazetteer_id'], null],
				['<=', ['get', 'min_zoom'], ['+', ['zoom'], 2.5]]
			],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [theme.font.regular],
				'text-size': [
					'interpolate',
					['linear'],
					['zoom'],
					4,
					['-', 13, ['*', 0.4, ['get', 'scalerank']]],
					10,
					14
				],
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.5,
				'text-justify': 'auto',
				'symbol-sort-key': ['get', 'scalerank']
			},
			paint: { 'text-color': theme.labelMuted, ...halo }
		}
	];
}
