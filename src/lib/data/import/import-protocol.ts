import type { DatasetInfo } from '../builtin';
import type { PlaceFeature } from '../incident';
import type { IncidentBatch } from './incident-batch';
import type { EncodingOption } from './encoding';
import type { ImportReport } from './importer';

/** Messages between the page and the import worker. */
export type ImportRequest =
	| {
			type: 'import';
			file: File;
			/** The id the new dataset's incidents get. */
			dataset: string;
			/** The gazetteer, to link each incident to its place (place-link.ts). */
			places: PlaceFeature[];
			/** The text encoding the user chose; absent: UTF-8, checked (or as a BOM says). */
			encoding?: string;
	  }
	/** After 'done': keep the dataset (described by the page) in IndexedDB. */
	| { type: 'save'; info: DatasetInfo };

export type ImportMessage =
	| { type: 'progress'; fraction: number; rows: number }
	/** The file is not UTF-8: nothing is imported until the user chooses an encoding. */
	| { type: 'encoding'; reason: string; options: EncodingOption[] }
	/** Some of the rows, in order, as columns with their filter columns (incident-batch.ts). */
	| { type: 'incidents'; batch: IncidentBatch }
	/** The rows are all sent. */
	| { type: 'done'; report: ImportReport; sha256: string | null }
	| { type: 'error'; message: string }
	| { type: 'saved' }
	| { type: 'save-error'; message: string };
