import type { MeasureColumns, Measurer } from './measure';
import { featureLines } from './features';

/**
 * The work a worker does, also runnable in this thread: measuring positions, or (for GeoJSON in
 * and out) parsing, measuring and re-serialising whole features, which is most of the cost.
 */
export type Task =
	| { kind: 'measure'; lons: Float64Array; lats: Float64Array }
	| { kind: 'features'; json: string[]; first: number };

export interface SkippedRow {
	/** Row (feature) number from 1. */
	row: number;
	id: string | null;
	reason: string;
}

export type TaskResult =
	| { kind: 'measure'; columns: MeasureColumns }
	| {
			kind: 'features';
			/** The features out, one per line, joined by commas, as UTF-8 (handed over, not copied). */
			bytes: Uint8Array;
			measured: number;
			skipped: SkippedRow[];
	  };

const encoder = new TextEncoder();

export function runTask(measurer: Measurer, task: Task): TaskResult {
	if (task.kind === 'measure') {
		return { kind: 'measure', columns: measurer.measure(task.lons, task.lats) };
	}
	const { text, measured, skipped } = featureLines(measurer, task.json, task.first);
	return { kind: 'features', bytes: encoder.encode(text), measured, skipped };
}

/** The buffers a result can hand over without copying. */
export function transferables(result: TaskResult | Task): ArrayBuffer[] {
	if (result.kind === 'measure' && 'columns' in result) {
		const { distance, side, place, placeKm } = result.columns;
		return [distance.buffer, side.buffer, place.buffer, placeKm.buffer] as ArrayBuffer[];
	}
	if (result.kind === 'measure' && 'lons' in result) {
		return [result.lons.buffer, result.lats.buffer] as ArrayBuffer[];
	}
	if (result.kind === 'features' && 'bytes' in result) return [result.bytes.buffer as ArrayBuffer];
	return [];
}
