import type { DatasetInfo } from '../builtin';
import type { IncidentFileProblem } from '../incident-collection';
import type { PlaceFeature } from '../incident';
import type { RowError } from '../row-error';
import type { IncidentBatch } from './incident-batch';

/** Messages between the page and the worker that reads a ?data= file (incident-file.worker.ts). */
export interface IncidentFileRequest {
	/** The file as fetched (transferred). */
	bytes: ArrayBuffer;
	/** The gazetteer, to link each incident to its place for the filter's columns. */
	places: PlaceFeature[];
}

export type IncidentFileMessage =
	/** Some of the accepted incidents, in order, as columns with their filter columns. */
	| { type: 'rows'; batch: IncidentBatch }
	/** All rows sent: the features that failed the schema, the file's description and hash. */
	| {
			type: 'done';
			errors: RowError[];
			/** The file's own `dataset` member when it is a readable description, else null. */
			info: DatasetInfo | null;
			sha256: string | null;
	  }
	| ({ type: 'problem' } & IncidentFileProblem)
	| { type: 'error'; message: string };
