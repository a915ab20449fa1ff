import type { DatasetInfo } from '$lib/data/builtin';
import { isFiltering, type IncidentFilter } from '$lib/data/filter';
import { ENGLISH, type Formatter } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { datasetTexts } from '$lib/i18n/vocabulary';
import { m } from '$lib/paraglide/messages';
import { describeCount, describeFilter } from './describe-filter';
import { citation, type ExportContext } from './incident-export';

/** What every export says about itself: where it came from and how to get back to it. */
export interface ExportState {
	datasets: DatasetInfo[];
	filter: IncidentFilter;
	/** Incidents matching the filter, and in all. */
	shown: number;
	total: number;
	/** The page's URL: its hash carries the view, the filters and the selection. */
	permalink: string;
	at: Date;
}

export function exportContext(state: ExportState): ExportContext {
	return {
		permalink: state.permalink,
		exportedAt: state.at.toISOString(),
		datasets: state.datasets,
		filters: describeFilter(state.filter),
		total: state.total
	};
}

/** The image's default subtitle: the window and filters, and the count, in a language. */
export function defaultSubtitle(state: ExportState, f: Formatter = ENGLISH): string {
	const count = describeCount(state.shown, state.total, isFiltering(state.filter), f);
	return m.subtitle({ filters: describeFilter(state.filter, f), count }, { locale: f.locale });
}

/**
 * The credits an image carries: the basemap, the gazetteer its labels come from (GeoNames'
 * CC-BY 3.0 licence asks for the credit wherever its data is shown), then each dataset.
 */
export function baseCredits(locale: Locale = 'en'): string[] {
	return [m.credit_natural_earth({}, { locale }), m.credit_geonames({}, { locale })];
}

export function imageCredits(datasets: readonly DatasetInfo[], locale: Locale = 'en'): string[] {
	return [
		...baseCredits(locale),
		...datasets.map((dataset) => datasetTexts(dataset, locale).credit)
	];
}

const datasetLine = (dataset: DatasetInfo) =>
	[dataset.title, dataset.file, dataset.sha256 ? `sha256:${dataset.sha256}` : null]
		.filter(Boolean)
		.join(' · ');

/**
 * A video's default subtitle: how it steps, and the filters every step shares (the dates are
 * the caption's, frame by frame): "Month by month, cumulative · Actor: Iraqi Air Force".
 */
export function videoSubtitle(
	filter: IncidentFilter,
	unit: 'day' | 'week' | 'month',
	mode: 'window' | 'cumulative',
	f: Formatter = ENGLISH
): string {
	const o = { locale: f.locale };
	const steps =
		unit === 'day'
			? m.video_step_days({}, o)
			: unit === 'week'
				? m.video_step_weeks({}, o)
				: m.video_step_months({}, o);
	const stepping = m.video_stepping(
		{
			steps,
			mode: mode === 'window' ? m.video_mode_window({}, o) : m.video_mode_cumulative({}, o)
		},
		o
	);
	const rest = { ...filter, from: null, to: null };
	return isFiltering(rest)
		? `${stepping}${m.separator({}, o)}${describeFilter(rest, f)}`
		: stepping;
}

/**
 * What a video file says about itself (the container's metadata tags): title, description,
 * time, and in the comment the permalink, the datasets and a citation.
 */
export function videoTags(
	state: ExportState,
	title: string,
	subtitle: string
): {
	title: string;
	description: string;
	comment: string;
	permalink: string;
	date: string;
} {
	const comment = [
		`Permalink: ${state.permalink}`,
		`Datasets: ${state.datasets.map(datasetLine).join('; ')}`,
		`Citation: ${citation(exportContext(state), state.shown)}`,
		'Software: Iraq–Syria border incident map'
	].join('\n');
	return {
		title,
		description: subtitle,
		comment,
		permalink: state.permalink,
		date: state.at.toISOString()
	};
}

/** PNG text chunks (keywords from the PNG spec where one fits). */
export function pngMetadata(
	state: ExportState,
	title: string,
	subtitle: string
): [string, string][] {
	return [
		['Title', title],
		['Description', subtitle],
		['Permalink', state.permalink],
		['Source', state.permalink],
		['Datasets', state.datasets.map(datasetLine).join('\n')],
		['Creation Time', state.at.toISOString()],
		['Citation', citation(exportContext(state), state.shown)],
		['Software', 'Iraq–Syria border incident map']
	];
}

/** File names: what, when, how big. */
export function exportFileName(
	kind: 'map' | 'incidents' | 'video',
	at: Date,
	extension: string,
	size?: { width: number; height: number }
): string {
	const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
	const dimensions = size ? `-${size.width}x${size.height}` : '';
	return `iraq-syria-${kind}-${stamp}${dimensions}.${extension}`;
}
