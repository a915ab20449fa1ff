import { geodesicInverse } from '$lib/analysis/geodesic';

export type LonLat = [lon: number, lat: number];

export interface MeasureLeg {
	from: LonLat;
	to: LonLat;
	/** WGS84 geodesic distance in metres. */
	distance: number;
	/** Bearing at the start of the leg, degrees clockwise from north. */
	initialBearing: number;
}

/** The measure tool: points the user placed, and the geodesic legs between them. */
export class MeasureState {
	active = $state(false);
	points = $state.raw<LonLat[]>([]);

	legs: MeasureLeg[] = $derived(
		this.points.slice(1).map((to, i) => {
			const from = this.points[i] as LonLat;
			const { distance, initialBearing } = geodesicInverse(from[1], from[0], to[1], to[0]);
			return { from, to, distance, initialBearing };
		})
	);
	total = $derived(this.legs.reduce((sum, leg) => sum + leg.distance, 0));

	start() {
		this.active = true;
	}

	/** Ends measuring and forgets the points. */
	stop() {
		this.active = false;
		this.points = [];
	}

	add(point: LonLat) {
		this.points = [...this.points, point];
	}

	undo() {
		this.points = this.points.slice(0, -1);
	}

	clear() {
		this.points = [];
	}
}
