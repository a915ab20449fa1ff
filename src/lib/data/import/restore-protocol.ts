import type { PlaceFeature } from '../incident';
import type { IncidentBatch } from './incident-batch';
import type { RestoreResult } from './stored-dataset';

/** Messages between the page and the worker that reads saved datasets back (restore.worker.ts). */
/** `places`: the gazetteer, to link each incident to its place for the filter's columns. */
export type RestoreRequest =
	| { type: 'load'; places: PlaceFeature[] }
	| { type: 'load-one'; id: string; places: PlaceFeature[] };

export type RestoreMessage =
	/** Some rows of the dataset described next, in order. */
	| { type: 'rows'; batch: IncidentBatch }
	/**
	 * A dataset whose rows (and their filter columns) came before, in 'rows' messages (its own
	 * `incidents` is empty).
	 */
	| { type: 'dataset'; result: RestoreResult }
	| { type: 'done' }
	| { type: 'error'; message: string };
