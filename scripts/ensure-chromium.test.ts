/** What ensure-chromium does on each kind of machine (the decision only: nothing is installed). */
import { describe, expect, it } from 'vitest';
import { INSTALL, plan, type Facts } from './ensure-chromium';

const missing: Facts = {
	path: '/usr/bin/chromium',
	custom: false,
	executable: false,
	root: false,
	sudo: false,
	apt: true
};

describe('ensure-chromium', () => {
	it('does nothing when Chromium is there', () => {
		expect(plan({ ...missing, executable: true })).toEqual({ action: 'ready' });
		expect(plan({ ...missing, executable: true, custom: true, apt: false })).toEqual({
			action: 'ready'
		});
	});

	it("installs Debian's package as root, or with passwordless sudo", () => {
		expect(plan({ ...missing, root: true })).toEqual({ action: 'install', sudo: false });
		expect(plan({ ...missing, sudo: true })).toEqual({ action: 'install', sudo: true });
	});

	it('otherwise stops with the one command to run', () => {
		expect(plan(missing)).toEqual({
			action: 'stop',
			message: `The browser tests need Chromium, and there is none at /usr/bin/chromium. Run: sudo ${INSTALL}`
		});
	});

	it('never installs over a CHROMIUM_PATH that names nothing', () => {
		const result = plan({ ...missing, path: '/opt/chrome', custom: true, root: true });
		expect(result.action).toBe('stop');
		expect(result.action === 'stop' && result.message).toContain('CHROMIUM_PATH is /opt/chrome');
	});

	it('says how to name a browser where there is no apt-get', () => {
		const result = plan({ ...missing, apt: false, root: true });
		expect(result.action).toBe('stop');
		expect(result.action === 'stop' && result.message).toContain('CHROMIUM_PATH=');
	});
});
