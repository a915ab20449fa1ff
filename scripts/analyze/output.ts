import { once } from 'node:events';
import { lstat, open, rename, rm } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** What a path is, when it is not a regular file, in words. */
function kindOf(info: Stats): string | null {
	if (info.isFile()) return null;
	if (info.isSymbolicLink()) return 'a symbolic link';
	if (info.isDirectory()) return 'a folder';
	if (info.isFIFO()) return 'a named pipe (FIFO)';
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
	if (info.isSocket()) return 'a socket';
	return 'not a regular file';
}

/** Refuses to replace anything but a regular file (a new path is fine). */
async function checkTarget(target: string): Promise<void> {
	const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return null;
		throw new Error(`cannot write ${target}: ${error.message}`, { cause: error });
	});
	const kind = info && kindOf(info);
	if (kind) {
		throw new Error(
			`refusing to write onto ${target}: it is ${kind}; name a regular file or a new path`
		);
	}
}

function writeError(target: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException).code;
	const reason =
		code === 'ENOENT'
			? 'its folder does not exist'
			: code === 'EACCES' || code === 'EPERM'
				? 'permission denied'
				: code === 'ENOSPC'
					? 'no space left on the device'
					: error instanceof Error
						? error.message
						: String(error);
	return new Error(`cannot write ${target}: ${reason}`, { cause: error });
}

/**
 * Where the CLI writes: a file written beside the target and renamed onto it at the end (a
 * failure never leaves half a file, and never touches the target), or standard output. Every
 * write error, sooner or later, comes out of write() or commit() as a clear error.
 */
export class Output {
	readonly #stream: Writable;
	readonly #partial: string | null;
	#error: unknown = null;

	private constructor(
		readonly target: string,
		stream: Writable,
		partial: string | null
	) {
		this.#stream = stream;
		this.#partial = partial;
		stream.on('error', (error) => (this.#error ??= error));
	}

	get label(): string {
		return this.#partial ? this.target : 'standard output';
	}

	static async open(target: string): Promise<Output> {
		if (target === '-') return new Output(target, process.stdout, null);
		await checkTarget(target);
		const partial = `${target}.partial-${process.pid}`;
		// 'wx': created here and now, never through an existing link.
		const handle = await open(partial, 'wx').catch((error: unknown) => {
			throw writeError(target, error);
		});
		return new Output(target, handle.createWriteStream({ highWaterMark: 1 << 20 }), partial);
	}

	async write(data: string | Uint8Array): Promise<void> {
		if (this.#error) throw writeError(this.target, this.#error);
		if (this.#stream.write(data)) return;
		try {
			await once(this.#stream, 'drain');
		} catch (error) {
			throw writeError(this.target, error);
		}
	}

	async commit(): Promise<void> {
		try {
			if (this.#partial) {
				this.#stream.end();
				await finished(this.#stream);
			} else if (this.#stream.writableNeedDrain) await once(this.#stream, 'drain');
		} catch (error) {
			throw writeError(this.target, error);
		}
		if (this.#error) throw writeError(this.target, this.#error);
		if (!this.#partial) return;
		await checkTarget(this.target); // it may have changed while we wrote
		await rename(this.#partial, this.target).catch((error: unknown) => {
			throw writeError(this.target, error);
		});
	}

	async abort(): Promise<void> {
		if (!this.#partial) return;
		this.#stream.destroy();
		await rm(this.#partial, { force: true });
	}
}
