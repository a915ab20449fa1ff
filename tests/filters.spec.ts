import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { searchText } from '../src/lib/data/filter';
import type { IncidentCollection, PlaceCollection } from '../src/lib/data/incident';
import { linkPlaces } from '../src/lib/data/place-link';
import { normaliseForSearch } from '../src/lib/data/search';
import { waitForMapIdle } from './helpers';

const strikes = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../geodata/incidents/strikes.geojson'), 'utf8')
	) as IncidentCollection
).features;
const places = (
	JSON.parse(
		readFileSync(join(import.meta.dirname, '../geodata/places.geojson'), 'utf8')
	) as PlaceCollection
).features;
const links = linkPlaces(strikes, places);
/** The ids a text search selects: by the incident's own text or its gazetteer place's names. */
const searched = (text: string) => {
	const query = normaliseForSearch(text);
	return strikes
		.filter((strike, i) => {
			const place = links.placeOf[i]!;
			const names = place >= 0 ? normaliseForSearch(links.names[place]!) : '';
			return searchText(strike).includes(query) || names.includes(query);
		})
		.map((strike) => strike.id);
};
const between = (from: string, to: string) =>
	strikes.filter((s) => s.properties.date >= from && s.properties.date <= to);

const count = (page: Page) => page.getByTestId('incident-count');
const options = (page: Page) => page.getByTestId('incident-list').getByRole('option');

/** Clicks the map at its centre (the views below centre it on Hajin). */
async function clickCentre(page: Page) {
	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
}

test('a date window in the link selects exactly the incidents of those days', async ({ page }) => {
	await page.goto('/#from=2018-11-15&to=2018-11-25');
	await expect(count(page)).toHaveText('2 of 14 incidents');
	await expect(options(page)).toHaveCount(2);
	await expect(options(page).first()).toContainText('Al-Susah');
	await expect(page.getByTestId('date-from')).toHaveValue('2018-11-15');
	await expect(page.getByTestId('date-to')).toHaveValue('2018-11-25');
});

test('brushing the timeline updates the count, the list and the map', async ({ page }) => {
	await page.goto('/#map=12/34.68944/40.83083');
	await waitForMapIdle(page);
	const plot = page.getByTestId('timeline').locator('svg');
	const box = (await plot.boundingBox())!;
	// Drag across the last fifth of the timeline (late 2018 onwards).
	await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 8 });
	await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
	await page.mouse.up();

	const from = await page.getByTestId('date-from').inputValue();
	const to = await page.getByTestId('date-to').inputValue();
	expect(from > '2018-01-01').toBe(true);
	const expected = between(from, to);
	await expect(count(page)).toHaveText(`${expected.length} of 14 incidents`);
	await expect(options(page)).toHaveCount(Math.min(expected.length, 20));
	await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));

	// The map follows: a window with no Hajin strike leaves nothing to click at Hajin.
	await page.getByTestId('date-from').fill('2018-11-15');
	await page.getByTestId('date-to').fill('2018-11-25');
	await expect(count(page)).toHaveText('2 of 14 incidents');
	await waitForMapIdle(page);
	await clickCentre(page);
	await expect(page.getByTestId('incident-panel')).toBeHidden();

	await page.getByTestId('clear-dates').click();
	await expect(count(page)).toHaveText('14 incidents');
	await waitForMapIdle(page);
	await clickCentre(page);
	await expect(page.getByTestId('incident-panel')).toBeVisible();
	await expect(page.getByTestId('site-list').getByRole('listitem')).toHaveCount(5);
});

test('playback steps a window through time, and pauses', async ({ page }) => {
	// A clock of the test's own (time still flows by itself): after the pause, ten steps' worth
	// of the page's time can be run at once, without waiting for it.
	await page.clock.install();
	await page.goto('/');
	await expect(count(page)).toHaveText('14 incidents');
	await page.getByTestId('timeline').getByRole('combobox').first().selectOption('month');
	// Step by step: the first month of the data, then the next.
	await page.getByTestId('step').click();
	await expect(page.getByTestId('date-from')).toHaveValue('2017-02-24');
	await expect(page.getByTestId('date-to')).toHaveValue('2017-03-23');
	await expect(count(page)).toHaveText('1 of 14 incidents');
	await page.getByTestId('step').click();
	await expect(page.getByTestId('date-from')).toHaveValue('2017-03-24');
	await expect(count(page)).toHaveText('0 of 14 incidents');

	// Playing moves the window on by itself; pausing stops it where it is.
	await page.getByTestId('play').click();
	await expect(page.getByTestId('date-from')).not.toHaveValue('2017-03-24', { timeout: 5000 });
	await page.getByTestId('play').click();
	const [from, to] = [
		await page.getByTestId('date-from').inputValue(),
		await page.getByTestId('date-to').inputValue()
	];
	await page.clock.runFor(5_000); // playing at 2 steps a second, this would be ten steps
	await expect(page.getByTestId('date-to')).toHaveValue(to);
	await expect(count(page)).toHaveText(`${between(from, to).length} of 14 incidents`);
});

test('facets show counts and filter; text search; one click clears everything', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('tab', { name: 'Filters' }).click();
	const precision = page.getByTestId('facet-location_precision');
	await expect(precision).toContainText('the named town 1');
	await expect(precision).toContainText('near a town / its area 12');
	await expect(precision).toContainText('region only 1');
	await precision.getByLabel(/the named town/).check();
	await expect(count(page)).toHaveText('1 of 14 incidents');
	await expect(page).toHaveURL(/precision=1/);

	await precision.getByLabel(/the named town/).uncheck();
	await page.getByTestId('search').fill('هجين');
	await expect(count(page)).toHaveText('5 of 14 incidents');
	// The search's suggestions are open over the panel: Esc closes them and keeps the filter.
	await page.getByTestId('search').press('Escape');
	await expect(count(page)).toHaveText('5 of 14 incidents');
	await page.getByTestId('killed-toggle').check();
	await page.getByTestId('killed-min').fill('40');
	await page.getByTestId('killed-min').blur();
	await page.getByTestId('killed-unreported').uncheck();
	await expect(count(page)).toHaveText('1 of 14 incidents'); // Hajin, 22 June: 45

	await page.getByTestId('clear-filters').click();
	await expect(count(page)).toHaveText('14 incidents');
	await expect(page.getByTestId('search')).toHaveValue('');
	await expect(page).not.toHaveURL(/q=|killed=/);
});

test('the list is keyboard-driven and its selection opens the panel', async ({ page }) => {
	await page.goto('/');
	const list = page.getByTestId('incident-list');
	await list.focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('incident-panel');
	await expect(panel).toContainText('IQ-SY-002');
	await options(page).filter({ hasText: '22 June 2018' }).click();
	await expect(panel).toContainText('IQ-SY-007');
	await expect(options(page).filter({ hasText: '22 June 2018' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
});

test('a shared link reproduces what the sender saw', async ({ page, browser }) => {
	await page.goto('/');
	await page.getByTestId('search').fill('susah');
	await page.getByTestId('date-from').fill('2018-12-01');
	const expected = strikes.filter(
		(s) => searched('susah').includes(s.id) && s.properties.date >= '2018-12-01'
	).length;
	expect(expected).toBeGreaterThan(1);
	await expect(count(page)).toHaveText(`${expected} of 14 incidents`);
	await expect(page).toHaveURL(/from=2018-12-01/);
	const link = page.url();

	const other = await browser.newPage();
	await other.goto(link);
	await expect(count(other)).toHaveText(`${expected} of 14 incidents`);
	await expect(other.getByTestId('search')).toHaveValue('susah');
	await expect(other.getByTestId('date-from')).toHaveValue('2018-12-01');
	await other.close();
});

test('a place is found whatever its spelling or script, with the gazetteer’s other names', async ({
	page
}) => {
	const hajin = ['IQ-SY-002', 'IQ-SY-005', 'IQ-SY-006', 'IQ-SY-007', 'IQ-SY-011'];
	const cases: [string, string[]][] = [
		['Hajeen', hajin],
		['هجين', hajin],
		['Hajin', hajin],
		['Baghouz', ['IQ-SY-009b', 'IQ-SY-013']],
		['البوكمال', ['IQ-SY-001']]
	];
	for (const [query, atPlace] of cases) {
		const expected = searched(query);
		expect(expected, query).toEqual(expect.arrayContaining(atPlace));
		await page.goto('about:blank'); // a fresh load each time, not a hash change
		await page.goto(`/#q=${encodeURIComponent(query)}`);
		await expect(page.getByTestId('search')).toHaveValue(query);
		await expect(count(page), query).toHaveText(`${expected.length} of 14 incidents`);
	}
});

test('targets are offered as short categories; the sentences are searched, not listed', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('tab', { name: 'Filters' }).click();
	const categories = page.getByTestId('facet-target_category');
	await expect(categories).toContainText('headquarters 6');
	await expect(categories).toContainText('building 3');
	// Fourteen target sentences, each once: no list of them.
	await expect(page.getByTestId('facet-target')).toHaveCount(0);
	await expect(page.getByTestId('facet-claimed_by')).toHaveCount(0);
	await categories.getByLabel('building').check();
	await expect(count(page)).toHaveText('3 of 14 incidents');
	await expect(page).toHaveURL(/category=building/);
});
