import { describe, expect, it } from 'vitest';
import { linkedColumnsPart } from '../filter-engine';
import type { IncidentFeature } from '../incident';
import { BATCH, type IncidentBatch } from './incident-batch';
import { decodeIncidents, encodeIncidents } from './incident-chunk';
import { restoredBatches } from './restored-batches';
import { checkStoredDataset, StoredDatasetCheck } from './stored-dataset';
import { importedFixtures } from './testing/imported-fixtures';

/** Rows as an import of the dataset "ds" gives them, with Arabic and quotes in the text. */
function row(n: number, dataset = 'ds'): IncidentFeature {
	const id = `${dataset}:E${n}`;
	return {
		type: 'Feature',
		id,
		geometry: n % 7 === 0 ? null : { type: 'Point', coordinates: [40 + n / 1e4, 34.45] },
		properties: {
			id,
			dataset,
			date: '2019-03-0' + (1 + (n % 9)),
			date_precision: 'day',
			date_end: null,
			weekday_reported: null,
			place: n % 2 ? 'الباغوز' : 'Hajin',
			place_ar: null,
			admin1: 'Deir ez-Zor',
			country: 'Syria',
			location_precision: 2,
			actor: 'Forces of "X"',
			aircraft: null,
			target: null,
			killed_min: n % 3 ? n : null,
			killed_max: n % 3 ? n : null,
			claimed_by: null,
			summary: `Row ${n}`,
			sources: ['SOHR'],
			original_id: `E${n}`,
			source_row: { columns: ['id', 'notes'], values: [`E${n}`, `Row ${n}`] }
		}
	};
}

const rows = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => row(from + i));

const record = {
	info: { id: 'ds', title: 'A test set', credit: 'here', description: '' },
	report: { format: 'acled', total: 0, imported: 0, unlocated: 0, rejected: [], notes: [] },
	visible: true
};

const open = () => {
	const check = StoredDatasetCheck.open(record);
	if (!(check instanceof StoredDatasetCheck)) throw new Error(check.problem);
	return check;
};

/** A chunk as it comes back from IndexedDB. */
const stored = (incidents: IncidentFeature[]) => structuredClone(encodeIncidents(incidents));

/** Every stored chunk of a dataset through one check, as the restore worker reads them. */
function restore(chunks: unknown[]) {
	const check = open();
	const batches: IncidentBatch[] = chunks.flatMap((chunk) => [
		...restoredBatches(chunk, check, [])
	]);
	return { batches, incidents: batches.flatMap((b) => decodeIncidents(b.chunk)), check };
}

describe('a saved chunk restored', () => {
	it('is handed on as it was stored when every row passes the checks unchanged', () => {
		const incidents = rows(0, 50);
		const chunk = stored(incidents);
		const [batch, ...more] = restoredBatches(chunk, open(), []);
		expect(more).toEqual([]);
		expect(batch?.chunk.lon).toBe(chunk.lon);
		expect(batch?.chunk.text.summary.codes).toBe(chunk.text.summary.codes);
		expect(decodeIncidents(batch!.chunk)).toEqual(incidents);
		expect(batch?.columns).toEqual(linkedColumnsPart(incidents, []));
	});

	it('is handed on as it was for what imports of every format save', () => {
		for (const [file, incidents] of importedFixtures('ds')) {
			expect(incidents.length).toBeGreaterThan(0);
			const chunk = stored(incidents);
			const [batch] = restoredBatches(chunk, open(), []);
			expect(batch?.chunk.ids, file).toBe(chunk.ids);
		}
	});

	it('is encoded afresh when the check changes a row or leaves it out', () => {
		const other = row(3, 'other');
		const chunk = stored([row(1), other, row(2)]);
		const { batches, incidents, check } = restore([chunk]);
		expect(batches[0]?.chunk.lon).not.toBe(chunk.lon);
		expect(incidents).toEqual([row(1), row(2)]);
		expect(check.result([]).problem).toContain('belongs to another dataset');
	});

	it('gives rows saved with their file’s ids the qualified ids imports have now', () => {
		const old = row(5);
		old.id = 'E5';
		old.properties = { ...old.properties, id: 'E5' };
		const { incidents } = restore([stored([old])]);
		expect(incidents.map((incident) => incident.id)).toEqual(['ds:E5']);
		expect(incidents[0]?.properties.original_id).toBe('E5');
	});

	it('finds an id that comes again in a later chunk', () => {
		const { incidents, check } = restore([stored(rows(0, 3)), stored(rows(2, 3))]);
		expect(incidents.map((incident) => incident.id)).toEqual([
			'ds:E0',
			'ds:E1',
			'ds:E2',
			'ds:E3',
			'ds:E4'
		]);
		expect(check.result([]).problem).toMatch(
			/^1 saved row of .* \(first: .*ds:E2.*: duplicate id\)$/
		);
	});

	it('counts a chunk whose columns cannot be read, and goes on with the next', () => {
		const broken = { ...stored(rows(0, 4)), text: null };
		const { incidents, check } = restore([broken, stored(rows(10, 2))]);
		expect(incidents).toEqual(rows(10, 2));
		expect(check.result([]).problem).toMatch(/^4 saved rows of .* cannot be read\)$/);
	});

	it('splits a chunk larger than a batch, and reads chunks of older versions (feature arrays)', () => {
		const large = rows(0, BATCH + 10);
		const { batches, incidents } = restore([stored(large), [row(BATCH + 10)]]);
		expect(batches.map((batch) => batch.chunk.count)).toEqual([BATCH, 10, 1]);
		expect(incidents).toEqual(rows(0, BATCH + 11));
	});

	it('keeps what the whole-dataset check keeps, and says the same', () => {
		const bad = row(8);
		bad.properties = { ...bad.properties, location_precision: 9 as 1 };
		const chunks = [rows(0, 4), [bad, row(9), row(1)], rows(20, 3)];
		const { incidents, check } = restore([stored(chunks[0]!), chunks[1], stored(chunks[2]!)]);
		const whole = checkStoredDataset({ ...record, incidents: chunks.flat() });
		expect(incidents).toEqual(whole.dataset?.incidents);
		expect(check.result([]).problem).toBe(whole.problem);
	});
});
