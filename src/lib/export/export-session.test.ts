import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportSession, type ExportSessionState } from './export-session';

interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
	let resolve: (value: T) => void = () => undefined;
	let reject: (error: unknown) => void = () => undefined;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

/** Lets every pending promise callback run (timers stay fake). */
async function settle() {
	for (let i = 0; i < 50; i++) await Promise.resolve();
}

/**
 * A session whose drawings finish only when the test says so, counting how many are drawn at
 * once, with object URLs named after the settings they show.
 */
function harness() {
	const previews: { settings: string; drawing: Deferred<Blob | null> }[] = [];
	const labels = new Map<Blob, string>();
	const created: string[] = [];
	const revoked: string[] = [];
	const delivered: string[] = [];
	let atOnce = 0;
	let mostAtOnce = 0;
	const drawn = <T>(promise: Promise<T>) => {
		atOnce++;
		mostAtOnce = Math.max(mostAtOnce, atOnce);
		return promise.finally(() => atOnce--);
	};
	let state: ExportSessionState | null = null;
	const session = new ExportSession<string>({
		drawPreview: (settings) => {
			const drawing = deferred<Blob | null>();
			previews.push({ settings, drawing });
			return drawn(drawing.promise);
		},
		deliver: (_blob, fileName) => delivered.push(fileName),
		onchange: (next) => (state = next),
		objectUrls: {
			create: (blob) => {
				const url = `blob:${labels.get(blob) ?? '?'}`;
				created.push(url);
				return url;
			},
			revoke: (url) => revoked.push(url)
		}
	});
	const image = (label: string) => {
		const blob = new Blob([label]);
		labels.set(blob, label);
		return blob;
	};
	return {
		session,
		previews,
		created,
		revoked,
		delivered,
		mostAtOnce: () => mostAtOnce,
		state: () => state ?? session.state,
		/** Finishes the preview drawn for these settings. */
		finishPreview: async (settings: string) => {
			previews.find((entry) => entry.settings === settings)?.drawing.resolve(image(settings));
			await settle();
		},
		failPreview: async (settings: string, message: string) => {
			previews.find((entry) => entry.settings === settings)?.drawing.reject(new Error(message));
			await settle();
		},
		/** Starts a download whose drawing finishes (or fails) when the test says so. */
		startDownload: (fileName: string) => {
			const drawing = deferred<Blob>();
			let started = false;
			const done = session.save(fileName, () => {
				started = true;
				return drawn(drawing.promise);
			});
			return {
				started: () => started,
				finish: async () => {
					drawing.resolve(image(fileName));
					await done;
				},
				fail: async (message: string) => {
					drawing.reject(new Error(message));
					await done;
				},
				cancel: async () => {
					drawing.reject(new DOMException('cancelled', 'AbortError'));
					await done;
				}
			};
		}
	};
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('previews', () => {
	it('draw once for a burst of requests within the debounce, with the latest settings', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(200);
		t.session.requestPreview('b');
		await vi.advanceTimersByTimeAsync(200);
		t.session.requestPreview('c');
		await vi.advanceTimersByTimeAsync(349);
		expect(t.previews).toEqual([]);
		expect(t.state().previewing).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(t.previews.map((entry) => entry.settings)).toEqual(['c']);
		await t.finishPreview('c');
		expect(t.state()).toMatchObject({ previewUrl: 'blob:c', previewing: false, problem: null });
	});

	it('say a preview is on its way from the moment it is drawn until the latest is shown', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		expect(t.state().previewing).toBe(true);
		await t.finishPreview('a');
		expect(t.state().previewing).toBe(false);
	});

	it('drop a superseded preview: never shown, its URL never left alive', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		t.session.requestPreview('b');
		await t.finishPreview('a');
		expect(t.state().previewUrl).toBeNull();
		await vi.advanceTimersByTimeAsync(350);
		await t.finishPreview('b');
		expect(t.state().previewUrl).toBe('blob:b');
		const alive = t.created.filter((url) => !t.revoked.includes(url));
		expect(alive).toEqual(['blob:b']);
	});

	it('revoke the URL of the preview a newer one replaces', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		await t.finishPreview('a');
		t.session.requestPreview('b');
		await vi.advanceTimersByTimeAsync(350);
		expect(t.state().previewUrl).toBe('blob:a');
		await t.finishPreview('b');
		expect(t.state().previewUrl).toBe('blob:b');
		expect(t.revoked).toEqual(['blob:a']);
	});

	it('skip drawing a superseded preview that was still waiting its turn', async () => {
		const t = harness();
		const download = t.startDownload('map.png');
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		t.session.requestPreview('b');
		await vi.advanceTimersByTimeAsync(350);
		await download.finish();
		await settle();
		expect(t.previews.map((entry) => entry.settings)).toEqual(['b']);
	});

	it('report the error of the latest preview only', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		t.session.requestPreview('b');
		await t.failPreview('a', 'a failed');
		expect(t.state().problem).toBeNull();
		await vi.advanceTimersByTimeAsync(350);
		await t.failPreview('b', 'b failed');
		expect(t.state()).toMatchObject({ problem: 'b failed', previewing: false });
	});

	it('clear the problem once a preview is shown', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		await t.failPreview('a', 'a failed');
		t.session.requestPreview('b');
		await vi.advanceTimersByTimeAsync(350);
		await t.finishPreview('b');
		expect(t.state()).toMatchObject({ problem: null, previewUrl: 'blob:b' });
	});
});

describe('one map at a time', () => {
	it('a download waits for the preview being drawn', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		const download = t.startDownload('map.png');
		await settle();
		expect(download.started()).toBe(false);
		await t.finishPreview('a');
		expect(download.started()).toBe(true);
		await download.finish();
		expect(t.mostAtOnce()).toBe(1);
		expect(t.state().previewUrl).toBe('blob:a');
	});

	it('a preview waits for the download being drawn', async () => {
		const t = harness();
		const download = t.startDownload('map.png');
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		expect(t.previews).toEqual([]);
		await download.finish();
		await settle();
		expect(t.previews.map((entry) => entry.settings)).toEqual(['a']);
		await t.finishPreview('a');
		expect(t.mostAtOnce()).toBe(1);
	});

	it('a failing drawing does not block the ones after it', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		const first = t.startDownload('first.png');
		const second = t.startDownload('second.png');
		await t.failPreview('a', 'no map');
		expect(first.started()).toBe(true);
		await first.fail('too large');
		expect(second.started()).toBe(true);
		await second.finish();
		expect(t.delivered).toEqual(['second.png']);
	});
});

describe('downloads', () => {
	it('deliver the image under its file name and say so', async () => {
		const t = harness();
		const download = t.startDownload('map-1920x1080.png');
		expect(t.state().saving).toBe(true);
		await download.finish();
		expect(t.delivered).toEqual(['map-1920x1080.png']);
		expect(t.state()).toMatchObject({ saving: false, saved: 'map-1920x1080.png', problem: null });
	});

	it('report why a download failed, and deliver nothing', async () => {
		const t = harness();
		await t.startDownload('map.png').fail('more than this browser can draw');
		expect(t.delivered).toEqual([]);
		expect(t.state()).toMatchObject({
			saving: false,
			saved: null,
			problem: 'more than this browser can draw'
		});
	});

	it('say a cancelled download was cancelled, not that it failed', async () => {
		const t = harness();
		await t.startDownload('map.webm').cancel();
		expect(t.delivered).toEqual([]);
		expect(t.state()).toMatchObject({ saving: false, saved: null, problem: null, cancelled: true });
		await t.startDownload('map.png').finish();
		expect(t.state()).toMatchObject({ saved: 'map.png', cancelled: false });
	});
});

describe('closing', () => {
	it('revokes the last preview URL', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		await t.finishPreview('a');
		t.session.close();
		expect(t.revoked).toEqual(['blob:a']);
		expect(t.session.state.previewUrl).toBeNull();
	});

	it('draws no pending preview and shows none in flight', async () => {
		const t = harness();
		t.session.requestPreview('a');
		await vi.advanceTimersByTimeAsync(350);
		t.session.requestPreview('b');
		t.session.close();
		await t.finishPreview('a');
		await vi.advanceTimersByTimeAsync(1000);
		expect(t.previews.map((entry) => entry.settings)).toEqual(['a']);
		expect(t.created).toEqual([]);
	});
});
