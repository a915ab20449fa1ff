import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

/**
 * Waits until the map has drawn everything for its current view and filter. The map element
 * carries data-idle="true" after MapLibre's `idle` event, and "false" as soon as it moves, loads
 * data, or a filter is being computed for it.
 */
export async function waitForMapIdle(page: Page, timeout = 90_000): Promise<void> {
	await expect(page.getByTestId('map')).toHaveAttribute('data-idle', 'true', { timeout });
}

/**
 * Opens a phone's drawer and waits for it to finish sliding in: measured mid-slide, its
 * contents are still partly off the screen (a listbox 33 px to the left of it, in one CI run).
 */
export async function openDrawer(page: Page): Promise<void> {
	await page.getByTestId('open-drawer').click();
	await expect(page.locator('#side-panel')).toHaveClass(/open/);
	await page.waitForFunction(() =>
		document.getAnimations().every((animation) => animation.playState !== 'running')
	);
}

/** Records uncaught errors, console errors and requests that leave the page's origin. */
export function watchPage(page: Page, origin: string) {
	const problems = { errors: [] as string[], offOrigin: [] as string[] };
	page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
	});
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
			problems.offOrigin.push(url);
		}
	});
	return problems;
}

/** How many distinct colours (in 4-bit-per-channel buckets) a PNG holds, and its largest share. */
export function colourVariety(png: Buffer): { colours: number; dominantShare: number } {
	const image = PNG.sync.read(png);
	const counts = new Map<number, number>();
	for (let i = 0; i < image.data.length; i += 4) {
		const key =
			((image.data[i]! >> 4) << 8) | ((image.data[i + 1]! >> 4) << 4) | (image.data[i + 2]! >> 4);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const pixels = image.width * image.height;
	return { colours: counts.size, dominantShare: Math.max(...counts.values()) / pixels };
}
