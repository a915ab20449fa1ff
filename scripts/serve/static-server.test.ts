/**
 * The static server as the browser tests and `npm run serve` start it (a child process), so its
 * open descriptors can be counted in /proc/PID/fd.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const site = mkdtempSync(join(tmpdir(), 'serve-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
const PAGE_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
writeFileSync(
	join(site, 'index.html'),
	`<!doctype html><html><head><meta http-equiv="content-security-policy" content="${PAGE_POLICY}"></head><body>hello</body></html>`
);
// Large enough that no download finishes before the client goes away.
writeFileSync(join(site, 'big.bin'), Buffer.alloc(16 * 2 ** 20, 7));

interface Running {
	child: ChildProcess;
	origin: string;
}

function start(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Running> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/serve.ts', site, '0', ...args],
		{ cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	return new Promise((resolve, reject) => {
		let output = '';
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const port = /127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
			if (port) resolve({ child, origin: `http://127.0.0.1:${port}` });
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
	});
}

const openDescriptors = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/** Starts a download of big.bin and hangs up as soon as the first bytes arrive. */
function abortedDownload(port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => {
			socket.write('GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
		});
		socket.once('data', () => {
			socket.destroy();
			resolve();
		});
		socket.once('error', reject);
	});
}

describe('static server', { timeout: 120_000 }, () => {
	let server: Running;
	beforeAll(async () => {
		server = await start();
	});
	afterAll(() => {
		server.child.kill();
	});

	it('frees the file of every aborted download: 3,000 of them, then it still answers', async () => {
		const { pid } = server.child;
		const port = Number(new URL(server.origin).port);
		// One complete request first, so whatever the server opens once is in the baseline.
		expect((await fetch(`${server.origin}/`)).status).toBe(200);
		const before = openDescriptors(pid!);
		for (let round = 0; round < 120; round++) {
			await Promise.all(Array.from({ length: 25 }, () => abortedDownload(port)));
		}
		// The server closes each file when it sees its client gone; give it the moment it needs.
		let after = openDescriptors(pid!);
		for (let wait = 0; wait < 100 && after > before; wait++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			after = openDescriptors(pid!);
		}
		expect(after).toBeLessThanOrEqual(before);
		const response = await fetch(`${server.origin}/big.bin`);
		expect(response.status).toBe(200);
		expect((await response.arrayBuffer()).byteLength).toBe(16 * 2 ** 20);
	});

	it('answers malformed percent-encoding and NUL bytes with 400, without exception text', async () => {
		for (const path of ['/%E0%A4%A', '/%', '/a%ZZ', '/%00']) {
			const response = await fetch(`${server.origin}${path}`);
			expect(response.status, path).toBe(400);
			const body = await response.text();
			expect(body, path).toMatch(/^Bad request: /);
			expect(body, path).not.toMatch(/URIError|Error:|at /);
		}
	});

	it('sends the security headers on pages, files and errors; a page keeps its own policy', async () => {
		const page = await fetch(`${server.origin}/`);
		expect(page.headers.get('content-security-policy')).toBe(
			`${PAGE_POLICY}; frame-ancestors 'none'`
		);
		for (const path of ['/big.bin', '/missing', '/%E0%A4%A']) {
			const response = await fetch(`${server.origin}${path}`, { method: 'HEAD' });
			const policy = response.headers.get('content-security-policy') ?? '';
			// The app's own policy, from svelte.config.js.
			expect(policy, path).toContain("default-src 'self'");
			expect(policy, path).toContain("object-src 'none'");
			expect(policy, path).toMatch(/; frame-ancestors 'none'$/);
		}
		for (const path of ['/', '/big.bin', '/missing']) {
			const response = await fetch(`${server.origin}${path}`, { method: 'HEAD' });
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
		}
	});

	it('does not serve files outside its folder', async () => {
		const response = await fetch(`${server.origin}/..%2fpackage.json`);
		expect(response.status).toBe(404);
	});

	it('lets named origins frame the app, and refuses anything but an origin', async () => {
		const embedding = await start(['--embed-origin', 'https://a.example'], {
			EMBED_ORIGINS: 'https://b.example:8443'
		});
		try {
			const response = await fetch(`${embedding.origin}/`);
			expect(response.headers.get('content-security-policy')).toMatch(
				/; frame-ancestors https:\/\/a\.example https:\/\/b\.example:8443$/
			);
		} finally {
			embedding.child.kill();
		}
		await expect(start(['--embed-origin', 'https://a.example/x; script-src *'])).rejects.toThrow(
			/is not an origin/
		);
	});

	it('serves on $PORT when no port is given', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', site], {
			cwd: root,
			env: { ...process.env, PORT: '0' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		try {
			const line = await new Promise<string>((resolve) =>
				child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString()))
			);
			const port = /127\.0\.0\.1:(\d+)\//.exec(line)?.[1];
			expect(Number(port)).toBeGreaterThan(0);
			expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
		} finally {
			child.kill();
		}
	});
});
