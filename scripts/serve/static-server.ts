import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { metaPolicy, securityHeaders } from './security-headers';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

export interface StaticServerOptions {
	/** The folder served (absolute). */
	root: string;
	/** The policy for everything but HTML pages that carry their own in a <meta> tag. */
	policy: string;
	/** The `frame-ancestors` directive, appended to every policy. */
	frameAncestors: string;
}

class BadRequest extends Error {}

/**
 * The file a URL names under root, or null. The path is percent-decoded once; malformed
 * encoding and NUL bytes are the client's mistake (400), and nothing outside root is served.
 */
async function resolveFile(root: string, url: string): Promise<string | null> {
	const pathname = url.split(/[?#]/, 1)[0] || '/';
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		throw new BadRequest('malformed percent-encoding in the URL');
	}
	if (decoded.includes('\0')) throw new BadRequest('a NUL byte in the URL');
	const candidate = normalize(join(root, decoded));
	if (candidate !== root && !candidate.startsWith(root + sep)) return null;
	for (const path of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
		const info = await stat(path).catch(() => null);
		if (info?.isFile()) return path;
	}
	return null;
}

/**
 * A static file server for build/, as any static host would serve it, that holds up against
 * clients that go away mid-download (pipeline() closes the file when the response ends early)
 * and against malformed URLs; every answer carries the security headers.
 */
export function createStaticServer(options: StaticServerOptions): Server {
	const plainHeaders = securityHeaders(options.policy, options.frameAncestors);
	const text = (response: ServerResponse, status: number, message: string) => {
		response.writeHead(status, { ...plainHeaders, 'content-type': 'text/plain; charset=utf-8' });
		response.end(message);
	};

	return createServer((request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.setHeader('allow', 'GET, HEAD');
			text(response, 405, 'Method not allowed');
			return;
		}
		const head = request.method === 'HEAD';
		resolveFile(options.root, request.url ?? '/')
			.then(async (file) => {
				if (!file) return text(response, 404, 'Not found');
				const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
				const common = { 'content-type': type, 'cache-control': 'no-cache' };
				if (extname(file) === '.html') {
					// Pages are small: read whole, so the header can repeat the page's own policy.
					const html = await readFile(file);
					const policy = metaPolicy(html.toString('utf8')) ?? options.policy;
					response.writeHead(200, {
						...securityHeaders(policy, options.frameAncestors),
						...common,
						'content-length': html.length
					});
					response.end(head ? undefined : html);
					return;
				}
				const { size } = await stat(file);
				response.writeHead(200, { ...plainHeaders, ...common, 'content-length': size });
				if (head) return void response.end();
				pipeline(createReadStream(file), response, () => {
					// An aborted download ends here too: pipeline() has already closed the file.
				});
			})
			.catch((error: unknown) => {
				if (response.headersSent) return void response.destroy();
				if (error instanceof BadRequest)
					return text(response, 400, `Bad request: ${error.message}`);
				console.error(error);
				text(response, 500, 'Internal server error');
			});
	});
}
