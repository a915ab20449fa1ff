import type { DatasetInfo } from '../builtin';
import type { IncidentFeature } from '../incident';
import type { ImportReport } from './importer';

/** Messages between the page and the import worker. */
export type ImportRequest =
	| {
			type: 'import';
			file: File;
			/** The id the new dataset's incidents get. */
			dataset: string;
	  }
	/** After 'done': keep the dataset (described by the page) in IndexedDB. */
	| { type: 'save'; info: DatasetInfo };

export type ImportMessage =
	| { type: 'progress'; fraction: number; rows: number }
	| { type: 'incidents'; incidents: IncidentFeature[] }
	| { type: 'done'; report: ImportReport; sha256: string | null }
	| { type: 'error'; message: string }
	| { type: 'saved' }
	| { type: 'save-error'; message: string };
