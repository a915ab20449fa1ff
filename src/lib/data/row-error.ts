/**
 * A problem with one input row. Rows are numbered from 1 for the first data row (the header is
 * not counted), so "row 3" is the third record whatever its line breaks.
 */
export interface RowError {
	row: number;
	/** The row's own id when it has one, so a user can find it in their file. */
	id: string | null;
	field: string;
	message: string;
}

export function formatRowError(error: RowError): string {
	const where = error.id ? `row ${error.row} (${error.id})` : `row ${error.row}`;
	return `${where}, ${error.field}: ${error.message}`;
}
