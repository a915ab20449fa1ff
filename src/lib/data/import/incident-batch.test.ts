import { describe, expect, it } from 'vitest';
import { buildColumnsPart } from '../filter-engine';
import { rowsArray } from '../incident-rows';
import { randomIncidents } from '../testing/random-incidents';
import { seededRandom } from '../testing/random';
import { BATCH, batchBuffers, fromBatches, incidentBatches } from './incident-batch';

const incidents = randomIncidents(seededRandom(3), BATCH + 7);

describe('incident batches', () => {
	it('cut the rows every BATCH, and read back as the rows and their filter columns', () => {
		const batches = [...incidentBatches(incidents, [])];
		expect(batches.map((batch) => batch.chunk.count)).toEqual([BATCH, 7]);
		const { incidents: rows, columns } = fromBatches(batches);
		expect(rowsArray(rows)).toEqual(incidents);
		expect(columns.map((part) => part.ids)).toEqual([
			buildColumnsPart(incidents.slice(0, BATCH)).ids,
			buildColumnsPart(incidents.slice(BATCH)).ids
		]);
	});

	it('transfer the rows too, unless the sender keeps them', () => {
		const [batch] = [...incidentBatches(incidents.slice(0, 3), [])];
		const all = batchBuffers(batch!);
		const kept = batchBuffers(batch!, true);
		expect(all).toContain(batch!.chunk.lon.buffer);
		expect(kept).not.toContain(batch!.chunk.lon.buffer);
		expect(kept).toContain(batch!.columns.lon.buffer);
	});
});
