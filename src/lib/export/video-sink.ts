import type { EncodeMessage, EncodeReply, VideoTags } from './video-encode.worker';

export type { VideoTags };

/**
 * Where a video's frames go: an encoder that takes the composed canvas for a run of frames
 * (one step of the video) and in the end hands back the file. Two kinds:
 * - WebCodecs (VP9 in WebM, H.264 in MP4): a module worker encodes and muxes (mediabunny), fed
 *   one transferred VideoFrame per step, so the main thread only copies the canvas;
 * - MediaRecorder, where WebCodecs is missing: the canvas recorded in real time (paused while
 *   the next step is drawn), WebM, without metadata.
 */
export interface VideoSink {
	/** Frames `first` … `first + count − 1` all show the canvas as it is now. */
	addFrames(canvas: HTMLCanvasElement, first: number, count: number): Promise<void>;
	/** The file, once every frame is in. */
	finish(): Promise<Blob>;
	/** Stops at once and frees the encoder (its worker, its frames). */
	cancel(): void;
}

export type VideoFormatId = 'webm-vp9' | 'mp4-avc' | 'webm-recorder';

export interface VideoFormat {
	id: VideoFormatId;
	label: string;
	extension: 'webm' | 'mp4';
}

export const VIDEO_FORMATS: Record<VideoFormatId, VideoFormat> = {
	'webm-vp9': { id: 'webm-vp9', label: 'WebM (VP9)', extension: 'webm' },
	'mp4-avc': { id: 'mp4-avc', label: 'MP4 (H.264)', extension: 'mp4' },
	'webm-recorder': {
		id: 'webm-recorder',
		label: 'WebM (recorded in real time)',
		extension: 'webm'
	}
};

const hasWebCodecs = () => typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';

const RECORDER_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

const recorderType = () =>
	typeof MediaRecorder === 'undefined'
		? undefined
		: RECORDER_TYPES.find((type) => MediaRecorder.isTypeSupported(type));

/**
 * The formats this browser can make at a size, best first: VP9 in WebM and H.264 in MP4 where
 * WebCodecs can encode them, else the MediaRecorder's WebM; none where neither exists.
 */
export async function videoFormats(size: {
	width: number;
	height: number;
}): Promise<VideoFormat[]> {
	const formats: VideoFormat[] = [];
	if (hasWebCodecs()) {
		const { canEncodeVideo } = await import('mediabunny');
		const options = { width: size.width, height: size.height };
		const [vp9, avc] = await Promise.all([
			canEncodeVideo('vp9', options).catch(() => false),
			canEncodeVideo('avc', options).catch(() => false)
		]);
		if (vp9) formats.push(VIDEO_FORMATS['webm-vp9']);
		if (avc) formats.push(VIDEO_FORMATS['mp4-avc']);
	}
	if (formats.length === 0 && recorderType()) formats.push(VIDEO_FORMATS['webm-recorder']);
	return formats;
}

export async function createVideoSink(
	format: VideoFormatId,
	fps: number,
	tags: VideoTags
): Promise<VideoSink> {
	if (format === 'webm-recorder') return new RecorderSink(fps);
	const sink = new WorkerSink();
	await sink.start({
		type: 'start',
		container: format === 'mp4-avc' ? 'mp4' : 'webm',
		codec: format === 'mp4-avc' ? 'avc' : 'vp9',
		fps,
		tags
	});
	return sink;
}

/** Steps on their way to the encoder at most: each holds one frame's pixels. */
const IN_FLIGHT = 2;

class WorkerSink implements VideoSink {
	#worker = new Worker(new URL('./video-encode.worker.ts', import.meta.url), { type: 'module' });
	/** Callers waiting for the worker's next replies, oldest first. */
	#waiting: { resolve: (reply: EncodeReply) => void; reject: (error: Error) => void }[] = [];
	#inFlight: Promise<EncodeReply>[] = [];
	#failure: Error | null = null;

	constructor() {
		this.#worker.onmessage = (event: MessageEvent<EncodeReply>) => {
			const reply = event.data;
			if (reply.type === 'error') return this.#fail(new Error(`encoding: ${reply.message}`));
			this.#waiting.shift()?.resolve(reply);
		};
		this.#worker.onerror = (event) => {
			event.preventDefault();
			this.#fail(new Error(`the video encoder failed: ${event.message || 'no reason given'}`));
		};
	}

	#fail(error: Error) {
		this.#failure ??= error;
		for (const waiting of this.#waiting.splice(0)) waiting.reject(this.#failure);
	}

	/** Sends a message; the promise is for the reply it will get (replies come in order). */
	#send(message: EncodeMessage, transfer: Transferable[] = []): Promise<EncodeReply> {
		if (this.#failure) return Promise.reject(this.#failure);
		const reply = new Promise<EncodeReply>((resolve, reject) =>
			this.#waiting.push({ resolve, reject })
		);
		// A reply nobody waits for any more (a cancelled export's) is not an unhandled error.
		reply.catch(() => undefined);
		this.#worker.postMessage(message, transfer);
		return reply;
	}

	async start(message: EncodeMessage) {
		await this.#send(message);
	}

	async addFrames(canvas: HTMLCanvasElement, first: number, count: number) {
		const frame = new VideoFrame(canvas, { timestamp: 0 });
		this.#inFlight.push(this.#send({ type: 'frames', frame, first, count }, [frame]));
		while (this.#inFlight.length >= IN_FLIGHT) await this.#inFlight.shift();
	}

	async finish(): Promise<Blob> {
		await Promise.all(this.#inFlight.splice(0));
		const reply = await this.#send({ type: 'finish' });
		this.#worker.terminate();
		if (reply.type !== 'done') throw new Error('the video encoder did not finish');
		return new Blob([reply.buffer], { type: reply.mimeType });
	}

	cancel() {
		// Ends the encoder, the muxer and every frame sent to them, whatever they were doing.
		this.#worker.terminate();
		this.#fail(new DOMException('The video export was cancelled', 'AbortError'));
	}
}

/** The fallback: the canvas recorded as it changes, frame by frame, in real time. */
class RecorderSink implements VideoSink {
	#fps: number;
	#recorder: MediaRecorder | null = null;
	#track: CanvasCaptureMediaStreamTrack | null = null;
	#chunks: Blob[] = [];
	#stopped: Promise<void> | null = null;

	constructor(fps: number) {
		this.#fps = fps;
	}

	#start(canvas: HTMLCanvasElement) {
		const stream = canvas.captureStream(0);
		this.#track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
		const recorder = new MediaRecorder(stream, {
			mimeType: recorderType(),
			videoBitsPerSecond: 8_000_000
		});
		recorder.ondataavailable = (event) => {
			if (event.data.size > 0) this.#chunks.push(event.data);
		};
		this.#stopped = new Promise((resolve) => (recorder.onstop = () => resolve()));
		recorder.start();
		this.#recorder = recorder;
		return recorder;
	}

	async addFrames(canvas: HTMLCanvasElement, _first: number, count: number) {
		const recorder = this.#recorder ?? this.#start(canvas);
		if (recorder.state === 'paused') recorder.resume();
		const started = performance.now();
		const ctx = canvas.getContext('2d');
		for (let i = 0; i < count; i++) {
			if (i > 0 && ctx) {
				// An unchanged canvas gives no new frame: touch it (a transparent pixel changes
				// nothing) so every frame of the step is recorded, at a steady rate.
				ctx.save();
				ctx.setTransform(1, 0, 0, 1, 0, 0);
				ctx.fillStyle = 'rgb(0 0 0 / 0)';
				ctx.fillRect(0, 0, 1, 1);
				ctx.restore();
			}
			this.#track?.requestFrame();
			const due = started + ((i + 1) * 1000) / this.#fps;
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
		}
		// The next step's drawing is not recorded: the time it takes is not in the video.
		recorder.pause();
	}

	async finish(): Promise<Blob> {
		const recorder = this.#recorder;
		if (!recorder) throw new Error('the video has no frames');
		if (recorder.state === 'paused') recorder.resume();
		recorder.stop();
		await this.#stopped;
		this.#track?.stop();
		return new Blob(this.#chunks, { type: recorder.mimeType || 'video/webm' });
	}

	cancel() {
		if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
		this.#track?.stop();
		this.#chunks = [];
	}
}
