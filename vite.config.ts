import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// messages/*.json → src/lib/paraglide (typed message functions); also `npm run i18n`.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// #lang= in the hash (the app's own state, src/lib/state/language.svelte.ts), then the
			// language last shown, then the browser's languages, then English.
			strategy: ['custom-hash', 'localStorage', 'preferredLanguage', 'baseLocale'],
			emitReadme: false
		}),
		sveltekit()
	],
	// MapLibre finds its worker through import.meta.url; pre-bundling breaks that in the dev server.
	optimizeDeps: { exclude: ['maplibre-gl'] },
	test: {
		// A test that asserts nothing passes by accident: every test must make at least one check.
		expect: { requireAssertions: true },
		projects: [
			{
				// State classes (*.svelte.test.ts) run their runes with Svelte's browser runtime: on
				// the server runtime $effect never runs.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			}
		]
	}
});
