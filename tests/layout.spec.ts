import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrawer, waitForMapIdle } from './helpers';

/** Hajin, where five incidents share one position. */
const HAJIN = { lon: 40.83083, lat: 34.68944 };

/**
 * Where a position is drawn on the page, from the view in the URL (MapLibre's Web Mercator,
 * 512-pixel tiles) and the map's box: what the reader sees, without asking the map.
 */
async function drawnAt(page: Page, lon: number, lat: number) {
	const view = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(new URL(page.url()).hash);
	if (!view) throw new Error(`no view in ${page.url()}`);
	const [zoom, centreLat, centreLon] = view.slice(1).map(Number) as [number, number, number];
	const world = 512 * 2 ** zoom;
	const x = (longitude: number) => ((longitude + 180) / 360) * world;
	const y = (latitude: number) =>
		((1 - Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360)) / Math.PI) / 2) * world;
	const box = (await page.getByTestId('map').boundingBox())!;
	return {
		x: box.x + box.width / 2 + x(lon) - x(centreLon),
		y: box.y + box.height / 2 + y(lat) - y(centreLat)
	};
}

const WIDTHS = [
	{ width: 320, height: 640, phone: true },
	{ width: 390, height: 844, phone: true },
	{ width: 768, height: 1024, phone: true },
	{ width: 1024, height: 768, phone: false },
	{ width: 1280, height: 800, phone: false },
	{ width: 1920, height: 1080, phone: false }
];

for (const { width, height, phone } of WIDTHS) {
	test.describe(`${width} × ${height}`, () => {
		test.use({
			viewport: { width, height },
			...(phone ? { isMobile: true, hasTouch: true } : {})
		});

		test('nothing scrolls sideways, and the open panel is on screen beside its marker', async ({
			page
		}) => {
			// A view that puts Hajin where the panel (right) or sheet (bottom) opens.
			await page.goto('/#map=9/34.62/40.62');
			await waitForMapIdle(page);
			const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
			expect(await scrollWidth()).toBe(width);

			await page.goto('/#map=9/34.62/40.62&incident=IQ-SY-002');
			const panel = page.getByTestId('incident-panel');
			await expect(panel.getByTestId('incident-place')).toContainText('Hajin');
			await waitForMapIdle(page);
			expect(await scrollWidth()).toBe(width);

			const box = (await panel.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
			expect(box.y + box.height).toBeLessThanOrEqual(height + 0.5);
			expect(height - box.y, 'visible height of the panel').toBeGreaterThanOrEqual(120);

			// The map moved the marker out from under the panel, onto the visible map.
			const marker = await drawnAt(page, HAJIN.lon, HAJIN.lat);
			const under =
				marker.x >= box.x &&
				marker.x <= box.x + box.width &&
				marker.y >= box.y &&
				marker.y <= box.y + box.height;
			expect(under, `marker at ${marker.x},${marker.y} under the panel`).toBe(false);
			const map = (await page.getByTestId('map').boundingBox())!;
			expect(marker.x).toBeGreaterThan(map.x);
			expect(marker.x).toBeLessThan(map.x + map.width);
			expect(marker.y).toBeGreaterThan(map.y);
			expect(marker.y).toBeLessThan(map.y + map.height);
		});
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('tapping the Hajin site shows the sheet with Hajin and its first date', async ({ page }) => {
		await page.goto('/#map=12/34.68944/40.83083');
		await waitForMapIdle(page);
		const map = page.getByTestId('map');
		const box = (await map.boundingBox())!;
		await map.tap({ position: { x: box.width / 2, y: box.height / 2 } });
		const sheet = page.getByTestId('incident-panel');
		await expect(sheet.getByTestId('incident-place')).toContainText('Hajin');
		await expect(sheet.getByTestId('incident-date')).toContainText('19 April 2018');
		await expect(sheet.getByTestId('incident-date')).toBeInViewport();
	});

	test('a permalink opens the sheet on the incident', async ({ page }) => {
		await page.goto('/#map=12/34.68944/40.83083&incident=IQ-SY-002');
		const sheet = page.getByTestId('incident-panel');
		await expect(sheet.getByTestId('incident-place')).toContainText('Hajin');
		await expect(sheet.getByTestId('incident-date')).toContainText('19 April 2018');
		await expect(sheet.getByTestId('incident-place')).toBeInViewport();
	});

	test('choosing from the list closes the drawer and shows the sheet', async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await openDrawer(page);
		const list = page.getByTestId('incident-list');
		await expect(list).toBeInViewport();
		await list.getByRole('option', { name: /22 June 2018/ }).click();
		await expect(page.getByTestId('incident-panel')).toContainText('IQ-SY-007');
		await expect(page.getByTestId('incident-place')).toBeInViewport();
		await expect(list).not.toBeInViewport();
	});

	test('the sheet grows, shrinks and closes with a swipe down', async ({ page }) => {
		await page.goto('/#incident=IQ-SY-002');
		const sheet = page.getByTestId('incident-panel');
		await expect(sheet).toHaveAttribute('data-snap', 'half');
		await page.getByTestId('sheet-handle').click();
		await expect(sheet).toHaveAttribute('data-snap', 'full');
		await page.getByTestId('sheet-handle').click();
		await expect(sheet).toHaveAttribute('data-snap', 'half');

		// A swipe down on the grip: to the peek, then closed.
		// The sheet slides to each snap; the grip is measured once it has come to rest, or the
		// press lands where the grip was a moment ago.
		const restingGrip = async () => {
			await page.waitForFunction(() =>
				document.getAnimations().every((animation) => animation.playState !== 'running')
			);
			return (await page.getByTestId('sheet-handle').boundingBox())!;
		};
		const swipe = async () => {
			const handle = await restingGrip();
			const x = handle.x + handle.width / 2;
			const y = handle.y + handle.height / 2;
			await page.mouse.move(x, y);
			await page.mouse.down();
			await page.mouse.move(x, Math.min(y + 300, 840), { steps: 4 });
			await page.mouse.up();
		};
		await swipe();
		await expect(sheet).toHaveAttribute('data-snap', 'peek');
		await swipe();
		await expect(sheet).toBeHidden();
		await expect(page).not.toHaveURL(/incident=/);
	});

	test('the first screen says what the map is and how many incidents it shows', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
		await expect(page.getByTestId('incident-count')).toBeInViewport();
		await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');
	});
});

test('the timeline window is a keyboard control, and the link follows it', async ({ page }) => {
	await page.goto('/');
	await waitForMapIdle(page);
	const control = page.getByRole('slider', { name: /Date window/ });
	await expect(control).toHaveAttribute('aria-valuetext', /^all dates/);
	await control.focus();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/from=2017-02-\d\d&to=2017-0[23]-\d\d/);
	const first = await control.getAttribute('aria-valuetext');
	const firstHash = await page.evaluate(() => location.hash);
	await page.keyboard.press('ArrowRight');
	await expect(control).not.toHaveAttribute('aria-valuetext', first!);
	// The link is written a moment after the control moves: read it once it has.
	await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(firstHash);
	const { from, to } = await page.evaluate(() => {
		const hash = new URLSearchParams(location.hash.slice(1));
		return { from: hash.get('from'), to: hash.get('to') };
	});
	await expect(page.getByTestId('date-from')).toHaveValue(from!);
	await expect(page.getByTestId('date-to')).toHaveValue(to!);
	await page.keyboard.press('Shift+ArrowRight');
	await expect(page.getByTestId('date-from')).toHaveValue(from!);
	await expect(page.getByTestId('date-to')).not.toHaveValue(to!);
	await page.keyboard.press('End');
	await expect(page.getByTestId('date-to')).toHaveValue(/^2019-01-/);
});

for (const textSize of ['100%', '200%']) {
	test(`no list row's text is clipped at ${textSize} text`, async ({ page }) => {
		await page.goto('/');
		await waitForMapIdle(page);
		await page.evaluate((size) => (document.documentElement.style.fontSize = size), textSize);
		const rows = page.getByTestId('incident-list').getByRole('option');
		await expect(rows.first()).toBeVisible();
		// Heights settle once the rows have been measured at this text size.
		await expect
			.poll(() =>
				page.evaluate(() => {
					const clipped: string[] = [];
					for (const row of document.querySelectorAll<HTMLElement>(
						'[data-testid=incident-list] [role=option]'
					)) {
						const box = row.getBoundingClientRect();
						for (const part of row.querySelectorAll('span')) {
							const text = part.getBoundingClientRect();
							const outside =
								text.top < box.top - 0.5 ||
								text.bottom > box.bottom + 0.5 ||
								text.left < box.left - 0.5 ||
								text.right > box.right + 0.5;
							// An element's box can fit while its text overflows it (nowrap, fixed height).
							const spills =
								part.scrollWidth > part.clientWidth + 1 ||
								part.scrollHeight > part.clientHeight + 1;
							if (outside || (part.clientHeight > 0 && spills))
								clipped.push(`${row.id}: ${part.textContent?.trim()}`);
						}
					}
					return clipped;
				})
			)
			.toEqual([]);
		expect(await rows.count()).toBeGreaterThan(3);
	});
}
