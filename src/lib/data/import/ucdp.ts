import { optionalText, readOptionalCount, readPosition, splitList } from '../fields';
import type { DatePrecision, LocationPrecision } from '../incident';
import { readFlexibleDate } from './dates';
import {
	importedIncident,
	lookup,
	RowReader,
	sourceRow,
	type Row,
	type RowOutcome
} from './row-mapping';

/**
 * UCDP Georeferenced Event Dataset (GED) CSV: id, relid, year, …, side_a, side_b, …,
 * where_prec, where_coordinates, adm_1, latitude, longitude, …, country, date_prec,
 * date_start, date_end, deaths_a, …, best, high, low. Every column is kept as the file wrote
 * it (`source_row`): the deaths by category, the sides and the headline are there to show.
 */

export const UCDP_REQUIRED = ['id', 'relid', 'where_prec', 'date_start', 'latitude', 'longitude'];

/**
 * date_prec: 1 the exact day, 2 within 2–6 days, 3 within the week, 4 within the month,
 * 5 longer. Ours has day/week/month; 5 is "month" with the source's own date_end kept, so the
 * span is never narrower than UCDP says.
 */
const DATE_PREC: Record<string, DatePrecision> = {
	'1': 'day',
	'2': 'week',
	'3': 'week',
	'4': 'month',
	'5': 'month'
};

/**
 * where_prec: 1 exact place, 2 within ~25 km, 3 a second-order division, 4 first-order, 5 a
 * linear feature or approximate; 6 (the country) and 7 (waters or airspace) do not place an
 * event on a map: those incidents are kept, unlocated.
 */
const WHERE_PREC: Record<string, LocationPrecision | null> = {
	'1': 1,
	'2': 2,
	'3': 3,
	'4': 3,
	'5': 3,
	'6': null,
	'7': null
};

/** type_of_violence as UCDP names it. */
const VIOLENCE: Record<string, string> = {
	'1': 'state-based conflict',
	'2': 'non-state conflict',
	'3': 'one-sided violence'
};

/** The deaths by category: whole numbers ≥ 0 when given. */
const DEATHS = ['deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown'];

export function ucdpRow(row: Row, rowNumber: number, dataset: string): RowOutcome {
	const id = optionalText(row.get('id'));
	const read = new RowReader(rowNumber, id);
	if (id === null) read.fail('id', 'is missing');
	const start = read.take('date_start', readFlexibleDate(row.get('date_start')));
	const endText = optionalText(row.get('date_end'));
	const end = endText === null ? null : read.take('date_end', readFlexibleDate(endText));
	if (start !== undefined && end && end < start) {
		read.fail('date_end', `${end} is before date_start ${start}`);
	}
	const precisionText = optionalText(row.get('date_prec'));
	const datePrecision = precisionText === null ? 'day' : lookup(DATE_PREC, precisionText);
	if (!datePrecision) read.fail('date_prec', `"${precisionText}" is not 1 to 5`);
	const whereText = optionalText(row.get('where_prec'));
	const where = whereText === null ? undefined : lookup(WHERE_PREC, whereText);
	if (whereText !== null && where === undefined) {
		read.fail('where_prec', `"${whereText}" is not 1 to 7`);
	}
	const violence = optionalText(row.get('type_of_violence'));
	if (violence !== null && lookup(VIOLENCE, violence) === undefined) {
		read.fail('type_of_violence', `"${violence}" is not 1, 2 or 3`);
	}
	const position = readPosition(row.get('latitude'), row.get('longitude'));
	const coordinates = read.take(position.field ?? 'latitude', position);
	const low = read.take('low', readOptionalCount(row.get('low')));
	const best = read.take('best', readOptionalCount(row.get('best')));
	const high = read.take('high', readOptionalCount(row.get('high')));
	if (typeof low === 'number' && typeof best === 'number' && low > best) {
		read.fail('low', `${low} is above best ${best}`);
	}
	if (typeof high === 'number' && typeof best === 'number' && high < best) {
		read.fail('high', `${high} is below best ${best}`);
	}
	if (typeof low === 'number' && typeof high === 'number' && low > high) {
		read.fail('low', `${low} is above high ${high}`);
	}
	for (const column of DEATHS) read.take(column, readOptionalCount(row.get(column)));
	if (read.error || id === null || start === undefined || !datePrecision) {
		return {
			error: read.error ?? { row: rowNumber, id, field: 'row', message: 'unreadable' }
		};
	}
	return importedIncident(where === null ? null : coordinates, rowNumber, {
		original_id: id,
		dataset,
		date: start,
		date_precision: datePrecision,
		date_end: end && end !== start ? end : null,
		place:
			optionalText(row.get('where_coordinates')) ??
			optionalText(row.get('where_description')) ??
			'(no place name)',
		admin1: optionalText(row.get('adm_1')),
		country: optionalText(row.get('country')),
		location_precision: where ?? 3,
		actor: optionalText(row.get('side_a')),
		actor2: optionalText(row.get('side_b')),
		event_type: lookup(VIOLENCE, violence) ?? null,
		sub_event_type: optionalText(row.get('conflict_name')),
		killed_min: low ?? best ?? null,
		killed_max: high ?? best ?? null,
		killed_best: best ?? null,
		summary: optionalText(row.get('source_headline')) ?? optionalText(row.get('dyad_name')),
		sources: splitList(row.get('source_article')),
		source_row: sourceRow(row)
	});
}
