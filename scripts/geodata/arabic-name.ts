import { unique } from './geonames';

/**
 * Picking a place's Arabic name from GeoNames alternates, which carry no language tag: the
 * names in Arabic script are Arabic, Persian, Kurdish or Urdu spellings, sometimes another
 * name of the place, now and then a wrong one. The rule (also in geodata/README.md):
 *
 * 1. Candidates: the alternates written only in the Arabic alphabet (Arabic letters ء–ي, their
 *    marks, spaces). A name with a letter Arabic does not use (Persian پ چ ژ گ ک ی, Kurdish ۆ ێ
 *    ە ڕ ڵ, the joiner U+200C, …) is another language's spelling and is left out. An alternate
 *    written "Abu Ghraib - أبو غريب" gives its Arabic half.
 * 2. Each candidate is read back into consonant codes (skeleton()) and compared with the
 *    place's Latin names (similarity(): 1 − weighted edit distance ÷ the longer length).
 * 3. The candidate that reads most like the GeoNames name (or its ASCII form) is chosen; ties
 *    go to a spelling with the article when the Latin name has one (Al Atārib: الأتارب, not
 *    اتارب), then to the first listed (Mosul: الموصل before موصل).
 *    If none reads like it (below DOUBTFUL_BELOW), the one that reads most like any of the
 *    place's Latin alternates is chosen instead (Aleppo: حلب, read as "Halab").
 * 4. The choice is doubtful (`name_ar_doubtful`) when it reads like none of the place's Latin
 *    names (below DOUBTFUL_BELOW): it may be another place's name. It is kept and flagged,
 *    never dropped or replaced.
 * 5. No candidate: no Arabic name (null). Nothing is made up.
 */

/** Similarity under which a picked name is flagged doubtful (set by reading every pick). */
export const DOUBTFUL_BELOW = 0.5;

export interface ArabicPick {
	name_ar: string | null;
	doubtful: boolean;
	/** How closely it reads as the Latin name (0–1); null without a candidate. */
	similarity: number | null;
	/** The Arabic-alphabet alternates considered, in GeoNames order. */
	candidates: string[];
}

/** Arabic letters hamza–ya, tatweel, marks (tashkeel, superscript alef), alef wasla; spaces. */
const ARABIC_ALPHABET = /^[\u0621-\u063a\u0640-\u0652\u0670\u0671 ]+$/;
const ANY_ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** Whether a name is written only in the Arabic alphabet (not Persian, Kurdish, …). */
export function isArabicAlphabet(name: string): boolean {
	return ARABIC_ALPHABET.test(name) && /[\u0621-\u064a]/.test(name);
}

export function isArabicScript(name: string): boolean {
	return ANY_ARABIC_SCRIPT.test(name);
}

/**
 * Consonant codes shared by both scripts. Lower case: the letter a plain romanisation writes
 * (b t j d r z s k l m n h f g x, with x = kh, c = sh). Upper case: letters that GeoNames'
 * romanisation (BGN/PCGN) marks with a diacritic or a digraph and a plain one often does not:
 * H ح (ḩ), S ص (ş), T ط (ţ), P ض (ḑ), Z ظ (z̧), V ث (th), D ذ (dh), E ع (‘).
 */
const ARABIC_CODES: Record<string, string> = {
	ب: 'b',
	ت: 't',
	ث: 'V',
	ج: 'j',
	ح: 'H',
	خ: 'x',
	د: 'd',
	ذ: 'D',
	ر: 'r',
	ز: 'z',
	س: 's',
	ش: 'c',
	ص: 'S',
	ض: 'P',
	ط: 'T',
	ظ: 'Z',
	ع: 'E',
	غ: 'g',
	ف: 'f',
	ق: 'K',
	ك: 'k',
	ل: 'l',
	م: 'm',
	ن: 'n',
	ه: 'h',
	ة: 'Q'
};

/** Each upper-case code and the plain letter it is written as without its mark. */
const PLAIN: Record<string, string> = {
	H: 'h',
	S: 's',
	T: 't',
	P: 'd',
	Z: 'z',
	V: 't',
	D: 'd',
	K: 'k'
};

const LATIN_MARKED: [RegExp, string][] = [
	[/[ḩḥ]/g, 'H'],
	[/[şṣ]/g, 'S'],
	[/[ţṭ]/g, 'T'],
	[/[ḑḍ]/g, 'P'],
	[/z\u0327|ẓ/g, 'Z'],
	[/[‘`ʿ]/g, 'E'],
	[/[’ʼʾ']/g, '']
];

/**
 * A name's consonants in those codes, so an Arabic spelling and a romanisation of the same
 * name come out alike: "Dhībān" and "ذيبان" both give "Dbn", "Al-Bukamal" and "البوكمال" "bkml".
 * Dropped: the article, vowels and the letters written for vowels (ا و ي ى; Latin w, y), hamza,
 * doubled letters and a final h (ta marbuta, "-ah"). Latin digraphs are one consonant (kh, sh,
 * ch, th, dh, gh, dj), q is k.
 */
export function skeleton(name: string): string {
	let text = name.normalize('NFC').toLowerCase();
	for (const [pattern, code] of LATIN_MARKED) text = text.replace(pattern, code);
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f\u064b-\u0652\u0670\u0640]/g, '')
		.split(/[\s\-\u2010\u2013]+/)
		.filter(Boolean);
	const letters = words.map((word, i) => {
		if (isArabicScript(word)) {
			const bare = word.replace(/^\u0627\u0644(?=..)/, '');
			return Array.from(bare, (letter) => ARABIC_CODES[letter] ?? '').join('');
		}
		const article = i < words.length - 1 && /^[ae](l|[dnrstz]h?|sh|S|T|P|Z|D)$/.test(word);
		return (article ? '' : word)
			.replace(/kh/g, 'x')
			.replace(/sh|ch/g, 'c')
			.replace(/th/g, 'V')
			.replace(/dh/g, 'D')
			.replace(/gh/g, 'g')
			.replace(/dj/g, 'j')
			.replace(/q/g, 'K')
			.replace(/[^a-zHSTPZVDEK]|[aeiouwy]/g, '');
	});
	return letters.join('').replace(/(.)\1+/g, '$1');
}

/**
 * 1 − weighted edit distance ÷ the longer length. A marked code against its plain letter (ح
 * against a plain h) costs half, as does leaving out ʿayn (E), which plain romanisations skip.
 */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const indel = (c: string) => (c === 'E' ? 0.5 : c === 'Q' ? 0.25 : 1);
	const swap = (x: string, y: string) => {
		if (x === y) return 0;
		if (x === 'Q' || y === 'Q') return 'ht'.includes(x === 'Q' ? y : x) ? 0.25 : 1;
		return (PLAIN[x] ?? x) === (PLAIN[y] ?? y) ? 0.5 : 1;
	};
	let previous = [0];
	for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1]! + indel(b[j - 1]!);
	for (let i = 1; i <= a.length; i++) {
		const current = [previous[0]! + indel(a[i - 1]!)];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + indel(a[i - 1]!),
				current[j - 1]! + indel(b[j - 1]!),
				previous[j - 1]! + swap(a[i - 1]!, b[j - 1]!)
			);
		}
		previous = current;
	}
	return 1 - previous[b.length]! / Math.max(a.length, b.length);
}

/** Whether a name starts with the article: ال, or Al/El and the assimilated forms. */
function hasArticle(name: string): boolean {
	return (
		/^\u0627\u0644/.test(name) ||
		/^[AaEe](l|[dnrstzj]h?|sh|[şţḑ]|z̧)[\s-]/u.test(name.normalize('NFC'))
	);
}

/**
 * A Latin-script name as people write it. GeoNames also lists its own letter-for-letter
 * readings of the Arabic-script names ("hjyn" for هجين, "almslkht" for المسلّخة), always in
 * lower case: they would vouch for any Arabic name, so they are no evidence.
 */
export function isLatinName(name: string): boolean {
	return /^[^a-z]*[A-Z]/.test(name) && !isArabicScript(name);
}

/** The Arabic name for a GeoNames place, by the rule above. */
export function pickArabicName(main: readonly string[], alternates: readonly string[]): ArabicPick {
	const candidates = unique(alternates.flatMap((name) => name.split(/\s+-\s+/))).filter(
		isArabicAlphabet
	);
	const article = hasArticle(main[0] ?? '');
	const mainCodes = main.map(skeleton).filter(Boolean);
	const allCodes = [...mainCodes, ...alternates.filter(isLatinName).map(skeleton)].filter(Boolean);
	const score = (codes: readonly string[], candidate: string) =>
		Math.max(0, ...codes.map((code) => similarity(skeleton(candidate), code)));
	const scored = candidates.map((name) => ({
		name,
		main: score(mainCodes, name),
		any: score(allCodes, name),
		// Only a Latin article says anything: English drops it (Mosul, الموصل).
		article: article && hasArticle(name) ? 1 : 0
	}));
	// The main name decides; when no candidate reads as it, any of the place's Latin names.
	// Ties go to the spelling with the article where the Latin name has one, then to the first.
	const byMain = [...scored].sort((a, b) => b.main - a.main || b.article - a.article);
	const byAny = [...scored].sort(
		(a, b) => b.any - a.any || b.main - a.main || b.article - a.article
	);
	const found = byMain[0] && byMain[0].main >= DOUBTFUL_BELOW ? byMain[0] : byAny[0];
	if (!found) return { name_ar: null, doubtful: false, similarity: null, candidates };
	return {
		name_ar: found.name,
		doubtful: found.any < DOUBTFUL_BELOW,
		similarity: Math.round(found.any * 100) / 100,
		candidates
	};
}
