// Start-up (compile + evaluate) of what a typical page loads, against a bare Lit production bundle built in
// the same run: `npm run bench:startup` (or `node bench/startup.mjs [--quick]`).
//
// Bundles, built here from src with esbuild as vite ships them (production Lit from node_modules/lit,
// minified, ES2022, one IIFE like dist/mlo-widgets.js):
//   - typical page: what issue 10 calls typical, the list with its teaser cards, the breadcrumb and the office
//     contact (src/elements/{news-list,article-card,breadcrumb,office-contact}/define.ts), registered, no element on the page;
//     what their code loads by `import()` (sanitiser, DOMPurify, Serbian tables) left out, as the loader's
//     chunks leave it for later;
//   - all five elements (src/mlo-widgets.ts, the single-file build), for reference;
//   - the baseline: `export * from 'lit'` (LitElement, html, css, render, ReactiveElement), nothing else.
// One sample is one fresh page (its own context: no compilation or code cache), idle, then the bundle's text
// run as a classic script: the time around appending the <script> is its compile and its evaluation, which
// a classic script does synchronously (a unique comment per sample keeps V8's in-memory cache out). At 1x and
// 4x CPU, bundles interleaved. Target (issue 10): typical page p50 ≤ 1.5x bare Lit.
import { gzipSync } from 'node:zlib';
import { bundle, freshPage, launch, log, machine, ms, printTable, serve, stats, throttle } from './speed-harness.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 8 : 24;
const TARGET = 1.5;

const bundles = {
  typical: await bundle(
    `import '../src/elements/news-list/define.ts';
import '../src/elements/article-card/define.ts';
import '../src/elements/breadcrumb/define.ts';
import '../src/elements/office-contact/define.ts';`,
    { format: 'iife', lazy: true },
  ),
  all: await bundle(`export * from '../src/mlo-widgets.ts';`, { format: 'iife' }),
  lit: await bundle(`export * from 'lit';`, { format: 'iife' }),
};
const kib = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, ${(gzipSync(text).length / 1024).toFixed(1)} KiB gzip`;
for (const [name, code] of Object.entries(bundles)) log(`${name}: ${kib(code)}`);

const server = await serve({ '/favicon.ico': '', '/blank.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>start-up</title></head><body></body></html>' });
const browser = await launch();

let sample = 0;
async function startup(name, rate) {
  const { context, page } = await freshPage(browser, 1);
  await page.goto(`${server.origin}/blank.html`);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 })));
  await throttle(page, rate);
  sample += 1;
  const code = `${bundles[name]}\n//# sample ${sample} ${Math.random()}`;
  const time = await page.evaluate((text) => {
    const script = document.createElement('script');
    script.textContent = text;
    const start = performance.now();
    document.head.append(script);
    return performance.now() - start;
  }, code);
  const defined = await page.evaluate(() => ['mlo-news-list', 'mlo-article-card', 'mlo-breadcrumb', 'mlo-office-contact'].filter((tag) => customElements.get(tag)).length);
  if (name !== 'lit' && defined !== 4) throw new Error(`${name}: ${defined} of 4 elements defined`);
  await context.close();
  return time;
}

const rows = [];
try {
  for (const rate of [1, 4]) {
    log(`${rate}x CPU: ${RUNS} pages per bundle`);
    const times = { typical: [], all: [], lit: [] };
    for (let index = 0; index < RUNS; index += 1) {
      const order = index % 2 === 0 ? ['lit', 'typical', 'all'] : ['all', 'typical', 'lit'];
      for (const name of order) times[name].push(await startup(name, rate));
    }
    const lit = stats(times.lit);
    for (const [name, label, target] of [
      ['typical', 'typical page (list + teaser card + breadcrumb + office contact)', true],
      ['all', 'all five elements (single file)', false],
    ]) {
      const ours = stats(times[name]);
      const ratio = ours.p50 / lit.p50;
      rows.push({
        figure: `start-up, ${label}, ${rate}x CPU, p50 (p95) ms`,
        ours: `${ms(ours.p50)} (${ms(ours.p95)})`,
        baseline: `${ms(lit.p50)} (${ms(lit.p95)})`,
        ratio: `${ratio.toFixed(2)}x`,
        target: target ? `≤ ${TARGET}x` : undefined,
        pass: target ? ratio <= TARGET : undefined,
      });
    }
  }
  const machineLine = machine(browser);
  printTable(`Start-up (compile + evaluate) vs a bare Lit production bundle (${RUNS} fresh pages each, interleaved)`, rows);
  console.log(`Bundles: typical ${kib(bundles.typical)}; all five ${kib(bundles.all)}; bare Lit ${kib(bundles.lit)}.`);
  console.log(`Machine: ${machineLine}. Date: ${new Date().toISOString()}.`);
} finally {
  await browser.close();
  await server.close();
}
