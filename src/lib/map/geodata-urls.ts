import land from '$geodata/basemap/land.geojson?url';
import ocean from '$geodata/basemap/ocean.geojson?url';
import lakes from '$geodata/basemap/lakes.geojson?url';
import rivers from '$geodata/basemap/rivers.geojson?url';
import playas from '$geodata/basemap/playas.geojson?url';
import urbanAreas from '$geodata/basemap/urban-areas.geojson?url';
import countries from '$geodata/basemap/countries.geojson?url';
import countryBorders from '$geodata/basemap/country-borders.geojson?url';
import disputedBorders from '$geodata/basemap/disputed-borders.geojson?url';
import countryLabels from '$geodata/basemap/country-labels.geojson?url';
import governorateLines from '$geodata/basemap/governorate-lines.geojson?url';
import governorateLabels from '$geodata/basemap/governorate-labels.geojson?url';
import towns from '$geodata/basemap/towns.geojson?url';
import proximityBands from '$geodata/border/proximity-bands.geojson?url';

/**
 * The basemap layers as assets of the build (hashed files on our own origin). MapLibre loads
 * them in its worker, which needs absolute URLs.
 */
const files = {
	land,
	ocean,
	lakes,
	rivers,
	playas,
	urbanAreas,
	countries,
	countryBorders,
	disputedBorders,
	countryLabels,
	governorateLines,
	governorateLabels,
	towns,
	proximityBands
};

export type BasemapSource = keyof typeof files;

/** An asset URL made absolute against the page, so it works wherever the site is hosted. */
export function absoluteUrl(url: string, base: string): string {
	return new URL(url, base).href;
}

export function basemapUrls(base: string): Record<BasemapSource, string> {
	return Object.fromEntries(
		Object.entries(files).map(([name, url]) => [name, absoluteUrl(url, base)])
	) as Record<BasemapSource, string>;
}
