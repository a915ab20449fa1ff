/**
 * What the export dialog does over time, apart from how it looks: a live preview redrawn after
 * the settings stop changing, downloads, and one off-screen map at a time between them. A
 * preview and a download drawing at once would each take twice as long and hold two large
 * canvases, so every drawing waits its turn; a preview that newer settings have superseded is
 * skipped if it has not started, and its result dropped if it has.
 */

export interface ExportSessionState {
	/** An object URL for the latest preview drawn, or null before the first. */
	previewUrl: string | null;
	/** A preview is on its way: the one shown may be out of date. */
	previewing: boolean;
	/** An image is being drawn for a download. */
	saving: boolean;
	/** What went wrong with the latest preview or the last download. */
	problem: string | null;
	/** The file name of the last download. */
	saved: string | null;
	/** The last download was cancelled (its drawing stopped with an AbortError). */
	cancelled: boolean;
}

export interface ObjectUrls {
	create(blob: Blob): string;
	revoke(url: string): void;
}

export interface ExportSessionOptions<Settings> {
	/** Draws a preview: a map off screen and the composition over it, as an image. */
	drawPreview: (settings: Settings) => Promise<Blob | null>;
	/** Hands a downloaded image to the user (a file save). */
	deliver: (blob: Blob, fileName: string) => void;
	/** Called with the new state whenever it changes. */
	onchange: (state: ExportSessionState) => void;
	/** Quiet time after the last change of settings before a preview is drawn. */
	debounceMs?: number;
	objectUrls?: ObjectUrls;
}

const BROWSER_URLS: ObjectUrls = {
	create: (blob) => URL.createObjectURL(blob),
	revoke: (url) => URL.revokeObjectURL(url)
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ExportSession<Settings> {
	#options: ExportSessionOptions<Settings>;
	#urls: ObjectUrls;
	#state: ExportSessionState = {
		previewUrl: null,
		previewing: false,
		saving: false,
		problem: null,
		saved: null,
		cancelled: false
	};
	#queue: Promise<unknown> = Promise.resolve();
	/** The latest preview request; an older one finding it changed knows it is superseded. */
	#previewRun = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(options: ExportSessionOptions<Settings>) {
		this.#options = options;
		this.#urls = options.objectUrls ?? BROWSER_URLS;
	}

	get state(): ExportSessionState {
		return this.#state;
	}

	/** Asks for a preview of these settings, drawn once they have stopped changing. */
	requestPreview(settings: Settings): void {
		if (this.#closed) return;
		const run = ++this.#previewRun;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(
			() => void this.#preview(run, settings),
			this.#options.debounceMs ?? 350
		);
	}

	/** Draws an image (in turn with the previews) and delivers it under a file name. */
	async save(fileName: string, draw: () => Promise<Blob>): Promise<void> {
		this.#update({ saving: true, problem: null, saved: null, cancelled: false });
		try {
			const blob = await this.#inTurn(draw);
			this.#options.deliver(blob, fileName);
			this.#update({ saved: fileName });
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') {
				this.#update({ cancelled: true });
			} else {
				this.#update({ problem: messageOf(error) });
			}
		} finally {
			this.#update({ saving: false });
		}
	}

	/** Ends the previews: none is drawn or shown any more, and the last one's URL is freed. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#previewRun++;
		clearTimeout(this.#timer);
		if (this.#state.previewUrl) this.#urls.revoke(this.#state.previewUrl);
		this.#state = { ...this.#state, previewUrl: null, previewing: false };
	}

	async #preview(run: number, settings: Settings): Promise<void> {
		const current = () => run === this.#previewRun;
		this.#update({ previewing: true });
		try {
			const blob = await this.#inTurn(async () =>
				current() ? this.#options.drawPreview(settings) : null
			);
			if (!current() || !blob) return;
			const previous = this.#state.previewUrl;
			this.#update({ previewUrl: this.#urls.create(blob), problem: null });
			if (previous) this.#urls.revoke(previous);
		} catch (error) {
			if (current()) this.#update({ problem: messageOf(error) });
		} finally {
			if (current()) this.#update({ previewing: false });
		}
	}

	/** Runs a drawing once every earlier one has finished, whether it succeeded or not. */
	#inTurn<T>(task: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(task);
		// The queue itself never fails, so a failed drawing does not stop the ones after it.
		this.#queue = next.catch(() => undefined);
		return next;
	}

	#update(change: Partial<ExportSessionState>) {
		this.#state = { ...this.#state, ...change };
		if (!this.#closed) this.#options.onchange(this.#state);
	}
}
