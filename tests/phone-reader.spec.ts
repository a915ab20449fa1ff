import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrawer, waitForMapIdle } from './helpers';

/**
 * What a reader on a phone met in a walk through the app (English and Arabic, 390 and 320 px
 * wide): credits over the scale bar and the map's buttons, a drawer that Escape did not close
 * and that left focus on the page, English import credits in the Arabic page, and Latin text
 * that reordered the Arabic around it.
 */

const FIXTURES = join(import.meta.dirname, '../src/lib/data/import/fixtures');

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
	const found = await page.locator(selector).first().boundingBox();
	if (!found) throw new Error(`${selector} is not on the page`);
	return found;
}

for (const viewport of [
	{ width: 320, height: 640 },
	{ width: 390, height: 844 }
]) {
	test.describe(`a ${viewport.width} × ${viewport.height} phone`, () => {
		test.use({ viewport, isMobile: true, hasTouch: true });

		for (const lang of ['en', 'ar']) {
			test(`${lang}: the credits are one line clear of the scale bar and the map's buttons, in full when tapped`, async ({
				page
			}) => {
				await page.goto(`/#lang=${lang}`);
				await waitForMapIdle(page);
				const credits = page.getByTestId('attribution');
				await expect(credits).toHaveAttribute('aria-expanded', 'false');
				const line = await box(page, '[data-testid=attribution]');
				expect(line.height).toBeLessThanOrEqual(30);
				expect(line.x).toBeGreaterThanOrEqual(0);
				expect(line.x + line.width).toBeLessThanOrEqual(viewport.width);
				const scale = await box(page, '.maplibregl-ctrl-scale');
				expect(overlap(scale, line), 'the scale bar is clear of the credits').toBe(false);
				const buttons = page.locator('[role=toolbar] button, .maplibregl-ctrl-group button');
				for (let i = 0; i < (await buttons.count()); i++) {
					const button = (await buttons.nth(i).boundingBox())!;
					expect(overlap(button, line), `map button ${i} is clear of the credits`).toBe(false);
				}
				const legend = await box(page, '[data-testid=legend-toggle]');
				expect(overlap(legend, line), 'the legend button is clear of the credits').toBe(false);

				await credits.tap();
				await expect(credits).toHaveAttribute('aria-expanded', 'true');
				await expect(credits).toContainText('GeoNames');
				expect((await box(page, '[data-testid=attribution]')).height).toBeGreaterThan(
					line.height + 10
				);
				await credits.tap();
				await expect(credits).toHaveAttribute('aria-expanded', 'false');
			});
		}

		test('Escape closes the drawer, everything behind it is out of reach meanwhile, and focus returns to its button', async ({
			page
		}) => {
			await page.goto('/');
			await waitForMapIdle(page);
			const main = page.locator('main');
			const opener = page.getByTestId('open-drawer');
			expect(await main.evaluate((element) => (element as HTMLElement).inert)).toBe(false);

			await openDrawer(page);
			expect(await main.evaluate((element) => (element as HTMLElement).inert)).toBe(true);
			await page.locator('#tab-filters').focus();
			await page.keyboard.press('Escape');
			await expect(page.locator('#side-panel')).not.toHaveClass(/open/);
			await expect(opener).toBeFocused();
			expect(await main.evaluate((element) => (element as HTMLElement).inert)).toBe(false);

			// Closed with its own button, the same.
			await openDrawer(page);
			await page.locator('#side-panel .close').click();
			await expect(opener).toBeFocused();

			// With an incident's sheet open, the drawer opens and stays open (choosing an incident
			// closes it; one chosen before it opened does not).
			await page.goto('/#incident=IQ-SY-002');
			await expect(page.getByTestId('incident-panel')).toBeVisible();
			await openDrawer(page);
			await expect(page.locator('#side-panel')).toHaveClass(/open/);

			// Escape in the search box first closes its suggestions, and the drawer stays open.
			await page.getByTestId('search').fill('Haj');
			await expect(page.getByTestId('search')).toHaveAttribute('aria-expanded', 'true');
			await page.keyboard.press('Escape');
			await expect(page.getByTestId('search')).toHaveAttribute('aria-expanded', 'false');
			await expect(page.locator('#side-panel')).toHaveClass(/open/);
		});
	});
}

test.describe('Arabic on a 390 × 844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('an import is credited in Arabic, its file name isolated; the reasons a row was refused are isolated', async ({
		page
	}) => {
		await page.goto('/#lang=ar');
		await waitForMapIdle(page);
		await openDrawer(page);
		// Empty, the search box runs right to left with the page (dir="auto" would make it ltr).
		await expect(page.getByTestId('search')).toHaveAttribute('dir', 'rtl');
		await page.locator('#tab-data').click();
		await page.getByTestId('import-input').setInputFiles(join(FIXTURES, 'acled-current.csv'));
		const report = page.getByTestId('import-report');
		await expect(report.locator('li')).toHaveCount(3);
		// The English reason is one isolated run: it cannot take the row's Arabic words with it.
		for (const reason of await report.locator('li').all())
			await expect(reason.locator(':scope > bdi[lang=en]')).toHaveCount(1);
		// Big enough for a finger: the file input and the dataset's Remove button.
		expect((await box(page, '[data-testid=import-input]')).height).toBeGreaterThanOrEqual(44);
		const remove = await box(page, '[data-testid=dataset] button');
		expect(Math.min(remove.width, remove.height)).toBeGreaterThanOrEqual(24);
		await page.locator('#side-panel .close').click();

		const credits = page.getByTestId('attribution');
		await credits.tap();
		await expect(credits).toContainText('مستورد:');
		await expect(credits).not.toContainText('Imported');
		expect(await credits.textContent()).toContain('\u2068acled-current.csv\u2069');
	});
});

test('a place’s other name is isolated without its brackets, so a wrapped line does not mirror them', async ({
	page
}) => {
	await page.goto('/#incident=IQ-SY-002');
	const crossing = page.getByTestId('nearest-crossing');
	await expect(crossing).toContainText('(');
	for (const name of await crossing.locator('bdi').all())
		expect(await name.textContent()).not.toMatch(/[()]/);
});

test.describe('filters on a 390 × 844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('ticking a value leaves every value where it was, its count changed', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await openDrawer(page);
		await page.locator('#tab-filters').click();
		const facet = page.getByTestId('facet-target_category');
		const values = () => facet.locator('.value').allTextContents();
		const before = await values();
		expect(before.length).toBeGreaterThan(2);
		await facet.locator('input[type=checkbox]').first().check();
		await expect(page.getByTestId('incident-count')).not.toHaveText(/^14 incidents/);
		expect(await values()).toEqual(before);
		await expect(facet.locator('input[type=checkbox]').first()).toBeChecked();
	});
});
