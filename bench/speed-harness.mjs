// What the speed benchmarks share (bench/render.mjs, bench/startup.mjs, bench/long-tasks.mjs): bundles built
// from src with esbuild the way vite ships them (production Lit, minified, ES2022), a small local HTTP
// server, Debian's Chromium through playwright-core (scripts/chromium.mjs), CDP CPU throttling, p50/p95
// and the printed table. Nothing here passes or fails a build: the scripts print figures beside a baseline
// measured in the same run.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.mjs';
import { minifyTemplates } from '../scripts/minify-templates.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/** Minifies our css`…` and html`…` templates as the shipped build does (scripts/minify-templates.mjs). */
const minifiedTemplates = {
  name: 'minified-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({ contents: minifyTemplates(await readFile(args.path, 'utf8'), args.path), loader: 'ts' }));
  },
};

/** Leaves every `import()` out of the bundle, as the loader's chunks do: what they load comes later, on demand. */
const dynamicImportsLater = {
  name: 'dynamic-imports-later',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * Bundles `contents` (an ES module whose imports are relative to bench/) for the browser as vite's
 * production build does: Lit's production exports (`production` condition, `process.env.NODE_ENV`
 * defined), minified, ES2022, its css and html templates minified, one file. With `lazy`, what the code loads by `import()` (the sanitiser,
 * the search engine, the Serbian tables) stays out, as in the loader's chunks; without it, it is inlined,
 * as in the single-file build. Returns the code as a string.
 */
export async function bundle(contents, { define = {}, format = 'esm', lazy = false } = {}) {
  const result = await build({
    plugins: lazy ? [minifiedTemplates, dynamicImportsLater] : [minifiedTemplates],
    stdin: { contents, resolveDir: join(root, 'bench'), sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    format,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    tsconfig: join(root, 'tsconfig.json'),
    charset: 'ascii',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/feed+json; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * Serves `routes` (path → string, Buffer, or `{ body, type }`), and `/images/*` from demo/feed/images
 * (the demo feed's pictures, so that teaser images load rather than fail). Returns the origin and a close().
 */
export async function serve(routes) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const route = routes[path];
    if (route !== undefined) {
      const body = typeof route === 'object' && !Buffer.isBuffer(route) ? route.body : route;
      const type = (typeof route === 'object' && !Buffer.isBuffer(route) && route.type) || TYPES[extname(path)] || 'text/plain';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const image = /\/images\/([\w-]+\.svg)$/.exec(path);
    if (image) {
      try {
        const svg = await readFile(join(root, 'demo/feed/images', image[1]));
        response.writeHead(200, { 'content-type': TYPES['.svg'], 'cache-control': 'max-age=3600' }).end(svg);
        return;
      } catch {
        // Falls through to 404.
      }
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * The benchmarks' feed as JSON text: 20 items from the demo feed and the MLO fixture (pictures, an untitled
 * item, Serbian items, attachments), with the demo's trail and offices; no next_url, and no feed_url so that
 * relative addresses resolve against the local server; every picture from that server.
 */
export async function benchFeed() {
  const demo = JSON.parse(await readFile(join(root, 'demo/feed/feed.json'), 'utf8'));
  const fixture = JSON.parse(await readFile(join(root, 'fixtures/feeds/news-mlo.json'), 'utf8'));
  const seen = new Set();
  const items = [...demo.items, ...fixture.items].filter((item) => !seen.has(item.id) && seen.add(item.id)).slice(0, 20);
  if (items.length !== 20) throw new Error(`expected 20 items, got ${items.length}`);
  const head = Object.fromEntries(Object.entries(demo).filter(([key]) => !['next_url', 'feed_url', 'home_page_url', 'items'].includes(key)));
  return JSON.stringify({ ...head, items }).replace(/"(?:https?:\/\/[^"]*|[^"]*)\/(?:images\/)?([\w-]+\.svg)"/g, '"/images/$1"');
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

/** A fresh context and page (its own cache, heap and code cache), with CPU throttling `rate` (1 = none). */
export async function freshPage(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => log('page error:', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log(`page ${message.type()}:`, message.text());
  });
  await throttle(page, rate);
  return { context, page };
}

export async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export const ms = (value) => (value === undefined ? '—' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

/** The machine, for the results file: CPUs, load average, Node and Chromium versions. */
export function machine(browser) {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}, Node ${process.version}, Chromium ${browser.version()}`;
}

/** Prints a Markdown table: rows of `{ figure, ours, baseline, ratio, target, pass }` (pass: true/false/undefined). */
export function printTable(title, rows) {
  const lines = [`### ${title}`, '', '| figure | ours | baseline | ratio | target | pass |', '| --- | ---: | ---: | ---: | --- | --- |'];
  for (const row of rows) {
    const pass = row.pass === undefined ? '—' : row.pass ? 'pass' : '**FAIL**';
    lines.push(`| ${row.figure} | ${row.ours} | ${row.baseline ?? '—'} | ${row.ratio ?? '—'} | ${row.target ?? '—'} | ${pass} |`);
  }
  console.log(`${lines.join('\n')}\n`);
  return rows.every((row) => row.pass !== false);
}

/** Alternates `a` and `b` `count` times each (a, b, b, a, a, b …), so that drift in machine load hits both alike. */
export async function interleave(count, a, b) {
  const resultsA = [];
  const resultsB = [];
  for (let index = 0; index < count; index += 1) {
    if (index % 2 === 0) {
      resultsA.push(await a(index));
      resultsB.push(await b(index));
    } else {
      resultsB.push(await b(index));
      resultsA.push(await a(index));
    }
  }
  return [resultsA, resultsB];
}
