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
const cellKey = (x: number, y: number) => `${x},${y}`;

interface PlaceIndex {
	grid: Map<string, number[]>;
	byName: Map<string, number[]>;
	names: string[];
}

/** The gazetteer changes far less often than the incidents: its index is kept per array. */
const indexes = new WeakMap<readonly PlaceFeature[], PlaceIndex>();

function placeIndex(places: readonly PlaceFeature[]): PlaceIndex {
	const known = indexes.get(places);
	if (known) return known;
	const grid = new Map<string, number[]>();
	const byName = new Map<string, number[]>();
	const names = places.map((place, index) => {
		const [lon, lat] = place.geometry?.coordinates ?? [];
		if (lon !== undefined && lat !== undefined) {
			const key = cellKey(Math.floor(lon / CELL), Math.floor(lat / CELL));
			grid.set(key, [...(grid.get(key) ?? []), index]);
		}
		const own = searchNames(place.properties);
		for (const name of new Set(own.map(normaliseForSearch))) {
			if (name !== '') byName.set(name, [...(byName.get(name) ?? []), index]);
		}
		return own.join(' · ');
	});
	const index = { grid, byName, names };
	indexes.set(places, index);
	return index;
}

export function linkPlaces(
	incidents: readonly IncidentFeature[],
	places: readonly PlaceFeature[]
): PlaceLinks {
	const { grid, byName, names } = placeIndex(places);
	const nearest = (lon: number, lat: number, candidates: Iterable<number>, maxKm: number) => {
		let best = -1;
		let bestKm = maxKm;
		for (const index of candidates) {
			const [placeLon, placeLat] = places[index]?.geometry?.coordinates ?? [];
			if (placeLon === undefined || placeLat === undefined) continue;
			const km = sphereKm(lat, lon, placeLat, placeLon);
			if (km < bestKm || (km === bestKm && best === -1)) [best, bestKm] = [index, km];
		}
		return best;
	};
	const around = function* (lon: number, lat: number) {
		const [x, y] = [Math.floor(lon / CELL), Math.floor(lat / CELL)];
		for (let dx = -1; dx <= 1; dx++)
			for (let dy = -1; dy <= 1; dy++) yield* grid.get(cellKey(x + dx, y + dy)) ?? [];
	};
	// Many incidents share a place string: its candidates are looked up once.
	const named = new Map<string, number[]>();
	const placesNamed = (text: string) => {
		let found = named.get(text);
		if (!found) {
			const keys = new Set(nameParts(text).map(normaliseForSearch));
			found = [...new Set([...keys].flatMap((key) => byName.get(key) ?? []))];
			named.set(text, found);
		}
		return found;
	};

	const placeOf = Int32Array.from(incidents, (incident) => {
		const p = incident.properties;
		const [lon, lat] = incident.geometry?.coordinates ?? [];
		const located = lon !== undefined && lat !== undefined;
		if (located) {
			const here = nearest(lon, lat, around(lon, lat), LINK_KM);
			if (here >= 0) return here;
		}
		const candidates = [
			...new Set([
				...placesNamed(p.place),
				...(typeof p.place_ar === 'string' ? placesNamed(p.place_ar) : [])
			])
		];
		if (located) return nearest(lon, lat, candidates, NAME_KM);
		return candidates.length === 1 ? (candidates[0] ?? -1) : -1;
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
