import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { writeSynthetic } from '../scripts/bench/import';
import { expect, test } from './fixtures';
import { waitForMapIdle } from './helpers';

/**
 * A dataset of a modest real size (50,000 SYNTHETIC ACLED rows, one in a hundred broken) is
 * imported, saved in column chunks, and brought back by a reload: the same count, the same
 * panel for a chosen row; then every row is exported, and the search box finds them.
 * Speed is the import benchmark's business (npm run bench), not this.
 */

const ROWS = 50_000;

test('50,000 ACLED rows import, survive a reload, and show the same row the same way', async ({
	page
}) => {
	test.setTimeout(600_000);
	const directory = mkdtempSync(join(tmpdir(), 'large-dataset-'));
	try {
		const path = join(directory, 'synthetic-acled.csv');
		const bad = await writeSynthetic(path, ROWS);
		const total = 14 + ROWS - bad;
		// The count is grouped, as the page writes it.
		const expected = `${total.toLocaleString('en')} incidents`;

		await page.goto('/');
		await waitForMapIdle(page);
		await page.getByRole('tab', { name: 'Data' }).click();
		await page.getByTestId('import-input').setInputFiles(path);
		const report = page.getByTestId('import-report');
		await expect(report).toContainText(`${(ROWS - bad).toLocaleString('en')} imported`, {
			timeout: 300_000
		});
		const count = page.getByTestId('incident-count');
		await expect(count).toHaveText(expected, { timeout: 120_000 });
		const datasetId = (await page.getByTestId('dataset').getAttribute('data-dataset')) ?? '';
		expect(datasetId).toMatch(/^synthetic-acled\.csv-/);

		// A row from the second chunk of the saved dataset, opened by its permalink.
		const chosen = `/#incident=${datasetId}:SYNTH31234`;
		const panelText = async () => {
			await page.goto(chosen);
			await expect(count).toHaveText(expected, { timeout: 120_000 });
			const panel = page.getByTestId('incident-panel');
			await expect(panel.getByTestId('incident-original-id')).toHaveText('SYNTH31234');
			return panel.innerText();
		};
		// The import worker writes it to IndexedDB after it is shown: wait until it has.
		await expect(page.getByTestId('dataset')).toHaveAttribute('data-saved', 'true', {
			timeout: 300_000
		});
		await expect(page.getByTestId('storage-usage')).toContainText('Saved in this browser');
		const before = await panelText();
		expect(before).toContain('SYNTHETIC place 234');

		await page.reload();
		await waitForMapIdle(page, 300_000);
		expect(await panelText()).toBe(before);

		// Every row exported (written a part at a time, each row decoded from its columns).
		await page.goto('/');
		await expect(count).toHaveText(expected);
		await page.getByTestId('export-button').click();
		await expect(page.getByTestId('export-dialog')).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 240_000 }),
			page.getByTestId('export-csv').click()
		]);
		const exported = Papa.parse<Record<string, string>>(
			readFileSync(await download.path(), 'utf8').slice(1),
			{ header: true, comments: '#', skipEmptyLines: true }
		);
		expect(exported.errors).toEqual([]);
		expect(exported.data).toHaveLength(total);
		expect(exported.data.find((row) => row.id === `${datasetId}:SYNTH31234`)?.place).toBe(
			'SYNTHETIC place 234'
		);
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('export-dialog')).toBeHidden();

		// The search box suggests imported rows at a place by its name, earliest first.
		await page.getByTestId('search').fill('SYNTHETIC place 234');
		const suggested = page.getByTestId('suggestion-incident');
		await expect(suggested).toHaveCount(5);
		for (const text of await suggested.allInnerTexts())
			expect(text).toContain('SYNTHETIC place 234');
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
});
