/// <reference lib="webworker" />
import {
	evaluate,
	normaliseSearch,
	type Evaluation,
	type IncidentColumns
} from '$lib/data/filter-engine';
import type { IncidentFilter } from '$lib/data/filter';
import { groupIncidents } from '$lib/analysis/groups';

/**
 * Filtering off the main thread: holds the incidents as columns, evaluates each filter, and
 * groups the matches for the map. A burst of filters (a brush being dragged, playback) is
 * coalesced: only the newest waiting filter is evaluated, and grouping is skipped for a filter
 * that is no longer the newest, so the worker never falls behind the user. A one-off request
 * (`once`: each step of a video export) is answered in full, whatever else is asked.
 */
export type FilterWorkerMessage =
	| { type: 'columns'; columns: IncidentColumns }
	| { type: 'border'; border: Float64Array }
	| { type: 'filter'; requestId: number; filter: IncidentFilter }
	| { type: 'once'; onceId: number; filter: IncidentFilter };

export type FilterWorkerReply =
	| { type: 'evaluation'; requestId: number; evaluation: Evaluation; milliseconds: number }
	| { type: 'groups'; requestId: number; groups: ReturnType<typeof groupIncidents> }
	| { type: 'error'; requestId: number; message: string }
	| { type: 'once'; onceId: number; result: OnceResult }
	| { type: 'once-error'; onceId: number; message: string };

/** A one-off answer (a video's step): the mask, the count and the groups, together. */
export interface OnceResult {
	mask: Uint8Array;
	count: number;
	groups: ReturnType<typeof groupIncidents>;
}

let columns: IncidentColumns | null = null;
let waiting: { requestId: number; filter: IncidentFilter } | null = null;
let newest = 0;
let scheduled = false;

const reply = (message: FilterWorkerReply, transfer: Transferable[] = []) =>
	self.postMessage(message, { transfer });

function run() {
	scheduled = false;
	const job = waiting;
	waiting = null;
	if (!job || !columns) return;
	const data = columns;
	try {
		const started = performance.now();
		const evaluation = evaluate(data, job.filter);
		const mask = evaluation.mask;
		// The main thread gets its own copy of the mask; this one is kept for grouping.
		const sent = { ...evaluation, mask: mask.slice() };
		reply(
			{
				type: 'evaluation',
				requestId: job.requestId,
				evaluation: sent,
				milliseconds: performance.now() - started
			},
			[
				sent.mask.buffer,
				sent.matching.buffer,
				sent.histogramExact.buffer,
				sent.histogramApproximate.buffer
			]
		);
		setTimeout(() => {
			if (job.requestId !== newest || data !== columns) return; // superseded
			reply({ type: 'groups', requestId: job.requestId, groups: groupIncidents(data, mask) });
		}, 0);
	} catch (error) {
		reply({
			type: 'error',
			requestId: job.requestId,
			message: error instanceof Error ? error.message : String(error)
		});
	}
}

self.onmessage = (event: MessageEvent<FilterWorkerMessage>) => {
	const message = event.data;
	if (message.type === 'columns') {
		// Normalising the search text is the slow part of building columns: it is done here.
		normaliseSearch(message.columns);
		columns = message.columns;
		return;
	}
	if (message.type === 'once') {
		// Answered now, in order, and neither coalesced with nor superseding the live filters.
		try {
			if (!columns) throw new Error('the incidents are not loaded yet');
			const { mask, count } = evaluate(columns, message.filter);
			const groups = groupIncidents(columns, mask);
			reply({ type: 'once', onceId: message.onceId, result: { mask, count, groups } }, [
				mask.buffer
			]);
		} catch (error) {
			reply({
				type: 'once-error',
				onceId: message.onceId,
				message: error instanceof Error ? error.message : String(error)
			});
		}
		return;
	}
	if (message.type === 'border') {
		if (columns && message.border.length === columns.count) columns.border = message.border;
		return;
	}
	waiting = { requestId: message.requestId, filter: message.filter };
	newest = message.requestId;
	if (!scheduled) {
		scheduled = true;
		// Run after any messages already queued, so a burst collapses to its last filter.
		setTimeout(run, 0);
	}
};
