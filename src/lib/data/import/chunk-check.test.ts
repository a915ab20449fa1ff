import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../incident';
import { sameJson } from '../same-json';
import { chunkPassesAsStored } from './chunk-check';
import { decodeIncidents, encodeIncidents, type IncidentChunk } from './incident-chunk';
import { StoredDatasetCheck } from './stored-dataset';
import { importedFixtures } from './testing/imported-fixtures';

/** Rows as imports of the dataset "ds" give them, with every kind of field filled or not. */
function row(n: number): IncidentFeature {
	const id = `ds:E${n}`;
	return {
		type: 'Feature',
		id,
		geometry: n % 7 === 0 ? null : { type: 'Point', coordinates: [40 + n / 1e4, 34.45] },
		properties: {
			id,
			dataset: 'ds',
			date: `2019-03-0${1 + (n % 9)}`,
			date_precision: n % 5 === 0 ? 'week' : 'day',
			date_end: n % 4 === 0 ? '2019-03-12' : null,
			weekday_reported: null,
			place: n % 2 ? 'الباغوز' : 'Hajin',
			place_ar: n % 3 ? null : 'هجين',
			admin1: 'Deir ez-Zor',
			country: 'Syria',
			location_precision: ((n % 3) + 1) as 1 | 2 | 3,
			actor: 'Forces of "X"',
			aircraft: null,
			target: null,
			killed_min: n % 3 ? n : null,
			killed_max: n % 3 ? n + (n % 2) : null,
			...(n % 2 ? { killed_best: n % 3 ? n : null } : {}),
			claimed_by: null,
			summary: `Row ${n}, "quoted"`,
			sources: n % 6 ? ['SOHR', 'Airwaves'] : [],
			...(n % 2 ? { event_type: 'Air strike', actor2: null } : {}),
			original_id: `E${n}`,
			...(n % 5 ? { source_row: { columns: ['id', 'notes'], values: [`E${n}`, `Row ${n}`] } } : {})
		}
	};
}

const record = {
	info: { id: 'ds', title: 'A test set', credit: 'here', description: '' },
	report: { format: 'acled', total: 0, imported: 0, unlocated: 0, rejected: [], notes: [] }
};

const open = () => StoredDatasetCheck.open(record) as StoredDatasetCheck;

/** A chunk as it comes back from IndexedDB. */
const stored = (incidents: IncidentFeature[]) => structuredClone(encodeIncidents(incidents));

/** The fast way: the columns checked, then the ids. */
const fast = (chunk: IncidentChunk, check = open()) =>
	chunkPassesAsStored(chunk, 'ds') && check.acceptUnchanged(chunk.ids);

/** The careful way: every row decoded, checked and compared with what was stored. */
function careful(chunk: IncidentChunk, check = open()): boolean {
	try {
		const decoded = decodeIncidents(chunk);
		const checked = check.rows(decoded);
		return checked.length === decoded.length && decoded.every((d, r) => sameJson(d, checked[r]));
	} catch {
		return false;
	}
}

/** A seeded generator, so a failure can be run again. */
function generator(seed: number) {
	let s = seed;
	const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
	return {
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
	};
}

type Random = ReturnType<typeof generator>;

const ODD_TEXTS = [
	5,
	null,
	'',
	' ',
	'ds',
	'other',
	'2019-02-30',
	' 2019-03-01',
	'2019-03-01',
	'2019-03-20',
	'2019-02-01',
	'week',
	'month',
	'hour',
	'\u202eطرف',
	'<b>x</b>'
];
const ODD_NUMBERS = [
	Number.NaN,
	-1,
	-2,
	0,
	1,
	2,
	3,
	4,
	2.5,
	1e20,
	Infinity,
	-Infinity,
	45,
	200,
	-91
];

/** One change of the kind broken storage (or a hostile page on the same origin) could make. */
function breakOnce(chunk: IncidentChunk, random: Random) {
	const r = random.int(chunk.count);
	const fields = Object.keys(chunk.text) as (keyof IncidentChunk['text'])[];
	const column = chunk.text[random.pick(fields)];
	const lists = [chunk.sources, chunk.sourceValues];
	const numbers = [chunk.lon, chunk.lat, chunk.killedMin, chunk.killedMax, chunk.killedBest];
	const ids = chunk.ids as unknown[];
	switch (random.int(9)) {
		case 0:
			(column.values as unknown[])[random.int(column.values.length + 1)] = random.pick(ODD_TEXTS);
			break;
		case 1:
			column.codes[r] = random.pick([-3, -2, -1, 0, 1, column.values.length]);
			break;
		case 2:
			ids[r] = random.pick(['E5', 5, 'ds/row-1', 'ds:', 'other:E1', ids[random.int(ids.length)]]);
			break;
		case 3:
			random.pick(numbers)[r] = random.pick(ODD_NUMBERS);
			break;
		case 4:
			chunk.locationPrecision[r] = random.pick([0, 1, 2, 3, 4, 255]);
			break;
		case 5: {
			const list = random.pick(lists);
			(list.values as unknown[])[random.int(list.values.length + 1)] = random.pick(ODD_TEXTS);
			break;
		}
		case 6: {
			const list = random.pick(lists);
			if (random.int(2)) list.codes[random.int(list.codes.length)] = random.pick([-1, 0, 99]);
			else list.offsets[r + random.int(2)] = random.pick([0, 1, 3, 1000]);
			break;
		}
		case 7:
			chunk.sourceColumnSet[r] = random.pick([-7, -1, 0, 1]);
			break;
		default: {
			const columns = chunk.sourceColumns[0] as unknown[] | undefined;
			// Up to one past the end: a hole before it, as storage keeps one.
			if (columns) columns[random.int(columns.length + 2)] = random.pick(['extra', 5, 'id']);
		}
	}
}

describe('chunkPassesAsStored', () => {
	it('passes the chunks every import format saves, and those of the rows above', () => {
		for (const [file, incidents] of importedFixtures('ds')) {
			expect(incidents.length).toBeGreaterThan(0);
			expect(fast(stored(incidents)), file).toBe(true);
		}
		const incidents = Array.from({ length: 60 }, (_, n) => row(n));
		expect(careful(stored(incidents))).toBe(true);
		expect(fast(stored(incidents))).toBe(true);
	});

	it('never passes a chunk whose rows the careful check would change or leave out', () => {
		const clean = stored(Array.from({ length: 30 }, (_, n) => row(n)));
		const random = generator(20261203);
		let passed = 0;
		let refused = 0;
		for (let attempt = 0; attempt < 4000; attempt++) {
			const chunk = structuredClone(clean);
			for (let k = 1 + random.int(3); k > 0; k--) breakOnce(chunk, random);
			if (fast(chunk)) {
				passed++;
				expect(careful(chunk), `attempt ${attempt}`).toBe(true);
			} else refused++;
		}
		// Both sides were reached: some changes leave every row valid, most do not.
		expect(passed).toBeGreaterThan(200);
		expect(refused).toBeGreaterThan(2000);
	});

	it('refuses each change the careful check makes, one at a time', () => {
		const clean = () => stored([row(1), row(2), row(4)]);
		const cases: [string, (chunk: IncidentChunk) => void][] = [
			['a date the check trims', (c) => (c.text.date.values[0] = ' 2019-03-02')],
			['a date that is no day', (c) => (c.text.date.values[0] = '2019-02-30')],
			['an end before the date', (c) => (c.text.date_end.values[0] = '2019-01-01')],
			['a field every incident has, absent', (c) => (c.text.summary.codes[0] = -2)],
			['a text that is a number', (c) => ((c.text.actor.values as unknown[])[0] = 5)],
			['another dataset', (c) => (c.text.dataset.values[0] = 'other')],
			['an id saved by an older version', (c) => (c.ids[0] = 'E1')],
			['a longitude out of range', (c) => (c.lon[0] = 181)],
			['killed_min above killed_max', (c) => (c.killedMin[1] = 9)],
			['killed_best outside them', (c) => (c.killedBest[0] = 50)],
			['a blank source', (c) => (c.sources.values[0] = ' ')],
			['an original row one value short', (c) => c.sourceColumns[0]?.push('extra')],
			['a duplicate id', (c) => (c.ids[2] = c.ids[0] ?? '')],
			["a hole in an original row's columns", (c) => holed(c.sourceColumns, 0)]
		];
		expect(fast(clean())).toBe(true);
		for (const [what, change] of cases) {
			const chunk = clean();
			change(chunk);
			expect(careful(chunk), what).toBe(false);
			expect(fast(chunk), what).toBe(false);
		}
	});
});

/** The first column list with a hole in its middle, its length kept. */
function holed(sets: string[][], set: number) {
	const columns = sets[set];
	if (!columns) return;
	const sparse: string[] = [];
	sparse.length = columns.length;
	columns.forEach((column, i) => {
		if (i !== 1) sparse[i] = column;
	});
	sets[set] = structuredClone(sparse);
}

describe('chunkPassesAsStored on odd stored arrays', () => {
	it('neither throws nor runs long where a stored array shadows its methods or is sparse and long', () => {
		const shadowed = stored([row(1), row(2)]);
		Object.assign(shadowed.text.actor.values, { map: 1, every: 1, some: 1 });
		Object.assign(shadowed.sourceColumns, { every: 1 });
		Object.assign(shadowed.sourceColumns[0] ?? [], { every: 1 });
		expect(() => fast(structuredClone(shadowed))).not.toThrow();
		expect(careful(structuredClone(shadowed))).toBe(true);

		const long = stored([row(1), row(2)]);
		long.text.summary.values.length = 2 ** 32 - 1;
		expect(fast(long)).toBe(false);
	});
});

describe('StoredDatasetCheck.acceptUnchanged', () => {
	it('refuses a chunk with an id met before, and leaves the ids met as they were', () => {
		const check = open();
		const first = stored([row(1), row(2)]);
		const second = stored([row(3), row(4), row(1), row(5)]);
		expect(check.acceptUnchanged(first.ids)).toBe(true);
		expect(check.acceptUnchanged(second.ids)).toBe(false);
		// Checked one by one, only the duplicate goes: ds:E3 and ds:E4 were not left as "met".
		expect(check.rows(decodeIncidents(second)).map((incident) => incident.id)).toEqual([
			'ds:E3',
			'ds:E4',
			'ds:E5'
		]);
		const result = check.result([]);
		expect(result.dataset?.report.imported).toBe(0);
		expect(result.problem).toMatch(/^1 saved row of .*ds:E1.*: duplicate id\)$/);
	});
});
