/**
 * Whether two JSON-like values (plain objects, arrays, strings, numbers, booleans, null) are
 * the same value: the same keys with the same values, whatever their order, and the same
 * elements in the same order. Anything else compares by identity (so NaN, an undefined member
 * and an object that is not plain are never "the same" as a copy), which errs towards "not
 * the same": callers take that as "do the careful thing".
 */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
		return true;
	}
	if (!isPlain(a) || !isPlain(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) {
		const value = (a as Record<string, unknown>)[key];
		if (value === undefined || !Object.hasOwn(b, key)) return false;
		if (!sameJson(value, (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

function isPlain(value: object): boolean {
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}
