import { sourceField, type IncidentProperties } from './incident';

/**
 * An imported ACLED or UCDP GED row as its source says it: the fields a researcher reads that
 * dataset by, labelled and in words (codes spelled out as the codebooks define them), for the
 * incident panel. Pure: the panel only lays these out.
 *
 * Fields of our own schema that the source does not have (who claimed a strike, its target,
 * the aircraft) are left out rather than shown as "not stated": the source never states them.
 * A column the source has but left blank is left out too, except where blank is itself an
 * answer (ACLED's civilian_targeting is blank when civilians were not the primary target).
 *
 * Codebooks: ACLED Codebook (2023–2024: inter codes, interaction, geo_precision,
 * time_precision, fatalities); UCDP GED Codebook version 23.1 and later (type_of_violence,
 * where_prec, date_prec, event_clarity, deaths_*, best/low/high).
 */

export type SourceFormat = 'acled' | 'ucdp';

export interface LabelledField {
	/** The original column it comes from (or the first of several), for tests and styling. */
	key: string;
	label: string;
	value: string;
	/** A line under the value: what a code means, or how the source defines the figure. */
	note: string | null;
}

export interface SourceDetails {
	format: SourceFormat;
	/** The dataset's name as its makers write it. */
	name: string;
	/** How exactly the date is known, in the source's own terms. */
	datePrecision: string | null;
	/** How exactly the position is known, in the source's own terms. */
	locationPrecision: string | null;
	/** The toll as the source defines it (replaces our "reported killed" line). */
	killed: LabelledField | null;
	/** The other fields, in the order the panel lists them. */
	fields: LabelledField[];
	/**
	 * The heading over the incident's summary (ACLED's notes), or null when the summary is one
	 * of the fields already (UCDP's source headline).
	 */
	summaryHeading: string | null;
}

/** Which source an original row comes from, by its columns; null for other rows. */
export function sourceFormat(properties: IncidentProperties): SourceFormat | null {
	const columns = properties.source_row?.columns;
	if (!columns) return null;
	if (columns.includes('event_id_cnty')) return 'acled';
	if (columns.includes('relid') || columns.includes('type_of_violence')) return 'ucdp';
	return null;
}

export function sourceDetails(properties: IncidentProperties): SourceDetails | null {
	const format = sourceFormat(properties);
	if (format === 'acled') return acledDetails(properties);
	if (format === 'ucdp') return ucdpDetails(properties);
	return null;
}

/** Every column of the original row with its value, in the file's order (blank values kept). */
export function originalRow(properties: IncidentProperties): [string, string][] {
	const row = properties.source_row;
	if (!row) return [];
	return row.columns.map((column, i) => [column, row.values[i] ?? '']);
}

const field = (
	key: string,
	label: string,
	value: string | null,
	note: string | null = null
): LabelledField | null => (value === null ? null : { key, label, value, note });

const present = (fields: (LabelledField | null)[]): LabelledField[] =>
	fields.filter((item): item is LabelledField => item !== null);

// ACLED ---------------------------------------------------------------------------------------

/** ACLED's actor types (inter1, inter2), numbered in files before 2024, named since. */
export const ACLED_INTER: Record<string, string> = {
	'0': 'no other actor',
	'1': 'State forces',
	'2': 'Rebel groups',
	'3': 'Political militias',
	'4': 'Identity militias',
	'5': 'Rioters',
	'6': 'Protesters',
	'7': 'Civilians',
	'8': 'External/Other forces'
};

/** geo_precision, ACLED's words. */
export const ACLED_GEO_PRECISION: Record<string, string> = {
	'1': 'ACLED geo-precision 1: the source names the town or village, and the coordinates are of that place',
	'2': 'ACLED geo-precision 2: the source names a place near a town or a part of a district; the coordinates are of the nearest named town',
	'3': 'ACLED geo-precision 3: the source names only a larger region; the coordinates are of a central town of that region (its capital)'
};

/** time_precision, ACLED's words. */
export const ACLED_TIME_PRECISION: Record<string, string> = {
	'1': 'ACLED time precision 1: the source gives the day',
	'2': 'ACLED time precision 2: the source gives only a span of days or the week; ACLED records a day within it',
	'3': 'ACLED time precision 3: the source gives only the month; ACLED records a day within it'
};

/** An actor type as text: a name as written, a code in words ("2" → "Rebel groups"). */
function acledInter(value: string | null): string | null {
	if (value === null) return null;
	return ACLED_INTER[value.trim()] ?? value;
}

/**
 * ACLED's interaction: since 2024 the two types named ("State forces-Rebel group"); before, a
 * code of their two digits (12: state forces and rebel groups; 10: state forces on their own).
 */
export function acledInteraction(value: string | null): string | null {
	if (value === null) return null;
	const code = value.trim();
	if (!/^\d{1,2}$/.test(code)) return value;
	const [first, second] = code.length === 1 ? [code, '0'] : [code[0] ?? '', code[1] ?? ''];
	const a = ACLED_INTER[first];
	const b = ACLED_INTER[second];
	if (!a || !b) return value;
	return second === '0' ? `${a}, acting alone (code ${code})` : `${a} and ${b} (code ${code})`;
}

/** An actor and the actors associated with it: "Military Forces of Iraq; with: Popular Mobilization Forces". */
function withAssociated(actor: string | null, associated: string | null): string | null {
	if (actor === null) return associated === null ? null : `(none named); with: ${associated}`;
	return associated === null ? actor : `${actor}; with: ${associated}`;
}

function acledDetails(p: IncidentProperties): SourceDetails {
	const get = (column: string) => sourceField(p, column);
	const hasColumn = (column: string) => p.source_row?.columns.includes(column) ?? false;
	const fatalities = get('fatalities');
	const inter1 = acledInter(get('inter1'));
	const inter2 = acledInter(get('inter2'));
	const targeting = get('civilian_targeting');
	const timePrecision = get('time_precision');
	const geoPrecision = get('geo_precision');
	return {
		format: 'acled',
		name: 'ACLED',
		summaryHeading: 'Notes (ACLED)',
		datePrecision:
			timePrecision === null ? null : (ACLED_TIME_PRECISION[timePrecision.trim()] ?? null),
		locationPrecision:
			geoPrecision === null ? null : (ACLED_GEO_PRECISION[geoPrecision.trim()] ?? null),
		killed: {
			key: 'fatalities',
			label: 'Fatalities',
			value: fatalities ?? 'not given in the file',
			note:
				fatalities === null
					? 'The file leaves ACLED’s fatalities column blank for this event'
					: 'Reported fatalities, ACLED’s conservative estimate (ACLED records 0 when no deaths are reported)'
		},
		fields: present([
			field('event_type', 'Event type', get('event_type')),
			field('sub_event_type', 'Sub-event type', get('sub_event_type')),
			field('disorder_type', 'Disorder type', get('disorder_type')),
			field(
				'actor1',
				'Actor 1',
				withAssociated(get('actor1'), get('assoc_actor_1')),
				inter1 === null ? null : `Actor type: ${inter1}`
			),
			field(
				'actor2',
				'Actor 2',
				withAssociated(get('actor2'), get('assoc_actor_2')),
				inter2 === null ? null : `Actor type: ${inter2}`
			),
			field('interaction', 'Interaction', acledInteraction(get('interaction'))),
			hasColumn('civilian_targeting')
				? field(
						'civilian_targeting',
						'Civilian targeting',
						targeting === null ? 'not marked' : targeting,
						targeting === null
							? 'ACLED does not record civilians as the primary target of this event'
							: 'ACLED records civilians as the primary target of this event'
					)
				: null,
			field('location', 'Location', get('location')),
			field('admin1', 'Admin 1', get('admin1')),
			field('admin2', 'Admin 2', get('admin2')),
			field('admin3', 'Admin 3', get('admin3')),
			field('country', 'Country', get('country')),
			field('source_scale', 'Source scale', get('source_scale')),
			field('tags', 'Tags', get('tags'))
		])
	};
}

// UCDP GED ------------------------------------------------------------------------------------

/** type_of_violence, UCDP's terms. */
export const UCDP_VIOLENCE: Record<string, string> = {
	'1': 'State-based conflict',
	'2': 'Non-state conflict',
	'3': 'One-sided violence'
};

/** where_prec, UCDP's words. */
export const UCDP_WHERE_PREC: Record<string, string> = {
	'1': 'UCDP where precision 1: the exact location of the event is known',
	'2': 'UCDP where precision 2: the event happened within about 25 km of the known point given',
	'3': 'UCDP where precision 3: only the second-order administrative division (the district) is known',
	'4': 'UCDP where precision 4: only the first-order administrative division (the governorate or province) is known',
	'5': 'UCDP where precision 5: only a linear feature (a road, a river) or an area that is not an administrative division is known',
	'6': 'UCDP where precision 6: only the country is known (not drawn on the map)',
	'7': 'UCDP where precision 7: in international waters or airspace (not drawn on the map)'
};

/** date_prec, UCDP's words. */
export const UCDP_DATE_PREC: Record<string, string> = {
	'1': 'UCDP date precision 1: the exact day is known',
	'2': 'UCDP date precision 2: known to within 2 to 6 days',
	'3': 'UCDP date precision 3: known to within a week',
	'4': 'UCDP date precision 4: known to within a month (8 to 30 days)',
	'5': 'UCDP date precision 5: known only to a period longer than a month'
};

const UCDP_CLARITY: Record<string, string> = {
	'1': 'high: the event is clearly reported on its own',
	'2': 'lower: the event is summed up from reports over a longer period, or is unclear'
};

/** "10 (low 8, high 12)"; "10" when low and high agree with it; null when none is given. */
export function ucdpDeaths(best: string | null, low: string | null, high: string | null) {
	if (best === null && low === null && high === null) return null;
	const main = best ?? 'no best estimate';
	if ((low === null || low === best) && (high === null || high === best)) return main;
	const bounds = [low === null ? null : `low ${low}`, high === null ? null : `high ${high}`];
	return `${main} (${bounds.filter((item) => item !== null).join(', ')})`;
}

function ucdpDetails(p: IncidentProperties): SourceDetails {
	const get = (column: string) => sourceField(p, column);
	const violence = get('type_of_violence');
	const where = get('where_prec');
	const date = get('date_prec');
	const clarity = get('event_clarity');
	const deaths = ucdpDeaths(get('best'), get('low'), get('high'));
	const side = (label: string, column: string) => {
		const value = get(column);
		return value === null ? null : `${label}: ${value}`;
	};
	const byCategory = [
		side('Side A', 'deaths_a'),
		side('Side B', 'deaths_b'),
		side('Civilians', 'deaths_civilians'),
		side('Unknown', 'deaths_unknown')
	].filter((item): item is string => item !== null);
	const start = get('date_start')?.slice(0, 10) ?? null;
	const end = get('date_end')?.slice(0, 10) ?? null;
	return {
		format: 'ucdp',
		name: 'UCDP GED',
		// The import's summary is the source headline, else the dyad: both are fields here.
		summaryHeading: null,
		datePrecision: date === null ? null : (UCDP_DATE_PREC[date.trim()] ?? null),
		locationPrecision: where === null ? null : (UCDP_WHERE_PREC[where.trim()] ?? null),
		killed: {
			key: 'best',
			label: 'Deaths',
			value: deaths ?? 'not given in the file',
			note:
				deaths === null
					? 'The file leaves UCDP’s best, low and high estimates blank for this event'
					: 'UCDP’s best estimate of deaths, with its low and high estimates'
		},
		fields: present([
			field(
				'type_of_violence',
				'Type of violence',
				violence === null ? null : (UCDP_VIOLENCE[violence.trim()] ?? violence),
				violence === null ? null : `UCDP type of violence ${violence.trim()}`
			),
			field('conflict_name', 'Conflict', get('conflict_name')),
			field('dyad_name', 'Dyad', get('dyad_name')),
			field('side_a', 'Side A', get('side_a')),
			field('side_b', 'Side B', get('side_b')),
			field('deaths_a', 'Deaths by category', byCategory.length > 0 ? byCategory.join('; ') : null),
			field(
				'date_start',
				'Dates',
				start === null ? null : end === null || end === start ? start : `${start} to ${end}`
			),
			field('where_description', 'Where', get('where_description')),
			field('where_coordinates', 'Place coded', get('where_coordinates')),
			field('adm_1', 'Admin 1', get('adm_1')),
			field('adm_2', 'Admin 2', get('adm_2')),
			field('country', 'Country', get('country')),
			field('source_headline', 'Source headline', get('source_headline')),
			field('source_office', 'Source office', get('source_office')),
			field('source_date', 'Source date', get('source_date')),
			field('number_of_sources', 'Number of sources', get('number_of_sources')),
			field(
				'event_clarity',
				'Event clarity',
				clarity === null ? null : (UCDP_CLARITY[clarity.trim()] ?? clarity)
			)
		])
	};
}
