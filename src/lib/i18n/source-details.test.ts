import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '$lib/data/import/importer';
import { Formatter } from './format';
import type { IncidentProperties } from '$lib/data/incident';
import {
	acledInteraction,
	originalRow,
	sourceDetails,
	sourceFormat,
	ucdpDeaths,
	type SourceDetails
} from './source-details';

const fixture = (name: string) =>
	readFileSync(join(import.meta.dirname, '..', 'data', 'import', 'fixtures', name), 'utf8');
const imported = (name: string) => importText(fixture(name), 'test').incidents;

/** The panel's fields as label → value. */
const byLabel = (details: SourceDetails | null) =>
	Object.fromEntries((details?.fields ?? []).map((item) => [item.label, item.value]));

describe('ACLED rows, as ACLED says them', () => {
	const [first, second, third] = imported('acled-current.csv');

	it('knows the source by its columns', () => {
		expect(first && sourceFormat(first.properties)).toBe('acled');
	});

	it('labels event and sub-event type, disorder type, actors with their types, interaction', () => {
		const details = sourceDetails(first!.properties);
		expect(details?.name).toBe('ACLED');
		expect(byLabel(details)).toMatchObject({
			'Event type': 'Explosions/Remote violence',
			'Sub-event type': 'Air/drone strike',
			'Disorder type': 'Political violence',
			'Actor 1': 'Military Forces of Iraq (2018-)',
			'Actor 2': 'Islamic State (Syria)',
			Interaction: 'State forces-Rebel group',
			Location: 'Hajin',
			'Admin 1': 'Deir ez-Zor',
			'Admin 2': 'Al Mayadin',
			'Admin 3': 'Hajin',
			'Source scale': 'National-International'
		});
		const actor2 = details?.fields.find((item) => item.key === 'actor2');
		expect(actor2?.note).toBe('Actor type: Rebel group');
	});

	it('gives the fatalities as ACLED defines them', () => {
		const details = sourceDetails(first!.properties);
		expect(details?.killed?.value).toBe('10');
		expect(details?.killed?.note).toContain('Reported fatalities, ACLED’s conservative estimate');
		// A blank fatalities column is said to be blank, not 0 and not "not stated".
		expect(sourceDetails(second!.properties)?.killed?.value).toBe('not given in the file');
		expect(sourceDetails(third!.properties)?.killed?.value).toBe('0');
	});

	it('says the precision of place and date in ACLED’s words', () => {
		const [a, b, c] = [first, second, third].map((item) => sourceDetails(item!.properties));
		expect(a?.datePrecision).toContain('gives the day');
		expect(b?.datePrecision).toContain('span of days or the week');
		expect(c?.datePrecision).toContain('only the month');
		expect(a?.locationPrecision).toContain('names the town or village');
		expect(b?.locationPrecision).toContain('nearest named town');
		expect(c?.locationPrecision).toContain('larger region');
	});

	it('leaves out what ACLED does not have and what the row left blank', () => {
		const labels = (sourceDetails(third!.properties)?.fields ?? []).map((item) => item.label);
		for (const absent of ['Claimed by', 'Target', 'Aircraft', 'Admin 2', 'Admin 3', 'Tags'])
			expect(labels).not.toContain(absent);
		// Blank civilian targeting is ACLED's "no".
		expect(byLabel(sourceDetails(third!.properties))['Civilian targeting']).toBe('not marked');
	});

	it('lists every original column with its value, blank ones included, in the file’s order', () => {
		const row = originalRow(first!.properties);
		expect(row).toHaveLength(31);
		expect(row[0]).toEqual(['event_id_cnty', 'SYR1001']);
		expect(row.find(([column]) => column === 'actor2')).toEqual([
			'actor2',
			'Islamic State (Syria)'
		]);
		expect(row.find(([column]) => column === 'assoc_actor_2')).toEqual(['assoc_actor_2', '']);
	});
});

describe('older ACLED files (numeric actor types and interaction)', () => {
	const [first] = imported('acled-old.csv');

	it('spells out the codes', () => {
		const details = sourceDetails(first!.properties);
		expect(details?.fields.find((item) => item.key === 'actor1')?.note).toBe(
			'Actor type: State forces'
		);
		expect(details?.fields.find((item) => item.key === 'actor2')?.note).toBe(
			'Actor type: Rebel groups'
		);
		expect(byLabel(details).Interaction).toBe('State forces and Rebel groups (code 12)');
		// Older files have no civilian_targeting column: nothing to say about it.
		expect(byLabel(details)['Civilian targeting']).toBeUndefined();
	});

	it('reads interaction codes as ACLED wrote them', () => {
		expect(acledInteraction('10')).toBe('State forces, acting alone (code 10)');
		expect(acledInteraction('27')).toBe('Rebel groups and Civilians (code 27)');
		expect(acledInteraction('State forces-Civilians')).toBe('State forces-Civilians');
		expect(acledInteraction('99')).toBe('99');
		expect(acledInteraction(null)).toBeNull();
	});
});

describe('UCDP GED rows, as UCDP says them', () => {
	const [first, second] = imported('ucdp-ged.csv');

	it('labels the type of violence, the sides, deaths by category and the headline', () => {
		expect(first && sourceFormat(first.properties)).toBe('ucdp');
		const details = sourceDetails(first!.properties);
		expect(details?.name).toBe('UCDP GED');
		expect(byLabel(details)).toMatchObject({
			'Type of violence': 'State-based conflict',
			'Side A': 'Government of Syria',
			'Side B': 'IS',
			'Deaths by category': 'Side A: 0; Side B: 10; Civilians: 0; Unknown: 0',
			'Source headline': 'Iraqi jets hit IS',
			Conflict: 'Syria: Government',
			Dates: '2018-11-20'
		});
		expect(details?.killed).toMatchObject({ label: 'Deaths', value: '10 (low 8, high 12)' });
		expect(details?.summaryHeading).toBeNull();
	});

	it('says the precision of place and date in UCDP’s words', () => {
		const details = sourceDetails(first!.properties);
		expect(details?.locationPrecision).toContain('exact location');
		expect(details?.datePrecision).toContain('exact day');
		const unlocated = sourceDetails(second!.properties);
		expect(unlocated?.locationPrecision).toContain('only the country');
		expect(unlocated?.datePrecision).toContain('within a month');
		expect(byLabel(unlocated).Dates).toBe('2018-11-01 to 2018-11-30');
	});

	it('writes best, low and high once when they agree', () => {
		expect(ucdpDeaths('3', '3', '3')).toBe('3');
		expect(ucdpDeaths('10', '8', '12')).toBe('10 (low 8, high 12)');
		expect(ucdpDeaths(null, '1', '4')).toBe('no best estimate (low 1, high 4)');
		expect(ucdpDeaths('5', null, '9')).toBe('5 (high 9)');
		expect(ucdpDeaths(null, null, null)).toBeNull();
	});
});

it('has nothing to add for rows that are not from ACLED or UCDP', () => {
	const plain = { source_row: undefined } as unknown as IncidentProperties;
	expect(sourceDetails(plain)).toBeNull();
	expect(originalRow(plain)).toEqual([]);
	const generic = {
		source_row: { columns: ['id', 'date', 'lat'], values: ['1', '2020-01-01', '3'] }
	} as unknown as IncidentProperties;
	expect(sourceDetails(generic)).toBeNull();
	expect(originalRow(generic)).toEqual([
		['id', '1'],
		['date', '2020-01-01'],
		['lat', '3']
	]);
});

describe('in Arabic', () => {
	const arabic = new Formatter('ar');
	const [acled] = imported('acled-current.csv');
	const [ucdp] = imported('ucdp-ged.csv');

	it('labels and explains in Arabic, and keeps the file’s own values as the file gives them', () => {
		const details = sourceDetails(acled!.properties, arabic);
		expect(byLabel(details)).toMatchObject({
			'نوع الحدث': 'Explosions/Remote violence',
			'النوع الفرعي للحدث': 'Air/drone strike'
		});
		expect(details?.killed?.label).toBe('الوفيات');
		expect(details?.summaryHeading).toBe('ملاحظات (ACLED)');
		// The codebook's code in Arabic-Indic digits, like every number the interface writes.
		expect(details?.datePrecision).toContain('دقة التاريخ في ACLED ‏١');
	});

	it('writes UCDP’s codes and bounds in Arabic', () => {
		const details = sourceDetails(ucdp!.properties, arabic);
		expect(details?.killed?.label).toBe('القتلى');
		expect(details?.locationPrecision).toContain('دقة المكان في UCDP ‏١');
		// The file's figures in Arabic-Indic digits, like the interface's own.
		expect(ucdpDeaths('10', '8', '12', arabic)).toBe('١٠ (الأدنى ٨، الأعلى ١٢)');
		expect(acledInteraction('12', arabic)).toBe('قوات الدولة وجماعات متمرّدة (الرمز ١٢)');
	});
});
