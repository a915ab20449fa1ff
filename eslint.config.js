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

const MAPLIBRE = {
	group: ['maplibre-gl', 'maplibre-gl/*'],
	message: 'Only src/lib/map may import maplibre-gl.'
};

/**
 * The folders of src/lib, from the bottom up: each may import only the folders before it
 * (src/lib/README.md draws them). routes/ sits on top and may import any of them.
 */
const LAYERS = ['data', 'i18n', 'analysis', 'export', 'state', 'map', 'ui'];

/**
 * Every way a file in src/lib can name another folder of src/lib.
 * @param {string} folder
 */
const folderImports = (folder) => [
	`$lib/${folder}`,
	`$lib/${folder}/**`,
	`../${folder}`,
	`../${folder}/**`,
	`../../${folder}/**`,
	`**/lib/${folder}/**`
];

const layerRules = LAYERS.map((folder, level) => {
	const above = folder === 'export' ? ['state', 'ui'] : LAYERS.slice(level + 1);
	/** @type {{ group: string[]; message: string; allowTypeImports?: boolean }[]} */
	const patterns = above.map((upper) => ({
		// The messages Paraglide compiles (src/lib/paraglide) belong to the i18n layer.
		group:
			upper === 'i18n'
				? [...folderImports('i18n'), ...folderImports('paraglide')]
				: folderImports(upper),
		message: `src/lib/${folder} sits below src/lib/${upper}: dependencies point one way (src/lib/README.md).`
	}));
	if (folder === 'export') {
		// export/ draws with the map's theme and legend: it may name their types, nothing else.
		patterns.push(
			{
				group: [...folderImports('map'), '!$lib/map/style', '!$lib/map/style/**'],
				message: 'src/lib/export may use only the types of src/lib/map/style (theme, legend).'
			},
			{
				group: ['$lib/map/style', '$lib/map/style/**'],
				allowTypeImports: true,
				message: 'src/lib/export may use only the types of src/lib/map/style (theme, legend).'
			}
		);
	}
	/** @type {import('eslint').Linter.RuleEntry} */
	const rule = ['error', { patterns: folder === 'map' ? patterns : [MAPLIBRE, ...patterns] }];
	return {
		files: [`src/lib/${folder}/**`],
		rules: { '@typescript-eslint/no-restricted-imports': rule }
	};
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			// compiled from messages/ by Paraglide: never linted
			'src/lib/paraglide/',
			'project.inlang/'
		]
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
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': ['error', { patterns: [MAPLIBRE] }]
		}
	},
	...layerRules,
	{
		// Numeric kernels index typed arrays in range by construction; with
		// noUncheckedIndexedAccess every read needs `!`, which is the honest way to say so.
		files: [
			'src/lib/analysis/**/*.ts',
			'src/lib/data/filter-engine.ts',
			'src/lib/ui/list/row-heights.ts',
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
