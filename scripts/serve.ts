/**
 * Serves a built static site (default: build/) on localhost, the way any static host would.
 * Used by `npm start` and by the browser tests, so they exercise the real production artifact.
 *
 *   node --import tsx scripts/serve.ts [dir] [port]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? 4173);

async function resolveFile(urlPath: string): Promise<string | null> {
	const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
	const candidate = normalize(join(root, decoded));
	if (candidate !== root && !candidate.startsWith(root + sep)) return null;
	for (const path of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
		const info = await stat(path).catch(() => null);
		if (info?.isFile()) return path;
	}
	return null;
}

const server = createServer((request, response) => {
	resolveFile(request.url ?? '/')
		.then((file) => {
			if (!file) {
				response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
				response.end('Not found');
				return;
			}
			const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
			response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
			createReadStream(file).pipe(response);
		})
		.catch((error: unknown) => {
			response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(String(error));
		});
});

server.listen(port, '127.0.0.1', () => {
	console.log(`Serving ${root} at http://127.0.0.1:${port}/`);
});
