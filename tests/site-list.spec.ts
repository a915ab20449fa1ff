import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

/**
 * A site with more incidents than its list shows (a town centre in an ACLED file holds
 * thousands): the list is a stretch around the incident open, every one still reached by the
 * arrows, and only the rows listed are decoded.
 */

const SITE = [40.5, 34.9] as const;
const COUNT = 120;

function siteFile(): Buffer {
	const day = (i: number) => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
	const features = Array.from({ length: COUNT }, (_, i) => ({
		type: 'Feature',
		id: `s${i}`,
		geometry: { type: 'Point', coordinates: SITE },
		properties: { date: day(i), place: 'One crowded site' }
	}));
	return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

test('a site of 120 incidents lists 50 around the one open, and the arrows reach them all', async ({
	page
}) => {
	await page.goto(`/#map=14/${SITE[1]}/${SITE[0]}`);
	await waitForMapIdle(page);
	await page.getByRole('tab', { name: 'Data' }).click();
	await page.getByTestId('import-input').setInputFiles({
		name: 'crowded.geojson',
		mimeType: 'application/geo+json',
		buffer: siteFile()
	});
	await expect(page.getByTestId('import-report')).toContainText(`${COUNT} imported`);
	await waitForMapIdle(page);

	const map = page.getByTestId('map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	const panel = page.getByTestId('incident-panel');
	const site = panel.getByTestId('site-list');
	await expect(site).toContainText(`${COUNT} incidents`);
	await expect(site.getByRole('listitem')).toHaveCount(50);
	await expect(site.getByTestId('site-window')).toHaveText(`Showing 1–50 of ${COUNT}, by date`);
	await expect(site.getByText(`1 / ${COUNT}`)).toBeVisible();
	await expect(panel.getByTestId('incident-date')).toContainText('1 January 2019');

	// Back from the first: the last, and the stretch moves to it.
	await site.getByRole('button', { name: 'Previous incident at this site' }).click();
	await expect(site.getByText(`${COUNT} / ${COUNT}`)).toBeVisible();
	await expect(site.getByTestId('site-window')).toHaveText(`Showing 71–120 of ${COUNT}, by date`);
	await expect(panel.getByTestId('incident-date')).toContainText('30 April 2019');
	await expect(site.getByRole('listitem')).toHaveCount(50);
	await expect(site.locator('[aria-current=true]')).toContainText('30 Apr');
});
