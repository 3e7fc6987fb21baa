// The archive search benchmark: `npm run bench` (or `node bench/search.bench.mjs [--sizes 10000,50000] [--quick]`;
// --quick leaves out the slow fuse.js comparison and the recall run).
//
// Builds bench/search-page.ts for the browser, generates deterministic synthetic archives
// (bench/synthetic-archive.mjs) served as JSON Feed pages of 100 items linked by next_url, and
// measures in Debian's headless Chromium (never a downloaded browser):
//   1. input event → results rendered in the real <mlo-archive-search> (debounce set to 0, so it
//      is excluded; the element's default debounce is 80 ms), 200 queries, and naive whole-document
//      fuse.js on the same items and queries for comparison;
//   2. one-typo recall over 200 sampled title words;
//   3. long tasks (> 50 ms) while the archive loads, is indexed and searched (a query typed every 100 ms);
//   4. the JS heap taken by the index at each size, after forced garbage collection.
// Prints a Markdown table. A benchmark that prints figures, not a test: nothing here passes or fails.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.mjs';
import { createArchive, feedPages, sampleQueries } from './synthetic-archive.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizesArgument = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10000,50000';
const sizes = sizesArgument.split(',').map(Number);
const quick = args.includes('--quick');
const PAGE_SIZE = 100;
const QUERY_COUNT = 200;
const FUSE_TITLE_SUMMARY_QUERIES = 50;
const FUSE_WHOLE_QUERIES = 10;
const RECALL_CASES = 200;

const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

const loadBefore = loadavg()[0];

// 1. The page bundle: production Lit, minified, as a site would ship it.
const outDir = mkdtempSync(join(tmpdir(), 'mlo-search-bench-'));
await build({
  entryPoints: [join(root, 'bench/search-page.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outfile: join(outDir, 'bench.js'),
  tsconfig: join(root, 'tsconfig.json'),
  // package.json's "sideEffects" lists the built files only; from source, the define modules must be kept.
  ignoreAnnotations: true,
  logLevel: 'error',
});
const script = await readFile(join(outDir, 'bench.js'));
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mlo-archive-search benchmark</title></head>
<body><script type="module" src="/bench.js"></script></body></html>`;

// 2. The archives, served as paged feeds.
const archives = new Map();
for (const size of sizes) {
  log(`generating ${size} items`);
  const items = createArchive({ size });
  const pages = feedPages(items, PAGE_SIZE, `/archive-${size}`).map((feed) => JSON.stringify(feed));
  archives.set(size, { items, pages, queries: sampleQueries(items, QUERY_COUNT) });
}

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  const pageMatch = /^\/archive-(\d+)\/page-(\d+)\.json$/.exec(path);
  if (path === '/' || path === '/index.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else if (path === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
  } else if (pageMatch && archives.get(Number(pageMatch[1]))?.pages[Number(pageMatch[2]) - 1]) {
    response.writeHead(200, { 'content-type': 'application/feed+json; charset=utf-8' }).end(archives.get(Number(pageMatch[1])).pages[Number(pageMatch[2]) - 1]);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM_EXECUTABLE,
  // Plus what the memory figures need: a callable gc() and unrounded heap sizes.
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

const browserVersion = `Chromium ${browser.version()}`;

/** Runs one measurement in a fresh page, so that heaps and long-task records do not mix. */
async function inPage(name, ...parameters) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  tab.on('pageerror', (error) => log('page error:', error.message));
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => 'bench' in globalThis);
  const started = Date.now();
  const result = await tab.evaluate(([run, runParameters]) => globalThis.bench[run](...runParameters), [name, parameters]);
  log(`${name}(${parameters.filter((value) => typeof value !== 'object').join(', ')}) took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await context.close();
  return result;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}
const ms = (value) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;

const results = { latency: [], longTasks: [], memory: [], recall: undefined };
try {
  for (const size of sizes) {
    const { queries } = archives.get(size);
    const src = `/archive-${size}/page-1.json`;
    const element = await inPage('elementRun', src, queries);
    results.latency.push({ engine: 'mlo-archive-search (inverted index)', size, queries: element.latencies.length, ...stats(element.latencies) });
    results.longTasks.push({ size, firstRenderMs: element.firstRenderMs, readyMs: element.readyMs, queriesWhileIndexing: element.queriesWhileIndexing, count: element.longTasks.length, max: Math.max(0, ...element.longTasks), itemCount: element.itemCount });
    if (size === sizes[0] && !quick) {
      const titleSummary = await inPage('fuseRun', src, queries.slice(0, FUSE_TITLE_SUMMARY_QUERIES), ['title', 'summary']);
      results.latency.push({ engine: 'naive fuse.js: title + summary', size, queries: titleSummary.latencies.length, indexMs: titleSummary.indexMs, ...stats(titleSummary.latencies) });
      const whole = await inPage('fuseRun', src, queries.slice(0, FUSE_WHOLE_QUERIES), ['title', 'summary', 'body']);
      results.latency.push({ engine: 'naive fuse.js: title + summary + body', size, queries: whole.latencies.length, indexMs: whole.indexMs, ...stats(whole.latencies) });
      results.recall = await inPage('recallRun', src, RECALL_CASES, 11);
    }
    const memory = await inPage('memoryRun', src, queries);
    results.memory.push({ size, ...memory, search: stats(memory.searchLatencies) });
  }
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${browserVersion} headless`;
const lines = [];
lines.push(`Machine: ${machine}; load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`);
lines.push(`Archive pages of ${PAGE_SIZE} items. Debounce excluded (set to 0; the element's default is 80 ms).`, '');
lines.push('### Input event → results rendered', '');
lines.push('| engine | items | queries | p50 ms | p95 ms | max ms | index build ms |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.latency) lines.push(`| ${row.engine} | ${row.size} | ${row.queries} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.max)} | ${row.indexMs === undefined ? '—' : ms(row.indexMs)} |`);
lines.push('', '### Main thread while loading, indexing and searching', '');
lines.push('Long tasks counted from inserting the element (after a first element has rendered once, which compiles the code: its time is the first column) to the end of the measured queries.', '');
lines.push('| items | first render on the page ms | every page loaded and indexed after | queries typed meanwhile | long tasks (> 50 ms) | longest task ms |');
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.longTasks) lines.push(`| ${row.itemCount} | ${ms(row.firstRenderMs)} | ${(row.readyMs / 1000).toFixed(2)} s | ${row.queriesWhileIndexing} | ${row.count} | ${row.count ? ms(row.max) : '—'} |`);
if (results.recall) {
  const r = results.recall;
  lines.push('', `### One-typo recall (${r.cases} title words of ≥ 5 letters found in ≤ 10 titles; item in the top 10)`, '');
  lines.push('| query | mlo search index | naive fuse.js (title + summary) |');
  lines.push('| --- | ---: | ---: |');
  lines.push(`| the word as written | ${pct(r.exact, r.cases)} | — |`);
  lines.push(`| one letter substituted | ${pct(r.substituted, r.cases)} | ${pct(r.fuseSubstituted, r.cases)} |`);
  lines.push(`| one edit of any kind (substitution, insertion, deletion, swap) | ${pct(r.anyEdit, r.cases)} | — |`);
  if (r.examples.length) lines.push('', `Misses (first ${r.examples.length}): ${r.examples.map((example) => `\`${example}\``).join('; ')}`);
}
lines.push('', '### Memory of the index (JS heap after forced GC)', '');
lines.push('| items | distinct terms | index heap | items heap (for scale) | build at once ms | search only p50 / p95 ms |');
lines.push('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.memory) lines.push(`| ${row.itemCount} | ${row.termCount} | ${mib(row.indexBytes)} | ${mib(row.itemBytes)} | ${ms(row.buildMs)} | ${ms(row.search.p50)} / ${ms(row.search.p95)} |`);
console.log(lines.join('\n'));
