import { linkedColumnsPart } from '../filter-engine';
import type { IncidentFeature, PlaceFeature } from '../incident';
import { sameJson } from '../same-json';
import { chunkPassesAsStored } from './chunk-check';
import { BATCH, incidentBatches, type IncidentBatch } from './incident-batch';
import { decodeIncidents, isIncidentChunk, wellFormedChunk } from './incident-chunk';
import type { StoredDatasetCheck } from './stored-dataset';

/**
 * One stored chunk of a saved dataset as the batches the page takes in. Every row is checked as
 * an imported one is (stored-dataset.ts). A chunk of this layout and a batch's size is first
 * checked column by column (chunk-check.ts): when every row passes as stored, its columns are
 * handed on as they are, and no row is checked one by one (that, and comparing each checked row
 * with the stored one, was most of a restore's work). Otherwise every row is decoded and
 * checked; when the check gives back every row exactly as stored, the columns are still handed
 * on as they are, not encoded again.
 * Anything else (a row the check changes or leaves out, a chunk of an older version or of
 * another shape) goes the careful way: the checked rows, encoded afresh.
 */
export function* restoredBatches(
	stored: unknown,
	check: StoredDatasetCheck,
	places: readonly PlaceFeature[]
): Generator<IncidentBatch> {
	const chunk = wellFormedChunk(stored);
	if (chunk !== null && chunk.count <= BATCH) {
		if (chunkPassesAsStored(chunk, check.info.id) && check.acceptUnchanged(chunk.ids)) {
			yield { chunk, columns: linkedColumnsPart(decodeIncidents(chunk), places) };
			return;
		}
		const decoded = decodeIncidents(chunk);
		const checked = check.rows(decoded);
		if (unchanged(decoded, checked)) {
			yield { chunk, columns: linkedColumnsPart(checked, places) };
		} else {
			yield* incidentBatches(checked, places);
		}
		return;
	}
	const rows = storedRows(stored);
	if (rows === null) {
		const count = (stored as { count: unknown }).count;
		check.unreadable(
			Number.isSafeInteger(count) && (count as number) > 0 ? (count as number) : 1,
			'a stored chunk of rows whose columns cannot be read'
		);
		return;
	}
	yield* incidentBatches(check.rows(rows), places);
}

/** The rows of a chunk of another shape; null when they cannot be read at all. */
function storedRows(stored: unknown): readonly unknown[] | null {
	if (isIncidentChunk(stored)) {
		try {
			return decodeIncidents(stored);
		} catch {
			return null;
		}
	}
	return Array.isArray(stored) ? stored : [stored];
}

function unchanged(decoded: readonly IncidentFeature[], checked: readonly IncidentFeature[]) {
	if (decoded.length !== checked.length) return false;
	for (let r = 0; r < decoded.length; r++) if (!sameJson(decoded[r], checked[r])) return false;
	return true;
}
