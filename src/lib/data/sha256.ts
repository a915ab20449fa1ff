/**
 * SHA-256 of some bytes as hex, with the browser's (or Node's) Web Crypto; null where it is not
 * available (a page served over plain HTTP from another machine is not a secure context).
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string | null> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return null;
	const digest = await subtle.digest('SHA-256', bytes as BufferSource);
	return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
