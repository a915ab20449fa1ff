/**
 * Text normalised for searching, identically for the data and for what the user types, so
 * "al bukamal" finds "Al-Bukamal", "hajin" finds "Hajīn", and Arabic matches across the usual
 * spelling variants (hamza forms of alef, alef maqsura, ta marbuta, diacritics, tatweel).
 */
export function normaliseForSearch(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '') // Latin diacritics
		.replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic diacritics (tashkeel), superscript alef, tatweel
		.replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
		.replace(/\u0649/g, '\u064a') // ى → ي
		.replace(/\u0629/g, '\u0647') // ة → ه
		.replace(/\u0624/g, '\u0648') // ؤ → و
		.replace(/\u0626/g, '\u064a') // ئ → ي
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
