import { isolate } from '../bidi';
import type { DatasetInfo } from '../builtin';
import type { ColumnsPart } from '../filter-engine';
import type { IncidentFeature } from '../incident';
import type { IncidentRows } from '../incident-rows';
import { checkIncident, describeValue, isCount } from '../incident-schema';
import type { RowError } from '../row-error';
import { FORMAT_NAMES, type ImportFormat, type ImportReport } from './importer';
import { qualifiedId } from './row-mapping';

/**
 * A dataset read back from the browser's storage, checked again as an import is: storage
 * outlives versions of this app (and can be edited), so what was saved is input like any
 * other. Incidents saved by older versions, with the ids their files gave them, get the
 * dataset-qualified ids imports have now. A dataset whose description cannot be read is not
 * restored; an incident that fails the schema is left out; either way the user is told (and
 * the saved copy is left as it is: nothing the user has is deleted behind their back).
 */

/** `Rows`: an array where it is checked; on the page, the columns the restore worker sent. */
export interface RestoredDataset<Rows extends IncidentRows = IncidentRows> {
	info: DatasetInfo;
	incidents: Rows;
	report: ImportReport;
	visible: boolean;
	/** The incidents' filter columns, when the worker that read them built them too. */
	columns?: ColumnsPart[];
}

export type RestoreResult<Rows extends IncidentRows = IncidentRows> =
	{ dataset: RestoredDataset<Rows>; problem: string | null } | { dataset: null; problem: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string';

/** Dataset ids are made from file names without ":" or "/" (see qualifiedId). */
const DATASET_ID = /^[^:/\s]+$/;

/** A dataset's description (a saved one, or a ?data= file's `dataset` member), or what is wrong. */
export function checkDatasetInfo(value: unknown): DatasetInfo | string {
	if (!isRecord(value)) return `its description is ${describeValue(value)}`;
	const { id, title, credit, description, sha256, file, colour, imported } = value;
	if (!isText(id) || !DATASET_ID.test(id)) return `its id ${describeValue(id)} is not a dataset id`;
	for (const [name, field] of Object.entries({ title, credit, description })) {
		if (!isText(field)) return `its ${name} is ${describeValue(field)}, not text`;
	}
	const info: DatasetInfo = {
		id,
		title: title as string,
		credit: credit as string,
		description: description as string
	};
	if (isText(sha256) && /^[0-9a-f]{64}$/.test(sha256)) info.sha256 = sha256;
	if (isText(file)) info.file = file;
	if (isText(colour) && /^#[0-9a-fA-F]{6}$/.test(colour)) info.colour = colour;
	if (isRecord(imported)) {
		const { format, at, total, imported: count, rejected, unlocated } = imported;
		if (
			isText(format) &&
			isText(at) &&
			[total, count, rejected, unlocated].every((n) => isCount(n))
		) {
			info.imported = {
				format,
				at,
				total: total as number,
				imported: count as number,
				rejected: rejected as number,
				unlocated: unlocated as number
			};
		}
	}
	return info;
}

function checkRowError(value: unknown): RowError | null {
	if (!isRecord(value)) return null;
	const { row, id, field, message } = value;
	if (!isCount(row) || !(id === null || isText(id)) || !isText(field) || !isText(message)) {
		return null;
	}
	return { row, id, field, message };
}

/** The saved report, or as much of it as can be read (it is what the user was told). */
function checkReport(value: unknown, info: DatasetInfo, kept: number): ImportReport {
	const report = isRecord(value) ? value : {};
	const format = Object.hasOwn(FORMAT_NAMES, String(report.format))
		? (report.format as ImportFormat)
		: null;
	const rejected = Array.isArray(report.rejected)
		? report.rejected.map(checkRowError).filter((error) => error !== null)
		: [];
	const notes = Array.isArray(report.notes) ? report.notes.filter(isText) : [];
	const columns = Array.isArray(report.columns) ? report.columns.filter(isText) : undefined;
	return {
		format,
		total: isCount(report.total) ? report.total : (info.imported?.total ?? kept),
		imported: isCount(report.imported) ? report.imported : kept,
		unlocated: isCount(report.unlocated) ? report.unlocated : 0,
		rejected,
		notes,
		fileError: isText(report.fileError) ? report.fileError : null,
		...(columns ? { columns } : {}),
		...(isText(report.encoding) ? { encoding: report.encoding } : {})
	};
}

/**
 * An incident as older versions saved it: with its file's id as its own. It gets the
 * qualified id imports have now, and keeps the file's id as original_id.
 */
function migrated(value: unknown, dataset: string, format: ImportFormat | null): unknown {
	if (!isRecord(value) || !isRecord(value.properties)) return value;
	const p = value.properties;
	const id = p.id;
	if (!isText(id) || id.startsWith(`${dataset}:`) || id.startsWith(`${dataset}/`)) return value;
	const numbered = /^(.*)-row-(\d+)$/.exec(id);
	const rowId = numbered && numbered[1] === dataset ? `${dataset}/row-${numbered[2]}` : null;
	// UCDP rows were once given "UCDP-" before their own id.
	const original = rowId
		? null
		: format === 'ucdp' && id.startsWith('UCDP-')
			? id.slice('UCDP-'.length)
			: id;
	const qualified = rowId ?? qualifiedId(dataset, original, 0);
	return {
		...value,
		id: qualified,
		properties: { ...p, id: qualified, original_id: p.original_id ?? original }
	};
}

/**
 * The checks of one saved dataset whose rows come a chunk at a time: its description first
 * (open), then its rows, chunk by chunk (rows), with what fails counted across chunks (an id is
 * a duplicate in whichever chunk it comes again), then the result.
 */
export class StoredDatasetCheck {
	readonly info: DatasetInfo;
	readonly #value: Record<string, unknown>;
	readonly #format: ImportFormat | null;
	readonly #seen = new Set<string>();
	readonly #shared = new WeakMap<object, string[]>();
	readonly #failures: string[] = [];
	#failed = 0;
	#kept = 0;

	private constructor(value: Record<string, unknown>, info: DatasetInfo) {
		this.#value = value;
		this.info = info;
		const format =
			isRecord(value.report) && isText(value.report.format) ? value.report.format : null;
		this.#format = format as ImportFormat | null;
	}

	/** The check of a saved dataset record (as the dataset store gives it), or why it cannot be read. */
	static open(value: unknown): StoredDatasetCheck | { dataset: null; problem: string } {
		if (!isRecord(value)) {
			return {
				dataset: null,
				problem: `A saved dataset could not be read (${describeValue(value)})`
			};
		}
		const info = checkDatasetInfo(value.info);
		if (typeof info === 'string') {
			return { dataset: null, problem: `A saved dataset could not be read: ${info}` };
		}
		return new StoredDatasetCheck(value, info);
	}

	get #name() {
		return isolate(this.info.title || this.info.id);
	}

	/** For a record that names no rows at all. */
	withoutRows(): { dataset: null; problem: string } {
		return {
			dataset: null,
			problem: `The saved dataset ${this.#name} could not be read: it has no rows`
		};
	}

	/** The next saved rows: those that pass, rebuilt by the schema, in order. */
	rows(saved: readonly unknown[]): IncidentFeature[] {
		const incidents: IncidentFeature[] = [];
		for (const value of saved) {
			const checked = checkIncident(migrated(value, this.info.id, this.#format), {
				shared: this.#shared
			});
			if (!checked.ok) {
				this.#fail(
					`${checked.id === null ? 'a row without an id' : isolate(checked.id)}, ${checked.field}: ${checked.message}`
				);
			} else if (checked.incident.properties.dataset !== this.info.id) {
				this.#fail(`${isolate(checked.incident.id)}: belongs to another dataset`);
			} else if (this.#seen.has(checked.incident.id)) {
				this.#fail(`${isolate(checked.incident.id)}: duplicate id`);
			} else {
				this.#seen.add(checked.incident.id);
				incidents.push(checked.incident);
			}
		}
		this.#kept += incidents.length;
		return incidents;
	}

	/**
	 * Rows the caller found to pass every check as stored (chunkPassesAsStored), by their ids:
	 * kept, unless an id was met before (in an earlier chunk or this one). Then nothing is
	 * counted and false says to check the rows one by one (rows), which names the duplicate.
	 */
	acceptUnchanged(ids: readonly string[]): boolean {
		for (let i = 0; i < ids.length; i++) {
			const id = ids[i] ?? '';
			if (this.#seen.has(id)) {
				// Every id before this one was new: taking them out again leaves the set as it was.
				for (let j = 0; j < i; j++) this.#seen.delete(ids[j] ?? '');
				return false;
			}
			this.#seen.add(id);
		}
		this.#kept += ids.length;
		return true;
	}

	/** Rows storage holds but that cannot be read at all (a chunk whose columns are broken). */
	unreadable(count: number, reason: string) {
		this.#fail(reason, count);
	}

	#fail(failure: string, count = 1) {
		this.#failed += count;
		// The first is what the user is told; the rest are counted.
		if (this.#failures.length === 0) this.#failures.push(failure);
	}

	/** The dataset with `incidents` as its rows, and what failed, once every row has been checked. */
	result<Rows extends IncidentRows>(incidents: Rows): RestoreResult<Rows> {
		const failed = this.#failed;
		const problem =
			failed === 0
				? null
				: `${failed.toLocaleString('en')} saved row${failed === 1 ? '' : 's'} of ` +
					`${this.#name} fail${failed === 1 ? 's' : ''} the checks and ${
						failed === 1 ? 'is' : 'are'
					} not shown (first: ${this.#failures[0]})`;
		return {
			dataset: {
				info: this.info,
				incidents,
				report: checkReport(this.#value.report, this.info, this.#kept),
				visible: this.#value.visible !== false
			},
			problem
		};
	}
}

/** Checks one saved dataset record whole (as the dataset store gives it, `visible` included). */
export function checkStoredDataset(value: unknown): RestoreResult<IncidentFeature[]> {
	const check = StoredDatasetCheck.open(value);
	if (!(check instanceof StoredDatasetCheck)) return check;
	const saved = (value as Record<string, unknown>).incidents;
	if (!Array.isArray(saved)) return check.withoutRows();
	return check.result(check.rows(saved));
}
