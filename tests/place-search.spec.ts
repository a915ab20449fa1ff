import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrawer, waitForMapIdle } from './helpers';

/** GeoNames places near the strike sites, with no incident of the built-in data at them. */
const DHIBAN = { lon: 40.51085, lat: 35.0155 };
const BUSAYRAH = { lon: 40.42555, lat: 35.15579 };

const SEARCHES = [
	{ typed: 'Dhiban', place: DHIBAN, label: 'Dhībān' },
	{ typed: 'ذيبان', place: DHIBAN, label: 'Dhībān' },
	{ typed: 'Al Busayrah', place: BUSAYRAH, label: 'Al Buşayrah' }
];

/** The map's view as the URL's map= says it. */
function viewOf(page: Page) {
	const match = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(new URL(page.url()).hash);
	if (!match) return null;
	const [zoom, lat, lon] = match.slice(1).map(Number) as [number, number, number];
	return { zoom, lat, lon };
}

/** Great-circle kilometres (a 6,371 km sphere: plenty for "within a few km"). */
function km(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Waits for the URL's view to be at the place, zoomed in. */
async function expectMapAt(page: Page, place: { lon: number; lat: number }) {
	await expect
		.poll(() => {
			const view = viewOf(page);
			return view !== null && view.zoom >= 10 && km(view, place) < 3;
		})
		.toBe(true);
}

for (const { typed, place, label } of SEARCHES) {
	test(`typing “${typed}” and Enter flies the map there, zoomed in, and marks the place`, async ({
		page
	}) => {
		await page.goto('/#map=7/34.6/41');
		await waitForMapIdle(page);
		const search = page.getByTestId('search');
		await search.fill(typed);
		// A combobox: its list of suggestions is open, the place first.
		await expect(search).toHaveAttribute('role', 'combobox');
		await expect(search).toHaveAttribute('aria-expanded', 'true');
		const listbox = page.getByRole('listbox', { name: 'Suggestions' });
		await expect(listbox).toBeVisible();
		await expect(listbox.getByRole('option').first()).toContainText(label);
		await expect(listbox.getByRole('option').first()).toContainText(
			place === DHIBAN ? 'ذيبان' : 'البصيرة'
		);
		await search.press('Enter');
		await expect(search).toHaveAttribute('aria-expanded', 'false');
		await expectMapAt(page, place);
		await waitForMapIdle(page);
		await expect(page.getByTestId('map')).toHaveAttribute('data-place-mark', label);
		const view = viewOf(page)!;
		expect(view.zoom).toBeGreaterThanOrEqual(10);
		expect(km(view, place)).toBeLessThan(3);
	});
}

test('arrows move through the suggestions, Enter chooses, Esc closes and then clears', async ({
	page
}) => {
	await page.goto('/#map=7/34.6/41');
	await waitForMapIdle(page);
	const search = page.getByTestId('search');
	await search.fill('hajin');
	const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
	await expect(options.first()).toBeVisible();
	// The first option is the default; the arrows move, and the box says which is active.
	await expect(options.first()).toHaveAttribute('aria-selected', 'true');
	expect(await search.getAttribute('aria-activedescendant')).toBeNull();
	await search.press('ArrowDown');
	const first = await options.first().getAttribute('id');
	await expect(search).toHaveAttribute('aria-activedescendant', first!);
	await search.press('ArrowDown');
	const second = await options.nth(1).getAttribute('id');
	await expect(search).toHaveAttribute('aria-activedescendant', second!);
	await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
	await search.press('ArrowUp');
	await expect(search).toHaveAttribute('aria-activedescendant', first!);

	// Esc closes the list and keeps the text (and the filter); a second Esc clears both.
	await search.press('Escape');
	await expect(search).toHaveAttribute('aria-expanded', 'false');
	await expect(search).toHaveValue('hajin');
	await expect(page.getByTestId('incident-count')).toHaveText(/^\d+ of 14 incidents$/);
	await search.press('Escape');
	await expect(search).toHaveValue('');
	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');

	// Choosing an incident opens it.
	await search.fill('hajin');
	const incident = page.getByTestId('suggestion-incident').first();
	await expect(incident).toBeVisible();
	const id = (await incident.locator('.meta bdi').textContent())!.trim();
	while (
		(await search.getAttribute('aria-activedescendant')) !== (await incident.getAttribute('id'))
	)
		await search.press('ArrowDown');
	await search.press('Enter');
	await expect(page.getByTestId('incident-panel').getByTestId('incident-id')).toHaveText(id);
	expect(new URL(page.url()).hash).toContain(`incident=${id}`);
});

test('a click on a place flies there; the mark goes with the search, or for another place', async ({
	page
}) => {
	await page.goto('/#map=7/34.6/41');
	await waitForMapIdle(page);
	const search = page.getByTestId('search');
	const map = page.getByTestId('map');
	await search.fill('Busayrah');
	await page.getByTestId('suggestion-place').filter({ hasText: 'Al Buşayrah' }).click();
	await expectMapAt(page, BUSAYRAH);
	await expect(map).toHaveAttribute('data-place-mark', 'Al Buşayrah');
	// A place is where to look, not what to match: the box keeps its name, the text filter is
	// cleared, so every incident around it shows.
	await expect(search).toHaveValue('Al Buşayrah');
	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');
	expect(new URL(page.url()).hash).not.toContain('q=');

	await search.fill('Dhiban');
	await search.press('Enter');
	await expectMapAt(page, DHIBAN);
	await expect(map).toHaveAttribute('data-place-mark', 'Dhībān');

	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');

	// Editing the box is a new search: the mark goes, and typing filters as it always has.
	await search.fill('Hajin');
	await expect(map).toHaveAttribute('data-place-mark', '');
	await expect(page.getByTestId('incident-count')).toHaveText(/^\d+ of 14 incidents$/);
	await search.press('Enter');
	await expect(map).toHaveAttribute('data-place-mark', 'Hajin');
	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');
	// Clearing the box takes the mark away.
	await search.fill('');
	await expect(search).toHaveValue('');
	await expect(map).toHaveAttribute('data-place-mark', '');
});

test.describe('on a 390 × 844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the suggestions are on screen, nothing scrolls sideways, and a place is flown to', async ({
		page
	}) => {
		await page.goto('/#map=7/34.6/41');
		await waitForMapIdle(page);
		await openDrawer(page);
		const search = page.getByTestId('search');
		await search.fill('Dhiban');
		const listbox = page.getByRole('listbox', { name: 'Suggestions' });
		await expect(listbox).toBeVisible();
		const box = (await listbox.boundingBox())!;
		// Below the box, in the top half: clear of where an on-screen keyboard comes up.
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		expect(box.y + box.height).toBeLessThanOrEqual(844 * 0.6);
		// Nothing covers the first suggestion.
		const option = listbox.getByRole('option').first();
		const centre = (await option.boundingBox())!;
		const hit = await page.evaluate(
			([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="option"]')?.id ?? null,
			[centre.x + centre.width / 2, centre.y + centre.height / 2]
		);
		expect(hit).toBe(await option.getAttribute('id'));
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

		await search.press('Enter');
		// The drawer closes, so the map can be seen going there.
		await expect(page.locator('#side-panel')).not.toHaveClass(/open/);
		await expectMapAt(page, DHIBAN);
	});
});
