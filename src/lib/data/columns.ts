/**
 * Finding the latitude and longitude columns of a table by their usual names, in any case:
 * latitude/longitude (ACLED, UCDP), lat/lon/lng/long, y/x. An exact "latitude" beats "lat",
 * which beats "y". Returns null for a side that has no such column.
 */
const LATITUDE_NAMES = ['latitude', 'lat', 'y'];
const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];

function find(columns: readonly string[], names: readonly string[]): string | null {
	for (const name of names) {
		const found = columns.find((column) => column.trim().toLowerCase() === name);
		if (found !== undefined) return found;
	}
	return null;
}

export function coordinateColumns(columns: readonly string[]): {
	latitude: string | null;
	longitude: string | null;
} {
	return { latitude: find(columns, LATITUDE_NAMES), longitude: find(columns, LONGITUDE_NAMES) };
}
