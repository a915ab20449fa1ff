import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentFeature } from '../incident';
import {
	decodeIncident,
	decodeIncidents,
	encodeIncidents,
	isIncidentChunk,
	wellFormedChunk
} from './incident-chunk';

const builtin = (): IncidentFeature[] =>
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../../../../geodata/incidents/strikes.geojson'), 'utf8')
	).features;

const columns = ['event_id_cnty', 'event_date', 'notes'];

/** An imported row with every optional field, Arabic and quotes in its text. */
const imported: IncidentFeature = {
	type: 'Feature',
	id: 'acled-1:SYR1',
	geometry: { type: 'Point', coordinates: [40.91, 34.45] },
	properties: {
		id: 'acled-1:SYR1',
		dataset: 'acled-1',
		date: '2024-02-03',
		date_precision: 'week',
		date_end: '2024-02-09',
		weekday_reported: null,
		place: 'البوكمال',
		place_ar: 'البوكمال',
		admin1: 'Deir ez-Zor',
		country: 'Syria',
		location_precision: 2,
		actor: 'Military Forces of "X"',
		aircraft: null,
		target: null,
		killed_min: 0,
		killed_max: 0,
		claimed_by: null,
		summary: 'On 3 February, "unknown" drones struck;\nline two, «quoted»',
		sources: ['Syrian Observatory for Human Rights', 'SANA'],
		actor2: null,
		event_type: 'Explosions/Remote violence',
		sub_event_type: 'Air/drone strike',
		killed_best: null,
		original_id: 'SYR1',
		source_row: { columns, values: ['SYR1', '03 February 2024', 'On 3 February, "unknown"'] }
	}
};

/** An unlocated row without the optional fields, counts not reported. */
const unlocated: IncidentFeature = {
	type: 'Feature',
	id: 'acled-1:SYR2',
	geometry: null,
	properties: {
		...imported.properties,
		id: 'acled-1:SYR2',
		place: 'Deir ez-Zor',
		killed_min: null,
		killed_max: null,
		sources: [],
		source_row: { columns, values: ['SYR2', '', ''] }
	}
};
{
	const { actor2, event_type, sub_event_type, killed_best, original_id, ...without } =
		unlocated.properties;
	void [actor2, event_type, sub_event_type, killed_best, original_id];
	unlocated.properties = without;
}

describe('incident columns', () => {
	it('give back every field of every incident, the built-in ones and imported ones', () => {
		const incidents = [...builtin(), imported, unlocated];
		const chunk = encodeIncidents(incidents);
		expect(isIncidentChunk(chunk)).toBe(true);
		expect(decodeIncidents(chunk)).toEqual(incidents);
		// Exactly: no field appears that was absent (toEqual would let `undefined` through).
		expect(Object.keys(decodeIncident(chunk, incidents.length - 1).properties).sort()).toEqual(
			Object.keys(unlocated.properties).sort()
		);
	});

	it('keep nulls null, zero zero and unlocated rows unlocated', () => {
		const chunk = encodeIncidents([imported, unlocated]);
		const [a, b] = decodeIncidents(chunk);
		expect(a?.properties.killed_min).toBe(0);
		expect(a?.properties.killed_best).toBeNull();
		expect(a?.properties.aircraft).toBeNull();
		expect(b?.properties.killed_min).toBeNull();
		expect(b?.geometry).toBeNull();
		expect(Number.isNaN(chunk.lon[1])).toBe(true);
	});

	it('keep one copy of each repeated string and of a file’s column list', () => {
		const chunk = encodeIncidents([imported, unlocated]);
		expect(chunk.text.dataset.values).toEqual(['acled-1']);
		expect(chunk.sourceColumns).toEqual([columns]);
		const [a, b] = decodeIncidents(chunk);
		expect(a?.properties.source_row?.columns).toBe(b?.properties.source_row?.columns);
	});

	it('survive a structured clone (what IndexedDB and postMessage do)', () => {
		const chunk = structuredClone(encodeIncidents([imported, unlocated]));
		expect(isIncidentChunk(chunk)).toBe(true);
		expect(decodeIncidents(chunk)).toEqual([imported, unlocated]);
	});

	it('are empty for no incidents', () => {
		expect(decodeIncidents(encodeIncidents([]))).toEqual([]);
	});
});

describe('a well-formed chunk', () => {
	it('is a stored chunk of this layout, given back with its columns as they were', () => {
		const stored = structuredClone(encodeIncidents([...builtin(), imported, unlocated]));
		const chunk = wellFormedChunk({ ...stored, extra: 'not kept' });
		expect(chunk).toEqual(stored);
		expect(chunk?.lon).toBe(stored.lon);
		expect(chunk?.text.place.codes).toBe(stored.text.place.codes);
		expect(chunk).not.toHaveProperty('extra');
	});

	it('is not one whose columns have the wrong type or length', () => {
		const good = () => structuredClone(encodeIncidents([imported, unlocated]));
		const broken: ((chunk: Record<string, unknown>) => void)[] = [
			(chunk) => (chunk.count = 3),
			(chunk) => (chunk.count = -1),
			(chunk) => (chunk.ids = ['one']),
			(chunk) => (chunk.lon = new Float32Array(2)),
			(chunk) => (chunk.lat = new Float64Array(1)),
			(chunk) => (chunk.locationPrecision = [1, 2]),
			(chunk) => (chunk.sourceColumnSet = new Uint8Array(2)),
			(chunk) => (chunk.sourceColumns = [null]),
			(chunk) => (chunk.text = null),
			(chunk) => delete (chunk.text as Record<string, unknown>).place,
			(chunk) => ((chunk.text as Record<string, { codes: unknown }>).actor!.codes = [0, 0]),
			(chunk) => ((chunk.sources as { offsets: unknown }).offsets = new Uint32Array(2)),
			(chunk) => (chunk.sourceValues = 'none'),
			(chunk) => (chunk.layout = 'incident-columns-0')
		];
		expect(wellFormedChunk(good())).not.toBeNull();
		for (const breakIt of broken) {
			const chunk = good() as unknown as Record<string, unknown>;
			breakIt(chunk);
			expect(wellFormedChunk(chunk)).toBeNull();
		}
		expect(wellFormedChunk([imported])).toBeNull();
		expect(wellFormedChunk(null)).toBeNull();
	});
});
