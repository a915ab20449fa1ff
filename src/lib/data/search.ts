/**
 * Text normalised for searching: the same function makes the key of the data and of what the
 * user types, and a query matches when its key is a phrase inside the data's key. The folds
 * below are chosen so that the usual spellings of one place name give one key, in either
 * script; they are applied to all text alike (summaries too), so a fold can only widen a
 * match, never hide one.
 *
 * Letters (both scripts):
 * - Unicode compatibility forms (NFKD: ligatures, Arabic presentation forms), lower case.
 * - Latin diacritics dropped ("Ḩajīn" → "hajin"); ı ł ø đ ð ħ → i l o d d h, ß æ œ þ → ss ae oe th.
 * - Apostrophes and the signs transliterations use for ʿayn and hamza (' ’ ‘ ` ´ ʼ ʻ ʾ ʿ) are
 *   dropped without a gap: "Al-Qa'im", "Al Qāʼim" and "Al Qaim" are one word.
 * - Arabic: short-vowel marks (tashkeel), superscript alef and tatweel dropped; hamza forms of
 *   alef أ إ آ ٱ → ا, ؤ → و, ئ → ي, a lone hamza ء dropped; alef maqsura ى → ي; ta marbuta
 *   ة → ه; the Persian/Kurdish keyboard letters ی → ي and ک → ك; Arabic-Indic digits → 0–9.
 * - Anything else that is not a letter or digit separates words.
 *
 * Words:
 * - Arabic: a leading article ال is dropped from a word longer than three letters, so
 *   "البوكمال" and "بوكمال" are one key (the article is optional in a query).
 * - Latin, the article: "al" and "el" before another word ("Al-Bukamal", "El Bukamal",
 *   "al Bukamal"), and the assimilated forms before a word starting with the same consonant
 *   ("As-Susah", "Ash Shafa", "Ad Dana", "Ez-Zor": a/e + d, dh, n, r, s, sh, t, th, z, j, ch)
 *   are dropped. Written joined ("Albukamal") it is kept: it cannot be told from a word.
 * - Latin, transliteration variants: "ee" → "i" (Hajeen = Hajin), "oo" and "ou" → "u"
 *   (Baghouz = Baghuz), then any doubled letter → one (Hajjin = Hajin, Raqqa = Raqa), then a
 *   word-final "ah" or "eh" → "a" (Raqqah = Raqqa, Hasakeh = Hasaka).
 *
 * Deliberately not folded: different letters. ح and ه, س and ص, ت and ط, د and ض, ز and ظ,
 * ك and ق, ع and ا are distinct letters of Arabic that name different places, so "حجين"
 * does not find Hajin (هجين); likewise k/q, h/kh, s/sh, d/dh, t/th in Latin, and vowels other
 * than those above (Deir and Dayr stay apart: the gazetteer's alternate names join them).
 */
export function normaliseForSearch(text: string): string {
	let key = text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '') // Latin diacritics (combining marks after NFKD)
		.replace(/[ıłøđðħßæœþ]/g, (letter) => LATIN_SPECIAL[letter] ?? letter)
		.replace(/['\u2018\u2019`\u00b4\u02bb\u02bc\u02be\u02bf\u2032]/g, ''); // ʿayn and hamza signs
	// Most text has no Arabic: its folds are skipped then (normalising is the filter's slow part).
	const arabic = ARABIC_SCRIPT.test(key);
	if (arabic) key = foldArabicLetters(key);
	key = key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
	if (arabic) key = key.replace(ARABIC_ARTICLE, '');
	return key
		.replace(LATIN_ARTICLE, '$1')
		.replace(/ee/g, 'i')
		.replace(/oo|ou/g, 'u')
		.replace(/([a-z])(?=\1)/g, '') // a letter before the same letter: doubles become one
		.replace(/([a-z]{2})[ae]h\b/g, '$1a');
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

function foldArabicLetters(text: string): string {
	return text
		.replace(/[\u064b-\u065f\u0670\u0640\u0621]/g, '') // tashkeel, superscript alef, tatweel, lone hamza
		.replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
		.replace(/[\u0649\u0626\u06cc]/g, '\u064a') // ى ئ ی → ي
		.replace(/\u0629/g, '\u0647') // ة → ه
		.replace(/\u0624/g, '\u0648') // ؤ → و
		.replace(/\u06a9/g, '\u0643') // ک → ك
		.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

const LATIN_SPECIAL: Record<string, string> = {
	ı: 'i',
	ł: 'l',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	þ: 'th'
};

/** ال at the start of a word with at least two letters after it. */
const ARABIC_ARTICLE = /(?<=^| )\u0627\u0644(?=[\u0621-\u06ff]{2})/g;
/**
 * The Latin article as a word: "al"/"el" before another Latin word, or a/e + the consonant
 * the next word starts with ("as-Susah", "ash-Shafa", "ech-Cheikh").
 */
const LATIN_ARTICLE = /(^| )(?:[ae]l (?=[a-z])|[ae](dh|th|sh|ch|[dnrstzj]) (?=\2[a-z]))/g;
