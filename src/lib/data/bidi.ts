/**
 * Imported text inside the app's own sentences, kept from reordering them. Text from a file
 * may hold bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE reverses everything after it
 * to the end of the paragraph) or simply be Arabic. In markup, imported text is wrapped in
 * <bdi> (or given dir="auto"); in a sentence composed as a string (an error, a notice), the
 * imported part is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text
 * form of <bdi>, which ends any override inside it and sets its own direction.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}

/**
 * A message split where it quotes a value ("…" is not a date), so each quoted value can be
 * shown isolated (<bdi>) and cannot reorder the words around it.
 */
export function quotedParts(message: string): { text: string; quoted: boolean }[] {
	const parts: { text: string; quoted: boolean }[] = [];
	let last = 0;
	for (const match of message.matchAll(/"[^"\n]*"/g)) {
		if (match.index > last) parts.push({ text: message.slice(last, match.index), quoted: false });
		parts.push({ text: match[0], quoted: true });
		last = match.index + match[0].length;
	}
	if (last < message.length) parts.push({ text: message.slice(last), quoted: false });
	return parts;
}
