import type { LineString, MultiLineString } from 'geojson';
import { geodesicDistance } from '../geodesic';

/**
 * The slow, obviously-correct reference for border distances, for tests only.
 *
 * Every segment (straight in lon/lat) is sampled every ≤ `spacing` metres with exact
 * GeographicLib distances. The distance to a point moves by at most 1 m per metre along the
 * line, so a segment whose best sample minus half its spacing exceeds the best sample overall
 * cannot hold the minimum. Around each remaining sample that could, a golden-section search
 * (exact distances throughout) narrows the minimum to ~1e-9 of the segment.
 */
export function referenceBorderDistance(
	line: LineString | MultiLineString,
	lon: number,
	lat: number,
	spacing = 500
): { distance: number; nearest: [number, number] } {
	const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
	const segments: {
		lon0: number;
		lat0: number;
		dLon: number;
		dLat: number;
		samples: number[];
		step: number;
	}[] = [];
	let bestSample = Infinity;
	for (const part of parts) {
		for (let i = 1; i < part.length; i++) {
			const [lon0, lat0] = part[i - 1] as [number, number];
			const [lon1, lat1] = part[i] as [number, number];
			const length = geodesicDistance(lat0, lon0, lat1, lon1);
			const count = Math.max(1, Math.ceil(length / spacing));
			const segment = {
				lon0,
				lat0,
				dLon: lon1 - lon0,
				dLat: lat1 - lat0,
				samples: [] as number[],
				step: length / count
			};
			for (let k = 0; k <= count; k++) {
				const t = k / count;
				const s = geodesicDistance(lat, lon, lat0 + t * segment.dLat, lon0 + t * segment.dLon);
				segment.samples.push(s);
				bestSample = Math.min(bestSample, s);
			}
			segments.push(segment);
		}
	}

	let best = { distance: Infinity, nearest: [Number.NaN, Number.NaN] as [number, number] };
	for (const segment of segments) {
		const count = segment.samples.length - 1;
		// Sample spacing along the curve can exceed the geodesic step slightly; allow 1 % extra.
		const slack = (segment.step * 1.01) / 2;
		segment.samples.forEach((s, k) => {
			if (s - slack > bestSample) return;
			const at = (t: number) => {
				const pLon = segment.lon0 + t * segment.dLon;
				const pLat = segment.lat0 + t * segment.dLat;
				return {
					distance: geodesicDistance(lat, lon, pLat, pLon),
					nearest: [pLon, pLat] as [number, number]
				};
			};
			let lo = Math.max(0, (k - 1) / count);
			let hi = Math.min(1, (k + 1) / count);
			const golden = (Math.sqrt(5) - 1) / 2;
			let x1 = hi - golden * (hi - lo);
			let x2 = lo + golden * (hi - lo);
			let f1 = at(x1).distance;
			let f2 = at(x2).distance;
			while (hi - lo > 1e-10) {
				if (f1 <= f2) {
					hi = x2;
					x2 = x1;
					f2 = f1;
					x1 = hi - golden * (hi - lo);
					f1 = at(x1).distance;
				} else {
					lo = x1;
					x1 = x2;
					f1 = f2;
					x2 = lo + golden * (hi - lo);
					f2 = at(x2).distance;
				}
			}
			for (const candidate of [at(lo), at(hi), at((lo + hi) / 2), at(k / count)]) {
				if (candidate.distance < best.distance) best = candidate;
			}
		});
	}
	return best;
}
