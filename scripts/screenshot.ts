/**
 * Takes the README's screenshot from the production build: the default view with the Hajin
 * site selected. Needs `npm run build` first and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 *
 *   npm run screenshot
 */
import { chromium } from '@playwright/test';
import { serve } from './bench/app-server';
import { chromiumLaunchOptions } from './chromium';

const port = 4174;
const server = await serve(process.cwd(), port);
try {
	const browser = await chromium.launch(chromiumLaunchOptions());
	const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
	await page.goto(`http://127.0.0.1:${port}/#map=8.4/34.6/41.32&incident=IQ-SY-007`);
	await page.locator('[data-testid=map][data-idle=true]').waitFor({ timeout: 90_000 });
	await page.getByTestId('border-distance').waitFor();
	await page.screenshot({ path: 'static/screenshot.png' });
	await browser.close();
	console.log('wrote static/screenshot.png');
} finally {
	server.kill();
}
