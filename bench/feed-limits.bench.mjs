// The feed page limits' benchmark: `node bench/feed-limits.bench.mjs [--runs 7]`.
//
// Measures, in Debian's headless Chromium at 1x CPU (never a downloaded browser), how long the main
// thread is blocked by one feed page of a given size: `JSON.parse` of its text alone, and the whole
// parse path the elements use (`parseFeedText`: the checks, JSON.parse, validation and normalisation).
// Two shapes: realistic news items (bench/synthetic-archive.mjs: title, summary, a body of about 220
// words in content_html, tags, date, `_mlo`), and the smallest valid items (an id and a short text),
// which give the most items per byte. The medians chose the limits in src/feed/limits.ts
// (docs/feed-format.md, "Limits"). Prints a Markdown table; nothing here passes or fails.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.mjs';
import { createArchive } from './synthetic-archive.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
const MIB = 1024 * 1024;

const outDir = mkdtempSync(join(tmpdir(), 'mlo-feed-bench-'));
const entry = join(outDir, 'entry.ts');
await (await import('node:fs/promises')).writeFile(
  entry,
  `import { parseFeedText } from ${JSON.stringify(join(root, 'src/feed/parse.ts'))};\n(globalThis as any).parseFeedText = parseFeedText;\n`,
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', minify: true, target: 'es2022', outfile: join(outDir, 'bench.js'), logLevel: 'error' });
const script = await readFile(join(outDir, 'bench.js'));

/** A feed of realistic items whose text is about `bytes` long (items repeat the archive's, with fresh ids). */
function newsFeed(bytes, archive) {
  const items = [];
  let size = 100;
  for (let i = 0; size < bytes; i += 1) {
    const item = { ...archive[i % archive.length], id: `item-${i}` };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items });
}

/** A feed of the smallest items JSON Feed allows (an id and a short text), about `bytes` long. */
function tinyFeed(bytes) {
  const items = [];
  for (let i = 0, size = 100; size < bytes; i += 1) {
    const item = { id: String(i), content_text: `Item ${i}` };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items });
}

/** The most objects per byte JSON allows: `items` full of empty objects (each dropped, but parsed first). */
function emptyObjectsFeed(bytes) {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Bench', items: Array.from({ length: Math.floor(bytes / 3) }, () => ({})) });
}

const archive = createArchive({ size: 2000 });
const cases = [];
for (const mib of [0.5, 1, 2, 4, 8, 16]) cases.push({ shape: 'news items', text: newsFeed(mib * MIB, archive) });
for (const mib of [0.25, 0.5, 1, 2, 4]) cases.push({ shape: 'smallest items', text: tinyFeed(mib * MIB) });
for (const mib of [0.5, 1, 2]) cases.push({ shape: 'empty objects', text: emptyObjectsFeed(mib * MIB) });

const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>feed limits</title></head><body><script type="module" src="/bench.js"></script></body></html>';
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  const feed = /^\/feed-(\d+)\.json$/.exec(path);
  if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  else if (path === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else if (feed && cases[Number(feed[1])]) response.writeHead(200, { 'content-type': 'application/feed+json' }).end(cases[Number(feed[1])].text);
  else response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true });
try {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => typeof globalThis.parseFeedText === 'function');
  const version = browser.version();
  const rows = [];
  for (const [index, { shape }] of cases.entries()) {
    const result = await tab.evaluate(
      async ({ url, runs }) => {
        const text = await (await fetch(url)).text();
        const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
        const parse = [];
        const whole = [];
        let items = 0;
        for (let run = 0; run < runs; run += 1) {
          let start = performance.now();
          const document = JSON.parse(text);
          parse.push(performance.now() - start);
          items = document.items.length;
          start = performance.now();
          try {
            globalThis.parseFeedText(text, { url: 'https://mlo.example/feed.json' });
          } catch {
            // Past a limit the parse path refuses: the time to refuse is what is measured.
          }
          whole.push(performance.now() - start);
        }
        return { length: text.length, items, parse: median(parse), whole: median(whole) };
      },
      { url: `${origin}/feed-${index}.json`, runs: RUNS },
    );
    rows.push({ shape, ...result });
    console.error(`[bench] ${shape} ${(result.length / MIB).toFixed(2)} MiB: JSON.parse ${result.parse.toFixed(1)} ms, parseFeedText ${result.whole.toFixed(1)} ms`);
  }
  console.log(`Chromium ${version}, ${RUNS} runs each, medians; 1x CPU.\n`);
  console.log('| shape | text MiB | items | JSON.parse ms | parseFeedText ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.shape} | ${(row.length / MIB).toFixed(2)} | ${row.items} | ${row.parse.toFixed(1)} | ${row.whole.toFixed(1)} |`);
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
