import { csvDocument } from '$lib/data/csv';
import type { ImportReport } from './importer';

/**
 * The rejected rows as a CSV a user can open next to their file. Ids and reasons quote the
 * user's input, so cells a spreadsheet would run are neutralised (csvDocument's default).
 */
export function reportCsv(fileName: string, report: ImportReport): string {
	return csvDocument(
		['row', 'id', 'field', 'problem'],
		report.rejected.map((error) => [error.row, error.id, error.field, error.message]),
		[
			`import report for ${fileName}: ${report.total} rows, ${report.imported} imported ` +
				`(${report.unlocated} without a position), ${report.rejected.length} rejected`
		]
	);
}
