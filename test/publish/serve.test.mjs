// mlo-feed serve: the headers a real host needs, per kind of file, over real HTTP.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { ROOT, library, readJson } from './helpers.mjs';

const { serve, CACHE_IMMUTABLE, CACHE_SHORT } = await library();
const DEMO = join(ROOT, 'demo', 'feed');

async function withServer(t) {
  const running = await serve(DEMO, { port: 0 });
  t.after(() => running.close());
  return running;
}

test('feeds: application/feed+json, CORS for any origin, entry feeds cached briefly, hashed pages for ever', async (t) => {
  const { url } = await withServer(t);
  const entry = await fetch(new URL('feed.json', url), { headers: { origin: 'https://partner.example' } });
  assert.equal(entry.status, 200);
  assert.equal(entry.headers.get('content-type'), 'application/feed+json; charset=utf-8');
  assert.equal(entry.headers.get('access-control-allow-origin'), '*');
  assert.equal(entry.headers.get('cache-control'), CACHE_SHORT);
  assert.equal(entry.headers.get('x-content-type-options'), 'nosniff');
  const body = await entry.json();
  assert.deepEqual(body, readJson(join(DEMO, 'feed.json')));

  const page = await fetch(new URL(body.next_url, url));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'application/feed+json; charset=utf-8');
  assert.equal(page.headers.get('cache-control'), CACHE_IMMUTABLE);
  assert.equal(CACHE_IMMUTABLE, 'public, max-age=31536000, immutable');

  const year = await fetch(new URL('feed.sr-Cyrl.2023.json', url));
  assert.equal(year.headers.get('cache-control'), CACHE_SHORT, 'archive feeds keep their name, so they are not immutable');
});

test('the search index: its manifest short, its content-named shards immutable, as JSON', async (t) => {
  const { url } = await withServer(t);
  const manifestUrl = new URL(readJson(join(DEMO, 'feed.json'))._mlo.search_index_url, url);
  const manifest = await fetch(manifestUrl);
  assert.equal(manifest.status, 200);
  assert.equal(manifest.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(manifest.headers.get('cache-control'), CACHE_SHORT);
  // Shards are named by their content (docs/search-index.md): every file in search/.
  const shards = readdirSync(join(DEMO, 'search'));
  assert.ok(shards.length > 0);
  const shardUrl = new URL(`search/${shards[0]}`, url);
  const response = await fetch(shardUrl);
  assert.equal(response.status, 200, shardUrl.href);
  assert.equal(response.headers.get('cache-control'), CACHE_IMMUTABLE);
});

test('images, gzip, ETag and 304, preflight, 404, no way out of the folder', async (t) => {
  const { url } = await withServer(t);
  const image = await fetch(new URL('images/icon.svg', url));
  assert.equal(image.headers.get('content-type'), 'image/svg+xml');
  assert.equal(image.headers.get('cache-control'), 'public, max-age=3600');

  // fetch() decodes gzip itself; a raw request shows the encoding.
  const { request } = await import('node:http');
  const raw = await new Promise((done, fail) => {
    request(new URL('feed.json', url), { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
  assert.equal(raw.headers['content-encoding'], 'gzip');
  assert.equal(raw.headers.vary, 'Accept-Encoding');
  assert.equal(gunzipSync(raw.body).toString('utf8'), readFileSync(join(DEMO, 'feed.json'), 'utf8'));

  const etag = raw.headers.etag;
  assert.match(etag, /^"[\w-]+"$/);
  const again = await fetch(new URL('feed.json', url), { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);

  const preflight = await fetch(new URL('feed.json', url), { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.match(preflight.headers.get('access-control-allow-methods'), /GET/);

  const missing = await fetch(new URL('nothing-here.json', url));
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  const escape = await fetch(new URL('/%2e%2e/%2e%2e/package.json', url));
  assert.ok([403, 404].includes(escape.status), `outside the folder: ${escape.status}`);
  assert.notEqual(escape.status, 200);
});

test('mlo-feed serve: the command prints its address and what to configure on a real host', async (t) => {
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('./helpers.mjs');
  const child = spawn(process.execPath, [BIN, 'serve', DEMO, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGTERM'));
  let output = '';
  const address = await new Promise((done, fail) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match && output.includes('Access-Control-Allow-Origin')) done(match[1]);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${output}`)));
  });
  assert.match(output, /application\/feed\+json/);
  assert.match(output, /immutable/);
  const response = await fetch(new URL('feed.sr-Latn.json', address));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/feed+json; charset=utf-8');
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0, 'Ctrl+C or SIGTERM stops it cleanly');
});

test('over HTTP: validate a feed by its URL, and build from an RSS export at a URL', async (t) => {
  const { validate, build } = await library();
  const { url } = await withServer(t);
  const checked = await validate(new URL('feed.json', url).href);
  assert.deepEqual(checked.diagnostics, []);
  assert.equal(checked.exitCode, 0);
  assert.deepEqual(checked.feeds.map(({ pages, items }) => [pages, items]), [[2, 25]], 'both English pages, through next_url');

  const fixtures = await serve(join(ROOT, 'fixtures', 'publish', 'rss'), { port: 0 });
  t.after(() => fixtures.close());
  const { temporaryFolder } = await import('./helpers.mjs');
  const out = temporaryFolder(t);
  const result = await build({ output: out, content: [{ rss: new URL('export.rss.xml', fixtures.url).href }], languages: { en: { title: 'From a URL' } }, search_index: false }, { quiet: true });
  assert.equal(result.exitCode, 0, JSON.stringify(result.diagnostics));
  assert.deepEqual(readJson(join(out, 'feed.json')).items.map((item) => item.id), ['https://cms.example/news/conference', 'cms-42']);
  const missing = await validate(new URL('no-such-feed.json', url).href).catch((error) => error);
  assert.equal(missing.name, 'UsageError');
  assert.match(missing.message, /the server answered 404/);
});
