import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

/**
 * The timeline's playback as a video: drawn off screen frame by frame, encoded (WebCodecs, or
 * MediaRecorder without it), downloaded; its frames counted with a demuxer and decoded to
 * compare the first and the last; Cancel stops it and frees what it held.
 */

// October to December 2018 by month: no strike in October, two in November, three in December.
const VIEW = '#map=7/34.6/40.6';
const RANGE = '&from=2018-10-01&to=2018-12-31';
const DECEMBER = [
	[40.97, 34.53],
	[40.83, 34.69]
] as const;

async function openExport(page: Page, hash: string) {
	await page.goto(`/${hash}`);
	await waitForMapIdle(page);
	await page.getByTestId('export-button').click();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
	await expect(page.getByTestId('video-format')).toBeEnabled({ timeout: 30_000 });
}

async function chooseVideo(
	page: Page,
	options: { unit?: string; fps?: string; seconds?: string; holdFirst?: string; holdLast?: string }
) {
	if (options.unit) await page.getByTestId('video-unit').selectOption(options.unit);
	if (options.fps) await page.getByTestId('video-fps').selectOption(options.fps);
	if (options.seconds) await page.getByTestId('video-seconds').fill(options.seconds);
	if (options.holdFirst) await page.getByTestId('video-hold-first').fill(options.holdFirst);
	if (options.holdLast) await page.getByTestId('video-hold-last').fill(options.holdLast);
}

interface Probe {
	format: string;
	codec: string | null;
	width: number;
	height: number;
	frames: number;
	keyFrames: number;
	duration: number;
	comment?: string;
	title?: string;
	raw: Record<string, unknown>;
}

/** The video's track and frames as a demuxer reads them (in Node: no decoding needed). */
async function probe(bytes: Uint8Array): Promise<Probe> {
	const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
	const track = await input.getPrimaryVideoTrack();
	if (!track) throw new Error('no video track');
	let frames = 0;
	let keyFrames = 0;
	for await (const packet of new EncodedPacketSink(track).packets()) {
		frames++;
		if (packet.type === 'key') keyFrames++;
	}
	const tags = await input.getMetadataTags();
	return {
		format: (await input.getFormat()).name,
		codec: track.codec,
		width: track.displayWidth,
		height: track.displayHeight,
		frames,
		keyFrames,
		duration: await input.computeDuration(),
		comment: tags.comment,
		title: tags.title,
		raw: tags.raw ?? {}
	};
}

// The package's browser bundle (its exports map names only the modules).
const MEDIABUNNY = readFileSync(
	new URL('../node_modules/mediabunny/dist/bundles/mediabunny.min.mjs', import.meta.url)
);

/**
 * The first and the last frame, decoded (WebCodecs, in a blank page of the test's browser: Node
 * has no video decoder) and drawn as PNGs.
 */
async function firstAndLastFrames(
	browser: Browser,
	origin: string,
	video: Buffer
): Promise<[PNG, PNG]> {
	const page = await browser.newPage();
	// A page of its own on the test server's origin (a secure context: WebCodecs is there), all
	// of it answered here.
	const base = `${origin}/__decode`;
	try {
		await page.route(`${base}/**`, (route) => {
			const path = new URL(route.request().url()).pathname;
			if (path.endsWith('/mediabunny.mjs'))
				return route.fulfill({ body: MEDIABUNNY, contentType: 'text/javascript' });
			if (path.endsWith('/video')) return route.fulfill({ body: video, contentType: 'video/webm' });
			return route.fulfill({
				body: '<!doctype html><title>decode</title>',
				contentType: 'text/html'
			});
		});
		await page.goto(`${base}/`);
		const urls = await page.evaluate(async (base) => {
			const mb = await import(`${base}/mediabunny.mjs`);
			const bytes = await (await fetch(`${base}/video`)).arrayBuffer();
			const input = new mb.Input({ source: new mb.BufferSource(bytes), formats: mb.ALL_FORMATS });
			const track = await input.getPrimaryVideoTrack();
			const sink = new mb.VideoSampleSink(track);
			const end = await track.computeDuration();
			const png = async (time: number) => {
				const sample = await sink.getSample(time);
				const canvas = document.createElement('canvas');
				canvas.width = sample.displayWidth;
				canvas.height = sample.displayHeight;
				sample.draw(canvas.getContext('2d'), 0, 0);
				sample.close();
				return canvas.toDataURL('image/png');
			};
			return [await png(0), await png(end - 0.001)];
		}, base);
		const [first, last] = urls.map((url) =>
			PNG.sync.read(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))
		);
		return [first!, last!];
	} finally {
		await page.close();
	}
}

/** Where a position is drawn in a north-up Web Mercator image of 512-pixel tiles. */
function pixelOf(
	[lon, lat]: readonly [number, number],
	centre: readonly [number, number],
	zoom: number,
	size: number
): [number, number] {
	const world = 512 * 2 ** zoom;
	const x = (l: number) => ((l + 180) / 360) * world;
	const y = (p: number) =>
		((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * world;
	return [size / 2 + x(lon) - x(centre[0]), size / 2 + y(lat) - y(centre[1])];
}

test('a video of a short range downloads a WebM whose frames decode and follow the data', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(600_000);
	await openExport(page, VIEW + RANGE);
	await page.getByTestId('export-preset').selectOption('square');
	await expect(page.getByTestId('video-from')).toHaveValue('2018-10-01');
	await expect(page.getByTestId('video-to')).toHaveValue('2018-12-31');
	await chooseVideo(page, {
		unit: 'month',
		fps: '24',
		seconds: '0.5',
		holdFirst: '0.5',
		holdLast: '0.5'
	});
	// Three steps of 12 frames, and 12 more on the first and the last.
	await expect(page.getByTestId('video-summary')).toHaveText('3 steps · 60 frames · 2.5 s');
	await expect(page.getByTestId('video-format')).toHaveValue('webm-vp9');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 540_000 }),
		page.getByTestId('export-video').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^iraq-syria-video-.*-1080x1080\.webm$/);
	const bytes = readFileSync(await download.path());
	writeFileSync(test.info().outputPath('video.webm'), bytes);
	await expect(page.getByTestId('export-status')).toContainText('Saved');
	await expect(page.locator('[data-export-map]')).toHaveCount(0);

	const video = await probe(bytes);
	expect(video).toMatchObject({ format: 'WebM', codec: 'vp9', width: 1080, height: 1080 });
	expect(video.frames).toBeGreaterThanOrEqual(24);
	expect(video.frames).toBe(60);
	expect(video.keyFrames).toBeGreaterThanOrEqual(1);
	expect(video.duration).toBeCloseTo(2.5, 1);
	// The permalink travels in the container's tags.
	expect(video.comment).toContain(`Permalink: http://127.0.0.1:`);
	expect(video.comment).toContain('from=2018-10-01&to=2018-12-31');
	expect(String(video.raw.URL)).toContain('#map=7/34.6/40.6');

	const [first, last] = await firstAndLastFrames(browser, baseURL!, bytes);
	writeFileSync(test.info().outputPath('first.png'), PNG.sync.write(first));
	writeFileSync(test.info().outputPath('last.png'), PNG.sync.write(last));
	expect([first.width, first.height]).toEqual([1080, 1080]);
	// October shows no strike, December three: the frames differ around December's positions
	// (and in the date caption, top left), nowhere else beyond the encoder's noise.
	const near = DECEMBER.map((position) => pixelOf(position, [40.6, 34.6], 7, 1080));
	let changedNear = 0;
	let changedElsewhere = 0;
	for (let y = 0; y < 1080; y++) {
		for (let x = 0; x < 1080; x++) {
			if (x < 700 && y < 330) continue; // the title and the date caption
			const i = (y * 1080 + x) * 4;
			const diff =
				Math.abs(first.data[i]! - last.data[i]!) +
				Math.abs(first.data[i + 1]! - last.data[i + 1]!) +
				Math.abs(first.data[i + 2]! - last.data[i + 2]!);
			if (diff < 90) continue;
			if (near.some(([px, py]) => Math.hypot(x - px, y - py) < 60)) changedNear++;
			else changedElsewhere++;
		}
	}
	expect(changedNear, 'December’s strikes drawn in the last frame only').toBeGreaterThan(100);
	expect(changedElsewhere, 'nothing else changed').toBeLessThan(changedNear / 10);
	// The caption changed: "October 2018" became "December 2018".
	let captionChanged = 0;
	for (let y = 0; y < 330; y++) {
		for (let x = 0; x < 700; x++) {
			const i = (y * 1080 + x) * 4;
			if (Math.abs(first.data[i]! - last.data[i]!) > 60) captionChanged++;
		}
	}
	expect(captionChanged, 'the date caption changed').toBeGreaterThan(200);
});

test('an MP4 (H.264) video where the browser can encode it', async ({ page }) => {
	test.setTimeout(600_000);
	await openExport(page, VIEW + '&from=2018-11-01&to=2018-12-31');
	await page.getByTestId('export-preset').selectOption('square');
	const offered = await page.getByTestId('video-format').locator('option').allTextContents();
	test.skip(!offered.includes('MP4 (H.264)'), 'this browser cannot encode H.264');
	await page.getByTestId('video-format').selectOption('mp4-avc');
	await chooseVideo(page, {
		unit: 'month',
		fps: '25',
		seconds: '1',
		holdFirst: '0',
		holdLast: '0'
	});
	await expect(page.getByTestId('video-summary')).toHaveText('2 steps · 50 frames · 2 s');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 540_000 }),
		page.getByTestId('export-video').click()
	]);
	expect(download.suggestedFilename()).toMatch(/-1080x1080\.mp4$/);
	const bytes = readFileSync(await download.path());
	const video = await probe(bytes);
	expect(video).toMatchObject({ format: 'MP4', codec: 'avc', width: 1080, height: 1080 });
	expect(video.frames).toBe(50);
	expect(video.comment).toContain('Permalink: http://127.0.0.1:');
	expect(video.title).toBe('Iraqi air strikes on ISIS inside Syria, 2017–2019');
});

test('Cancel stops a video, frees its map and encoder, and leaves the dialog usable', async ({
	page
}) => {
	test.setTimeout(600_000);
	// The whole data, a week at a time: long enough to cancel half way.
	await openExport(page, VIEW);
	await page.getByTestId('export-preset').selectOption('square');
	await chooseVideo(page, { unit: 'week', fps: '24', seconds: '0.5' });
	await expect(page.getByTestId('video-summary')).toContainText(/\d{2,} steps/);
	let downloads = 0;
	page.on('download', () => downloads++);
	await page.getByTestId('export-video').click();
	await expect(page.getByTestId('export-video')).toBeDisabled();
	await expect(page.getByTestId('export-png')).toBeDisabled();
	const progress = page.getByTestId('video-progress');
	await expect(progress).toBeVisible();
	// Some steps drawn: the map and the encoder are at work.
	await expect
		.poll(async () => Number(await progress.getAttribute('value')), { timeout: 240_000 })
		.toBeGreaterThanOrEqual(48);
	await expect(page.locator('[data-export-map]')).toHaveCount(1);
	const encoder = page.workers().find((worker) => worker.url().includes('video-encode'));
	expect(encoder, 'the encoder runs in a worker').toBeDefined();
	const encoderClosed = new Promise<void>((resolve) => encoder!.once('close', () => resolve()));

	await page.getByTestId('video-cancel').click();
	await expect(page.getByTestId('export-status')).toHaveText('Cancelled');
	await expect(progress).toHaveCount(0);
	await expect(page.getByTestId('export-video')).toBeEnabled();
	await expect(page.getByTestId('export-video')).toHaveText('Download video');
	await expect(page.getByTestId('export-png')).toBeEnabled();
	// Freed: the off-screen map and its element are gone, the encoder's worker has ended.
	await expect(page.locator('[data-export-map]')).toHaveCount(0);
	await encoderClosed;
	expect(page.workers().some((worker) => worker.url().includes('video-encode'))).toBe(false);
	await page.waitForTimeout(2000);
	expect(downloads, 'a cancelled video is never downloaded').toBe(0);

	// The dialog still works: a PNG downloads.
	const [png] = await Promise.all([
		page.waitForEvent('download', { timeout: 240_000 }),
		page.getByTestId('export-png').click()
	]);
	expect(png.suggestedFilename()).toMatch(/\.png$/);
});

test('without WebCodecs the video is recorded with MediaRecorder', async ({ page }) => {
	test.setTimeout(600_000);
	await page.addInitScript(() => {
		Reflect.deleteProperty(window, 'VideoEncoder');
		Reflect.deleteProperty(window, 'VideoFrame');
	});
	await openExport(page, VIEW + '&from=2018-11-01&to=2018-12-31');
	await page.getByTestId('export-preset').selectOption('square');
	await chooseVideo(page, {
		unit: 'month',
		fps: '24',
		seconds: '1',
		holdFirst: '0',
		holdLast: '0'
	});
	await expect(page.getByTestId('video-format')).toHaveValue('webm-recorder');
	await expect(page.getByTestId('video-summary')).toHaveText('2 steps · 48 frames · 2 s');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 540_000 }),
		page.getByTestId('export-video').click()
	]);
	const bytes = readFileSync(await download.path());
	writeFileSync(test.info().outputPath('recorded.webm'), bytes);
	const video = await probe(bytes);
	expect(video.format).toBe('WebM');
	expect([video.width, video.height]).toEqual([1080, 1080]);
	expect(video.frames).toBeGreaterThanOrEqual(24);
	// Recorded in real time, the time spent drawing left out.
	expect(video.duration).toBeGreaterThan(1.5);
	expect(video.duration).toBeLessThan(3);
	await expect(page.locator('[data-export-map]')).toHaveCount(0);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the video controls fit the sheet and pass axe, while drawing too', async ({ page }) => {
		test.setTimeout(600_000);
		await openExport(page, '#map=8/34.6/41');
		const button = page.getByTestId('export-video');
		await button.scrollIntoViewIfNeeded();
		await expect(button).toBeVisible();
		const fits = await page.getByTestId('video-options').evaluate((element) => {
			const box = element.getBoundingClientRect();
			return box.left >= 0 && box.right <= window.innerWidth;
		});
		expect(fits, 'no sideways scrolling').toBe(true);
		const tapTarget = await button.boundingBox();
		expect(tapTarget!.height).toBeGreaterThanOrEqual(24);
		await chooseVideo(page, { unit: 'week' });
		await button.click();
		await expect(page.getByTestId('video-cancel')).toBeVisible();
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		expect(results.violations.map((violation) => violation.id)).toEqual([]);
		await page.getByTestId('video-cancel').click();
		await expect(page.getByTestId('export-status')).toHaveText('Cancelled');
	});
});
