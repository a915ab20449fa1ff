import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Which named region (a country, say) contains a point, for many points quickly.
 *
 * Edges are straight in longitude/latitude (RFC 7946), so this is planar point-in-polygon:
 * even-odd ray crossing over every ring of a region (holes and multipolygons included). Each
 * region's edges are bucketed by latitude band ("slabs"), so a query only tests the few edges
 * that cross its own latitude.
 */

export interface Region {
	name: string;
	geometry: Polygon | MultiPolygon;
}

interface RegionSlabs {
	name: string;
	west: number;
	south: number;
	east: number;
	north: number;
	/** Edges as x1, y1, x2, y2. */
	edges: Float64Array;
	/** For slab k, the edge numbers edgeIndex[slabStart[k] .. slabStart[k + 1]). */
	slabStart: Int32Array;
	edgeIndex: Int32Array;
	slabHeight: number;
}

export interface RegionIndex {
	regions: RegionSlabs[];
}

export function buildRegionIndex(regions: readonly Region[], slabHeight = 0.05): RegionIndex {
	return { regions: regions.map((region) => slabsOf(region, slabHeight)) };
}

function slabsOf(region: Region, slabHeight: number): RegionSlabs {
	const polygons =
		region.geometry.type === 'Polygon'
			? [region.geometry.coordinates]
			: region.geometry.coordinates;
	const edgeList: number[] = [];
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of polygons.flat()) {
		for (let i = 1; i < ring.length; i++) {
			const [x1, y1] = ring[i - 1] as [number, number];
			const [x2, y2] = ring[i] as [number, number];
			west = Math.min(west, x1, x2);
			east = Math.max(east, x1, x2);
			south = Math.min(south, y1, y2);
			north = Math.max(north, y1, y2);
			if (y1 !== y2) edgeList.push(x1, y1, x2, y2); // horizontal edges never cross a ray
		}
	}
	const edges = Float64Array.from(edgeList);
	const edgeCount = edges.length / 4;
	const slabCount = Math.max(1, Math.ceil((north - south) / slabHeight));
	const slabOf = (y: number) =>
		Math.min(slabCount - 1, Math.max(0, Math.floor((y - south) / slabHeight)));
	// Two passes (count, then fill) give a compact CSR layout.
	const counts = new Int32Array(slabCount + 1);
	const spans: [number, number][] = [];
	for (let e = 0; e < edgeCount; e++) {
		const [lo, hi] = [
			Math.min(edges[4 * e + 1]!, edges[4 * e + 3]!),
			Math.max(edges[4 * e + 1]!, edges[4 * e + 3]!)
		];
		const span: [number, number] = [slabOf(lo), slabOf(hi)];
		spans.push(span);
		for (let k = span[0]; k <= span[1]; k++) counts[k + 1]!++;
	}
	const slabStart = new Int32Array(slabCount + 1);
	for (let k = 0; k < slabCount; k++) slabStart[k + 1] = slabStart[k]! + counts[k + 1]!;
	const fill = slabStart.slice(0, slabCount);
	const edgeIndex = new Int32Array(slabStart[slabCount]!);
	spans.forEach(([from, to], e) => {
		for (let k = from; k <= to; k++) edgeIndex[fill[k]!++] = e;
	});
	return { name: region.name, west, south, east, north, edges, slabStart, edgeIndex, slabHeight };
}

function contains(region: RegionSlabs, x: number, y: number): boolean {
	if (x < region.west || x > region.east || y < region.south || y > region.north) return false;
	const slabCount = region.slabStart.length - 1;
	const k = Math.min(slabCount - 1, Math.floor((y - region.south) / region.slabHeight));
	const { edges, edgeIndex } = region;
	let inside = false;
	for (let i = region.slabStart[k]!; i < region.slabStart[k + 1]!; i++) {
		const o = 4 * edgeIndex[i]!;
		const y1 = edges[o + 1]!;
		const y2 = edges[o + 3]!;
		// Half-open in y, so a ray through a vertex is counted once.
		if (y1 > y === y2 > y) continue;
		const x1 = edges[o]!;
		const crossing = x1 + ((y - y1) * (edges[o + 2]! - x1)) / (y2 - y1);
		if (x < crossing) inside = !inside;
	}
	return inside;
}

/** The name of the first region containing (lon, lat), or null. */
export function regionAt(index: RegionIndex, lon: number, lat: number): string | null {
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
	for (const region of index.regions) if (contains(region, lon, lat)) return region.name;
	return null;
}
