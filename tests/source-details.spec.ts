import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

const FIXTURES = join(import.meta.dirname, '../src/lib/data/import/fixtures');

/** Imports a fixture and returns its dataset's id (which qualifies its incidents' ids). */
async function importFixture(page: Page, name: string): Promise<string> {
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByRole('tab', { name: 'Data' }).click();
	await page.getByTestId('import-input').setInputFiles(join(FIXTURES, name));
	await expect(page.getByTestId('dataset')).toContainText(name);
	await page.getByRole('tab', { name: 'Filters' }).click();
	const id = await page
		.getByTestId('facet-dataset')
		.getByText(new RegExp(`^${name.replace('.', '\\.')}-`))
		.textContent();
	return id!.trim();
}

test('an imported ACLED row is shown as ACLED says it', async ({ page }) => {
	const dataset = await importFixture(page, 'acled-current.csv');
	await page.goto(`/#incident=${dataset}:SYR1001`);
	await waitForMapIdle(page);
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('incident-original-id')).toHaveText('SYR1001');
	await expect(panel.getByTestId('source-event_type')).toHaveText('Explosions/Remote violence');
	await expect(panel.getByTestId('source-sub_event_type')).toHaveText('Air/drone strike');
	await expect(panel.getByTestId('source-actor2')).toContainText('Islamic State (Syria)');
	await expect(panel.getByTestId('source-actor2')).toContainText('Actor type: Rebel group');
	await expect(panel.getByTestId('source-interaction')).toHaveText('State forces-Rebel group');
	await expect(panel.getByTestId('source-disorder_type')).toHaveText('Political violence');
	await expect(panel.getByTestId('source-admin2')).toHaveText('Al Mayadin');
	await expect(panel.getByTestId('incident-killed')).toContainText('10');
	await expect(panel.getByTestId('incident-killed')).toContainText(
		'Reported fatalities, ACLED’s conservative estimate'
	);
	await expect(panel.getByTestId('incident-date')).toContainText('ACLED time precision 1');
	await expect(panel).toContainText('ACLED geo-precision 1');
	// Our schema's fields that ACLED does not have are not there to say "not stated".
	await expect(panel).not.toContainText('not stated');
	await expect(panel).not.toContainText('Claimed by');
	await expect(panel).not.toContainText('Aircraft');

	// Every original column and its value, as text, in a disclosure.
	const original = panel.getByTestId('original-row');
	await expect(original.locator('summary')).toHaveText('All fields of the original row (31)');
	await original.locator('summary').click();
	await expect(original.locator('dt')).toHaveCount(31);
	await expect(original.locator('dt').first()).toHaveText('event_id_cnty');
	await expect(original).toContainText('Iraqi F-16s struck an IS "command" post, killing 10');
	await expect(original.locator('dt', { hasText: /^assoc_actor_2$/ })).toHaveCount(1);

	// The facets a researcher reads ACLED by.
	await page.getByTestId('incident-panel').getByRole('button', { name: 'Close (Esc)' }).click();
	await page.getByRole('tab', { name: 'Filters' }).click();
	await expect(page.getByTestId('facet-sub_event_type')).toContainText('Air/drone strike');
	await expect(page.getByTestId('facet-actor2')).toContainText('Islamic State (Syria)');
});

test('an imported UCDP GED row is shown as UCDP says it', async ({ page }) => {
	const dataset = await importFixture(page, 'ucdp-ged.csv');
	await page.goto(`/#incident=${dataset}:300001`);
	await waitForMapIdle(page);
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('source-type_of_violence')).toContainText('State-based conflict');
	await expect(panel.getByTestId('source-side_a')).toHaveText('Government of Syria');
	await expect(panel.getByTestId('source-side_b')).toHaveText('IS');
	await expect(panel.getByTestId('source-deaths_a')).toHaveText(
		'Side A: 0; Side B: 10; Civilians: 0; Unknown: 0'
	);
	await expect(panel.getByTestId('incident-killed')).toContainText('10 (low 8, high 12)');
	await expect(panel.getByTestId('source-source_headline')).toHaveText('Iraqi jets hit IS');
	await expect(panel).toContainText('UCDP where precision 1');
	await expect(panel).toContainText('UCDP date precision 1');
	await expect(panel).not.toContainText('not stated');
	await expect(panel.getByTestId('original-row').locator('summary')).toHaveText(
		/^All fields of the original row \(\d+\)$/
	);
});

test('in Arabic, the row’s labels and codebook notes are Arabic, its values as the file gave them', async ({
	page
}) => {
	const dataset = await importFixture(page, 'acled-current.csv');
	await page.goto(`/#incident=${dataset}:SYR1001&lang=ar`);
	await waitForMapIdle(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('source-sub_event_type')).toHaveText('Air/drone strike');
	// The value is the file's English, isolated and marked as such.
	await expect(panel.getByTestId('source-sub_event_type').locator('bdi')).toHaveAttribute(
		'lang',
		'en'
	);
	await expect(panel.getByText('النوع الفرعي للحدث')).toBeVisible();
	// The actor type is the file's English, isolated inside the Arabic phrase.
	await expect(panel.getByTestId('source-actor2')).toContainText(
		'نوع الطرف: \u2068Rebel group\u2069'
	);
	await expect(panel.getByTestId('incident-killed')).toContainText('١٠');
	await expect(panel.getByTestId('incident-date')).toContainText('دقة التاريخ في ACLED');
	await expect(panel.getByTestId('original-row').locator('summary')).toHaveText(
		'كل حقول الصف الأصلي (٣١)'
	);
});
