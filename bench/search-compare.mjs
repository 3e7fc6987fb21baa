// Search side by side: `npm run bench:search` (or `node bench/search-compare.mjs [--sizes 10000,50000]
// [--engines ours,pagefind,minisearch,fuse] [--latency 50]`).
//
// One run, one synthetic archive per size (bench/synthetic-archive.mjs, seeded), the same queries for
// every engine, each engine in a fresh tab of Debian's headless Chromium:
//   ours        <mlo-archive-search> on a feed naming a prebuilt index (src/search/prebuilt/write.ts)
//   ours-named  the same, with the page naming the index too (search-index), so the feed is not read
//   Pagefind    the `pagefind` npm package's Node API (createIndex, addCustomRecord, writeFiles), its
//               pagefind.js and WebAssembly loaded in the page
//   MiniSearch  in memory: every feed page crawled on intent, then indexed (with our folding, so that it
//               can match across scripts and diacritics at all; fuzzy 0.2, prefix, the same field boosts)
//   fuse.js     naive: every feed page crawled on intent, Fuse over titles and summaries
// A local server adds --latency ms (default 50) to every request and serves gzip; it counts the
// compressed bytes of every response (bodies, not headers) after the page itself has loaded, so each
// engine's own code, loaded on intent, is counted too. Prints a Markdown table. A benchmark, not a test.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefindApi from 'pagefind';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.mjs';
import { importSource } from '../scripts/import-source.mjs';
import { createArchive, cyrillicToLatin, feedPages, latinToCyrillic, sampleQueries, seededRandom } from './synthetic-archive.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const sizes = option('sizes', '10000,50000').split(',').map(Number);
const engineNames = option('engines', 'ours,ours-named,pagefind,minisearch,fuse').split(',');
const LATENCY_MS = Number(option('latency', '50'));
// Feed pages of 50 items, as `mlo-feed build` writes them by default (src/publish/config.ts).
const PAGE_SIZE = 50;
const QUERY_COUNT = 200;
const RECALL_CASES = 200;
const FUSE_QUERIES = 30;
const log = (...parts) => console.error(`[bench:search ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const loadBefore = loadavg()[0];

// The library's own code for Node: the feed parser, the folding and the index writer, from source.
const outDir = mkdtempSync(join(tmpdir(), 'mlo-search-compare-'));
const lib = await importSource(`export { parseFeed } from './src/feed/parse.ts'; export { itemBodyText } from './src/feed/text.ts';
  export { searchTerms } from './src/search/normalize.ts'; export { writeSearchIndex } from './src/search/prebuilt/write.ts';`);

// The page: production Lit, minified, split so that what loads on intent is a file of its own.
await build({
  entryPoints: [join(root, 'bench/search-compare-page.ts')],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outdir: join(outDir, 'js'),
  entryNames: 'page',
  tsconfig: join(root, 'tsconfig.json'),
  ignoreAnnotations: true,
  logLevel: 'error',
});
// MiniSearch with our folding, apart: sharing the folding would split it out of our engine's chunk.
await build({
  entryPoints: [join(root, 'bench/search-compare-minisearch.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outfile: join(outDir, 'js', 'minisearch.js'),
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'error',
});

/** Every file served: path → { body, type }, gzipped once. */
const files = new Map();
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.wasm': 'application/wasm' };
function serve(path, body, type = TYPES[extname(path)] ?? 'application/octet-stream') {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
  files.set(path, { body: buffer, gzip: gzipSync(buffer, { level: 6 }), type });
}
function serveDirectory(directory, prefix) {
  for (const name of readdirSync(directory, { recursive: true })) {
    const path = join(directory, name);
    if (statSync(path).isFile()) serve(`${prefix}/${relative(directory, path).split('\\').join('/')}`, readFileSync(path));
  }
}
serve('/', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>search comparison</title></head><body><script type="module" src="/js/page.js"></script></body></html>', TYPES['.html']);
serveDirectory(join(outDir, 'js'), '/js');

const counter = { bytes: 0, requests: 0, latency: LATENCY_MS };
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = files.get(path);
  setTimeout(() => {
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gzip : file.body;
    counter.bytes += body.length;
    counter.requests += 1;
    response.writeHead(200, { 'content-type': file.type, 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'cache-control': 'no-store' });
    response.end(body);
  }, counter.latency);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Recall cases from titles: a word (≥ 5 letters, no digits, in at most 10 titles) with one letter changed, and in the other script. */
function recallCases(items, raw, count) {
  const random = seededRandom(11);
  const titleFrequency = new Map();
  for (const item of items) for (const term of new Set(lib.searchTerms(item.title ?? ''))) titleFrequency.set(term, (titleFrequency.get(term) ?? 0) + 1);
  const letters = 'abcdefghijklmnoprstuvz';
  const typo = [];
  const crossScript = [];
  let guard = 0;
  while ((typo.length < count || crossScript.length < count) && guard++ < count * 100) {
    const index = Math.floor(random() * items.length);
    const item = items[index];
    const written = (item.title ?? '').split(/[^\p{L}\p{M}]+/u).filter((word) => word.length >= 5);
    const usable = written.filter((word) => { const [term] = lib.searchTerms(word); return term && !/\d/.test(term) && (titleFrequency.get(term) ?? 0) <= 10; });
    if (usable.length === 0) continue;
    const word = usable[Math.floor(random() * usable.length)];
    if (typo.length < count) {
      const [term] = lib.searchTerms(word);
      const at = Math.floor(random() * term.length);
      let letter = letters[Math.floor(random() * letters.length)];
      while (letter === term[at]) letter = letters[Math.floor(random() * letters.length)];
      typo.push({ query: term.slice(0, at) + letter + term.slice(at + 1), url: item.url });
    }
    if (crossScript.length < count && String(raw[index].language).startsWith('sr')) {
      const lower = word.toLowerCase();
      crossScript.push({ query: /[\u0400-\u04ff]/.test(lower) ? cyrillicToLatin(lower) : latinToCyrillic(lower), url: item.url });
    }
  }
  return { typo, crossScript };
}

const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
const browserVersion = `Chromium ${browser.version()}`;

/** A fresh tab with the page loaded and nothing counted yet. */
async function freshTab() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  tab.on('pageerror', (error) => log('page error:', error.message));
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => 'bench' in globalThis);
  return { context, tab, call: (name, ...parameters) => tab.evaluate(([run, values]) => globalThis.bench[run](...values), [name, parameters]) };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}
const kb = (bytes) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
const ms = (value) => (value === undefined ? '—' : value < 10 ? `${value.toFixed(1)} ms` : value < 10_000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(1)} s`);
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;

const table = [];
const notes = [];
try {
  for (const size of sizes) {
    log(`generating ${size} items`);
    const raw = createArchive({ size });
    const pages = feedPages(raw, PAGE_SIZE, `/archive-${size}`);
    pages[0]._mlo = { search_index_url: `/index-${size}/search-index.json` };
    pages.forEach((page, i) => serve(`/archive-${size}/page-${i + 1}.json`, JSON.stringify(page)));
    const items = pages.flatMap((page) => lib.parseFeed(page, { url: `${origin}/archive-${size}/page-1.json` }).items);

    let started = Date.now();
    const indexFiles = lib.writeSearchIndex(items);
    for (const file of indexFiles) serve(`/index-${size}/${file.path}`, file.contents);
    const oursBuild = Date.now() - started;
    const oursTotal = indexFiles.reduce((sum, file) => sum + files.get(`/index-${size}/${file.path}`).gzip.length, 0);
    log(`ours: ${indexFiles.length} files, ${kb(oursTotal)} gzip, ${oursBuild} ms`);

    let pagefindBuild;
    let pagefindTotal = 0;
    if (engineNames.includes('pagefind')) {
      started = Date.now();
      const { index } = await pagefindApi.createIndex({});
      for (const item of items) {
        const year = String(item.mlo.archiveYear ?? item.datePublished?.getUTCFullYear() ?? '');
        await index.addCustomRecord({
          url: item.url,
          content: [item.title, item.summary, lib.itemBodyText(item)].filter(Boolean).join('\n'),
          language: 'en',
          meta: { title: item.title ?? '' },
          filters: { year: [year], tag: item.tags },
        });
      }
      const outputPath = join(outDir, `pagefind-${size}`);
      await index.writeFiles({ outputPath });
      pagefindBuild = Date.now() - started;
      serveDirectory(outputPath, `/pagefind-${size}`);
      for (const [path, file] of files) if (path.startsWith(`/pagefind-${size}/`)) pagefindTotal += file.gzip.length;
      log(`pagefind: ${kb(pagefindTotal)} gzip, ${pagefindBuild} ms`);
    }

    const queries = sampleQueries(raw, QUERY_COUNT);
    const tenQueries = [...new Set(queries)].slice(0, 10);
    const cases = recallCases(items, raw, RECALL_CASES);
    const setup = { src: `/archive-${size}/page-1.json`, searchIndex: `/index-${size}/search-index.json`, pagefindBase: `/pagefind-${size}/` };
    const crawlTotal = pages.reduce((sum, _, i) => sum + files.get(`/archive-${size}/page-${i + 1}.json`).gzip.length, 0);

    for (const name of engineNames) {
      if (name === 'fuse' && size > 10_000) continue;
      log(`${name} at ${size}`);
      const row = { name, size };
      // Bytes and times on the wire, with the latency.
      {
        const { context, call } = await freshTab();
        const blank = await call('heap');
        counter.bytes = 0;
        counter.requests = 0;
        await call('prepare', name, setup);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        row.beforeIntent = counter.bytes;
        const firstQuery = await call('first', name, tenQueries[0]);
        row.firstMs = firstQuery.ms;
        row.firstAllMs = firstQuery.allMs;
        row.firstResults = counter.bytes;
        await call('queries', name, tenQueries.slice(1));
        row.tenQueries = counter.bytes;
        row.tenRequests = counter.requests;
        row.heap = await call('heap');
        row.blankHeap = blank;
        // Keystroke → results: every query once (what is not loaded yet is fetched, with the latency), then again (loaded).
        const list = name === 'fuse' ? queries.slice(0, FUSE_QUERIES) : queries;
        row.cold = stats(await call('queries', name, list));
        row.warm = stats(await call('queries', name, list));
        row.afterAll = counter.bytes;
        await context.close();
      }
      // Recall, without the latency (it changes no result).
      {
        counter.latency = 0;
        const { context, call } = await freshTab();
        await call('prepare', name, setup);
        await new Promise((resolve) => setTimeout(resolve, 1000)); // as in the run above: the page settled
        row.firstNoLatency = (await call('first', name, tenQueries[0])).allMs;
        const typo = name === 'fuse' ? cases.typo.slice(0, 50) : cases.typo;
        const cross = name === 'fuse' ? cases.crossScript.slice(0, 50) : cases.crossScript;
        const typoRecall = await call('recall', name, typo);
        const crossRecall = await call('recall', name, cross);
        row.typo = [typoRecall.found, typo.length];
        row.cross = [crossRecall.found, cross.length];
        if (typoRecall.misses.length) notes.push(`${name} at ${size}, one-typo misses (first ${typoRecall.misses.length}): ${typoRecall.misses.map((query) => `\`${query}\``).join(', ')}`);
        await context.close();
        counter.latency = LATENCY_MS;
      }
      row.build = name.startsWith('ours') ? oursBuild : name === 'pagefind' ? pagefindBuild : undefined;
      row.total = name.startsWith('ours') ? oursTotal : name === 'pagefind' ? pagefindTotal : crawlTotal;
      table.push(row);
      log(JSON.stringify(row));
    }
  }
} finally {
  await browser.close();
  await pagefindApi.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}

const NAMES = { ours: 'ours (prebuilt index, found through the feed)', 'ours-named': 'ours (prebuilt index named by the page)', pagefind: 'Pagefind 1.6', minisearch: 'MiniSearch 7 (in memory)', fuse: 'fuse.js 7 (naive)' };
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${browserVersion} headless`;
const lines = [];
lines.push(`Machine: ${machine}; load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`);
lines.push(`Every request answered after ${LATENCY_MS} ms, gzip on the wire (bodies counted); feed pages of ${PAGE_SIZE} items; the same ${QUERY_COUNT} queries and ${RECALL_CASES} recall cases for every engine (fuse.js: ${FUSE_QUERIES} queries and 50 cases).`, '');
const sizesShown = [...new Set(table.map((row) => row.size))];
for (const size of sizesShown) {
  const rows = table.filter((row) => row.size === size);
  lines.push(`### ${size.toLocaleString('en')} items`, '');
  lines.push(`| figure | target | ${rows.map((row) => NAMES[row.name]).join(' | ')} |`);
  lines.push(`| --- | --- | ${rows.map(() => '---:').join(' | ')} |`);
  const line = (figure, target, cell) => lines.push(`| ${figure} | ${target} | ${rows.map(cell).join(' | ')} |`);
  line('bytes before intent', '0', (row) => kb(row.beforeIntent));
  line('bytes until the first results are shown', '≤ 150 KB', (row) => kb(row.firstResults));
  line('bytes after 10 different queries', '≤ 400 KB', (row) => `${kb(row.tenQueries)} (${row.tenRequests} requests)`);
  line(`first query answered, ${LATENCY_MS} ms per request`, '≤ 300 ms', (row) => ms(row.firstMs));
  line(`first query, every result of the first screen shown (ten), ${LATENCY_MS} ms per request`, '—', (row) => ms(row.firstAllMs));
  line('first query answered, no added latency (the CPU part)', '—', (row) => ms(row.firstNoLatency));
  line('keystroke → results, p50 / p95, once loaded', 'p95 ≤ 16 ms', (row) => `${ms(row.warm.p50)} / ${ms(row.warm.p95)}`);
  line(`keystroke → results, p50 / p95, first time each query (fetches with ${LATENCY_MS} ms)`, '—', (row) => `${ms(row.cold.p50)} / ${ms(row.cold.p95)}`);
  line('tab heap with search ready (after 10 queries; blank tab beside it)', size > 10_000 ? '≤ 40 MB' : '≤ 15 MB', (row) => `${mib(row.heap)} (${mib(row.blankHeap)})`);
  line('one-typo recall, top 10', '≥ 95 %', (row) => pct(row.typo[0], row.typo[1]));
  line('cross-script recall (Serbian Latin ⇄ Cyrillic), top 10', '—', (row) => pct(row.cross[0], row.cross[1]));
  line('bytes after every query (200, fuse.js 30)', '—', (row) => kb(row.afterAll));
  line('whole index / archive on the server, gzip', '—', (row) => kb(row.total));
  line('index build (Node)', '—', (row) => ms(row.build));
  lines.push('');
}
if (notes.length) lines.push(...notes.map((note) => `- ${note}`), '');
lines.push('Heap: `performance.memory.usedJSHeapSize` after forced GC; Pagefind keeps its index in WebAssembly memory, which this does not count.');
console.log(lines.join('\n'));
