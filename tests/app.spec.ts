import { expect, test } from './fixtures';
import { colourVariety, waitForMapIdle, watchPage } from './helpers';

const HAJIN_INCIDENTS = ['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011'];

test('loads offline: no uncaught errors, nothing fetched off-origin, and the map is drawn', async ({
	page,
	baseURL
}) => {
	const problems = watchPage(page, new URL(baseURL!).origin);
	await page.goto('/');
	await waitForMapIdle(page);

	const shot = await page.getByTestId('map').screenshot();
	const { colours, dominantShare } = colourVariety(shot);
	// A blank or failed map is one or two colours; this one has land, water, borders, labels.
	expect(colours).toBeGreaterThan(40);
	expect(dominantShare).toBeLessThan(0.6);

	expect(problems.errors).toEqual([]);
	expect(problems.offOrigin).toEqual([]);
	// The data's licences ask for these credits (GeoNames: CC-BY 3.0).
	await expect(page.getByText('Made with Natural Earth · GeoNames, CC-BY ·')).toBeVisible();
});

test('a permalink restores the view and opens the incident', async ({ page }) => {
	await page.goto('/#map=12/34.68944/40.83083&incident=IQ-SY-002');
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toBeVisible();
	await expect(panel.getByTestId('incident-place')).toContainText('Hajin');
	await expect(panel.getByTestId('incident-date')).toContainText('19 April 2018');
	await expect(panel.getByTestId('border-distance')).toHaveText('25.68 km');
	await expect(page).toHaveURL(/#map=12\/34\.68944\/40\.83083&incident=IQ-SY-002&lang=en$/);
});

test('clicking the Hajin site makes all five Hajin incidents reachable', async ({ page }) => {
	await page.goto('/#map=12/34.68944/40.83083');
	await waitForMapIdle(page);
	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	// The view is centred on Hajin, where the five incidents form one marker.
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });

	const panel = page.getByTestId('incident-panel');
	await expect(panel).toBeVisible();
	const site = panel.getByTestId('site-list');
	await expect(site.getByRole('listitem')).toHaveCount(5);
	for (const [i, id] of HAJIN_INCIDENTS.entries()) {
		await site.getByRole('listitem').nth(i).getByRole('button').click();
		await expect(panel.getByText(id, { exact: true })).toBeVisible();
		await expect(panel.getByTestId('incident-place')).toContainText('Hajin');
	}
});

test('unlocated incidents are listed, and open without distances', async ({ page }) => {
	await page.goto('/');
	const list = page.getByTestId('unlocated-list');
	await expect(list.getByRole('listitem')).toHaveCount(3);
	await expect(list).toContainText('South of Al-Dashisha');
	await list.getByRole('button', { name: /South of Al-Dashisha/ }).click();
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toContainText('IQ-SY-003');
	await expect(panel).toContainText('No reported position');
	await expect(panel.getByTestId('incident-killed')).toHaveText(/not reported/);
});

test('sources open in a new tab without giving the page away', async ({ page }) => {
	await page.goto('/#incident=IQ-SY-009a');
	const links = page.getByTestId('incident-panel').getByRole('link');
	await expect(links.first()).toBeVisible();
	for (const link of await links.all()) {
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
	}
});

test('Esc closes the panel, and back/forward reopen and close it', async ({ page }) => {
	await page.goto('/#map=9/34.6/40.9');
	await waitForMapIdle(page);
	await page
		.getByTestId('incident-list')
		.getByRole('option', { name: /22 June 2018/ })
		.click();
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toContainText('IQ-SY-007');
	await expect(page).toHaveURL(/incident=IQ-SY-007/);

	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(page).not.toHaveURL(/incident=/);

	await page.goBack();
	await expect(panel).toContainText('IQ-SY-007');
	await page.goForward();
	await expect(panel).toBeHidden();
});

test('keyboard: a list item opens the panel, focus moves to it and returns on Esc', async ({
	page
}) => {
	await page.goto('/');
	const item = page.getByTestId('incident-list');
	await item.focus();
	await page.keyboard.press('ArrowDown'); // 19 April 2018, the second by date
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(item).toBeFocused();
});

test('on a narrow screen the panel is a bottom sheet', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto('/#incident=IQ-SY-001');
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toBeVisible();
	const box = (await panel.boundingBox())!;
	expect(box.width).toBe(390);
	expect(box.y + box.height).toBeCloseTo(800, 0);
});
