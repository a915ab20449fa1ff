/**
 * A short category for a reported target, so targets can be a facet: each `target` of the
 * built-in strikes is a sentence of its own ("IS headquarters/facilities said to be used to
 * prepare car bombs"), never repeated. The rule, also in geodata/README.md:
 *
 * - Each category has keywords (below). The category is the one whose keyword comes first in
 *   the sentence: a sentence names what was struck before what it held or what it was used
 *   for ("IS weapons depot said to hold 10 fighters" is a weapons depot, "Meeting of IS
 *   commanders at a command post" a gathering).
 * - "car bomb" is what a place made, not a vehicle struck.
 * - A sentence with none of the keywords is "other"; no sentence, no category (null).
 *
 * The sentence itself is kept as it is (`target`); the category is derived data.
 */

export const TARGET_CATEGORIES: readonly { category: string; keywords: RegExp }[] = [
	{
		category: 'headquarters',
		keywords:
			/\b(?:headquarters|hq|command[- ](?:and[- ]control[- ])?(?:post|centre|center)|operations room|base)\b/i
	},
	{
		category: 'weapons depot',
		keywords: /\b(?:depots?|arms caches?|ammunition stores?|warehouses?)\b/i
	},
	{ category: 'gathering', keywords: /\b(?:meetings?|gatherings?|assembl(?:y|ies))\b/i },
	{ category: 'building', keywords: /\b(?:buildings?|houses?|shelters?)\b/i },
	{ category: 'vehicle', keywords: /\b(?:vehicles?|convoys?|trucks?|cars?)\b(?![- ]bombs?)/i },
	{ category: 'fighters and positions', keywords: /\b(?:fighters?|positions?|checkpoints?)\b/i }
];

export const OTHER_TARGET = 'other';

export function targetCategory(target: string | null): string | null {
	if (target === null || target.trim() === '') return null;
	let best: { category: string; at: number } | null = null;
	for (const { category, keywords } of TARGET_CATEGORIES) {
		const at = target.search(keywords);
		if (at >= 0 && (best === null || at < best.at)) best = { category, at };
	}
	return best?.category ?? OTHER_TARGET;
}
