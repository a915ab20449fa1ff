import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
