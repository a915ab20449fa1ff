import type { Page } from '@playwright/test';
import { test } from './fixtures';

/**
 * The shared fixture's own check: an uncaught error in a page fails the test even though the
 * test itself asserts nothing. Each test here is expected to fail (and passes when it does);
 * if the fixture missed the error, the test would pass and so be reported as a failure.
 */

/** Clicks a button whose handler runs `script`, and gives the page's error time to arrive. */
async function clickToRun(page: Page, script: string) {
	await page.setContent(`<button onclick="${script}">go</button>`);
	await Promise.all([
		page.waitForEvent('pageerror', { timeout: 10_000 }).catch(() => undefined),
		page.getByRole('button').click()
	]);
}

test.describe('expected to fail (✘ here is a pass): an uncaught page error fails the test', () => {
	test.fail('a throw in the test’s page', async ({ page }) => {
		await clickToRun(page, "throw new Error('deliberate')");
	});

	test.fail('a throw in a page opened with browser.newPage()', async ({ browser }) => {
		const other = await browser.newPage();
		await clickToRun(other, "throw new Error('deliberate')");
		await other.close();
	});

	test.fail('a rejected promise nobody handles', async ({ page }) => {
		await clickToRun(page, "Promise.reject(new Error('deliberate'))");
	});
});
