import type { IncidentFeature } from '../incident';
import type { RestoreResult } from './stored-dataset';

/** Messages between the page and the worker that reads saved datasets back (restore.worker.ts). */
export type RestoreRequest = { type: 'load' } | { type: 'load-one'; id: string };

export type RestoreMessage =
	/** Some rows of the dataset described next, in order. */
	| { type: 'rows'; incidents: IncidentFeature[] }
	/** A dataset whose rows came before, in 'rows' messages (its own `incidents` is empty). */
	| { type: 'dataset'; result: RestoreResult }
	| { type: 'done' }
	| { type: 'error'; message: string };

/** Rows per message: each costs the page a short task to receive. */
export const RESTORE_BATCH = 20_000;
