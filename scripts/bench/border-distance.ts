import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { buildBorderIndex } from '../../src/lib/analysis/border-index';
import { borderDistances, emptyStats } from '../../src/lib/analysis/border-distance';
import { densify } from '../../src/lib/analysis/testing/densify';
import { seededRandom } from '../../src/lib/data/testing/random';
import { machine, perSecond, thousands, time } from './report';

/**
 * Border distances: our routine against Turf's pointToLineDistance (the obvious alternative),
 * on the same seeded random points across the region, for the shipped border and a 10,000-vertex
 * copy (same line, more vertices). Turf is slow, so it is timed on the first points only.
 */
export function benchBorderDistance(root: string, quick: boolean): string {
	const border = (
		JSON.parse(
			readFileSync(join(root, 'geodata/border/iraq-syria.geojson'), 'utf8')
		) as FeatureCollection<MultiLineString>
	).features[0]!.geometry;
	const random = seededRandom(2018);
	const count = quick ? 20_000 : 1_000_000;
	const lons = new Float64Array(count);
	const lats = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		lons[i] = 33 + 17 * random();
		lats[i] = 27 + 12 * random();
	}

	const turf = (line: MultiLineString, n: number) => {
		const parts = line.coordinates.map((coordinates) => ({
			type: 'LineString' as const,
			coordinates
		}));
		const out = new Float64Array(n);
		const ms = time(1, () => {
			for (let i = 0; i < n; i++) {
				let best = Infinity;
				for (const part of parts)
					best = Math.min(
						best,
						pointToLineDistance([lons[i]!, lats[i]!], part, { units: 'meters' })
					);
				out[i] = best;
			}
		}).best;
		return { rate: perSecond(n, ms), distances: out };
	};

	const rows: string[] = [];
	const sample = quick ? 10_000 : 100_000;
	for (const [label, line, turfPoints] of [
		['shipped border (77 vertices)', border, quick ? 1_000 : sample],
		['densified border (10,000 vertices)', densify(border, 10_000), quick ? 100 : 1_000]
	] as const) {
		const index = buildBorderIndex(line);
		const ours = borderDistances(index, lons.subarray(0, sample), lats.subarray(0, sample));
		const oursMs = time(5, () =>
			borderDistances(index, lons.subarray(0, sample), lats.subarray(0, sample))
		);
		const theirs = turf(line, turfPoints);
		let worst = 0;
		let worstRelative = { ratio: 0, at: 0 };
		for (let i = 0; i < turfPoints; i++) {
			const error = Math.abs(theirs.distances[i]! - ours.distance[i]!);
			worst = Math.max(worst, error);
			const ratio = error / ours.distance[i]!;
			if (ratio > worstRelative.ratio) worstRelative = { ratio, at: ours.distance[i]! };
		}
		const oursRate = perSecond(sample, oursMs.best);
		rows.push(
			`| ${label} | ${thousands(oursRate)} | ${thousands(theirs.rate)} (first ${thousands(turfPoints)}) | ` +
				`**${Math.round(oursRate / theirs.rate)}×** | ${thousands(Math.round(worst))} m | ` +
				`${(worstRelative.ratio * 100).toFixed(1)} % at ${(worstRelative.at / 1000).toFixed(1)} km |`
		);
	}

	const index = buildBorderIndex(border);
	const stats = emptyStats();
	borderDistances(index, lons.subarray(0, 10_000), lats.subarray(0, 10_000)); // warm up
	const million = time(3, () => borderDistances(index, lons, lats, stats));
	return `
### Border distance (\`npm run bench\`)

${machine()}. Seeded random points over the region (33–50° E, 27–39° N). Our rate is the best
of 5 runs over ${thousands(sample)} points; Turf's \`pointToLineDistance\` (per part of the
MultiLineString, the minimum) runs once over the first points, as it is slow. The last two
columns compare Turf with our WGS84 distances on those points (ours are within 2 mm of a
brute-force GeographicLib reference; see the accuracy tests): Turf measures on a sphere, and
treats segments as great circles where RFC 7946 segments are straight in longitude/latitude,
which matters most close to the border.

| border | ours, points/s | Turf, points/s | ratio | Turf off by, at most | relative, at most |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${thousands(count)} points on the shipped border: **${(million.best / 1000).toFixed(2)} s** best of 3
(median ${(million.median / 1000).toFixed(2)} s), ${(stats.segmentsEvaluated / stats.points).toFixed(2)}
segments evaluated per point, ${thousands(stats.farPoints)} points far enough for GeographicLib.
`;
}
