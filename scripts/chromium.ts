import type { LaunchOptions } from '@playwright/test';

/**
 * The Chromium that the browser tests, the benchmarks and the screenshot drive: Debian's
 * package (Playwright cannot download its own browsers here), or the binary named by
 * CHROMIUM_PATH. scripts/ensure-chromium.ts installs it when it is missing.
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;

/**
 * Headless in a container, as root, without a GPU (WebGL comes from SwiftShader), and nothing
 * that talks to the network behind the tests' back.
 */
export const CHROMIUM_ARGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Options for `chromium.launch()` (or Playwright's `launchOptions`), with any extra flags. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
	return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] };
}
