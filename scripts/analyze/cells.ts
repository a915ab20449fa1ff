/** Values read from any format, as CSV text and as JSON values. */

/** A value as CSV cell text; null stays empty. */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString();
	return JSON.stringify(jsonValue(value));
}

/** A value JSON can hold: bigints become numbers when exact (else text), dates ISO text. */
export function jsonValue(value: unknown): unknown {
	if (typeof value === 'bigint')
		return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
	if (value instanceof Date) return value.toISOString();
	if (value instanceof Uint8Array) return Array.from(value);
	if (Array.isArray(value)) return value.map(jsonValue);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
	if (typeof value === 'number' && !Number.isFinite(value)) return null;
	return value;
}
