import { linkedColumnsPart, partBuffers, type ColumnsPart } from '../filter-engine';
import type { IncidentFeature, PlaceFeature } from '../incident';
import { ChunkedIncidents } from '../incident-rows';
import { chunkBuffers, encodeIncidents, type IncidentChunk } from './incident-chunk';

/**
 * How the import, restore and ?data= workers hand rows to the page: in batches, each its rows as
 * columns (incident-chunk.ts) and its filter columns (filter-engine.ts), built where the rows are.
 * The page keeps both as they came (fromBatches) and decodes a row only when it shows it.
 */

/** Rows per batch: each costs the page a short task to receive. */
export const BATCH = 5_000;

export interface IncidentBatch {
	chunk: IncidentChunk;
	columns: ColumnsPart;
}

/** Some rows, linked to the gazetteer's places, as one batch. */
export function incidentBatch(
	incidents: readonly IncidentFeature[],
	places: readonly PlaceFeature[]
): IncidentBatch {
	return { chunk: encodeIncidents(incidents), columns: linkedColumnsPart(incidents, places) };
}

/** Every BATCH rows, a batch. */
export function* incidentBatches(
	incidents: readonly IncidentFeature[],
	places: readonly PlaceFeature[]
): Generator<IncidentBatch> {
	for (let start = 0; start < incidents.length; start += BATCH) {
		yield incidentBatch(incidents.slice(start, start + BATCH), places);
	}
}

/**
 * A batch's buffers, to transfer rather than copy: the filter columns always, the rows' columns
 * unless the sender keeps them (the import worker saves them afterwards).
 */
export function batchBuffers(batch: IncidentBatch, keepChunk = false): ArrayBuffer[] {
	return [...partBuffers(batch.columns), ...(keepChunk ? [] : chunkBuffers(batch.chunk))];
}

/** The batches a worker sent, in order, as the page keeps them. */
export function fromBatches(batches: readonly IncidentBatch[]): {
	incidents: ChunkedIncidents;
	columns: ColumnsPart[];
} {
	return {
		incidents: new ChunkedIncidents(batches.map((batch) => batch.chunk)),
		columns: batches.map((batch) => batch.columns)
	};
}
