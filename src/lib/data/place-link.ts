import type { IncidentFeature, PlaceFeature } from './incident';
import { nameParts, searchNames } from './place-name';
import { normaliseForSearch } from './search';

/**
 * Which gazetteer place an incident is at, so that searching any of the place's names (Abu
 * Kamal, Albu Kamal, البوكمال …) finds the incidents there. The link is used for searching
 * only: the incident's own data is never changed. The rule:
 *
 * 1. A located incident is at the nearest gazetteer place within LINK_KM of its position:
 *    sources give a town's centre, and so do the gazetteers.
 * 2. Otherwise, by name: the places one of whose names (or alternates, after search
 *    normalisation) is the incident's place (its `place` or `place_ar`, or an alternative given
 *    in brackets). When several places have that name, a located incident takes the nearest
 *    within NAME_KM, and an unlocated one none (it cannot be told which).
 * 3. Otherwise none. A place written as a description ("Near Hajin", "south of …") is linked
 *    only by its position.
 *
 * Distances are great-circle kilometres on a 6,371 km sphere: within 0.5 % of the ellipsoid,
 * which does not matter for a threshold of this kind (it is no reported figure).
 */

export const LINK_KM = 1;
export const NAME_KM = 25;

export interface PlaceLinks {
	/** Per incident (in the order given), the index of its place in the gazetteer, or −1. */
	placeOf: Int32Array;
	/** Per gazetteer place, the names a search knows it by, joined (as written: not normalised). */
	names: string[];
}

/** Grid cells of this many degrees: a LINK_KM circle lies within a cell's 3 × 3 block. */
const CELL = 0.02;
/** One number per cell (cells span ±180° and ±90°: 18,000 × 9,000 of them). */
const cellKey = (x: number, y: number) => x * 20_000 + y;

interface PlaceIndex {
	grid: Map<number, number[]>;
	byName: Map<string, number[]>;
	names: string[];
	lons: Float64Array;
	lats: Float64Array;
}

/** The gazetteer changes far less often than the incidents: its index is kept per array. */
const indexes = new WeakMap<readonly PlaceFeature[], PlaceIndex>();

function placeIndex(places: readonly PlaceFeature[]): PlaceIndex {
	const known = indexes.get(places);
	if (known) return known;
	const grid = new Map<number, number[]>();
	const byName = new Map<string, number[]>();
	const lons = new Float64Array(places.length).fill(Number.NaN);
	const lats = new Float64Array(places.length).fill(Number.NaN);
	const names = places.map((place, index) => {
		const [lon, lat] = place.geometry?.coordinates ?? [];
		if (lon !== undefined && lat !== undefined) {
			lons[index] = lon;
			lats[index] = lat;
			const key = cellKey(Math.floor(lon / CELL), Math.floor(lat / CELL));
			grid.set(key, [...(grid.get(key) ?? []), index]);
		}
		const own = searchNames(place.properties);
		for (const name of new Set(own.map(normaliseForSearch))) {
			if (name !== '') byName.set(name, [...(byName.get(name) ?? []), index]);
		}
		return own.join(' · ');
	});
	const index = { grid, byName, names, lons, lats };
	indexes.set(places, index);
	return index;
}

/** Per gazetteer place, the names a search knows it by (PlaceLinks.names, without linking). */
export function gazetteerNames(places: readonly PlaceFeature[]): string[] {
	return placeIndex(places).names;
}

export function linkPlaces(
	incidents: readonly IncidentFeature[],
	places: readonly PlaceFeature[]
): PlaceLinks {
	const { grid, byName, names, lons, lats } = placeIndex(places);
	/** The nearest of `candidates` within maxKm of (lon, lat), or −1. */
	const nearest = (lon: number, lat: number, candidates: readonly number[], maxKm: number) => {
		let best = -1;
		let bestKm = maxKm;
		for (const index of candidates) {
			const km = sphereKm(lat, lon, lats[index] ?? Number.NaN, lons[index] ?? Number.NaN);
			if (km < bestKm || (km === bestKm && best === -1)) [best, bestKm] = [index, km];
		}
		return best;
	};
	const here = (lon: number, lat: number) => {
		const [x, y] = [Math.floor(lon / CELL), Math.floor(lat / CELL)];
		let best = -1;
		let bestKm = LINK_KM;
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const index of grid.get(cellKey(x + dx, y + dy)) ?? []) {
					const km = sphereKm(lat, lon, lats[index] ?? Number.NaN, lons[index] ?? Number.NaN);
					if (km < bestKm || (km === bestKm && (best === -1 || index < best)))
						[best, bestKm] = [index, km];
				}
			}
		}
		return best;
	};
	// Many incidents share a place text: its candidates are looked up once.
	const named = new Map<string, number[]>();
	const placesNamed = (place: string, placeAr: string | null) => {
		const text = placeAr === null ? place : `${place}\u0000${placeAr}`;
		let found = named.get(text);
		if (!found) {
			const keys = new Set(
				[...nameParts(place), ...(placeAr === null ? [] : nameParts(placeAr))].map(
					normaliseForSearch
				)
			);
			found = [...new Set([...keys].flatMap((key) => byName.get(key) ?? []))];
			named.set(text, found);
		}
		return found;
	};

	const placeOf = new Int32Array(incidents.length);
	incidents.forEach((incident, i) => {
		const p = incident.properties;
		const [lon, lat] = incident.geometry?.coordinates ?? [];
		const located = lon !== undefined && lat !== undefined;
		const at = located ? here(lon, lat) : -1;
		if (at >= 0) {
			placeOf[i] = at;
			return;
		}
		const candidates = placesNamed(p.place, typeof p.place_ar === 'string' ? p.place_ar : null);
		if (located) placeOf[i] = nearest(lon, lat, candidates, NAME_KM);
		else placeOf[i] = candidates.length === 1 ? (candidates[0] ?? -1) : -1;
	});
	return { placeOf, names };
}

const DEG = Math.PI / 180;

function sphereKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const h =
		Math.sin(((lat2 - lat1) * DEG) / 2) ** 2 +
		Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(((lon2 - lon1) * DEG) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
