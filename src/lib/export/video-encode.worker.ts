/// <reference lib="webworker" />
import {
	BufferTarget,
	Mp4OutputFormat,
	Output,
	QUALITY_HIGH,
	VideoSample,
	VideoSampleSource,
	WebMOutputFormat
} from 'mediabunny';
import { frameTiming } from './video-schedule';

/**
 * Encoding a video off the main thread: WebCodecs' VideoEncoder (through mediabunny's
 * VideoSampleSource) and mediabunny's WebM or MP4 muxer, into memory. The page sends one
 * VideoFrame per step of the video (transferred, not copied) with the frames it stands for;
 * this worker gives each of those frames its own time and encodes it, then acknowledges the
 * step once the encoder has taken it (the page waits for that: its memory stays bounded).
 */

export interface VideoTags {
	title: string;
	description: string;
	/** Where the video came from: the permalink, the datasets, the citation. */
	comment: string;
	permalink: string;
	/** ISO time of the export. */
	date: string;
}

export type EncodeMessage =
	| {
			type: 'start';
			container: 'webm' | 'mp4';
			codec: 'vp9' | 'avc';
			fps: number;
			tags: VideoTags;
	  }
	| { type: 'frames'; frame: VideoFrame; first: number; count: number }
	| { type: 'finish' };

export type EncodeReply =
	| { type: 'started' }
	| { type: 'added'; through: number }
	| { type: 'done'; buffer: ArrayBuffer; mimeType: string }
	| { type: 'error'; message: string };

let output: Output<WebMOutputFormat | Mp4OutputFormat, BufferTarget> | null = null;
let source: VideoSampleSource | null = null;
let fps = 30;
let failed = false;

const reply = (message: EncodeReply, transfer: Transferable[] = []) =>
	self.postMessage(message, { transfer });

async function handle(message: EncodeMessage) {
	if (message.type === 'start') {
		fps = message.fps;
		output = new Output({
			format:
				message.container === 'mp4'
					? new Mp4OutputFormat({ fastStart: 'in-memory' })
					: new WebMOutputFormat(),
			target: new BufferTarget()
		});
		source = new VideoSampleSource({
			codec: message.codec,
			quality: QUALITY_HIGH,
			keyFrameInterval: 2
		});
		output.addVideoTrack(source, { frameRate: fps });
		const { tags } = message;
		output.setMetadataTags({
			title: tags.title,
			description: tags.description,
			comment: tags.comment,
			date: new Date(tags.date),
			// Matroska's own tag for a link (MP4 has none: there it is in the comment).
			...(message.container === 'webm' ? { raw: { URL: tags.permalink } } : {})
		});
		await output.start();
		reply({ type: 'started' });
		return;
	}
	if (message.type === 'frames') {
		const { frame, first, count } = message;
		try {
			if (!source) throw new Error('the encoder was not started');
			for (let i = first; i < first + count; i++) {
				const { timestamp, duration } = frameTiming(i, fps);
				// A new frame over the same pixels (no copy), at its own time.
				const sample = new VideoSample(new VideoFrame(frame, { timestamp, duration }));
				try {
					await source.add(sample);
				} finally {
					sample.close();
				}
			}
		} finally {
			frame.close();
		}
		reply({ type: 'added', through: first + count });
		return;
	}
	if (!output || !source) throw new Error('the encoder was not started');
	source.close();
	await output.finalize();
	const buffer = output.target.buffer;
	if (!buffer) throw new Error('the video is empty');
	reply({ type: 'done', buffer, mimeType: output.format.mimeType }, [buffer]);
}

// Messages are handled one after another, in order, whatever each waits for.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<EncodeMessage>) => {
	const message = event.data;
	queue = queue.then(async () => {
		if (failed) {
			if (message.type === 'frames') message.frame.close();
			return;
		}
		try {
			await handle(message);
		} catch (error) {
			failed = true;
			reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
		}
	});
};
