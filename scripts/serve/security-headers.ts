/**
 * The headers every response of the static server carries: the app's Content-Security-Policy
 * (as a header it can also say who may frame the page, which a <meta> policy cannot), and the
 * two that stop content sniffing and referrer leaks.
 */

/** CSP source keywords, which a policy spells in single quotes. */
const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'strict-dynamic',
	'wasm-unsafe-eval',
	'report-sample',
	'inline-speculation-rules'
]);

const quoted = (source: string) =>
	KEYWORDS.has(source) || /^(nonce|sha256|sha384|sha512)-/.test(source) ? `'${source}'` : source;

/** SvelteKit's `kit.csp.directives` (svelte.config.js) written as a policy. */
export function policyFromDirectives(directives: object): string {
	return Object.entries(directives as Record<string, unknown>)
		.flatMap(([name, value]) => {
			if (value === true) return [name]; // e.g. upgrade-insecure-requests
			if (!Array.isArray(value) || value.length === 0) return [];
			return [`${name} ${value.map(quoted).join(' ')}`];
		})
		.join('; ');
}

const META_CSP =
	/<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')/i;

/**
 * The policy SvelteKit wrote into a page's <meta> tag: it holds the hashes of that page's inline
 * scripts, so the header must say the same or the page would not start.
 */
export function metaPolicy(html: string): string | null {
	const match = META_CSP.exec(html);
	const content = match?.[1] ?? match?.[2];
	return content ? content.replaceAll('&#39;', "'").replaceAll('&quot;', '"').trim() : null;
}

/**
 * Checks origins allowed to frame the app: each must be exactly an http(s) origin
 * (`https://example.org`, no path), so nothing else can slip into the header.
 */
export function embeddingOrigins(values: readonly string[]): string[] {
	return values
		.flatMap((value) => value.split(/[\s,]+/))
		.filter(Boolean)
		.map((value) => {
			let url: URL;
			try {
				url = new URL(value);
			} catch {
				throw new Error(`"${value}" is not an origin such as https://example.org`);
			}
			if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
				throw new Error(`"${value}" is not an origin such as https://example.org (no path)`);
			}
			return url.origin;
		});
}

/** `frame-ancestors`: nobody by default, else exactly the named origins. */
export function frameAncestors(origins: readonly string[]): string {
	return `frame-ancestors ${origins.length === 0 ? "'none'" : origins.join(' ')}`;
}

export function securityHeaders(policy: string, ancestors: string): Record<string, string> {
	return {
		'content-security-policy': `${policy.replace(/;\s*$/, '')}; ${ancestors}`,
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer'
	};
}
