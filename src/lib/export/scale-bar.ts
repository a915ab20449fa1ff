/**
 * A scale bar: the longest round distance (1, 2 or 5 × 10ⁿ metres) that fits a width, at the
 * scale of Web Mercator at a latitude (MapLibre's 512-pixel world at zoom 0).
 */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6378137;

export function metresPerPixel(latitude: number, zoom: number): number {
	return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
	metres: number;
	pixels: number;
	label: string;
}

export function scaleBar(metresPerPixelHere: number, maxPixels: number): ScaleBar {
	const maxMetres = metresPerPixelHere * maxPixels;
	const power = 10 ** Math.floor(Math.log10(maxMetres));
	const step = [5, 2, 1].find((factor) => factor * power <= maxMetres) ?? 1;
	const metres = step * power;
	return {
		metres,
		pixels: metres / metresPerPixelHere,
		label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`
	};
}
