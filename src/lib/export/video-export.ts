import type { IncidentFilter } from '$lib/data/filter';
import { ENGLISH, Formatter } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { compose, mapSize, type ImageText } from './export-image';
import type { ExportSize } from './presets';
import type { OpenStepMap, StepMap } from './rendered-map';
import type { VideoPlan } from './video-schedule';
import { createVideoSink, type VideoFormatId, type VideoSink, type VideoTags } from './video-sink';

/**
 * A video of the timeline's playback, drawn frame by frame off screen (never a screen
 * recording): one off-screen map at the video's map area for the whole video, given each
 * step's matches in turn; the image's composition (title, legend, scale, credits, inset) over
 * it with the step's date; each step's frame handed to the encoder for as many frames as the
 * plan shows it. Cancelling (the signal) stops between any two awaits and frees the map, the
 * canvases and the encoder.
 */
export interface VideoJob {
	openMap: OpenStepMap;
	size: ExportSize;
	text: ImageText;
	plan: VideoPlan;
	/** The filter every step shares; each step sets its own dates. */
	filter: IncidentFilter;
	/** All the incidents: the widest count a step can show (its caption is sized for it). */
	total: number;
	format: VideoFormatId;
	tags: VideoTags;
	/** Frames done of all; called after each step. */
	onprogress?: (done: number, total: number) => void;
	signal?: AbortSignal;
}

/** "1 incident", "12 incidents" (in the image's language). */
export const countCaption = (count: number, f: Formatter = ENGLISH) =>
	m.incident_count({ count, n: f.count(count) }, { locale: f.locale });

const aborted = () => new DOMException('The video export was cancelled', 'AbortError');

/** Rejects as soon as the signal aborts, else settles as `promise` does. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	if (signal.aborted) return Promise.reject(aborted());
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(aborted());
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		);
	});
}

export function isAbort(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}

export async function exportVideo(job: VideoJob): Promise<Blob> {
	const { plan, size, signal } = job;
	const [first] = plan.steps;
	if (!first) throw new Error('the range has no steps');
	const dates = plan.steps.map((step) => step.caption);
	// The widest detail there can be: every incident in one step.
	const language = job.text.language;
	const f = language ? new Formatter(language.locale, language.digits) : ENGLISH;
	const widest = countCaption(job.total, f);
	const text = (date: string, detail: string): ImageText => ({
		...job.text,
		caption: { date, detail, dates, details: [widest] }
	});
	const frame = document.createElement('canvas');
	// What has been opened, to free at the end; what opens after the end is freed as it opens.
	const held: { map?: StepMap; sink?: VideoSink } = {};
	let ended = false;
	let finished = false;
	try {
		const area = await unlessAborted(mapSize(size, text(first.caption, widest)), signal);
		const sinkOpening = createVideoSink(job.format, plan.fps, job.tags);
		const mapOpening = job.openMap(area, signal);
		sinkOpening.then(
			(sink) => (ended ? sink.cancel() : (held.sink = sink)),
			() => undefined
		);
		mapOpening.then(
			(map) => (ended ? map.close() : (held.map = map)),
			() => undefined
		);
		const [sink, map] = await unlessAborted(Promise.all([sinkOpening, mapOpening]), signal);
		job.onprogress?.(0, plan.totalFrames);
		for (const step of plan.steps) {
			const started = performance.now();
			const drawn = await unlessAborted(
				map.draw({ ...job.filter, from: step.from, to: step.to }),
				signal
			);
			const drawnAt = performance.now();
			await compose(drawn.map, size, text(step.caption, countCaption(drawn.count, f)), frame);
			const composedAt = performance.now();
			await unlessAborted(sink.addFrames(frame, step.firstFrame, step.frames), signal);
			// Where the time goes, for the benchmark (scripts/bench/video.ts reads these).
			performance.measure('video: map', { start: started, end: drawnAt });
			performance.measure('video: compose', { start: drawnAt, end: composedAt });
			performance.measure('video: encoder', { start: composedAt, end: performance.now() });
			job.onprogress?.(step.firstFrame + step.frames, plan.totalFrames);
		}
		const blob = await unlessAborted(sink.finish(), signal);
		finished = true;
		return blob;
	} finally {
		// Whatever happened: the map and its element go, the encoder stops, the canvas is freed.
		ended = true;
		held.map?.close();
		if (!finished) held.sink?.cancel();
		frame.width = 0;
		frame.height = 0;
	}
}
