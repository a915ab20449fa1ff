import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Data strings must never become markup: these are the DOM's HTML sinks. */
const htmlSinks = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTML'].map((property) => ({
	property,
	message: 'Render data as text (textContent / Svelte interpolation), never as HTML.'
}));

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/']
	},
	js.configs.recommended,
	...ts.configs.strict,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-restricted-properties': ['error', ...htmlSinks],
			'svelte/no-at-html-tags': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Only src/lib/map may talk to MapLibre (see the override below).
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['maplibre-gl', 'maplibre-gl/*'],
							message: 'Only src/lib/map may import maplibre-gl.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/map/**', 'tests/**'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		// Numeric kernels index typed arrays in range by construction; with
		// noUncheckedIndexedAccess every read needs `!`, which is the honest way to say so.
		files: [
			'src/lib/analysis/**/*.ts',
			'src/lib/map/groups.ts',
			'src/lib/data/filter-engine.ts',
			'src/lib/**/testing/**',
			'**/*.test.ts',
			'scripts/**/*.ts',
			'tests/**/*.ts'
		],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
