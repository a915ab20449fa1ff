import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import type { FeatureCollection, MultiLineString } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import type { IncidentCollection } from '../src/lib/data/incident';
import { referenceBorderDistance } from '../src/lib/analysis/testing/reference-border-distance';
import { waitForMapIdle } from './helpers';

const geodata = <T>(path: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../geodata', path), 'utf8')) as T;
const border = geodata<FeatureCollection<MultiLineString>>('border/iraq-syria.geojson').features[0]!
	.geometry;
const incidents = geodata<IncidentCollection>('incidents/strikes.geojson').features;
/** Exact distance of every located incident, from the brute-force reference. */
const distances = incidents.flatMap((incident) =>
	incident.geometry
		? [
				referenceBorderDistance(
					border,
					incident.geometry.coordinates[0]!,
					incident.geometry.coordinates[1]!
				).distance
			]
		: []
);

test('the border filter keeps exactly the incidents within X km', async ({ page }) => {
	await page.goto('/#map=8.6/34.6/41');
	await waitForMapIdle(page);
	const count = page.getByTestId('incident-count');
	await expect(count).toHaveText(/^14 incidents$/);

	await page.getByRole('tab', { name: 'Filters' }).click();
	await page.getByTestId('border-filter-toggle').check();
	for (const km of [0, 5, 12, 20, 26, 100]) {
		await page.getByTestId('border-filter-km').fill(String(km));
		const expected = distances.filter((metres) => metres <= km * 1000).length;
		await expect(count, `within ${km} km`).toHaveText(new RegExp(`^${expected} of 14 incidents$`));
		await waitForMapIdle(page);
	}

	// Hajin is 25.68 km from the border: in at 26 km, out at 20 km — and off the map too.
	await page.getByTestId('border-filter-km').fill('20');
	await waitForMapIdle(page);
	const tab = (name: string) => page.getByRole('tab', { name }).click();
	const hajin = page.getByTestId('incident-list').getByRole('option', { name: /Near Hajin/ });
	await tab('Incidents');
	await expect(hajin).toHaveCount(0);
	await tab('Filters');
	await page.getByTestId('border-filter-km').fill('26');
	await tab('Incidents');
	await expect(hajin).toHaveCount(1);

	await page.getByRole('tab', { name: 'Filters' }).click();
	await page.getByTestId('border-filter-toggle').uncheck();
	await expect(count).toHaveText(/^14 incidents$/);
});

test('the measure tool gives the exact geodesic between two clicked points', async ({ page }) => {
	await page.goto('/#map=7/34.6/40.9');
	await waitForMapIdle(page);
	await page.getByTestId('measure-button').click();
	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
	await map.click({ position: { x: box.width * 0.7, y: box.height * 0.6 } });

	const panel = page.getByTestId('measure-panel');
	const points = panel.getByRole('listitem');
	await expect(points).toHaveCount(2);
	const [a, b] = await Promise.all(
		[0, 1].map(async (i) => ({
			lon: Number(await points.nth(i).getAttribute('data-lon')),
			lat: Number(await points.nth(i).getAttribute('data-lat'))
		}))
	);
	const reference = geographiclib.Geodesic.WGS84.Inverse(a!.lat, a!.lon, b!.lat, b!.lon).s12!;
	const total = panel.getByTestId('measure-total');
	const shown = Number(await total.getAttribute('data-metres'));
	expect(Math.abs(shown - reference)).toBeLessThanOrEqual(1);
	await expect(total).toHaveText(`${(reference / 1000).toFixed(3)} km`);
	// At zoom 7 the clicks are hundreds of km apart: a real distance, not a rounding artefact.
	expect(reference).toBeGreaterThan(100_000);

	// Clicking on the map while measuring does not select incidents; Esc clears, then ends.
	await expect(page.getByTestId('incident-panel')).toBeHidden();
	await page.keyboard.press('Escape');
	await expect(points).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
});

test('the panel shows the side, the nearest crossing and the nearest incident elsewhere', async ({
	page
}) => {
	await page.goto('/#incident=IQ-SY-002');
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('border-side')).toHaveText('Syria');
	await expect(panel.getByTestId('nearest-place')).toContainText('Hajin');
	await expect(panel.getByTestId('nearest-place-source')).toHaveText(
		'from the project’s curated gazetteer'
	);
	await expect(panel.getByTestId('nearest-crossing')).toContainText(
		"Al-Qa'im / Al-Bukamal border crossing"
	);
	await expect(panel.getByTestId('nearest-other')).toContainText('Al-Susah');
	await panel.getByTestId('nearest-other').getByRole('button').click();
	await expect(panel.getByTestId('incident-place')).toContainText('Al-Susah');
});

test('a link written by hand is tidied without errors or a history entry', async ({
	browser,
	pageErrors
}) => {
	const historyLength = async (url: string) => {
		const page = await browser.newPage();
		await page.goto(url);
		await expect(page.getByTestId('incident-panel')).toContainText('IQ-SY-001');
		await expect(page).toHaveURL(/#map=8\.6\/34\.6\/41&incident=IQ-SY-001&lang=en$/);
		await waitForMapIdle(page);
		const length = await page.evaluate(() => history.length);
		expect(pageErrors).toEqual([]);
		await page.close();
		return length;
	};
	const canonical = await historyLength('/#map=8.6/34.6/41&incident=IQ-SY-001');
	expect(await historyLength('/#map=8.60/34.600/41.0&incident=IQ-SY-001')).toBe(canonical);
});
