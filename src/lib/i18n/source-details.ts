import { isolate } from '$lib/data/bidi';
import { sourceField, type IncidentProperties } from '$lib/data/incident';
import { m } from '$lib/paraglide/messages';
import { ENGLISH, type Formatter } from './format';

/**
 * An imported ACLED or UCDP GED row as its source says it: the fields a researcher reads that
 * dataset by, labelled and in words (codes spelled out as the codebooks define them), for the
 * incident panel, in the reader's language. The values are the file's own words and stay as
 * the file gives them; only labels, codes and notes are ours to translate. Pure: the panel only
 * lays these out.
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

/** The row's fields in the language of `f` (English by default); null for other rows. */
export function sourceDetails(
	properties: IncidentProperties,
	f: Formatter = ENGLISH
): SourceDetails | null {
	const format = sourceFormat(properties);
	if (format === 'acled') return acledDetails(properties, f);
	if (format === 'ucdp') return ucdpDetails(properties, f);
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

type Options = { locale: Formatter['locale'] };

/**
 * The file's words inside a sentence of ours: isolated in Arabic, so an English actor's
 * brackets and dashes cannot reorder the Arabic around them (English needs no isolation).
 */
const within = (text: string, f: Formatter) => (f.isArabic ? isolate(text) : text);

/** A whole number from the file in the language's digits (the value is unchanged); else as given. */
const figure = (text: string, f: Formatter) =>
	/^\d+$/.test(text.trim()) ? f.digitsIn(text) : text;

const nullable = (value: string | null, map: (value: string) => string) =>
	value === null ? null : map(value);

// ACLED ---------------------------------------------------------------------------------------

/** ACLED's actor types (inter1, inter2) as numbered in files before 2024; named since. */
function acledInterName(code: string, o: Options): string | null {
	switch (code) {
		case '0':
			return m.src_inter_0({}, o);
		case '1':
			return m.src_inter_1({}, o);
		case '2':
			return m.src_inter_2({}, o);
		case '3':
			return m.src_inter_3({}, o);
		case '4':
			return m.src_inter_4({}, o);
		case '5':
			return m.src_inter_5({}, o);
		case '6':
			return m.src_inter_6({}, o);
		case '7':
			return m.src_inter_7({}, o);
		case '8':
			return m.src_inter_8({}, o);
		default:
			return null;
	}
}

/** An actor type as text: a name as written, a code in words ("2" → "Rebel groups"). */
function acledInter(value: string | null, o: Options): string | null {
	if (value === null) return null;
	return acledInterName(value.trim(), o) ?? value;
}

/**
 * ACLED's interaction: since 2024 the two types named ("State forces-Rebel group"); before, a
 * code of their two digits (12: state forces and rebel groups; 10: state forces on their own).
 */
export function acledInteraction(value: string | null, f: Formatter = ENGLISH): string | null {
	if (value === null) return null;
	const o = { locale: f.locale };
	const code = value.trim();
	if (!/^\d{1,2}$/.test(code)) return value;
	const [first, second] = code.length === 1 ? [code, '0'] : [code[0] ?? '', code[1] ?? ''];
	const a = acledInterName(first, o);
	const b = acledInterName(second, o);
	if (!a || !b) return value;
	const shown = f.digitsIn(code);
	return second === '0'
		? m.src_interaction_alone({ a, code: shown }, o)
		: m.src_interaction_pair({ a, b, code: shown }, o);
}

/** An actor and the actors associated with it: "Military Forces of Iraq; with: Popular Mobilization Forces". */
function withAssociated(actor: string | null, associated: string | null, f: Formatter) {
	const o = { locale: f.locale };
	if (actor === null && associated === null) return null;
	if (associated === null) return actor;
	return m.src_with_associated(
		{
			actor: actor === null ? m.src_none_named({}, o) : within(actor, f),
			associated: within(associated, f)
		},
		o
	);
}

function acledTimePrecision(code: string, f: Formatter): string | null {
	const o = { locale: f.locale };
	const n = f.digitsIn(code);
	if (code === '1') return m.src_acled_time_1({ code: n }, o);
	if (code === '2') return m.src_acled_time_2({ code: n }, o);
	if (code === '3') return m.src_acled_time_3({ code: n }, o);
	return null;
}

function acledGeoPrecision(code: string, f: Formatter): string | null {
	const o = { locale: f.locale };
	const n = f.digitsIn(code);
	if (code === '1') return m.src_acled_geo_1({ code: n }, o);
	if (code === '2') return m.src_acled_geo_2({ code: n }, o);
	if (code === '3') return m.src_acled_geo_3({ code: n }, o);
	return null;
}

function acledDetails(p: IncidentProperties, f: Formatter): SourceDetails {
	const o = { locale: f.locale };
	const get = (column: string) => sourceField(p, column);
	const hasColumn = (column: string) => p.source_row?.columns.includes(column) ?? false;
	const fatalities = get('fatalities');
	const inter1 = acledInter(get('inter1'), o);
	const inter2 = acledInter(get('inter2'), o);
	const targeting = get('civilian_targeting');
	const timePrecision = get('time_precision');
	const geoPrecision = get('geo_precision');
	const actorType = (type: string | null) =>
		type === null ? null : m.src_actor_type({ type: within(type, f) }, o);
	return {
		format: 'acled',
		name: 'ACLED',
		summaryHeading: m.src_acled_notes({}, o),
		datePrecision: timePrecision === null ? null : acledTimePrecision(timePrecision.trim(), f),
		locationPrecision: geoPrecision === null ? null : acledGeoPrecision(geoPrecision.trim(), f),
		killed: {
			key: 'fatalities',
			label: m.src_fatalities({}, o),
			value: fatalities === null ? m.src_not_in_file({}, o) : figure(fatalities, f),
			note:
				fatalities === null ? m.src_acled_fatalities_blank({}, o) : m.src_acled_fatalities({}, o)
		},
		fields: present([
			field('event_type', m.src_event_type({}, o), get('event_type')),
			field('sub_event_type', m.src_sub_event_type({}, o), get('sub_event_type')),
			field('disorder_type', m.src_disorder_type({}, o), get('disorder_type')),
			field(
				'actor1',
				m.src_actor1({}, o),
				withAssociated(get('actor1'), get('assoc_actor_1'), f),
				actorType(inter1)
			),
			field(
				'actor2',
				m.src_actor2({}, o),
				withAssociated(get('actor2'), get('assoc_actor_2'), f),
				actorType(inter2)
			),
			field('interaction', m.src_interaction({}, o), acledInteraction(get('interaction'), f)),
			hasColumn('civilian_targeting')
				? field(
						'civilian_targeting',
						m.src_civilian_targeting({}, o),
						targeting === null ? m.src_not_marked({}, o) : targeting,
						targeting === null ? m.src_civilians_not_target({}, o) : m.src_civilians_target({}, o)
					)
				: null,
			field('location', m.src_location({}, o), get('location')),
			field('admin1', m.src_admin1({}, o), get('admin1')),
			field('admin2', m.src_admin2({}, o), get('admin2')),
			field('admin3', m.src_admin3({}, o), get('admin3')),
			field('country', m.src_country({}, o), get('country')),
			field('source_scale', m.src_source_scale({}, o), get('source_scale')),
			field('tags', m.src_tags({}, o), get('tags'))
		])
	};
}

// UCDP GED ------------------------------------------------------------------------------------

function ucdpViolence(code: string, o: Options): string | null {
	if (code === '1') return m.src_ucdp_violence_1({}, o);
	if (code === '2') return m.src_ucdp_violence_2({}, o);
	if (code === '3') return m.src_ucdp_violence_3({}, o);
	return null;
}

function ucdpWherePrecision(code: string, f: Formatter): string | null {
	const o = { locale: f.locale };
	const n = f.digitsIn(code);
	const texts: Record<string, () => string> = {
		'1': () => m.src_ucdp_where_1({ code: n }, o),
		'2': () => m.src_ucdp_where_2({ code: n, km: f.km(25) }, o),
		'3': () => m.src_ucdp_where_3({ code: n }, o),
		'4': () => m.src_ucdp_where_4({ code: n }, o),
		'5': () => m.src_ucdp_where_5({ code: n }, o),
		'6': () => m.src_ucdp_where_6({ code: n }, o),
		'7': () => m.src_ucdp_where_7({ code: n }, o)
	};
	return texts[code]?.() ?? null;
}

function ucdpDatePrecision(code: string, f: Formatter): string | null {
	const o = { locale: f.locale };
	const n = f.digitsIn(code);
	const texts: Record<string, () => string> = {
		'1': () => m.src_ucdp_date_1({ code: n }, o),
		'2': () => m.src_ucdp_date_2({ code: n, from: f.count(2), to: f.count(6) }, o),
		'3': () => m.src_ucdp_date_3({ code: n }, o),
		'4': () => m.src_ucdp_date_4({ code: n, from: f.count(8), to: f.count(30) }, o),
		'5': () => m.src_ucdp_date_5({ code: n }, o)
	};
	return texts[code]?.() ?? null;
}

function ucdpClarity(code: string, o: Options): string | null {
	if (code === '1') return m.src_ucdp_clarity_1({}, o);
	if (code === '2') return m.src_ucdp_clarity_2({}, o);
	return null;
}

/** "10 (low 8, high 12)"; "10" when low and high agree with it; null when none is given. */
export function ucdpDeaths(
	best: string | null,
	low: string | null,
	high: string | null,
	f: Formatter = ENGLISH
) {
	if (best === null && low === null && high === null) return null;
	const o = { locale: f.locale };
	const main = best === null ? m.src_no_best_estimate({}, o) : figure(best, f);
	if ((low === null || low === best) && (high === null || high === best)) return main;
	const bounds = [
		low === null ? null : m.src_deaths_low({ n: figure(low, f) }, o),
		high === null ? null : m.src_deaths_high({ n: figure(high, f) }, o)
	];
	return m.src_deaths_with_bounds(
		{ main, bounds: bounds.filter((item) => item !== null).join(m.area_separator({}, o)) },
		o
	);
}

function ucdpDetails(p: IncidentProperties, f: Formatter): SourceDetails {
	const o = { locale: f.locale };
	const get = (column: string) => sourceField(p, column);
	const violence = get('type_of_violence');
	const where = get('where_prec');
	const date = get('date_prec');
	const clarity = get('event_clarity');
	const deaths = ucdpDeaths(get('best'), get('low'), get('high'), f);
	const side = (label: string, column: string) => {
		const value = get(column);
		return value === null ? null : m.src_side_count({ side: label, n: figure(value, f) }, o);
	};
	const byCategory = [
		side(m.src_side_a({}, o), 'deaths_a'),
		side(m.src_side_b({}, o), 'deaths_b'),
		side(m.src_civilians({}, o), 'deaths_civilians'),
		side(m.src_unknown({}, o), 'deaths_unknown')
	].filter((item) => item !== null);
	const start = get('date_start')?.slice(0, 10) ?? null;
	const end = get('date_end')?.slice(0, 10) ?? null;
	return {
		format: 'ucdp',
		name: 'UCDP GED',
		// The import's summary is the source headline, else the dyad: both are fields here.
		summaryHeading: null,
		datePrecision: date === null ? null : ucdpDatePrecision(date.trim(), f),
		locationPrecision: where === null ? null : ucdpWherePrecision(where.trim(), f),
		killed: {
			key: 'best',
			label: m.src_deaths({}, o),
			value: deaths ?? m.src_not_in_file({}, o),
			note: deaths === null ? m.src_ucdp_deaths_blank({}, o) : m.src_ucdp_deaths({}, o)
		},
		fields: present([
			field(
				'type_of_violence',
				m.src_type_of_violence({}, o),
				violence === null ? null : (ucdpViolence(violence.trim(), o) ?? violence),
				violence === null
					? null
					: m.src_ucdp_violence_code({ code: f.digitsIn(violence.trim()) }, o)
			),
			field('conflict_name', m.src_conflict({}, o), get('conflict_name')),
			field('dyad_name', m.src_dyad({}, o), get('dyad_name')),
			field('side_a', m.src_side_a({}, o), get('side_a')),
			field('side_b', m.src_side_b({}, o), get('side_b')),
			field(
				'deaths_a',
				m.src_deaths_by_category({}, o),
				byCategory.length > 0 ? byCategory.join(m.src_list_separator({}, o)) : null
			),
			field(
				'date_start',
				m.src_dates({}, o),
				start === null
					? null
					: end === null || end === start
						? start
						: m.src_date_span({ start: f.digitsIn(start), end: f.digitsIn(end) }, o)
			),
			field('where_description', m.src_where({}, o), get('where_description')),
			field('where_coordinates', m.src_place_coded({}, o), get('where_coordinates')),
			field('adm_1', m.src_admin1({}, o), get('adm_1')),
			field('adm_2', m.src_admin2({}, o), get('adm_2')),
			field('country', m.src_country({}, o), get('country')),
			field('source_headline', m.src_source_headline({}, o), get('source_headline')),
			field('source_office', m.src_source_office({}, o), get('source_office')),
			field('source_date', m.src_source_date({}, o), get('source_date')),
			field(
				'number_of_sources',
				m.src_number_of_sources({}, o),
				nullable(get('number_of_sources'), (value) => figure(value, f))
			),
			field(
				'event_clarity',
				m.src_event_clarity({}, o),
				clarity === null ? null : (ucdpClarity(clarity.trim(), o) ?? clarity)
			)
		])
	};
}
