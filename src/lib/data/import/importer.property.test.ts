import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow } from '$lib/data/csv';
import { importText } from './importer';

/**
 * For random ACLED-shaped rows (random text with commas, quotes, line breaks and Arabic in the
 * free fields; valid, missing, half-given and out-of-range coordinates; good and bad dates):
 * imported + rejected = total, and every row valid by construction is imported, unchanged.
 */

const HEADER = [
	'event_id_cnty',
	'event_date',
	'location',
	'latitude',
	'longitude',
	'notes',
	'source'
];

const freeText = fc.string({
	unit: fc.constantFrom(
		'a',
		'Z',
		' ',
		',',
		'"',
		'\n',
		'\r\n',
		';',
		'ح',
		'ج',
		'ي',
		'ن',
		'<',
		'>',
		'0'
	)
});
const goodDate = fc
	.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const badDate = fc.constantFrom('2018-02-30', '18/11/2018', 'soon', '', '2018-13-01');
const goodPosition = fc.oneof(
	fc.tuple(
		fc.double({ min: -90, max: 90, noNaN: true }).map((v) => v.toFixed(5)),
		fc.double({ min: -180, max: 180, noNaN: true }).map((v) => v.toFixed(5))
	),
	fc.constant(['', ''] as [string, string])
);
const badPosition = fc.constantFrom<[string, string]>(
	['91', '40'],
	['34', '-181'],
	['34', ''],
	['', '40'],
	['north', '40']
);

const row = fc.record({
	valid: fc.boolean(),
	good: fc.record({ date: goodDate, position: goodPosition }),
	bad: fc.oneof(
		fc.record({ date: badDate, position: goodPosition }),
		fc.record({ date: goodDate, position: badPosition })
	),
	place: freeText,
	notes: freeText,
	source: freeText
});

describe('imports keep count (property)', () => {
	it('imported + rejected = total, and no valid row is lost', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
				const lines = rows.map((r, i) => {
					const { date, position } = r.valid ? r.good : r.bad;
					return csvRow([`E${i}`, date, r.place, position[0], position[1], r.notes, r.source]);
				});
				const { incidents, report } = importText(csvRow(HEADER) + lines.join(''), 'p');
				expect(report.imported + report.rejected.length).toBe(rows.length);
				expect(report.total).toBe(rows.length);
				const imported = new Map(
					incidents.map((incident) => [incident.properties.original_id, incident])
				);
				rows.forEach((r, i) => {
					if (!r.valid) {
						expect(imported.has(`E${i}`), `row ${i + 1} should be rejected`).toBe(false);
						return;
					}
					const incident = imported.get(`E${i}`);
					expect(incident, `row ${i + 1} lost`).toBeDefined();
					expect(incident?.properties.date).toBe(r.good.date);
					expect(incident?.properties.summary ?? '').toBe(r.notes.trim());
				});
			}),
			{ numRuns: 300, seed: 424242 }
		);
	});
});
