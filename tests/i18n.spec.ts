import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readPngText } from '../src/lib/export/png-text';
import { expect, test } from './fixtures';
import { openDrawer, waitForMapIdle } from './helpers';

/**
 * The interface in Arabic, right to left: `#lang=ar` (or the switch, or the browser's language)
 * gives an Arabic page whose words come from the catalogue, whose numbers and dates are
 * written as in Iraq and Syria, that mirrors, that axe finds nothing wrong with, that never
 * scrolls sideways, and whose exported image is drawn in Arabic.
 */

const HAJIN = '#map=10/34.64/40.83&incident=IQ-SY-002';

async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes
				.map((node) => node.target.join(' '))
				.join(', ')}`
	);
}

/** How far the page reaches past the viewport's width (0: nothing scrolls sideways). */
const overflow = (page: Page) =>
	page.evaluate(
		() =>
			Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) -
			document.documentElement.clientWidth
	);

test('#lang=ar: the page is Arabic and right to left, its tabs, buttons, headings and count too', async ({
	page
}) => {
	await page.goto('/#lang=ar');
	await waitForMapIdle(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'الضربات الجوية العراقية على تنظيم داعش داخل سوريا، ٢٠١٧\u2060–\u2060٢٠١٩'
	);
	await expect(page.getByTestId('incident-count')).toHaveText('١٤ حادثة');
	for (const name of ['الحوادث', 'التصفية', 'البيانات', 'حول الخريطة']) {
		await expect(page.getByRole('tab', { name })).toBeVisible();
	}
	await expect(page.getByTestId('export-button')).toHaveText('تصدير');
	await expect(page.getByTestId('measure-button')).toHaveText('قياس');
	await expect(page.getByTestId('copy-link')).toHaveText('نسخ الرابط');
	await expect(page.getByTestId('play')).toContainText('تشغيل');
	await expect(page.getByRole('heading', { name: /ليست على الخريطة/ })).toBeVisible();
	await expect(page.getByTestId('search')).toHaveAttribute('placeholder', /ابحث في الأماكن/);
	await expect(page).toHaveTitle(/خريطة حوادث الحدود العراقية السورية/);
	// The tab's title writes the years as the heading does.
	await expect(page).toHaveTitle(/٢٠١٧–٢٠١٩/);
	// Mirrored: the side panel is on the right, the zoom buttons and tools on the map's right.
	const side = await page.locator('#side-panel').boundingBox();
	const map = await page.getByTestId('map').boundingBox();
	expect(side!.x).toBeGreaterThan(map!.x);
	const zoom = await page.locator('.maplibregl-ctrl-zoom-in').boundingBox();
	expect(zoom!.x).toBeGreaterThan(map!.x + map!.width / 2);
	await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', 'تكبير');
	// The link keeps the language.
	await expect(page).toHaveURL(/lang=ar/);
});

test('the panel of IQ-SY-002 names هجين and dates it 19 نيسان 2018, whole phrases from the catalogue', async ({
	page
}) => {
	await page.goto(`/${HAJIN}&lang=ar`);
	const panel = page.getByTestId('incident-panel');
	await expect(panel.getByTestId('incident-place')).toHaveText('هجين');
	await expect(panel.getByTestId('incident-place')).toHaveAttribute('lang', 'ar');
	await expect(panel.getByTestId('incident-date')).toContainText('١٩ نيسان ٢٠١٨');
	await expect(panel.getByTestId('incident-date')).toContainText('اليوم مُبلَّغ عنه بدقة');
	await expect(panel).toContainText('دير الزور، سوريا');
	await expect(panel.getByTestId('incident-killed')).toContainText('٣٦');
	await expect(panel.getByTestId('border-distance')).toContainText('كم');
	await expect(panel.getByTestId('border-side')).toHaveText('سوريا');
	// What exists only in English is shown as it was reported, marked English and isolated.
	const summary = panel.locator('.summary');
	await expect(summary).toHaveAttribute('lang', 'en');
	await expect(summary).toHaveAttribute('dir', 'auto');
	await expect(summary).toContainText('Strikes on Thursday near Hajin');
	// Week-dated incidents at the site: the phrase is the catalogue's, not "week of".
	await expect(panel.getByTestId('site-list')).toContainText('أسبوع ٢٤ أيار ٢٠١٨');
	await expect(panel.getByTestId('site-list')).toContainText('٥ حوادث');
});

test('the switch changes the language in place, the link and the choice follow, and the browser’s language is the default', async ({
	page,
	browser
}) => {
	await page.goto(`/${HAJIN}`);
	await waitForMapIdle(page);
	await expect(page.getByTestId('language')).toHaveText('العربية');
	await page.evaluate(() => Reflect.set(window, '__samePage', true));
	await page.getByTestId('language').click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByTestId('incident-place')).toHaveText('هجين');
	await expect(page).toHaveURL(/incident=IQ-SY-002&lang=ar$/);
	expect(await page.evaluate(() => Reflect.get(window, '__samePage'))).toBe(true);
	// Latin digits, as many Arabic outlets print them: chosen beside the switch, remembered.
	await page.getByTestId('digits').click();
	await expect(page.getByTestId('incident-count')).toHaveText('14 حادثة');
	await expect(page.getByTestId('incident-date')).toContainText('19 نيسان 2018');

	// The next visit (no lang= in its link) opens in the language and digits last chosen.
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.getByTestId('incident-count')).toHaveText('14 حادثة');
	await page.getByTestId('language').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByTestId('incident-count')).toHaveText('14 incidents');
	await expect(page.getByTestId('digits')).toHaveCount(0);

	// A reader whose browser prefers Arabic gets Arabic; a shared English link stays English.
	for (const [hash, lang] of [
		['', 'ar'],
		['#lang=en', 'en']
	] as const) {
		const context = await browser.newContext({ locale: 'ar-IQ' });
		const other = await context.newPage();
		await other.goto(`/${hash}`);
		await expect(other.locator('html')).toHaveAttribute('lang', lang);
		await context.close();
	}
});

for (const size of [
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, phone: true }
] as const) {
	test.describe(`in Arabic on a ${size.name}`, () => {
		test.use({
			viewport: size.viewport,
			...(size.phone ? { isMobile: true, hasTouch: true } : {})
		});

		test('axe finds no violations, and nothing scrolls sideways', async ({ page }) => {
			await page.goto('/#lang=ar');
			await waitForMapIdle(page);
			expect(await violations(page)).toEqual([]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);

			await page.goto(`/${HAJIN}&lang=ar`);
			await expect(page.getByTestId('border-distance')).toBeVisible();
			expect(await violations(page)).toEqual([]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			// The panel (a sheet on a phone) stays inside the screen.
			const panel = await page.getByTestId('incident-panel').boundingBox();
			expect(panel!.x).toBeGreaterThanOrEqual(0);
			expect(panel!.x + panel!.width).toBeLessThanOrEqual(size.viewport.width + 0.5);

			if (size.phone) await openDrawer(page);
			await page.getByRole('tab', { name: 'التصفية' }).click();
			await expect(page.getByTestId('filters')).toBeVisible();
			expect(await violations(page)).toEqual([]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
			// The drawer (a phone's) comes in from the right and stays on the screen.
			const side = await page.locator('#side-panel').boundingBox();
			expect(side!.x + side!.width).toBeLessThanOrEqual(size.viewport.width + 0.5);
			expect(side!.x).toBeGreaterThanOrEqual(-0.5);

			await page.getByRole('tab', { name: 'البيانات' }).click();
			expect(await violations(page)).toEqual([]);
			expect(await overflow(page)).toBeLessThanOrEqual(0);
		});
	});
}

test('the exported PNG is drawn from the Arabic catalogue, mirrored, and its link says lang=ar', async ({
	page
}) => {
	test.setTimeout(300_000);
	// Every text the export draws on its canvas, as drawn: no OCR needed to know what it says.
	await page.addInitScript(() => {
		const drawn: { text: string; x: number; align: string; direction: string }[] = [];
		Reflect.set(window, '__drawn', drawn);
		const fillText = CanvasRenderingContext2D.prototype.fillText;
		CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
			drawn.push({ text: String(text), x, align: this.textAlign, direction: this.direction });
			return fillText.call(this, text, x, y, maxWidth);
		};
	});
	await page.goto('/#map=7/34.6/40.6&from=2018-11-15&to=2018-11-25&lang=ar');
	await waitForMapIdle(page);
	await expect(page.getByTestId('incident-count')).toHaveText('٢ من ١٤ حادثة');
	await page.getByTestId('export-button').click();
	const dialog = page.getByTestId('export-dialog');
	await expect(dialog.getByRole('heading', { name: 'التصدير' })).toBeVisible();
	await expect(page.getByTestId('export-title')).toHaveValue(
		'الضربات الجوية العراقية على تنظيم داعش داخل سوريا، ٢٠١٧–٢٠١٩'
	);
	await expect(page.getByTestId('export-subtitle')).toHaveValue(
		'١٥ تشرين الثاني ٢٠١٨ – ٢٥ تشرين الثاني ٢٠١٨ | ٢ من ١٤ حادثة'
	);
	await page.evaluate(() => (Reflect.get(window, '__drawn') as unknown[]).splice(0));
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 240_000 }),
		page.getByTestId('export-png').click()
	]);
	const bytes = readFileSync(await download.path());
	const chunks = Object.fromEntries(readPngText(bytes));
	expect(chunks.Title).toBe('الضربات الجوية العراقية على تنظيم داعش داخل سوريا، ٢٠١٧–٢٠١٩');
	expect(chunks.Description).toContain('٢ من ١٤ حادثة');
	expect(chunks.Permalink).toMatch(/[#&]lang=ar(&|$)/);

	const drawn = (await page.evaluate(() => Reflect.get(window, '__drawn'))) as {
		text: string;
		x: number;
		align: string;
		direction: string;
	}[];
	const texts = drawn.map((item) => item.text);
	// The title region (its lines, wrapped at spaces) and the legend, from the Arabic
	// catalogue, drawn right to left.
	expect(texts.join(' ')).toContain(chunks.Title);
	expect(texts.join(' ')).toContain('١٥ تشرين الثاني ٢٠١٨ – ٢٥ تشرين الثاني ٢٠١٨');
	for (const text of [
		'الحوادث',
		'دقة الموقع',
		'الحدود',
		'حدود المحافظات',
		'ش',
		'سوريا',
		'العراق'
	]) {
		expect(
			texts.some((drawnText) => drawnText.includes(text)),
			text
		).toBe(true);
	}
	expect(texts.some((text) => text.includes('صُدِّرت في'))).toBe(true);
	expect(texts.some((text) => /Incidents|Location precision|Exported/.test(text))).toBe(false);
	const legendTitle = drawn.find((item) => item.text === 'دقة الموقع')!;
	expect(legendTitle.direction).toBe('rtl');
	expect(legendTitle.align).toBe('right');
	const title = drawn.find((item) => item.text.startsWith('الضربات الجوية'))!;
	// Mirrored: the title ends near the image's right edge (1920 wide), the legend is on the left.
	expect(title.x).toBeGreaterThan(1920 / 2);
});

test('a ?data= file’s own title keeps the digits it was written with; the app’s count takes Arabic ones', async ({
	page
}) => {
	test.setTimeout(120_000);
	const folder = mkdtempSync(join(tmpdir(), 'i18n-data-'));
	const file = join(folder, 'fifty.geojson');
	try {
		execFileSync(
			process.execPath,
			['--import', 'tsx', 'scripts/synth.ts', '--count', '50', '--out', file],
			{ stdio: 'ignore' }
		);
		await page.route('**/fifty.geojson', (route) =>
			route.fulfill({ path: file, contentType: 'application/geo+json' })
		);
		await page.goto('/?data=fifty.geojson#lang=ar');
		await waitForMapIdle(page, 90_000);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'SYNTHETIC benchmark data (50 invented incidents)'
		);
		await expect(page.getByTestId('incident-count')).toContainText('٥٠');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});
