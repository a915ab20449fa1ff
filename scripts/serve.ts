/**
 * Serves a built static site (default: build/) on localhost, the way any static host would.
 * Used by `npm start`, `npm run serve`, the browser tests and the benchmarks, so they exercise
 * the real production artifact.
 *
 *   node --import tsx scripts/serve.ts [dir] [port] [--embed-origin https://example.org]…
 *
 * The port is the second argument, else $PORT, else 4173 (0 picks a free one; the line printed
 * names it). The app may not be framed by any site unless named with --embed-origin or
 * $EMBED_ORIGINS (space- or comma-separated origins).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import svelteConfig from '../svelte.config.js';
import { embeddingOrigins, frameAncestors, policyFromDirectives } from './serve/security-headers';
import { createStaticServer } from './serve/static-server';

function main() {
	const { values, positionals } = parseArgs({
		args: process.argv.slice(2),
		options: { 'embed-origin': { type: 'string', multiple: true } },
		allowPositionals: true
	});
	const root = resolve(positionals[0] ?? 'build');
	const port = Number(positionals[1] ?? process.env.PORT ?? 4173);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new Error(`"${positionals[1] ?? process.env.PORT}" is not a port number`);
	}
	const origins = embeddingOrigins([
		...(values['embed-origin'] ?? []),
		...(process.env.EMBED_ORIGINS ? [process.env.EMBED_ORIGINS] : [])
	]);
	const server = createStaticServer({
		root,
		policy: policyFromDirectives(svelteConfig.kit?.csp?.directives ?? {}),
		frameAncestors: frameAncestors(origins)
	});
	server.listen(port, '127.0.0.1', () => {
		const { port: actual } = server.address() as AddressInfo;
		console.log(`Serving ${root} at http://127.0.0.1:${actual}/`);
	});
}

try {
	main();
} catch (error) {
	console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
