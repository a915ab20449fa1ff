/**
 * Takes the README's screenshots from the production build, at three sizes: a desktop with the
 * Hajin site selected, a tablet and a phone with its details sheet open; and the Arabic
 * interface on a desktop (1280 × 800) and a phone (390 × 844). Needs `npm run build` first and
 * Chromium at /usr/bin/chromium (or CHROMIUM_PATH). SCREENSHOT_PORT names another port than 4174.
 *
 *   npm run screenshot
 */
import { chromium, type BrowserContextOptions } from '@playwright/test';
import { serve } from './bench/app-server';
import { chromiumLaunchOptions } from './chromium';

interface Shot {
	file: string;
	context: BrowserContextOptions;
	hash: string;
}

const phone = { isMobile: true, hasTouch: true };
const SHOTS: Shot[] = [
	{
		file: 'static/screenshot.png',
		context: { viewport: { width: 1440, height: 860 } },
		hash: '#map=8.4/34.6/41.32&incident=IQ-SY-007'
	},
	{
		file: 'static/screenshot-tablet.png',
		context: { viewport: { width: 768, height: 1024 }, ...phone },
		hash: '#map=9.2/34.55/40.9&incident=IQ-SY-009a'
	},
	{
		file: 'static/screenshot-phone.png',
		context: { viewport: { width: 390, height: 844 }, ...phone },
		hash: '#map=10/34.64/40.83&incident=IQ-SY-002'
	},
	{
		file: 'static/screenshot-ar.png',
		context: { viewport: { width: 1280, height: 800 } },
		hash: '#map=8.4/34.6/41.1&incident=IQ-SY-002&lang=ar'
	},
	{
		file: 'static/screenshot-ar-phone.png',
		context: { viewport: { width: 390, height: 844 }, ...phone },
		hash: '#map=10/34.64/40.83&incident=IQ-SY-002&lang=ar'
	}
];

const port = Number(process.env.SCREENSHOT_PORT) || 4174;
const server = await serve(process.cwd(), port);
try {
	const browser = await chromium.launch(chromiumLaunchOptions());
	for (const shot of SHOTS) {
		const context = await browser.newContext(shot.context);
		const page = await context.newPage();
		await page.goto(`http://127.0.0.1:${port}/${shot.hash}`);
		await page.getByTestId('border-distance').waitFor({ timeout: 90_000 });
		// The map may ease the selection clear of the panel: shoot once it has settled.
		await page.locator('[data-testid=map][data-idle=true]').waitFor({ timeout: 90_000 });
		await page.screenshot({ path: shot.file });
		await context.close();
		console.log(`wrote ${shot.file}`);
	}
	await browser.close();
} finally {
	server.kill();
}
