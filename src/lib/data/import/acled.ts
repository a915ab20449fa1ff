import {
	optionalText,
	readOptionalCount,
	readOptionalNumber,
	readPosition,
	splitList
} from '../fields';
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
 * ACLED exports: the current 31 columns (event_id_cnty, event_date, year, time_precision,
 * disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, …,
 * latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags,
 * timestamp) and older files (numeric inter1/inter2/interaction, dates written
 * "15 January 2019"). Their codes map onto ours as ACLED defines them; every column is kept
 * as the file wrote it (`source_row`), so the fields we do not map (admin2–3, interaction,
 * civilian_targeting, tags…) are there to show.
 */

export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'latitude', 'longitude'];

/** time_precision 1/2/3: the day, a date within the week, within the month. */
const TIME_PRECISION: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };
/** geo_precision 1/2/3: the town, near it or its district, the region (ours are ACLED's). */
const GEO_PRECISION: Record<string, LocationPrecision> = { '1': 1, '2': 2, '3': 3 };

/** A whole number when given (ACLED's iso and timestamp columns). */
function checkWhole(read: RowReader, row: Row, column: string) {
	const number = read.take(column, readOptionalNumber(row.get(column)));
	if (typeof number === 'number' && !Number.isSafeInteger(number)) {
		read.fail(column, `"${row.get(column)?.trim()}" is not a whole number`);
	}
}

export function acledRow(row: Row, rowNumber: number, dataset: string): RowOutcome {
	const id = optionalText(row.get('event_id_cnty'));
	const read = new RowReader(rowNumber, id);
	if (id === null) read.fail('event_id_cnty', 'is missing');
	const date = read.take('event_date', readFlexibleDate(row.get('event_date')));
	const year = optionalText(row.get('year'));
	if (date !== undefined && year !== null && year !== date.slice(0, 4)) {
		read.fail('year', `"${year}" is not the year of event_date ${date}`);
	}
	const timePrecision = optionalText(row.get('time_precision'));
	const datePrecision = timePrecision === null ? 'day' : lookup(TIME_PRECISION, timePrecision);
	if (!datePrecision) read.fail('time_precision', `"${timePrecision}" is not 1, 2 or 3`);
	const position = readPosition(row.get('latitude'), row.get('longitude'));
	const coordinates = read.take(position.field ?? 'latitude', position);
	const geoPrecision = optionalText(row.get('geo_precision'));
	const locationPrecision = geoPrecision === null ? 1 : lookup(GEO_PRECISION, geoPrecision);
	if (!locationPrecision) read.fail('geo_precision', `"${geoPrecision}" is not 1, 2 or 3`);
	const fatalities = read.take('fatalities', readOptionalCount(row.get('fatalities')));
	checkWhole(read, row, 'iso');
	checkWhole(read, row, 'timestamp');
	if (read.error || id === null || date === undefined || !datePrecision || !locationPrecision) {
		return { error: read.error ?? { row: rowNumber, id, field: 'row', message: 'unreadable' } };
	}
	return importedIncident(coordinates, rowNumber, {
		original_id: id,
		dataset,
		date,
		date_precision: datePrecision,
		place:
			optionalText(row.get('location')) ?? optionalText(row.get('admin2')) ?? '(no place name)',
		admin1: optionalText(row.get('admin1')),
		country: optionalText(row.get('country')),
		location_precision: locationPrecision,
		actor: optionalText(row.get('actor1')),
		actor2: optionalText(row.get('actor2')),
		event_type: optionalText(row.get('event_type')),
		sub_event_type: optionalText(row.get('sub_event_type')),
		// ACLED's own figure: 0 is what it reports when no deaths were reported.
		killed_min: fatalities ?? null,
		killed_max: fatalities ?? null,
		summary: optionalText(row.get('notes')),
		sources: splitList(row.get('source')),
		source_row: sourceRow(row)
	});
}
