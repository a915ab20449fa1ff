/**
 * Dictionary encoding: a code per value, in order of first appearance. `values` is the
 * dictionary, and grows as new values are met.
 */
export function dictionaryCoder<T>(values: T[]): (value: T) => number {
	const codeOf = new Map<T, number>();
	for (const [code, value] of values.entries()) if (!codeOf.has(value)) codeOf.set(value, code);
	return (value) => {
		let code = codeOf.get(value);
		if (code === undefined) {
			code = values.push(value) - 1;
			codeOf.set(value, code);
		}
		return code;
	};
}
