/**
 * A place's main name: the gazetteer writes alternative spellings in brackets after it.
 * "Al-Susah (As-Susah; Al-Soussa)" → "Al-Susah"
 */
export function mainName(name: string): string {
	return name.replace(/\s*\(.*\)\s*$/, '').trim() || name;
}

/**
 * A name and the alternatives it gives in brackets, each on its own:
 * "Al-Susah (As-Susah; Al-Soussa)" → ["Al-Susah", "As-Susah", "Al-Soussa"];
 * "معبر اليعربية (ربيعة)" → ["معبر اليعربية", "ربيعة"]; "حصيبة / حسيبة" → both spellings.
 */
export function nameParts(name: string): string[] {
	const inBrackets = [...name.matchAll(/\(([^)]*)\)/g)].flatMap((match) =>
		(match[1] ?? '').split(/[;/]/)
	);
	const outside = name.replace(/\([^)]*\)/g, ' ').split(/\s+\/\s+/);
	const parts = [...outside, ...inBrackets].map((part) => part.trim());
	return [...new Set(parts.filter((part) => part !== ''))];
}

/** Whether a name is in Latin script as people write it (not a machine reading, see below). */
const isWrittenLatin = (name: string) => /^[^a-z]*[A-Z]/.test(name);
const isArabicScript = (name: string) => /[\u0600-\u06ff]/.test(name);

/**
 * The names of a place a search should know, in the app's two scripts: its name and Arabic
 * name with their bracketed alternatives, and its alternates in Latin or Arabic script.
 * Left out: alternates in other scripts, and GeoNames' lower-case letter-for-letter readings of
 * Arabic names ("hjyn"), which nobody types.
 */
export function searchNames(place: {
	name: string;
	name_ar: string | null;
	alternates?: readonly string[];
}): string[] {
	const own = [...nameParts(place.name), ...(place.name_ar ? nameParts(place.name_ar) : [])];
	const others = (place.alternates ?? []).filter(
		(name) => isArabicScript(name) || isWrittenLatin(name)
	);
	return [...new Set([...own, ...others])];
}
