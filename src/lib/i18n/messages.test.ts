import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { baseLocale, locales } from '$lib/paraglide/runtime';

/**
 * The catalogues (messages/*.json) against each other and against what Paraglide compiled: a
 * key missing in one language, an empty text, a plural without one of its language's
 * categories, or a placeholder one language has and the other not, fails here.
 */
type Catalogue = Record<string, unknown>;
interface Variant {
	declarations?: string[];
	selectors?: string[];
	match: Record<string, string>;
}

const load = (locale: string): Catalogue =>
	JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8'));

const keys = (catalogue: Catalogue) => Object.keys(catalogue).filter((key) => key !== '$schema');

/** Every text of a message: a plain string, or each branch of a plural. */
const texts = (value: unknown): string[] =>
	typeof value === 'string' ? [value] : (value as Variant[]).flatMap((v) => Object.values(v.match));

/** The placeholders a message can show ({n}, {place}…), over all its branches. */
const placeholders = (value: unknown): Set<string> =>
	new Set(texts(value).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((hit) => hit[1]!)));

/** The inputs a message declares (a plural's) or uses (a plain string's). */
const inputs = (value: unknown): Set<string> =>
	typeof value === 'string'
		? placeholders(value)
		: new Set(
				(value as Variant[]).flatMap((v) =>
					(v.declarations ?? []).flatMap((d) => /^input (\w+)$/.exec(d)?.[1] ?? [])
				)
			);

describe('the message catalogues', () => {
	const settings = JSON.parse(
		readFileSync(new URL('../../../project.inlang/settings.json', import.meta.url), 'utf8')
	);
	const base = load(baseLocale);

	it('are the locales Paraglide compiled, read by the local plugin (not a CDN: CI is offline)', () => {
		expect(settings.locales).toEqual([...locales]);
		expect(settings.baseLocale).toBe(baseLocale);
		expect(settings.modules).toEqual([
			'./node_modules/@inlang/plugin-message-format/dist/index.js'
		]);
		expect(keys(base).length).toBeGreaterThan(200);
	});

	// A plugin that fails to load "successfully" compiles no message at all.
	it('every key was compiled to a message function', () => {
		const compiled = m as unknown as Record<string, unknown>;
		expect(keys(base).filter((key) => typeof compiled[key] !== 'function')).toEqual([]);
	});

	for (const locale of locales) {
		const catalogue = load(locale);
		it(`${locale}: has exactly the keys of ${baseLocale}`, () => {
			expect(keys(catalogue).sort()).toEqual(keys(base).sort());
		});
		it(`${locale}: no text is empty`, () => {
			expect(
				keys(catalogue).filter((key) => texts(catalogue[key]).some((t) => t.trim() === ''))
			).toEqual([]);
		});
		it(`${locale}: each message has the inputs of ${baseLocale}'s, and shows no other`, () => {
			const problems = keys(base).flatMap((key) => {
				const wanted = inputs(base[key]);
				const shown = [...placeholders(catalogue[key])].filter((name) => !wanted.has(name));
				const declared = [...inputs(catalogue[key])].filter((name) => !wanted.has(name));
				return [...shown, ...declared].map((name) => `${key}: {${name}}`);
			});
			expect(problems).toEqual([]);
		});
		it(`${locale}: every plural has all of ${locale}'s plural categories`, () => {
			const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const problems: string[] = [];
			for (const key of keys(catalogue)) {
				const value = catalogue[key];
				if (typeof value === 'string') continue;
				for (const variant of value as Variant[]) {
					for (const selector of variant.selectors ?? []) {
						const have = Object.keys(variant.match)
							.map((branch) => branch.split('=')[1])
							.map((category) => (category === '*' ? 'other' : category));
						for (const category of needed) {
							if (!have.includes(category)) problems.push(`${key}: ${selector}=${category}`);
						}
					}
				}
			}
			expect(problems).toEqual([]);
		});
	}
});

describe('plurals', () => {
	const ar = (count: number) => m.incident_count({ count, n: String(count) }, { locale: 'ar' });
	const en = (count: number) => m.incident_count({ count, n: String(count) }, { locale: 'en' });

	it('Arabic has six forms: zero, one, two, few (3–10), many (11–99), other (100…)', () => {
		expect([0, 1, 2, 3, 11, 100].map((n) => new Intl.PluralRules('ar').select(n))).toEqual([
			'zero',
			'one',
			'two',
			'few',
			'many',
			'other'
		]);
		expect(ar(0)).toBe('لا حوادث');
		expect(ar(1)).toBe('حادثة واحدة');
		expect(ar(2)).toBe('حادثتان');
		expect(ar(3)).toBe('3 حوادث');
		expect(ar(11)).toBe('11 حادثة');
		expect(ar(100)).toBe('100 حادثة');
		expect(ar(103)).toBe('103 حوادث');
	});

	it('the count shown is the formatted one; the form is chosen by the number', () => {
		expect(m.incident_count({ count: 3, n: '٣' }, { locale: 'ar' })).toBe('٣ حوادث');
		expect(m.incidents_shown({ shown: '١٢', count: 14, n: '١٤' }, { locale: 'ar' })).toBe(
			'١٢ من ١٤ حادثة'
		);
		expect(m.incidents_shown({ shown: '1', count: 2, n: '2' }, { locale: 'ar' })).toBe(
			'1 من حادثتين'
		);
		expect(m.import_rows_read({ count: 11, n: '11' }, { locale: 'ar' })).toBe('11 صفًا');
	});

	it('English has two', () => {
		expect(en(0)).toBe('0 incidents');
		expect(en(1)).toBe('1 incident');
		expect(en(2)).toBe('2 incidents');
		expect(m.incidents_shown({ shown: '12', count: 14, n: '14' }, { locale: 'en' })).toBe(
			'12 of 14 incidents'
		);
	});
});
