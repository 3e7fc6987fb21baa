// Reading one feed page of 100 items (222 kB, a page of the search's synthetic archive): the main thread's
// longest task while it is read, at 1x and 4x CPU. `npm run bench:feed-read` (or `node bench/feed-read.mjs
// [--runs N]`).
//
// Ours is what the library does since issue 10's sixth session: `parseFeedTextInSlices` (JSON.parse, then the
// items in slices of 16 ms with the main thread given back in between). The baseline, in the same run, is the
// same code reading the page in one task (`parseFeedText`), as every feed page was read before. Each run is a
// fresh page (cold code, as a reader's first page is), the page's text already downloaded; runs alternate.
// Long tasks by PerformanceObserver 'longtask' (over 50 ms); the slices themselves are timed by the page.
// Target (issue 10): no main-thread task over 50 ms at 4x CPU.
import { bundle, freshPage, launch, log, machine, ms, printTable, serve, stats, interleave } from './speed-harness.mjs';
import { createArchive, feedPages } from './synthetic-archive.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 8;
const LIMIT_MS = 50;

const script = await bundle(`import { parseFeedText, parseFeedTextInSlices } from '../src/feed/parse.ts';
globalThis.benchRead = { parseFeedText, parseFeedTextInSlices };`);
const page100 = JSON.stringify(feedPages(createArchive({ size: 100 }), 100, '/archive')[0]);
const server = await serve({
  '/favicon.ico': '',
  '/page.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>read</title></head><body><script type="module" src="/read.js"></script></body></html>',
  '/read.js': script,
  '/archive/page-1.json': page100,
});
const browser = await launch();

/** One fresh page: downloads the page's text, then reads it one way, and reports the long tasks and the time. */
async function read(rate, sliced) {
  const { context, page } = await freshPage(browser, rate);
  try {
    await page.goto(`${server.origin}/page.html`);
    await page.waitForFunction(() => globalThis.benchRead !== undefined);
    return await page.evaluate(async (sliced) => {
      const body = await (await fetch('/archive/page-1.json')).text();
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
      observer.observe({ type: 'longtask' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const start = performance.now();
      const feed = sliced ? await globalThis.benchRead.parseFeedTextInSlices(body, { url: '/archive/page-1.json' }) : globalThis.benchRead.parseFeedText(body, { url: '/archive/page-1.json' });
      const elapsed = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return { items: feed.items.length, elapsed, longest: Math.max(0, ...tasks), count: tasks.length };
    }, sliced);
  } finally {
    await context.close();
  }
}

const rows = [];
for (const rate of [1, 4]) {
  log(`${rate}x CPU: ${RUNS} runs each, alternating`);
  const [ours, baseline] = await interleave(RUNS, () => read(rate, true), () => read(rate, false));
  if ([...ours, ...baseline].some((run) => run.items !== 100)) throw new Error('a page was not read whole');
  const longest = (runs) => Math.max(...runs.map((run) => run.longest));
  const longTasks = (runs) => runs.reduce((sum, run) => sum + run.count, 0);
  const describe = (runs) => (longTasks(runs) === 0 ? 'none' : `${longTasks(runs)} in ${runs.length} runs, longest ${ms(longest(runs))} ms`);
  rows.push({
    figure: `${rate}x CPU: long tasks while a 100-item page is read (${RUNS} fresh pages each)`,
    ours: describe(ours),
    baseline: describe(baseline),
    target: rate === 4 ? `no task > ${LIMIT_MS} ms` : undefined,
    pass: rate === 4 ? longTasks(ours) === 0 : undefined,
  });
  const time = (runs) => stats(runs.map((run) => run.elapsed));
  rows.push({
    figure: `${rate}x CPU: time until the page is read, p50 (p95) ms`,
    ours: `${ms(time(ours).p50)} (${ms(time(ours).p95)})`,
    baseline: `${ms(time(baseline).p50)} (${ms(time(baseline).p95)})`,
    ratio: `${(time(ours).p50 / time(baseline).p50).toFixed(2)}x`,
  });
}

printTable('Reading one 100-item feed page: in slices (ours) vs in one task (baseline)', rows);
console.log(`Machine: ${machine(browser)}. Date: ${new Date().toISOString()}.`);
await browser.close();
server.close();
