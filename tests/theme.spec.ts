import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

/** Mean relative luminance (0 black – 1 white) of a PNG. */
function meanLuminance(png: Buffer): number {
	const image = PNG.sync.read(png);
	let sum = 0;
	for (let i = 0; i < image.data.length; i += 4) {
		sum +=
			(0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!) / 255;
	}
	return sum / (image.width * image.height);
}

/**
 * How alike two images are in structure, whatever their colours: the correlation of their
 * edge strength (how much each 8 × 8 block's luminance varies), block by block.
 */
function structureCorrelation(a: PNG, b: PNG): number {
	const blocks = (image: PNG) => {
		const values: number[] = [];
		for (let by = 0; by + 8 <= image.height; by += 8) {
			for (let bx = 0; bx + 8 <= image.width; bx += 8) {
				let sum = 0;
				let squares = 0;
				for (let y = by; y < by + 8; y++) {
					for (let x = bx; x < bx + 8; x++) {
						const i = (y * image.width + x) * 4;
						const l =
							0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
						sum += l;
						squares += l * l;
					}
				}
				values.push(Math.sqrt(Math.max(0, squares / 64 - (sum / 64) ** 2)));
			}
		}
		return values;
	};
	const [x, y] = [blocks(a), blocks(b)];
	const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
	const [mx, my] = [mean(x), mean(y)];
	let cov = 0;
	let vx = 0;
	let vy = 0;
	for (let i = 0; i < x.length; i++) {
		cov += (x[i]! - mx) * (y[i]! - my);
		vx += (x[i]! - mx) ** 2;
		vy += (y[i]! - my) ** 2;
	}
	return cov / Math.sqrt(vx * vy);
}

const VIEW = '/#map=8/34.6/41';

async function loaded(page: Page) {
	await page.goto(VIEW);
	await waitForMapIdle(page);
}

test.describe('with the system set to dark', () => {
	test.use({ colorScheme: 'dark' });

	test('the page and the map are dark, and axe finds no contrast problem', async ({
		page,
		browser
	}) => {
		await loaded(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		const dark = { page: meanLuminance(await page.screenshot()) };
		const darkMap = meanLuminance(await page.getByTestId('map').screenshot());

		const light = await browser.newPage({ colorScheme: 'light' });
		await loaded(light);
		await expect(light.locator('html')).toHaveAttribute('data-theme', 'light');
		const lightPage = meanLuminance(await light.screenshot());
		const lightMap = meanLuminance(await light.getByTestId('map').screenshot());
		await light.close();

		expect(dark.page).toBeLessThan(lightPage * 0.5);
		expect(darkMap).toBeLessThan(lightMap * 0.5);

		for (const hash of [VIEW, '/#map=9/34.6/40.9&incident=IQ-SY-002']) {
			await page.goto(hash);
			await waitForMapIdle(page);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			expect(results.violations.map((violation) => violation.id)).toEqual([]);
		}
	});

	test('the header toggle switches the theme, and the choice is remembered', async ({ page }) => {
		await loaded(page);
		const toggle = page.getByTestId('theme-toggle');
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		await toggle.click();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		await page.reload();
		await waitForMapIdle(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
		await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'false');
	});
});

test('a dark export differs from the light one only in its colours', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('/#map=7/34.6/40.6&from=2018-11-15&to=2018-11-25');
	await waitForMapIdle(page);
	await page.getByTestId('export-button').click();
	await page.getByTestId('export-preset').selectOption('custom');
	await page.getByTestId('export-width').fill('900');
	await page.getByTestId('export-height').fill('700');
	const exportIn = async (theme: 'light' | 'dark') => {
		await page.getByTestId('export-theme').selectOption(theme);
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 240_000 }),
			page.getByTestId('export-png').click()
		]);
		return readFileSync(await download.path());
	};
	const light = await exportIn('light');
	const dark = await exportIn('dark');
	const [lightImage, darkImage] = [PNG.sync.read(light), PNG.sync.read(dark)];
	expect([darkImage.width, darkImage.height]).toEqual([lightImage.width, lightImage.height]);
	expect(meanLuminance(dark)).toBeLessThan(meanLuminance(light) * 0.6);
	// The same composition (cards, text, markers, lines in the same places): its edges agree.
	expect(structureCorrelation(lightImage, darkImage)).toBeGreaterThan(0.6);
});
