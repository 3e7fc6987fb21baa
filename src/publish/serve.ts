/**
 * `mlo-feed serve <dir>`: the built folder served on localhost with the headers a real host needs, so a
 * page on another origin (a partner's test page, Storybook) can embed the feeds exactly as in production:
 *
 * - `Content-Type: application/feed+json; charset=utf-8` for feeds (JSON Feed's media type), plain
 *   `application/json` for the search index, the usual types for images;
 * - CORS: `Access-Control-Allow-Origin: *` (the feeds are public; no credentials), preflights answered;
 * - caching per kind of file: names with a content hash (`feed.page-<hash>.json`, `search/x-<hash>.json`)
 *   `public, max-age=31536000, immutable`; entry and archive feeds and the index manifest
 *   `public, max-age=300` (a new story shows within five minutes); other files an hour; an ETag for
 *   each, answered with 304 when unchanged;
 * - gzip when the browser accepts it, as a CDN would.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UsageError } from './diagnostics.js';

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_SHORT = 'public, max-age=300';
export const CACHE_DEFAULT = 'public, max-age=3600';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** A name that carries a content hash: `.page-0123456789abcdef.json` (feeds) or `-0a1b2c3d.json` (index shards). */
export const HASHED_NAME = /(\.page-[0-9a-f]{16}|\/[a-z]+-[0-9a-z]{8,})\.json$/;
/** Feeds: `feed.json`, `feed.sr-Latn.json`, `feed.2023.json`, their pages. */
export const FEED_NAME = /(^|\/)feed(\.[^/]*)?\.json$/;

/** The headers of one file, by its path relative to the folder (`/` separators). */
export function headersFor(path: string): Record<string, string> {
  const type = FEED_NAME.test(path) ? 'application/feed+json; charset=utf-8' : (TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
  const cache = HASHED_NAME.test(`/${path}`) ? CACHE_IMMUTABLE : path.endsWith('.json') ? CACHE_SHORT : CACHE_DEFAULT;
  return {
    'content-type': type,
    'cache-control': cache,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  };
}

export interface ServeOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:8787/` */
  url: string;
  close(): Promise<void>;
}

/** What to configure on a real host, printed when the preview starts (and in docs/publishing.md). */
export const HOSTING_ADVICE = `On a real host, give the folder the same headers:
  feed*.json                 Content-Type: application/feed+json; charset=utf-8
  *.page-<hash>.json, search/*-<hash>.json
                             Cache-Control: ${CACHE_IMMUTABLE}
  feed.json, feed.<lang>.json, feed.<year>.json, search-index*.json
                             Cache-Control: ${CACHE_SHORT}
  every file                 Access-Control-Allow-Origin: *   (partner sites read the feeds)
  and gzip or brotli for .json and .svg. Examples for nginx, Apache, Netlify and S3: docs/publishing.md.`;

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '86400',
    });
    response.end();
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD, OPTIONS', 'access-control-allow-origin': '*' });
    response.end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400, { 'access-control-allow-origin': '*' });
    response.end();
    return;
  }
  if (pathname.endsWith('/')) pathname += 'feed.json';
  const file = resolve(join(root, normalize(pathname)));
  if (!file.startsWith(root + sep)) {
    response.writeHead(403, { 'access-control-allow-origin': '*' });
    response.end();
    return;
  }
  let body: Buffer;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    body = await readFile(file);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    response.end(`Not found: ${pathname}\n`);
    return;
  }
  const relativePath = file.slice(root.length + 1).split(sep).join('/');
  const headers: Record<string, string> = { ...headersFor(relativePath), etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  if (request.headers['if-none-match'] === headers.etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const compressible = /^(application\/(feed\+)?json|image\/svg|text\/|application\/xml)/.test(headers['content-type'] ?? '');
  if (compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Starts the preview server on `dir`; port 0 picks a free port. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`${dir} is not a folder`);
  }
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8787, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
