import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASET } from '$lib/data/builtin';
import { NO_FILTER } from '$lib/data/filter';
import {
	defaultSubtitle,
	exportContext,
	exportFileName,
	imageCredits,
	pngMetadata,
	videoSubtitle,
	videoTags,
	type ExportState
} from './export-metadata';

const state: ExportState = {
	datasets: [{ ...BUILTIN_DATASET, file: 'strikes.geojson', sha256: 'ab'.repeat(32) }],
	filter: { ...NO_FILTER, from: '2018-11-15', to: '2018-11-25' },
	shown: 2,
	total: 14,
	permalink: 'http://127.0.0.1:4173/#map=8/34.5/40.9&from=2018-11-15&to=2018-11-25',
	at: new Date('2026-11-24T09:05:30Z')
};

describe('export metadata', () => {
	it('subtitles the image with the window, filters and count', () => {
		expect(defaultSubtitle(state)).toBe('15 Nov 2018 – 25 Nov 2018 · 2 of 14 incidents');
		expect(defaultSubtitle({ ...state, filter: NO_FILTER, shown: 14 })).toBe(
			'all dates, no filters · 14 incidents'
		);
	});

	it('carries the permalink, the datasets with their hashes, the time and a citation', () => {
		const entries = Object.fromEntries(pngMetadata(state, 'Title here', 'Sub'));
		expect(entries.Permalink).toBe(state.permalink);
		expect(entries.Datasets).toContain(`sha256:${'ab'.repeat(32)}`);
		expect(entries['Creation Time']).toBe('2026-11-24T09:05:30.000Z');
		expect(entries.Citation).toContain('2 of 14 incidents');
		expect(entries.Citation).toContain(state.permalink);
		expect(exportContext(state).filters).toBe('15 Nov 2018 – 25 Nov 2018');
	});

	it('credits the basemap, GeoNames (CC-BY asks for it) and every dataset', () => {
		expect(imageCredits(state.datasets)).toEqual([
			'Made with Natural Earth',
			'GeoNames, CC-BY',
			BUILTIN_DATASET.credit
		]);
	});

	it('names files by kind, time and size', () => {
		expect(exportFileName('map', state.at, 'png', { width: 1920, height: 1080 })).toBe(
			'iraq-syria-map-20261124-0905-1920x1080.png'
		);
		expect(exportFileName('incidents', state.at, 'csv')).toBe(
			'iraq-syria-incidents-20261124-0905.csv'
		);
	});

	it('subtitles a video with its stepping and the filters its steps share, not its dates', () => {
		expect(videoSubtitle(state.filter, 'month', 'window')).toBe('Month by month, sliding window');
		expect(
			videoSubtitle(
				{ ...state.filter, maxBorderKm: 10, facets: { actor: ['Iraqi Air Force'] } },
				'week',
				'cumulative'
			)
		).toBe('Week by week, cumulative · Actor: Iraqi Air Force · within 10 km of the border');
	});

	it('tags a video with the permalink, the datasets and a citation', () => {
		const tags = videoTags(state, 'Strikes', 'Month by month');
		expect(tags).toMatchObject({
			title: 'Strikes',
			description: 'Month by month',
			permalink: state.permalink,
			date: '2026-11-24T09:05:30.000Z'
		});
		expect(tags.comment).toContain(`Permalink: ${state.permalink}`);
		expect(tags.comment).toMatch(/sha256:(ab){32}/);
		expect(tags.comment).toContain('Citation: ');
	});
});
