/**
 * A place's main name: the gazetteer writes alternative spellings in brackets after it.
 * "Al-Susah (As-Susah; Al-Soussa)" → "Al-Susah"
 */
export function mainName(name: string): string {
	return name.replace(/\s*\(.*\)\s*$/, '').trim() || name;
}
