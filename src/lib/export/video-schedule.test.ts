import { describe, expect, it } from 'vitest';
import { dayNumber } from '$lib/data/format';
import {
	frameTiming,
	stepCaption,
	videoPlan,
	videoProblems,
	videoSizeProblem,
	videoWindows,
	type VideoOptions
} from './video-schedule';

const DOMAIN = { firstDay: dayNumber('2017-02-24'), lastDay: dayNumber('2019-01-19') };

const options = (change: Partial<VideoOptions> = {}): VideoOptions => ({
	fps: 24,
	secondsPerStep: 0.5,
	holdFirst: 0.5,
	holdLast: 1,
	unit: 'month',
	mode: 'window',
	from: '2018-10-01',
	to: '2018-12-31',
	...change
});

const w = (from: string, to: string) => ({ from: dayNumber(from), to: dayNumber(to) });

describe('video windows', () => {
	it('steps a sliding window through the range, as playback does', () => {
		const windows = videoWindows(
			'month',
			'window',
			dayNumber('2018-10-01'),
			dayNumber('2018-12-31')
		);
		expect(windows).toEqual([
			w('2018-10-01', '2018-10-31'),
			w('2018-11-01', '2018-11-30'),
			w('2018-12-01', '2018-12-31')
		]);
	});

	it('grows a cumulative window from the start of the range', () => {
		const windows = videoWindows(
			'week',
			'cumulative',
			dayNumber('2018-06-04'),
			dayNumber('2018-06-20')
		);
		expect(windows).toEqual([
			w('2018-06-04', '2018-06-10'),
			w('2018-06-04', '2018-06-17'),
			w('2018-06-04', '2018-06-20')
		]);
	});

	it('cuts the last window at the end of the range, and a one-day range is one step', () => {
		const days = videoWindows('day', 'window', dayNumber('2018-11-20'), dayNumber('2018-11-20'));
		expect(days).toEqual([w('2018-11-20', '2018-11-20')]);
		const months = videoWindows(
			'month',
			'window',
			dayNumber('2018-10-15'),
			dayNumber('2018-11-20')
		);
		expect(months).toEqual([w('2018-10-15', '2018-11-14'), w('2018-11-15', '2018-11-20')]);
	});

	it('stops at the limit', () => {
		expect(videoWindows('day', 'window', 0, 1000, 5)).toHaveLength(5);
	});
});

describe('video plan', () => {
	it('shows each step for its frames, with the holds on the first and the last', () => {
		const plan = videoPlan(options());
		// 12 frames a step; 12 more first, 24 more last.
		expect(plan.steps.map((step) => [step.firstFrame, step.frames])).toEqual([
			[0, 24],
			[24, 12],
			[36, 36]
		]);
		expect(plan.totalFrames).toBe(72);
		expect(plan.seconds).toBe(3);
		expect(plan.steps.map((step) => [step.from, step.to, step.caption])).toEqual([
			['2018-10-01', '2018-10-31', 'October 2018'],
			['2018-11-01', '2018-11-30', 'November 2018'],
			['2018-12-01', '2018-12-31', 'December 2018']
		]);
	});

	it('gives a single step both holds, and every step at least one frame', () => {
		const plan = videoPlan(
			options({ from: '2018-11-20', to: '2018-11-20', unit: 'day', secondsPerStep: 0.01 })
		);
		expect(plan.steps).toHaveLength(1);
		expect(plan.steps[0]!.frames).toBe(1 + 12 + 24);
		expect(videoPlan(options({ holdFirst: 0, holdLast: 0, fps: 60 })).totalFrames).toBe(90);
	});

	it('numbers the frames without gaps or overlaps', () => {
		const plan = videoPlan(options({ unit: 'week', mode: 'cumulative', fps: 25 }));
		let next = 0;
		for (const step of plan.steps) {
			expect(step.firstFrame).toBe(next);
			next += step.frames;
		}
		expect(next).toBe(plan.totalFrames);
	});

	it('times frames in whole microseconds that add up to the video’s length', () => {
		expect(frameTiming(0, 30)).toEqual({ timestamp: 0, duration: 33_333 });
		expect(frameTiming(1, 30)).toEqual({ timestamp: 33_333, duration: 33_334 });
		let end = 0;
		for (let i = 0; i < 90; i++) {
			const { timestamp, duration } = frameTiming(i, 30);
			expect(timestamp).toBe(end);
			end = timestamp + duration;
		}
		expect(end).toBe(3_000_000);
	});
});

describe('video options', () => {
	it('accepts the defaults over the data', () => {
		expect(videoProblems(options(), DOMAIN)).toEqual([]);
	});

	it('names what is wrong', () => {
		expect(videoProblems(options({ fps: 23 }), DOMAIN)).toEqual([
			'the frame rate must be one of 24, 25, 30, 60'
		]);
		expect(videoProblems(options({ secondsPerStep: 0 }), DOMAIN)[0]).toMatch(/0.1 to 10 seconds/);
		expect(videoProblems(options({ holdLast: -1 }), DOMAIN)[0]).toMatch(/hold on the last/);
		expect(videoProblems(options({ holdFirst: Number.NaN }), DOMAIN)[0]).toMatch(/first/);
		expect(videoProblems(options({ from: '' }), DOMAIN)).toEqual([
			'the range needs a start and an end date'
		]);
		expect(videoProblems(options({ from: '2018-12-01', to: '2018-11-01' }), DOMAIN)).toEqual([
			'the range ends before it starts'
		]);
		expect(videoProblems(options({ from: '2020-01-01', to: '2020-02-01' }), DOMAIN)[0]).toMatch(
			/outside the data \(24 February 2017 to 19 January 2019\)/
		);
	});

	it('refuses a range of too many steps, or a video too long', () => {
		expect(
			videoProblems(options({ unit: 'day', from: '2017-02-24', to: '2019-01-19' }), DOMAIN)[0]
		).toMatch(/more than 400 steps of a day/);
		expect(
			videoProblems(
				options({ unit: 'day', from: '2018-01-01', to: '2018-12-31', secondsPerStep: 10 }),
				DOMAIN
			)[0]
		).toMatch(/longer than 10 minutes/);
	});

	it('wants even frame sides, 4096 at most', () => {
		expect(videoSizeProblem({ width: 1080, height: 1920 })).toBeNull();
		expect(videoSizeProblem({ width: 901, height: 700 })).toMatch(/even width and height/);
		expect(videoSizeProblem({ width: 3840, height: 2160 })).toBeNull();
		expect(videoSizeProblem({ width: 7680, height: 4320 })).toMatch(/at most 4096 pixels/);
	});
});

describe('step captions', () => {
	it('says a window as briefly as it is exact', () => {
		expect(stepCaption(w('2017-02-24', '2017-02-24'))).toBe('24 Feb 2017');
		expect(stepCaption(w('2018-10-01', '2018-10-31'))).toBe('October 2018');
		expect(stepCaption(w('2018-02-01', '2018-02-28'))).toBe('February 2018');
		expect(stepCaption(w('2018-01-01', '2018-03-31'))).toBe('Jan – Mar 2018');
		expect(stepCaption(w('2017-11-01', '2018-01-31'))).toBe('Nov 2017 – Jan 2018');
		expect(stepCaption(w('2018-06-04', '2018-06-10'))).toBe('4 – 10 Jun 2018');
		expect(stepCaption(w('2018-05-28', '2018-06-03'))).toBe('28 May – 3 Jun 2018');
		expect(stepCaption(w('2017-02-24', '2018-10-31'))).toBe('24 Feb 2017 – 31 Oct 2018');
		expect(stepCaption(w('2018-10-15', '2018-11-14'))).toBe('15 Oct – 14 Nov 2018');
	});
});
