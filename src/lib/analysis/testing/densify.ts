import type { MultiLineString } from 'geojson';

/** Inserts points along the segments (staying on them) until the line has `vertices` vertices. */
export function densify(line: MultiLineString, vertices: number): MultiLineString {
	const segments = line.coordinates.reduce((sum, part) => sum + part.length - 1, 0);
	const extra = vertices - line.coordinates.flat().length;
	let remaining = extra;
	return {
		type: 'MultiLineString',
		coordinates: line.coordinates.map((part, p) =>
			part.flatMap((position, v) => {
				if (v === part.length - 1) return [position];
				const isLast = p === line.coordinates.length - 1 && v === part.length - 2;
				const inserts = isLast ? remaining : Math.min(remaining, Math.round(extra / segments));
				remaining -= inserts;
				const [lon0, lat0] = position as [number, number];
				const [lon1, lat1] = part[v + 1] as [number, number];
				return [
					position,
					...Array.from({ length: inserts }, (_, k) => {
						const t = (k + 1) / (inserts + 1);
						return [lon0 + t * (lon1 - lon0), lat0 + t * (lat1 - lat0)];
					})
				];
			})
		)
	};
}
