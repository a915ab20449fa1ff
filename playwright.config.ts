import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';

/**
 * The browser tests' own port: not 4173 (`npm start`, `npm run serve`), 4174 (screenshot) or
 * 4181–4184 (benchmarks); TEST_PORT names another (two checkouts testing at once). A server
 * already listening there is an error, never reused: the tests only ever run against the build
 * this run made.
 */
const port = Number(process.env.TEST_PORT) || 4190;

/** Browser tests run against the production build (build/), served as a static site. */
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	// SwiftShader renders WebGL on the CPU: map tests get generous budgets and wait for `idle`.
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		launchOptions: chromiumLaunchOptions()
	},
	webServer: {
		command: `node --import tsx scripts/serve.ts build ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
