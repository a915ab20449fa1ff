/** Read-only lookups built once from arrays (state derives new ones; nothing mutates them). */

export function indexBy<T, K>(items: readonly T[], key: (item: T) => K): ReadonlyMap<K, T> {
	return new Map(items.map((item) => [key(item), item]));
}

/** Groups items by a key (items with a null key are left out), keeping their order. */
export function groupBy<T, K>(
	items: readonly T[],
	key: (item: T) => K | null
): ReadonlyMap<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		if (k === null) continue;
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/** Each item's position in the list, by id. */
export function positionsById<T extends { id: string }>(
	items: readonly T[]
): ReadonlyMap<string, number> {
	return new Map(items.map((item, index) => [item.id, index]));
}

/** The set of keys of some items. */
export function keySet<T, K>(items: readonly T[], key: (item: T) => K): ReadonlySet<K> {
	return new Set(items.map(key));
}
