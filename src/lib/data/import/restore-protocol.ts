import type { PlaceFeature } from '../incident';
import type { IncidentChunk } from './incident-chunk';
import type { RestoreResult } from './stored-dataset';

/** Messages between the page and the worker that reads saved datasets back (restore.worker.ts). */
/** `places`: the gazetteer, to link each incident to its place for the filter's columns. */
export type RestoreRequest =
	| { type: 'load'; places: PlaceFeature[] }
	| { type: 'load-one'; id: string; places: PlaceFeature[] };

export type RestoreMessage =
	/** Some rows of the dataset described next, in order. */
	| { type: 'rows'; chunk: IncidentChunk }
	/** A dataset whose rows came before, in 'rows' messages (its own `incidents` is empty). */
	| { type: 'dataset'; result: RestoreResult }
	| { type: 'done' }
	| { type: 'error'; message: string };

/** Rows per message: each costs the page a short task to receive. */
export const RESTORE_BATCH = 5_000;
