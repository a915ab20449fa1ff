import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentFeature } from '../../incident';
import { importText } from '../importer';

/** One fixture file of each format an import reads. */
const FORMAT_FIXTURES = [
	'acled-current.csv',
	'acled-old.csv',
	'ucdp-ged.csv',
	'generic.csv',
	'features.geojson'
];

/** Each format's fixture imported into `dataset`: [file name, the incidents it gives]. */
export function importedFixtures(dataset: string): [string, IncidentFeature[]][] {
	return FORMAT_FIXTURES.map((file) => {
		const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', file), 'utf8');
		return [file, importText(text, dataset).incidents];
	});
}
