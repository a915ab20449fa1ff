import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

/** The middle of the map, clear of its floating controls (toolbar, legend, attribution). */
async function mapMiddle(page: Page): Promise<PNG> {
	const box = (await page.getByTestId('map').boundingBox())!;
	const size = 320;
	const png = await page.screenshot({
		clip: {
			x: box.x + (box.width - size) / 2,
			y: box.y + (box.height - size) / 2,
			width: size,
			height: size
		}
	});
	return PNG.sync.read(png);
}

/** Share of pixels that differ clearly between two images of one size. */
function changedShare(a: PNG, b: PNG): number {
	let changed = 0;
	for (let i = 0; i < a.data.length; i += 4) {
		const delta =
			Math.abs(a.data[i]! - b.data[i]!) +
			Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
			Math.abs(a.data[i + 2]! - b.data[i + 2]!);
		if (delta > 24) changed++;
	}
	return changed / (a.width * a.height);
}

/** The hash without the pairs that say how the map draws: the data's part of the link. */
const dataPart = (url: string) =>
	new URL(url).hash
		.replace(/^#/, '')
		.split('&')
		.filter((pair) => !/^(view|weight)=/.test(pair))
		.join('&');

async function openLegend(page: Page) {
	const toggle = page.getByTestId('legend-toggle');
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	return page.getByTestId('legend');
}

test('the density toggle changes the map and the legend, never the count or the data', async ({
	page
}) => {
	await page.goto('/#map=7.5/34.6/40.9&from=2018-11-01');
	await waitForMapIdle(page);
	const count = page.getByTestId('incident-count');
	const countBefore = await count.textContent();
	const linkBefore = dataPart(page.url());
	const legend = await openLegend(page);
	await expect(legend).not.toContainText('Density');
	const markers = await mapMiddle(page);

	const toggle = page.getByTestId('view-density');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await waitForMapIdle(page);
	const density = await mapMiddle(page);
	expect(changedShare(markers, density)).toBeGreaterThan(0.01);
	await expect(legend.getByRole('heading', { name: 'Density' })).toBeVisible();
	await expect(legend).toContainText('Incidents shown per area, darkest where they are densest');
	await expect(page).toHaveURL(/view=density/);
	await expect(count).toHaveText(countBefore!);
	expect(dataPart(page.url())).toBe(linkBefore);
	// A density map was asked for by its own choice: the map does not say it chose by itself.
	await expect(page.getByTestId('density-status')).toHaveText('');

	// Weighed by reported killed: another surface, and a legend that says how unknowns weigh.
	await page.getByTestId('density-weight').getByLabel('Reported killed').check();
	await waitForMapIdle(page);
	const byKilled = await mapMiddle(page);
	expect(changedShare(density, byKilled)).toBeGreaterThan(0.002);
	await expect(legend).toContainText(
		'Incidents with no reported toll add nothing: unknown, not zero'
	);
	await expect(page).toHaveURL(/weight=killed/);
	await expect(count).toHaveText(countBefore!);
	expect(dataPart(page.url())).toBe(linkBefore);

	// The link brings the same picture back.
	await page.reload();
	await waitForMapIdle(page);
	await expect(page.getByTestId('view-density')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('density-weight').getByLabel('Reported killed')).toBeChecked();

	// Off again: the markers, and the link as it was.
	await openLegend(page);
	await page.getByTestId('view-density').click();
	await waitForMapIdle(page);
	await expect(legend).not.toContainText('Density');
	expect(changedShare(markers, await mapMiddle(page))).toBeLessThan(0.002);
	await expect(count).toHaveText(countBefore!);
	expect(dataPart(page.url())).toBe(linkBefore);
});

test('zoomed in, the markers are back and the density surface is gone', async ({ page }) => {
	const view = '#map=11/34.68944/40.83083';
	await page.goto(`/${view}`);
	await waitForMapIdle(page);
	const markers = await mapMiddle(page);
	await page.goto(`/${view}&view=density`);
	await page.reload();
	await waitForMapIdle(page);
	await expect(page.getByTestId('view-density')).toHaveAttribute('aria-pressed', 'true');
	expect(changedShare(markers, await mapMiddle(page))).toBeLessThan(0.002);
});

test('the density view is drawn in the exported image', async ({ page }) => {
	test.setTimeout(300_000);
	const preview = async () => {
		await page.getByTestId('export-button').click();
		const image = page.getByTestId('export-preview');
		await expect(image).toBeVisible({ timeout: 120_000 });
		const src = (await image.getAttribute('src'))!;
		const bytes = await page.evaluate(async (url) => {
			const response = await fetch(url);
			return Array.from(new Uint8Array(await response.arrayBuffer()));
		}, src);
		await page.getByRole('button', { name: 'Close export' }).click();
		return PNG.sync.read(Buffer.from(bytes));
	};
	await page.goto('/#map=7.5/34.6/40.9');
	await waitForMapIdle(page);
	const markers = await preview();
	await page.getByTestId('view-density').click();
	await waitForMapIdle(page);
	const density = await preview();
	expect([density.width, density.height]).toEqual([markers.width, markers.height]);
	expect(changedShare(markers, density)).toBeGreaterThan(0.005);
});

test.describe('above 20,000 incidents shown', () => {
	let folder = '';
	let file = '';
	test.beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'density-'));
		file = join(folder, 'many.geojson');
		execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/synth.ts', '--count', '21000', '--out', file],
			{ stdio: 'ignore' }
		);
	});
	test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('the map switches to density by itself and says so; markers can be chosen', async ({
		page
	}) => {
		test.setTimeout(240_000);
		await page.route('**/many.geojson', (route) =>
			route.fulfill({ path: file, contentType: 'application/geo+json' })
		);
		await page.goto('/?data=many.geojson#map=6/35/41');
		await waitForMapIdle(page, 180_000);
		await expect(page.getByTestId('incident-count')).toHaveText('21,000 incidents');
		const toggle = page.getByTestId('view-density');
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		const status = page.getByTestId('density-status');
		await expect(status).toHaveAttribute('role', 'status');
		await expect(status).toContainText('More than 20,000 incidents are shown');
		// The map's own choice is not written into the link.
		expect(new URL(page.url()).hash).not.toContain('view=');

		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await expect(status).toHaveText('');
		await expect(page).toHaveURL(/view=markers/);
		await expect(page.getByTestId('incident-count')).toHaveText('21,000 incidents');
	});
});
