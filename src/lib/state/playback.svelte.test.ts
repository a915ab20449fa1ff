import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterState } from './filters.svelte';
import { IncidentStore } from './incidents.svelte';
import { PlaybackState, SLOWEST_SPEED } from './playback.svelte';
import { builtinData, inThreadAnalysis, InThreadFilterEngine } from './testing/stand-ins';

/** The built-in strikes run from 2017-02-24 to 2019-01-…; playback steps through them. */
function playbackOverBuiltinData() {
	const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
	const filters = new FilterState(incidents, (handlers) => new InThreadFilterEngine(handlers));
	filters.start();
	flushSync(); // the columns effect runs: the filter's domain (the data's time span) is known
	const playback = new PlaybackState(filters);
	return { filters, playback, dispose: () => (playback.dispose(), filters.dispose()) };
}

describe('PlaybackState', () => {
	let setup: ReturnType<typeof playbackOverBuiltinData>;
	beforeEach(() => {
		vi.useFakeTimers();
		setup = playbackOverBuiltinData();
	});
	afterEach(() => {
		setup.dispose();
		vi.useRealTimers();
	});

	it('steps from the first month of the data, one month at a time', () => {
		const { filters, playback } = setup;
		playback.unit = 'month';
		expect(playback.step()).toBe(true);
		expect([filters.filter.from, filters.filter.to]).toEqual(['2017-02-24', '2017-03-23']);
		expect(playback.step()).toBe(true);
		expect([filters.filter.from, filters.filter.to]).toEqual(['2017-03-24', '2017-04-23']);
	});

	it('grows the window from the first day in cumulative mode', () => {
		const { filters, playback } = setup;
		playback.unit = 'month';
		playback.mode = 'cumulative';
		playback.step();
		playback.step();
		expect([filters.filter.from, filters.filter.to]).toEqual(['2017-02-24', '2017-04-23']);
	});

	it('says when the end of the data is reached, and playing stops there', () => {
		const { filters, playback } = setup;
		const last = filters.domain!.lastDay;
		playback.unit = 'month';
		let steps = 0;
		while (playback.step()) steps++;
		expect(steps).toBeGreaterThan(20);
		expect(filters.filter.to).toBe(new Date(last * 86_400_000).toISOString().slice(0, 10));

		// Playing again starts over from the first window, then stops by itself at the end.
		playback.play();
		expect(playback.playing).toBe(true);
		expect(filters.filter.from).toBe('2017-02-24');
		vi.advanceTimersByTime((steps + 2) * (1000 / playback.speed));
		expect(playback.playing).toBe(false);
		expect(filters.filter.to).toBe(new Date(last * 86_400_000).toISOString().slice(0, 10));
	});

	it('steps at the chosen speed, and pausing stops it where it is', () => {
		const { filters, playback } = setup;
		playback.unit = 'week';
		playback.setSpeed(4);
		playback.play();
		const first = filters.filter.to;
		vi.advanceTimersByTime(1000); // four steps
		const after = filters.filter.to;
		expect(after! > first!).toBe(true);
		playback.pause();
		vi.advanceTimersByTime(5000);
		expect(filters.filter.to).toBe(after);
		expect(playback.playing).toBe(false);
	});

	it('uses the timeline’s own bins when no step unit is chosen', () => {
		const { filters, playback } = setup;
		expect(playback.stepUnit).toBe(filters.domain!.binning.unit);
		playback.unit = 'day';
		expect(playback.stepUnit).toBe('day');
	});
});

describe('PlaybackState with reduced motion', () => {
	it('starts at its slowest speed when the reader asks for less motion', () => {
		const incidents = new IncidentStore(builtinData(), inThreadAnalysis);
		const filters = new FilterState(incidents, (handlers) => new InThreadFilterEngine(handlers));
		expect(new PlaybackState(filters, { reducedMotion: true }).speed).toBe(SLOWEST_SPEED);
		expect(new PlaybackState(filters).speed).toBeGreaterThan(SLOWEST_SPEED);
	});
});
