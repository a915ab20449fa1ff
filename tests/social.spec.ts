import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { colourVariety, waitForMapIdle } from './helpers';

const WINDOW = '#map=7/34.6/40.6&from=2018-11-15&to=2018-11-25';

async function openExport(page: Page) {
	await page.goto(`/${WINDOW}`);
	await waitForMapIdle(page);
	await page.getByTestId('export-button').click();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
}

/** Whether a pixel is the light theme's paper (#fbfaf7), give or take a little. */
const isPaper = (image: PNG, x: number, y: number) => {
	const i = (y * image.width + x) * 4;
	return (
		Math.abs(image.data[i]! - 0xfb) < 4 &&
		Math.abs(image.data[i + 1]! - 0xfa) < 4 &&
		Math.abs(image.data[i + 2]! - 0xf7) < 4
	);
};

test('the vertical preset is 1080 × 1920 with the legend below the map', async ({ page }) => {
	test.setTimeout(300_000);
	await openExport(page);
	await page.getByTestId('export-preset').selectOption('story');
	await expect(page.getByTestId('export-size')).toHaveText('1,080 × 1,920 pixels');
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 240_000 }),
		page.getByTestId('export-png').click()
	]);
	const bytes = readFileSync(await download.path());
	const image = PNG.sync.read(bytes);
	expect([image.width, image.height]).toEqual([1080, 1920]);
	expect(colourVariety(bytes).colours).toBeGreaterThan(50);

	// The panel: from some row down, the left edge is the export's paper, not the map; the map
	// fills the rows above it; the legend's text is in the panel.
	let panelTop = Math.floor(image.height / 2);
	while (
		panelTop < image.height &&
		!(isPaper(image, 4, panelTop) && isPaper(image, image.width - 5, panelTop))
	)
		panelTop++;
	expect(panelTop, 'the panel starts below the middle').toBeGreaterThan(image.height * 0.5);
	expect(panelTop, 'the panel is tall enough for a legend').toBeLessThan(image.height * 0.85);
	let dark = 0;
	for (let y = panelTop; y < image.height; y++) {
		for (let x = 0; x < image.width; x++) {
			const i = (y * image.width + x) * 4;
			if (image.data[i]! < 90 && image.data[i + 1]! < 90 && image.data[i + 2]! < 90) dark++;
		}
	}
	expect(
		dark / ((image.height - panelTop) * image.width),
		'legend text below the map'
	).toBeGreaterThan(0.01);
	const mapRow = Array.from({ length: 200 }, (_, x) => isPaper(image, x * 5, panelTop - 40));
	expect(mapRow.filter(Boolean).length, 'the map above the panel').toBeLessThan(100);
});
