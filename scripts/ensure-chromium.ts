/**
 * Makes sure the browser tests have their Chromium before any of them starts (run by
 * `npm test` and `npm run test:browser`). Playwright cannot download browsers here, so it is
 * Debian's package at /usr/bin/chromium, or whatever CHROMIUM_PATH names.
 *
 * Missing, it is installed with apt-get when that can be done without asking (as root, or with
 * passwordless sudo), as .ci/run always did; otherwise this stops at once with the one command
 * to run, rather than letting every browser test fail on its own.
 *
 *   npx tsx scripts/ensure-chromium.ts
 */
import { accessSync, constants } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, DEBIAN_CHROMIUM } from './chromium';

export const INSTALL = 'apt-get install -y --no-install-recommends chromium';

export interface Facts {
	/** The binary the tests will launch. */
	path: string;
	/** Named by CHROMIUM_PATH rather than Debian's default. */
	custom: boolean;
	executable: boolean;
	root: boolean;
	/** sudo runs without a password. */
	sudo: boolean;
	/** apt-get exists (a Debian-like system). */
	apt: boolean;
}

export type Plan =
	{ action: 'ready' } | { action: 'install'; sudo: boolean } | { action: 'stop'; message: string };

/** What to do, from what is known about the machine. */
export function plan(facts: Facts): Plan {
	if (facts.executable) return { action: 'ready' };
	if (facts.custom) {
		return {
			action: 'stop',
			message:
				`CHROMIUM_PATH is ${facts.path}, which is not an executable file. Point it at ` +
				`Chromium, or unset it and install Debian's package: sudo ${INSTALL}`
		};
	}
	if (!facts.apt) {
		return {
			action: 'stop',
			message:
				`The browser tests need Chromium, and there is none at ${facts.path}. Install it, ` +
				'then name it: CHROMIUM_PATH=/path/to/chromium npm test'
		};
	}
	if (facts.root || facts.sudo) return { action: 'install', sudo: !facts.root };
	return {
		action: 'stop',
		message: `The browser tests need Chromium, and there is none at ${facts.path}. Run: sudo ${INSTALL}`
	};
}

function executable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

const succeeds = (command: string, args: string[]) =>
	spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function facts(): Facts {
	const root = process.getuid?.() === 0;
	return {
		path: CHROMIUM_PATH,
		custom: CHROMIUM_PATH !== DEBIAN_CHROMIUM,
		executable: executable(CHROMIUM_PATH),
		root,
		sudo: !root && succeeds('sudo', ['-n', 'true']),
		apt: succeeds('apt-get', ['--version'])
	};
}

function install(sudo: boolean) {
	console.log(`chromium: none at ${CHROMIUM_PATH}; installing Debian's package`);
	const run = (args: string[]) => {
		// sudo resets the environment: the variable goes on its command line.
		const [command, rest] = sudo
			? ['sudo', ['-n', 'DEBIAN_FRONTEND=noninteractive', ...args]]
			: [args[0]!, args.slice(1)];
		const result = spawnSync(command, rest, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (result.status !== 0) {
			throw new Error(`${args.join(' ')} failed; install Chromium by hand: sudo ${INSTALL}`);
		}
	};
	run(['apt-get', 'update', '-qq']);
	run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
}

function main(): number {
	const next = plan(facts());
	if (next.action === 'stop') {
		console.error(`\n${next.message}\n`);
		return 1;
	}
	if (next.action === 'install') {
		try {
			install(next.sudo);
		} catch (error) {
			console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
			return 1;
		}
		if (!executable(CHROMIUM_PATH)) {
			console.error(`\nchromium was installed but ${CHROMIUM_PATH} is still missing\n`);
			return 1;
		}
	}
	// Debian's wrapper script complains on stderr about things that do not matter here.
	const version = execFileSync(CHROMIUM_PATH, ['--version'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore']
	}).trim();
	console.log(`chromium: ${version} (${CHROMIUM_PATH})`);
	return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
