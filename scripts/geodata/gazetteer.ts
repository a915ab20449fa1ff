/**
 * The gazetteer: the project's curated places plus GeoNames places in Syria and Iraq, one entry
 * per place. Curated places win: a GeoNames entry that is the same place (same name, close by)
 * is not added again; the curated entry keeps its id, names, coordinates, kind and sources, and
 * takes from GeoNames only what it lacks (alternate names, population, feature code, the
 * GeoNames id). Rules in geodata/README.md.
 */
import type { PlaceFeature, PlaceProperties } from '../../src/lib/data/incident';
import { normaliseForSearch } from '../../src/lib/data/search';
import { nameParts } from '../../src/lib/data/place-name';
import { geodesicDistance } from '../../src/lib/analysis/geodesic';
import { isArabicAlphabet, pickArabicName, type ArabicPick } from './arabic-name';
import { unique, type GeoNamesPlace } from './geonames';

/** A curated place and a GeoNames entry sharing a name are the same place within this. */
export const MATCH_KM = 10;
/** A GeoNames place is a city when it seats a country or governorate, or is this big. */
export const CITY_POPULATION = 100_000;
export const COUNTRY_NAMES: Record<string, string> = { SY: 'Syria', IQ: 'Iraq' };

export interface Match {
	curated: string;
	geonameid: number;
	km: number;
}

export interface Gazetteer {
	features: PlaceFeature[];
	matches: Match[];
	/** Every GeoNames pick of an Arabic name, for the build's report. */
	picks: Map<number, ArabicPick>;
}

/** A curated name and its alternatives: "Al-Susah (As-Susah; Al-Soussa)" → three names. */
export function curatedNames(place: PlaceProperties): string[] {
	return unique([...nameParts(place.name), ...nameParts(place.name_ar ?? '')]);
}

export function geonamesNames(place: GeoNamesPlace): string[] {
	return unique([place.name, place.asciiname, ...place.alternates]);
}

const keys = (names: readonly string[]) =>
	new Set(names.map(normaliseForSearch).filter((key) => key !== ''));

/** Kilometres between two (lon, lat) positions, WGS84. */
function km(a: readonly number[], b: readonly number[]): number {
	return geodesicDistance(a[1]!, a[0]!, b[1]!, b[0]!) / 1000;
}

/**
 * Each curated place with a position and the GeoNames entry that is the same place: the
 * nearest within MATCH_KM that shares a name (any name or alternate, after search
 * normalisation). Without a position nothing can be checked, so nothing is matched.
 */
export function matchCurated(
	curated: readonly PlaceFeature[],
	geonames: readonly GeoNamesPlace[]
): Match[] {
	const geonameKeys = new Map(
		geonames.map((place) => [place.geonameid, keys(geonamesNames(place))])
	);
	const matches: Match[] = [];
	for (const place of curated) {
		if (!place.geometry) continue;
		const names = keys(curatedNames(place.properties));
		let best: Match | null = null;
		for (const entry of geonames) {
			const distance = km(place.geometry.coordinates, [entry.lon, entry.lat]);
			if (distance > MATCH_KM || (best && distance >= best.km)) continue;
			const shared = [...geonameKeys.get(entry.geonameid)!].some((key) => names.has(key));
			if (shared) best = { curated: place.id, geonameid: entry.geonameid, km: distance };
		}
		if (best) matches.push({ ...best, km: Math.round(best.km * 1000) / 1000 });
	}
	const taken = new Map<number, string>();
	for (const match of matches) {
		const other = taken.get(match.geonameid);
		if (other) {
			throw new Error(`GeoNames ${match.geonameid} matches both ${other} and ${match.curated}`);
		}
		taken.set(match.geonameid, match.curated);
	}
	return matches;
}

/**
 * The nearest located place within `maxKm` of a position that shares one of `names` (after
 * search normalisation), or null.
 */
export function sameNamedPlace(
	names: readonly string[],
	position: readonly number[],
	places: readonly PlaceFeature[],
	maxKm: number
): string | null {
	const wanted = keys(names);
	let best: { id: string; km: number } | null = null;
	for (const place of places) {
		if (!place.geometry) continue;
		const distance = km(position, place.geometry.coordinates);
		if (distance > maxKm || (best && distance >= best.km)) continue;
		const p = place.properties;
		const own = keys([...curatedNames(p), ...p.alternates]);
		if ([...own].some((key) => wanted.has(key))) best = { id: place.id, km: distance };
	}
	return best?.id ?? null;
}

function kindOf(place: GeoNamesPlace): PlaceProperties['kind'] {
	const seat = place.featureCode === 'PPLC' || place.featureCode === 'PPLA';
	return seat || (place.population ?? 0) >= CITY_POPULATION ? 'city' : 'town';
}

/** The Arabic name of a GeoNames place: its own name when GeoNames writes it in Arabic. */
export function arabicNameOf(place: GeoNamesPlace): ArabicPick {
	if (isArabicAlphabet(place.name)) {
		return { name_ar: place.name, doubtful: false, similarity: 1, candidates: [place.name] };
	}
	return pickArabicName([place.name, place.asciiname], place.alternates);
}

/** The GeoNames names other than those the entry already shows. */
function alternatesOf(place: GeoNamesPlace, shown: readonly (string | null)[]): string[] {
	return geonamesNames(place).filter((name) => !shown.includes(name));
}

export function buildGazetteer(
	curated: readonly PlaceFeature[],
	geonames: readonly GeoNamesPlace[],
	governorateAt: (lon: number, lat: number) => string | null
): Gazetteer {
	const matches = matchCurated(curated, geonames);
	const matchOf = new Map(matches.map((match) => [match.curated, match.geonameid]));
	const byId = new Map(geonames.map((place) => [place.geonameid, place]));
	const matched = new Set(matches.map((match) => match.geonameid));
	const picks = new Map(geonames.map((place) => [place.geonameid, arabicNameOf(place)]));

	const merged = curated.map((place): PlaceFeature => {
		const entry = byId.get(matchOf.get(place.id) ?? NaN);
		if (!entry) return place;
		const p = place.properties;
		return {
			...place,
			properties: {
				...p,
				alternates: alternatesOf(entry, [p.name, p.name_ar]),
				feature_code: entry.featureCode,
				population: entry.population,
				geonames_id: entry.geonameid
			}
		};
	});
	const added = geonames
		.filter((place) => !matched.has(place.geonameid))
		.map((place): PlaceFeature => {
			const id = `geonames:${place.geonameid}`;
			const pick = picks.get(place.geonameid)!;
			return {
				type: 'Feature',
				id,
				geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
				properties: {
					id,
					name: place.name,
					name_ar: pick.name_ar,
					name_ar_doubtful: pick.doubtful,
					alternates: alternatesOf(place, [place.name, pick.name_ar]),
					kind: kindOf(place),
					feature_code: place.featureCode,
					population: place.population,
					admin1: governorateAt(place.lon, place.lat),
					country: COUNTRY_NAMES[place.country] ?? place.country,
					source: 'geonames',
					geonames_id: place.geonameid,
					sources: [`https://www.geonames.org/${place.geonameid}`]
				}
			};
		});
	return { features: [...merged, ...added], matches, picks };
}
