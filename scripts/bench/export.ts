import type { Page } from '@playwright/test';
import { browserMemoryMb, launchChromium, run, serve } from './app-server';
import { machine } from './report';
import { SIZE_PRESETS } from '../../src/lib/export/presets';

/**
 * Image exports in headless Chromium (production build, 14 embedded incidents): the time from
 * "Download PNG" to the file for every preset at pixel ratio 1 and 2, and the peak memory of
 * the browser's processes (resident set, summed) while exporting 4K at ratio 2.
 */

const PORT = 4182;

/** The preview redraws (debounced) after a change: wait until it has started and finished. */
async function previewSettled(page: Page) {
	const settled = () =>
		page.waitForFunction(
			() => document.querySelector('.preview')?.getAttribute('aria-busy') === 'false',
			undefined,
			{ timeout: 300_000, polling: 200 }
		);
	await settled();
	await page.waitForTimeout(500);
	await settled();
}

async function exportOnce(page: Page, preset: string, ratio: number): Promise<number> {
	await page.getByTestId('export-preset').selectOption(preset);
	await page.getByTestId('export-ratio').selectOption(String(ratio));
	// The preview of the new size is not part of the export.
	await previewSettled(page);
	const start = performance.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 600_000 }),
		page.getByTestId('export-png').click()
	]);
	await download.path();
	return performance.now() - start;
}

export async function benchExport(root: string, quick: boolean): Promise<string> {
	run(root, ['node_modules/vite/bin/vite.js', 'build'], 'vite build');
	const server = await serve(root, PORT);
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`http://127.0.0.1:${PORT}/#map=7/34.6/40.6`);
		await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 300_000 });
		await page.getByTestId('export-button').click();
		const rows: string[] = [];
		for (const preset of quick ? SIZE_PRESETS.slice(0, 1) : SIZE_PRESETS) {
			const times: string[] = [];
			for (const ratio of [1, 2]) {
				const ms = await exportOnce(page, preset.id, ratio);
				times.push(`${(ms / 1000).toFixed(1)} s`);
				console.error(`bench: export ${preset.id} ×${ratio}: ${(ms / 1000).toFixed(1)} s`);
			}
			rows.push(`| ${preset.label} | ${times[0]} | ${times[1]} |`);
		}
		// Peak memory for 4K at ratio 2 (7680 × 4320), sampled every 100 ms. (Already the
		// dialog's size: the preview is settled before the sampling starts.)
		await previewSettled(page);
		const before = browserMemoryMb();
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, browserMemoryMb())), 100);
		const ms = await exportOnce(page, '4k', 2);
		clearInterval(sampler);
		return `### Image export (\`npm run bench -- export\`)

${machine().replace(', one core used', '')}; Chromium on SwiftShader (the map is drawn on
the CPU), production build, 14 embedded incidents, view \`#map=7/34.6/40.6\`. Time from
"Download PNG" to the file: the map drawn off screen at the image's size until every source
has loaded, the composition, PNG encoding and metadata. Ratio 2 doubles each side.

| Preset | ratio 1 | ratio 2 |
| ------ | ------: | ------: |
${rows.join('\n')}

4K at ratio 2 (7680 × 4320, over MapLibre's default 4096-pixel canvas limit): ${(ms / 1000).toFixed(1)} s;
the browser's processes together held ${Math.round(before)} MB before and peaked at
**${Math.round(peak)} MB** (resident, sampled every 100 ms); the WebGL drawing buffer and the
2D canvas composed from it are ~130 MB each at this size.
`;
	} finally {
		await browser.close();
		server.kill();
	}
}
