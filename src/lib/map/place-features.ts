import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlaceFeature } from '$lib/data/incident';

export interface MapPlaceProperties {
	id: string;
	/** The main English name, without the alternatives in brackets. */
	label_en: string;
	name_ar: string | null;
	kind: string;
}

/** "Al-Susah (As-Susah; Al-Soussa)" → "Al-Susah" */
export function mainName(name: string): string {
	return name.replace(/\s*\(.*\)\s*$/, '').trim() || name;
}

export function placeMapFeatures(
	places: readonly PlaceFeature[]
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
				kind: place.properties.kind
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
