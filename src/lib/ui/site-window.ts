/** Entries a site's list shows at most: a site larger than this lists a stretch of it. */
export const SITE_WINDOW = 50;

/**
 * Which entries of a site's list of `count` to show, [start, end): all of them up to `size`,
 * else `size` of them with the selected one (`selected`, −1 for none) near the middle.
 */
export function siteWindow(
	count: number,
	selected: number,
	size = SITE_WINDOW
): { start: number; end: number } {
	if (count <= size) return { start: 0, end: count };
	const at = selected < 0 ? 0 : Math.min(selected, count - 1);
	const start = Math.max(0, Math.min(at - Math.floor(size / 2), count - size));
	return { start, end: start + size };
}
