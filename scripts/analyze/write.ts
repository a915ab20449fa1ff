import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes text, waiting when the stream asks us to (memory stays bounded on huge inputs). */
export async function write(stream: Writable, text: string): Promise<void> {
	if (!stream.write(text)) await once(stream, 'drain');
}
