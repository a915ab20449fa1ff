import { join } from 'node:path';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

const FIXTURES = join(import.meta.dirname, '../src/lib/data/import/fixtures');

test('importing an ACLED file adds its valid rows, reports the bad ones, and survives a reload', async ({
	page
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	const count = page.getByTestId('incident-count');
	await expect(count).toHaveText('14 incidents');

	await page.getByRole('tab', { name: 'Data' }).click();
	await page.getByTestId('import-input').setInputFiles(join(FIXTURES, 'acled-current.csv'));
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('7 rows');
	await expect(report).toContainText('4 imported');
	await expect(report).toContainText('3 rejected');
	await expect(report).toContainText(
		'row 4 (SYR1004), latitude: latitude 134.2 is out of range (−90 to 90)'
	);
	await expect(report).toContainText('row 5 (SYR1005)');
	await expect(report).toContainText('row 6 (SYR1006), event_date');
	// 14 built in + 4 imported (one of them without a position: counted, listed, not drawn).
	await expect(count).toHaveText('18 incidents');
	await expect(page.getByTestId('dataset')).toContainText('acled-current.csv');
	await waitForMapIdle(page);
	// ACLED's event types and the datasets become facets.
	await page.getByRole('tab', { name: 'Filters' }).click();
	await expect(page.getByTestId('facet-event_type')).toContainText('Explosions/Remote violence');
	await expect(page.getByTestId('facet-dataset')).toContainText('acled-current.csv');
	// The dataset's id, which qualifies its incidents' ids.
	const datasetId = await page
		.getByTestId('facet-dataset')
		.getByText(/^acled-current\.csv-/)
		.textContent();

	// Still there in a new page load (IndexedDB), and markup in notes is shown as text.
	await page.goto(`/#incident=${datasetId}:SYR1007`);
	await waitForMapIdle(page);
	await expect(count).toHaveText('18 incidents');
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('incident-original-id')).toHaveText('SYR1007');
	await expect(panel).toContainText('<img src=x onerror="window.__pwned=1"><b>bold</b>');
	await expect(panel.locator('img, b')).toHaveCount(0);
	// A source that is not a link is named as text in the sources (the original row has it too).
	await expect(panel.locator('ol.sources').getByText('Rudaw', { exact: true })).toBeVisible();
	await expect(panel.locator('a[href="Rudaw"]')).toHaveCount(0);
	expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();

	// Hidden and removed: the count follows, and removal is kept too.
	await page.getByRole('tab', { name: 'Data' }).click();
	const dataset = page.getByTestId('dataset');
	await dataset.getByRole('checkbox').uncheck();
	await expect(count).toHaveText('14 incidents');
	await dataset.getByRole('button', { name: /Remove/ }).click();
	await expect(dataset).toHaveCount(0);
	await page.reload();
	await waitForMapIdle(page);
	await expect(count).toHaveText('14 incidents');
});

test('a file that is not data is refused with a reason, and nothing is added', async ({ page }) => {
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByRole('tab', { name: 'Data' }).click();
	await page.getByTestId('import-input').setInputFiles(join(FIXTURES, 'image.png'));
	await expect(page.getByTestId('import-report')).toContainText(
		'could not be imported: not a text file'
	);
	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');
});
