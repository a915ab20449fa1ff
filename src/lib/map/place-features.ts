import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlaceFeature, PlaceProperties } from '$lib/data/incident';
import { mainName } from '$lib/data/place-name';
import { positionKey } from '$lib/data/site-key';

export interface MapPlaceProperties {
	id: string;
	/** The main English name, without the alternatives in brackets ('' when GeoNames has none). */
	label_en: string;
	name_ar: string | null;
	kind: string;
	/** How far the label stands off its point (ems), clearing an incident marker drawn there. */
	label_offset: number;
	/** The zoom from which the place is drawn (labelMinZoom). */
	min_zoom: number;
	/** Label placement order, lowest first: it wins collisions (labelSortKey). */
	sort_key: number;
}

/** The default offset, and the label size it is measured in (px per em at mid zooms). */
const LABEL_OFFSET_EM = 0.6;
const LABEL_EM_PX = 13;

/**
 * The zoom from which a place is drawn, so the map never drowns in names. The curated places
 * are the map's subject: from the start. GeoNames places by population: a million people from
 * zoom 3, 250,000 from 5, 100,000 from 6, 40,000 from 7, 15,000 from 8, fewer from 9; with
 * the population unknown (GeoNames writes 0), by what GeoNames says the place is: a
 * governorate seat or capital from 6, a district seat from 8, others from 9. Parts of a city
 * (PPLX, such as "Al Mawşil al Jadīdah", counted at two million) and destroyed places (PPLW)
 * only from 10, where they no longer crowd out the city itself.
 */
export function labelMinZoom(p: Pick<PlaceProperties, 'source' | 'population' | 'feature_code'>) {
	if (p.source === 'curated') return 0;
	if (p.feature_code === 'PPLX' || p.feature_code === 'PPLW') return 10;
	const population = p.population;
	if (population === null) {
		if (p.feature_code === 'PPLC' || p.feature_code === 'PPLA') return 6;
		return p.feature_code === 'PPLA2' ? 8 : 9;
	}
	if (population >= 1_000_000) return 3;
	if (population >= 250_000) return 5;
	if (population >= 100_000) return 6;
	if (population >= 40_000) return 7;
	if (population >= 15_000) return 8;
	return 9;
}

/**
 * Which label wins a collision, lowest first: curated places (cities, towns, regions, then
 * crossings), then GeoNames places by population (largest first), then those whose population
 * is unknown, by rank of seat.
 */
export function labelSortKey(
	p: Pick<PlaceProperties, 'source' | 'population' | 'feature_code' | 'kind'>
): number {
	if (p.source === 'curated') return { city: 0, town: 1, region: 2, border_crossing: 3 }[p.kind];
	const seat = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3 }[p.feature_code ?? ''] ?? 4;
	if (p.population === null || labelMinZoom(p) === 10) return 20 + seat;
	// 10 − log10: five million → 3.3, a thousand → 7.
	return 10 - Math.log10(p.population);
}

const ARABIC = /[\u0600-\u06ff]/;

/**
 * @param markerRadiusAt the radius (px) of the incident marker drawn at a position, by
 *   "lon,lat"; places there get their label pushed clear of it.
 */
export function placeMapFeatures(
	places: readonly PlaceFeature[],
	markerRadiusAt: ReadonlyMap<string, number> = new Map()
): FeatureCollection<Point, MapPlaceProperties> {
	const features: Feature<Point, MapPlaceProperties>[] = [];
	for (const place of places) {
		if (!place.geometry) continue;
		const p = place.properties;
		const english = mainName(p.name);
		features.push({
			type: 'Feature',
			id: place.id,
			geometry: place.geometry,
			properties: {
				id: place.id,
				// GeoNames names one place only in Arabic: it is labelled once.
				label_en: ARABIC.test(english) && english === p.name_ar ? '' : english,
				name_ar: p.name_ar,
				kind: p.kind,
				label_offset: Math.max(
					LABEL_OFFSET_EM,
					((markerRadiusAt.get(positionKey(place.geometry.coordinates)) ?? 0) + 3) / LABEL_EM_PX
				),
				min_zoom: labelMinZoom(p),
				sort_key: labelSortKey(p)
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
