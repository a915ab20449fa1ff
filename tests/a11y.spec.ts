import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrawer, waitForMapIdle } from './helpers';

/**
 * WCAG 2.2 AA as axe-core checks it, in every state a reader reaches: zero violations of any
 * impact, on a desktop and on a phone. (axe cannot see into the map's canvas: the colours drawn
 * there are checked by the style's own unit tests.)
 */
const SIZES = [
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, phone: true }
] as const;

async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes
				.map((node) => node.target.join(' '))
				.join(', ')}`
	);
}

/** On a phone the tabs live in the drawer: open it first. */
async function openTab(page: Page, phone: boolean, name: string) {
	if (phone) await openDrawer(page);
	await page.getByRole('tab', { name }).click();
}

const STATES: { name: string; reach: (page: Page, phone: boolean) => Promise<void> }[] = [
	{ name: 'first load', reach: async () => {} },
	{
		name: 'incident panel open',
		reach: async (page) => {
			await page.goto('/#map=9/34.6/40.9&incident=IQ-SY-002');
			await expect(page.getByTestId('incident-panel')).toContainText('Hajin');
			await expect(page.getByTestId('border-distance')).toBeVisible();
		}
	},
	{ name: 'Filters tab', reach: (page, phone) => openTab(page, phone, 'Filters') },
	{ name: 'Data tab', reach: (page, phone) => openTab(page, phone, 'Data') },
	{
		name: 'export dialog',
		reach: async (page) => {
			await page.getByTestId('export-button').click();
			await expect(page.getByTestId('export-preview')).toBeVisible({ timeout: 120_000 });
		}
	},
	{
		name: 'measure tool on',
		reach: async (page) => {
			await page.getByTestId('measure-button').click();
			await expect(page.getByTestId('measure-panel')).toBeVisible();
		}
	},
	{
		name: 'search suggestions open',
		reach: async (page, phone) => {
			if (phone) await openDrawer(page);
			await page.getByTestId('search').fill('Dhiban');
			await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
			await page.getByTestId('search').press('ArrowDown');
		}
	},
	{
		name: 'density view with its legend',
		reach: async (page) => {
			await page.getByTestId('view-density').click();
			await page.getByTestId('density-weight').getByLabel('Reported killed').check();
			const toggle = page.getByTestId('legend-toggle');
			if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
			await expect(page.getByTestId('legend')).toContainText('Density');
		}
	},
	{
		name: 'legend open',
		reach: async (page) => {
			const toggle = page.getByTestId('legend-toggle');
			if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
			await expect(page.getByTestId('legend')).toBeVisible();
		}
	}
];

for (const size of SIZES) {
	test.describe(`axe on the ${size.name}`, () => {
		test.use({
			viewport: size.viewport,
			...(size.phone ? { isMobile: true, hasTouch: true } : {})
		});
		for (const state of STATES) {
			test(`${state.name}: no violations`, async ({ page }) => {
				test.setTimeout(240_000);
				await page.goto('/#map=8/34.6/41');
				await waitForMapIdle(page);
				await state.reach(page, size.phone);
				expect(await violations(page)).toEqual([]);
			});
		}
	});
}
