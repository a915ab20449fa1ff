import { dayNumber, isoFromDayNumber } from '$lib/data/format';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '$lib/data/months';
import {
	addUnits,
	firstWindow,
	stepWindow,
	type DayWindow,
	type PlaybackMode,
	type TimeUnit
} from '$lib/data/timeline';
import { ENGLISH, type Formatter } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

/**
 * A video of the timeline's playback, as numbers: which date windows it steps through (the
 * playback's own steps — data/timeline.ts — over the chosen range), how many frames each step is
 * shown for at the frame rate, the holds on the first and last step, and the date caption of
 * each step. Pure, so the schedule is tested without a browser; video-export.ts draws it.
 */

export interface VideoOptions {
	/** Frames per second. */
	fps: number;
	/** How long each playback step is shown. */
	secondsPerStep: number;
	/** Extra time on the first and on the last step (a reader sees where it starts and ends). */
	holdFirst: number;
	holdLast: number;
	unit: TimeUnit;
	mode: PlaybackMode;
	/** The range stepped through, ISO dates (inclusive). */
	from: string;
	to: string;
}

export const FRAME_RATES = [24, 25, 30, 60] as const;

export const VIDEO_LIMITS = {
	secondsPerStep: { min: 0.1, max: 10 },
	hold: { min: 0, max: 10 },
	/** More steps than this is a different film: a range that long wants a coarser step. */
	maxSteps: 400,
	/** Ten minutes. */
	maxSeconds: 600
} as const;

export const DEFAULT_VIDEO_OPTIONS: Omit<VideoOptions, 'unit' | 'mode' | 'from' | 'to'> = {
	fps: 30,
	secondsPerStep: 1,
	holdFirst: 1,
	holdLast: 2
};

export interface VideoStep {
	/** The window shown, in day numbers, and as the ISO dates a filter takes. */
	window: DayWindow;
	from: string;
	to: string;
	/** The step's date in words, drawn on every frame of it. */
	caption: string;
	/** Its first frame's index, and how many frames show it (holds included). */
	firstFrame: number;
	frames: number;
}

export interface VideoPlan {
	fps: number;
	steps: VideoStep[];
	totalFrames: number;
	/** totalFrames / fps. */
	seconds: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with the options for data spanning `firstDay`…`lastDay` (day numbers), in words
 * (none: they make a video).
 */
export function videoProblems(
	options: VideoOptions,
	domain: { firstDay: number; lastDay: number },
	f: Formatter = ENGLISH
): string[] {
	const o = { locale: f.locale };
	const n = (value: number) => f.number(value);
	const problems: string[] = [];
	const { secondsPerStep, hold } = VIDEO_LIMITS;
	if (!(FRAME_RATES as readonly number[]).includes(options.fps)) {
		problems.push(
			m.video_problem_fps({ rates: FRAME_RATES.map(n).join(m.area_separator({}, o)) }, o)
		);
	}
	if (
		!Number.isFinite(options.secondsPerStep) ||
		options.secondsPerStep < secondsPerStep.min ||
		options.secondsPerStep > secondsPerStep.max
	) {
		problems.push(
			m.video_problem_seconds({ min: n(secondsPerStep.min), max: n(secondsPerStep.max) }, o)
		);
	}
	const holdRange = { min: n(hold.min), max: n(hold.max) };
	for (const [name, value] of [
		['first', options.holdFirst],
		['last', options.holdLast]
	] as const) {
		if (!Number.isFinite(value) || value < hold.min || value > hold.max) {
			problems.push(
				name === 'first'
					? m.video_problem_hold_first(holdRange, o)
					: m.video_problem_hold_last(holdRange, o)
			);
		}
	}
	if (!ISO.test(options.from) || !ISO.test(options.to)) {
		problems.push(m.video_problem_no_range({}, o));
		return problems;
	}
	const from = dayNumber(options.from);
	const to = dayNumber(options.to);
	if (from > to) problems.push(m.video_problem_reversed({}, o));
	else if (to < domain.firstDay || from > domain.lastDay) {
		problems.push(
			m.video_problem_outside(
				{
					from: f.day(isoFromDayNumber(domain.firstDay)),
					to: f.day(isoFromDayNumber(domain.lastDay))
				},
				o
			)
		);
	}
	if (problems.length > 0) return problems;
	const steps = videoWindows(options.unit, options.mode, from, to, VIDEO_LIMITS.maxSteps + 1);
	if (steps.length > VIDEO_LIMITS.maxSteps) {
		const max = f.count(VIDEO_LIMITS.maxSteps);
		problems.push(
			options.unit === 'day'
				? m.video_problem_steps_day({ max }, o)
				: options.unit === 'week'
					? m.video_problem_steps_week({ max }, o)
					: m.video_problem_steps_month({ max }, o)
		);
	} else if (frameCount(steps.length, options) / options.fps > VIDEO_LIMITS.maxSeconds) {
		problems.push(m.video_problem_too_long({ minutes: n(VIDEO_LIMITS.maxSeconds / 60) }, o));
	}
	return problems;
}

/** The longest side of a video: 4K and DCI 4K fit; the encoders' limits are not far beyond. */
export const VIDEO_MAX_SIDE = 4096;

/**
 * The size problem of a video frame, if any: the encoders take even sides only (4:2:0), and
 * none past {@link VIDEO_MAX_SIDE}.
 */
export function videoSizeProblem(
	size: { width: number; height: number },
	f: Formatter = ENGLISH
): string | null {
	const o = { locale: f.locale };
	const width = f.number(size.width);
	const height = f.number(size.height);
	if (size.width > VIDEO_MAX_SIDE || size.height > VIDEO_MAX_SIDE) {
		return m.video_problem_too_big({ max: f.number(VIDEO_MAX_SIDE), width, height }, o);
	}
	return size.width % 2 === 0 && size.height % 2 === 0
		? null
		: m.video_problem_odd({ width, height }, o);
}

/**
 * The windows playback shows stepping through `from`…`to` (day numbers): the first unit of the
 * range, then each step on ("window" slides, "cumulative" grows from `from`), the last cut at
 * `to`. At most `limit` windows.
 */
export function videoWindows(
	unit: TimeUnit,
	mode: PlaybackMode,
	from: number,
	to: number,
	limit = Infinity
): DayWindow[] {
	if (from > to) return [];
	const windows = [firstWindow(unit, from, to)];
	let last = windows[0];
	while (last && windows.length < limit) {
		last = stepWindow(last, unit, mode, from, to) ?? undefined;
		if (last) windows.push(last);
	}
	return windows;
}

const framesPerStep = (options: Pick<VideoOptions, 'fps' | 'secondsPerStep'>) =>
	Math.max(1, Math.round(options.secondsPerStep * options.fps));

const holdFrames = (seconds: number, fps: number) => Math.max(0, Math.round(seconds * fps));

function frameCount(steps: number, options: VideoOptions): number {
	if (steps === 0) return 0;
	return (
		steps * framesPerStep(options) +
		holdFrames(options.holdFirst, options.fps) +
		holdFrames(options.holdLast, options.fps)
	);
}

/** The video's steps and frames; call with options videoProblems() found nothing wrong with. */
export function videoPlan(options: VideoOptions, f: Formatter = ENGLISH): VideoPlan {
	const windows = videoWindows(
		options.unit,
		options.mode,
		dayNumber(options.from),
		dayNumber(options.to),
		VIDEO_LIMITS.maxSteps
	);
	const each = framesPerStep(options);
	const first = holdFrames(options.holdFirst, options.fps);
	const last = holdFrames(options.holdLast, options.fps);
	let next = 0;
	const steps = windows.map((window, i) => {
		const frames = each + (i === 0 ? first : 0) + (i === windows.length - 1 ? last : 0);
		const step: VideoStep = {
			window,
			from: isoFromDayNumber(window.from),
			to: isoFromDayNumber(window.to),
			caption: stepCaption(window, f),
			firstFrame: next,
			frames
		};
		next += frames;
		return step;
	});
	return { fps: options.fps, steps, totalFrames: next, seconds: next / options.fps };
}

/** When frame `index` starts, and how long it lasts, in microseconds (WebCodecs' unit). */
export function frameTiming(index: number, fps: number): { timestamp: number; duration: number } {
	const timestamp = Math.round((index * 1e6) / fps);
	return { timestamp, duration: Math.round(((index + 1) * 1e6) / fps) - timestamp };
}

function ymd(day: number) {
	const date = new Date(day * 86_400_000);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth(), date: date.getUTCDate() };
}

/**
 * A window in words, as short as says it exactly: "24 Feb 2017" (one day), "October 2018" (a
 * calendar month), "Nov 2017 – Jan 2018" (whole months), "4 – 10 Jun 2018", "28 May – 3 Jun
 * 2018", "24 Feb 2017 – 31 Oct 2018".
 */
export function stepCaption(window: DayWindow, f: Formatter = ENGLISH): string {
	if (f.isArabic) return arabicCaption(window, f);
	const a = ymd(window.from);
	const b = ymd(window.to);
	const mon = (month: number) => MONTH_ABBREVIATIONS[month] ?? '';
	if (window.from === window.to) return `${a.date} ${mon(a.month)} ${a.year}`;
	const wholeMonths =
		a.date === 1 && addUnits(window.to + 1 - b.date, 'month', 1) === window.to + 1;
	if (wholeMonths) {
		if (a.year === b.year && a.month === b.month) return `${MONTH_NAMES[a.month]} ${a.year}`;
		return a.year === b.year
			? `${mon(a.month)} – ${mon(b.month)} ${a.year}`
			: `${mon(a.month)} ${a.year} – ${mon(b.month)} ${b.year}`;
	}
	if (a.year !== b.year)
		return `${a.date} ${mon(a.month)} ${a.year} – ${b.date} ${mon(b.month)} ${b.year}`;
	if (a.month !== b.month) return `${a.date} ${mon(a.month)} – ${b.date} ${mon(b.month)} ${a.year}`;
	return `${a.date} – ${b.date} ${mon(a.month)} ${a.year}`;
}

/**
 * The same windows in Arabic, through the language's own date formats: a day, a calendar month,
 * or the first and the last day (Arabic abbreviates no month names).
 */
function arabicCaption(window: DayWindow, f: Formatter): string {
	const from = isoFromDayNumber(window.from);
	const to = isoFromDayNumber(window.to);
	if (window.from === window.to) return f.day(from);
	const b = ymd(window.to);
	const wholeMonth =
		ymd(window.from).date === 1 &&
		addUnits(window.to + 1 - b.date, 'month', 1) === window.to + 1 &&
		from.slice(0, 7) === to.slice(0, 7);
	if (wholeMonth) return f.month(from);
	return m.filter_range({ from: f.day(from), to: f.day(to) }, { locale: f.locale });
}
