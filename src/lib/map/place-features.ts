import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlaceFeature } from '$lib/data/incident';
import { mainName } from '$lib/data/place-name';
import { positionKey } from '$lib/data/site-key';

export interface MapPlaceProperties {
	id: string;
	/** The main English name, without the alternatives in brackets. */
	label_en: string;
	name_ar: string | null;
	kind: string;
	/** How far the label stands off its point (ems), clearing an incident marker drawn there. */
	label_offset: number;
}

/** The default offset, and the label size it is measured in (px per em at mid zooms). */
const LABEL_OFFSET_EM = 0.6;
const LABEL_EM_PX = 13;

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
		features.push({
			type: 'Feature',
			id: place.id,
			geometry: place.geometry,
			properties: {
				id: place.id,
				label_en: mainName(place.properties.name),
				name_ar: place.properties.name_ar,
				kind: place.properties.kind,
				label_offset: Math.max(
					LABEL_OFFSET_EM,
					((markerRadiusAt.get(positionKey(place.geometry.coordinates)) ?? 0) + 3) / LABEL_EM_PX
				)
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
