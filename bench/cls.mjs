// Cumulative Layout Shift of each element with the README's Embed snippet (the reservation stylesheet
// dist/mlo-widgets.css in <head>, the loader dist/mlo-widgets.js with defer), beside a control page with
// the same script and no reservation, when the script arrives late (every file from the CDN delayed) and
// the feed later still. Each page has text above and below the element, as a partner's page would.
// Runs interleaved (control, snippet, snippet, control …), fresh context each, p50/p95 per element.
// `npm run bench:cls` (after `npm run build`); `node bench/cls.mjs --runs 9 --cpu 4`; `--only full` runs the cases whose
// name has that text. Prints figures (and each element's settled height), passes nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchFeed, freshPage, interleave, launch, log, machine, root, serve, stats } from './speed-harness.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('runs', 5);
const CPU = argument('cpu', 1);
const SCRIPT_DELAY = argument('script-delay', 300);
const FEED_DELAY = argument('feed-delay', 800);
// `--article-placeholder 0px` sets --mlo-article-placeholder-height on the full articles: 0px gives the
// earlier placeholder (the article's first lines only), to compare with the default (the first screen).
const ARTICLE_PLACEHOLDER = process.argv.includes('--article-placeholder') ? process.argv[process.argv.indexOf('--article-placeholder') + 1] : '';
const articleStyle = ARTICLE_PLACEHOLDER ? ` style="--mlo-article-placeholder-height:${ARTICLE_PLACEHOLDER}"` : '';

const DIST = join(root, 'dist');
const CDN = '/cdn/mlo-widgets@0/dist/';
if (!existsSync(join(DIST, 'mlo-widgets.css')) || !existsSync(join(DIST, 'chunks'))) {
  console.error('dist/mlo-widgets.css or dist/chunks/ is missing: run "npm run build" (or "npx vite build") first.');
  process.exit(1);
}

const feed = await benchFeed();
const items = JSON.parse(feed).items;
const article = items.find((item) => /<img[^>]+width=/.test(item.content_html ?? '')) ?? items.find((item) => item.content_html);
// A short one too (its body a paragraph or two, shorter than the screen): the placeholder, a first screen, shrinks to it.
const short = items.filter((item) => item.content_html).sort((a, b) => a.content_html.length - b.content_html.length)[0];
const routes = { '/feed.json': feed };
for (const file of ['mlo-widgets.js', 'mlo-widgets.css', ...readdirSync(join(DIST, 'chunks')).filter((name) => name.endsWith('.js')).map((name) => `chunks/${name}`)]) {
  routes[CDN + file] = { body: readFileSync(join(DIST, file)), type: file.endsWith('.css') ? 'text/css' : 'text/javascript; charset=utf-8' };
}

const CASES = [
  ['news list (list)', '<mlo-news-list src="/feed.json" limit="3"></mlo-news-list>'],
  ['news list (grid)', '<mlo-news-list src="/feed.json" layout="grid" limit="6"></mlo-news-list>'],
  ['news list (headlines)', '<mlo-news-list src="/feed.json" layout="headlines" limit="5"></mlo-news-list>'],
  ['breadcrumb', '<mlo-breadcrumb><a href="/">MLO Belgrade</a><a href="/newsroom/">Newsroom</a><span>News Archive</span></mlo-breadcrumb>'],
  ['office contact', '<mlo-office-contact></mlo-office-contact>'],
  ['archive search', '<mlo-archive-search src="/feed.json"></mlo-archive-search>'],
  ['full article (images with dimensions)', `<mlo-article-card variant="full" src="/feed.json" article-id="${article.id}"${articleStyle}></mlo-article-card>`],
  ['full article (short, under a screen)', `<mlo-article-card variant="full" src="/feed.json" article-id="${short.id}"${articleStyle}></mlo-article-card>`],
].filter(([name]) => !process.argv.includes('--only') || name.includes(process.argv[process.argv.indexOf('--only') + 1]));

const TEXT = 'The partner page goes on below the widget: paragraphs a reader is reading while the widget loads. '.repeat(6);
function pageHtml(element, reserve) {
  const css = reserve ? `<link rel="stylesheet" href="${CDN}mlo-widgets.css">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>CLS</title>${css}<script src="${CDN}mlo-widgets.js" defer></script></head>
<body style="margin:0 auto;max-width:60em;padding:1em;font:16px/1.5 sans-serif">
<h1>A partner page</h1><p>${TEXT}</p>${element}<p>${TEXT}</p><p>${TEXT}</p><p>${TEXT}</p></body></html>`;
}

const server = await serve(routes);
const browser = await launch();
log(machine(browser));
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let pageNumber = 0;
/** Each element's height once settled (the last run's), to print beside its figures. */
const heights = new Map();
async function cls(element, reserve) {
  const path = `/page-${++pageNumber}.html`;
  routes[path] = pageHtml(element, reserve);
  const { context, page } = await freshPage(browser, CPU);
  await page.addInitScript(() => {
    globalThis.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) globalThis.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The script (and every file beside it) and the feed arrive late; the page and its stylesheet on time.
  await page.route(/\/cdn\/.*\.js$/, async (route) => {
    await delay(SCRIPT_DELAY);
    await route.continue();
  });
  await page.route(/\/feed\.json$/, async (route) => {
    await delay(FEED_DELAY);
    await route.continue();
  });
  await page.goto(server.origin + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const value = await page.evaluate(() => globalThis.__cls);
  heights.set(element, await page.evaluate(() => globalThis.document.querySelector('body > :nth-child(3)').getBoundingClientRect().height));
  await context.close();
  return value;
}

console.log(`# Layout shift with the README's Embed snippet (npm run bench:cls)\n`);
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine(browser)}; CPU ${CPU}x.`);
console.log(`Script and chunks ${SCRIPT_DELAY} ms late, feed ${FEED_DELAY} ms late; ${RUNS} runs each, interleaved with the control.`);
console.log(`Control: the same page without dist/mlo-widgets.css (the reservation). Viewport 1000 × 800.${ARTICLE_PLACEHOLDER ? ` Full articles with --mlo-article-placeholder-height: ${ARTICLE_PLACEHOLDER}.` : ''}\n`);
console.log('| element | height | snippet p50 | snippet p95 | control p50 | control p95 | target | within |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const [name, element] of CASES) {
  const [snippet, control] = await interleave(RUNS, () => cls(element, true), () => cls(element, false));
  const ours = stats(snippet);
  const theirs = stats(control);
  const target = name.startsWith('full article') ? 0.05 : 0;
  const f = (value) => value.toFixed(3);
  console.log(`| ${name} | ${Math.round(heights.get(element))} px | ${f(ours.p50)} | ${f(ours.p95)} | ${f(theirs.p50)} | ${f(theirs.p95)} | ${target ? `≤ ${target}` : '0.00'} | ${ours.p95 <= target + 0.0005 ? 'yes' : '**no**'} |`);
}
await browser.close();
await server.close();
