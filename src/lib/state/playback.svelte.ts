import { isoFromDayNumber } from '$lib/data/format';
import {
	filterWindow,
	firstWindow,
	stepWindow,
	type DayWindow,
	type PlaybackMode,
	type TimeUnit
} from '$lib/data/timeline';
import type { FilterState } from './filters.svelte';

/**
 * Playback of the timeline: a date window stepping through the data by day, week or month,
 * either sliding ("window") or growing from the first day ("cumulative"). Each step is a filter
 * change, so the map, counts and list follow it.
 */
/** The slowest playback, in steps per second (the timeline offers 0.5 to 8). */
export const SLOWEST_SPEED = 0.5;

export class PlaybackState {
	playing = $state(false);
	/** Steps per second. */
	speed = $state(2);
	unit = $state<TimeUnit | null>(null);
	mode = $state<PlaybackMode>('window');

	#filters: FilterState;
	#timer: ReturnType<typeof setInterval> | null = null;

	/**
	 * @param options.reducedMotion the reader asked for less motion: playback starts at its
	 *   slowest speed (every change of the map is then a calm step; they can choose faster)
	 */
	constructor(filters: FilterState, options: { reducedMotion?: boolean } = {}) {
		this.#filters = filters;
		if (options.reducedMotion) this.speed = SLOWEST_SPEED;
	}

	/** The step unit: the user's choice, else the timeline's own bins. */
	get stepUnit(): TimeUnit {
		return this.unit ?? this.#filters.domain?.binning.unit ?? 'month';
	}

	#window(): DayWindow | null {
		const domain = this.#filters.domain;
		return domain ? filterWindow(this.#filters.filter, domain.firstDay, domain.lastDay) : null;
	}

	#show(window: DayWindow) {
		this.#filters.update({ from: isoFromDayNumber(window.from), to: isoFromDayNumber(window.to) });
	}

	/** Moves one step on; false at the end of the data. */
	step(): boolean {
		const domain = this.#filters.domain;
		if (!domain) return false;
		const current = this.#window();
		const next = current
			? stepWindow(current, this.stepUnit, this.mode, domain.firstDay, domain.lastDay)
			: firstWindow(this.stepUnit, domain.firstDay, domain.lastDay);
		if (!next) return false;
		this.#show(next);
		return true;
	}

	play() {
		if (this.playing || !this.#filters.domain) return;
		const domain = this.#filters.domain;
		const current = this.#window();
		// From the start when there is no window yet, or the last one reached the end.
		if (!current || current.to >= domain.lastDay)
			this.#show(firstWindow(this.stepUnit, domain.firstDay, domain.lastDay));
		this.playing = true;
		this.#schedule();
	}

	pause() {
		this.playing = false;
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = null;
	}

	setSpeed(speed: number) {
		this.speed = speed;
		if (this.playing) this.#schedule();
	}

	#schedule() {
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = setInterval(() => {
			if (!this.step()) this.pause();
		}, 1000 / this.speed);
	}

	dispose() {
		this.pause();
	}
}
