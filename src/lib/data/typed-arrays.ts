/** Typed arrays end to end, in one array of their type. */
export function concatenated<T extends Int32Array | Uint8Array | Float64Array>(
	Type: new (length: number) => T,
	arrays: readonly T[]
): T {
	const out = new Type(arrays.reduce((sum, array) => sum + array.length, 0));
	let at = 0;
	for (const array of arrays) {
		out.set(array, at);
		at += array.length;
	}
	return out;
}
