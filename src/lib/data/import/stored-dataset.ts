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

/** Checks one saved dataset record (as the dataset store gives it, `visible` included). */
export function checkStoredDataset(value: unknown): RestoreResult<IncidentFeature[]> {
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
	const name = isolate(info.title || info.id);
	if (!Array.isArray(value.incidents)) {
		return {
			dataset: null,
			problem: `The saved dataset ${name} could not be read: it has no rows`
		};
	}
	const format = isRecord(value.report) && isText(value.report.format) ? value.report.format : null;
	const incidents: IncidentFeature[] = [];
	const seen = new Set<string>();
	const failures: string[] = [];
	const shared = new WeakMap<object, string[]>();
	for (const saved of value.incidents) {
		const checked = checkIncident(migrated(saved, info.id, format as ImportFormat | null), {
			shared
		});
		if (!checked.ok) {
			failures.push(
				`${checked.id === null ? 'a row without an id' : isolate(checked.id)}, ${checked.field}: ${checked.message}`
			);
		} else if (checked.incident.properties.dataset !== info.id) {
			failures.push(`${isolate(checked.incident.id)}: belongs to another dataset`);
		} else if (seen.has(checked.incident.id)) {
			failures.push(`${isolate(checked.incident.id)}: duplicate id`);
		} else {
			seen.add(checked.incident.id);
			incidents.push(checked.incident);
		}
	}
	const problem =
		failures.length === 0
			? null
			: `${failures.length.toLocaleString('en')} saved row${failures.length === 1 ? '' : 's'} of ` +
				`${name} fail${failures.length === 1 ? 's' : ''} the checks and ${
					failures.length === 1 ? 'is' : 'are'
				} not shown (first: ${failures[0]})`;
	return {
		dataset: {
			info,
			incidents,
			report: checkReport(value.report, info, incidents.length),
			visible: value.visible !== false
		},
		problem
	};
}
