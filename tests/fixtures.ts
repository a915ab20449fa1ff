import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * What every browser test gets: import `test` and `expect` from here, never from
 * '@playwright/test'.
 */
interface Fixtures {
	/**
	 * Every uncaught error of the pages a test opens — its `page`, other pages of its context,
	 * and pages of contexts it makes itself (`browser.newPage()`, `browser.newContext()`) — as
	 * they happen. Automatic: a test during which any occurred fails at its end, whatever else
	 * it checked. Read it to check sooner.
	 */
	pageErrors: string[];
}

export const test = base.extend<Fixtures>({
	pageErrors: [
		async ({ browser, context }, use) => {
			const errors: string[] = [];
			const watchPage = (page: Page) =>
				page.on('pageerror', (error) =>
					errors.push(`${page.url()}: ${error.stack ?? `${error.name}: ${error.message}`}`)
				);
			const watchContext = (watched: BrowserContext) => {
				watched.pages().forEach(watchPage);
				watched.on('page', watchPage);
			};
			watchContext(context);
			browser.on('context', watchContext);
			try {
				await use(errors);
			} finally {
				browser.off('context', watchContext);
			}
			expect(errors, 'uncaught errors in the page').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
