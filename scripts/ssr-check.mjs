// Server rendering and hydration, end to end (part of `npm test`; docs/ssr.md):
//   1. renders test/ssr/page.ts in Node with @lit-labs/ssr (the sources bundled by esbuild, Lit left
//      external so that Node loads Lit's server build);
//   2. opens that HTML in Chromium with no script: declarative shadow DOM shows the server's render;
//   3. loads the elements (Lit's development build, with @lit-labs/ssr-client's hydration support
//      first) and checks the take-over: the same boxes, no layout shift, the server's nodes kept
//      where the element hydrates, no fetch of data the page gave, one fetch for `src`, the elements
//      answer clicks and keys, and no error or Lit warning on the console.
// Exits 1 with the list of failed checks. Usage: node scripts/ssr-check.mjs [--keep] (keeps the HTML
// in node_modules/.cache/mlo-ssr/page.html).
/* global document, window, customElements, Node, requestAnimationFrame -- page.evaluate callbacks run in the browser */
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}node_modules/.cache/mlo-ssr/`;
const ORIGIN = 'http://ssr.test';
/** The demo feed as it was when this check was written, on one page (the demo's own moves on). */
const FEED_FILE = `${root}test/ssr/feed.json`;
/** Where the feed's absolute image addresses point. */
const IMAGE_ORIGIN = 'https://mlo-belgrade.example';
/** Every image of the feed, drawn the same: a 16:9 picture (its size is the card's, not the file's). */
const IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9"><rect width="16" height="9" fill="#5b7fa6"/></svg>';

const failures = [];
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

// 1. Bundles: the server's for Node, the browser's with Lit's development build (it warns).
await mkdir(out, { recursive: true });
// ignoreAnnotations: the package's sideEffects list is for its users, not for these test entries.
const common = { bundle: true, ignoreAnnotations: true, format: 'esm', tsconfig: `${root}tsconfig.json`, logLevel: 'warning', absWorkingDir: root };
await build({
  ...common,
  entryPoints: [`${root}test/ssr/server.ts`],
  outfile: `${out}server.mjs`,
  platform: 'node',
  external: ['lit', 'lit/*', '@lit-labs/ssr', '@lit-labs/ssr/*', 'dompurify'],
});
for (const name of ['client', 'client-plain']) {
  await build({ ...common, entryPoints: [`${root}test/ssr/${name}.ts`], outfile: `${out}${name}.js`, platform: 'browser', conditions: ['development'] });
}

const feedText = await readFile(FEED_FILE, 'utf8');
const feed = JSON.parse(feedText);
const { renderDocument, FEED_PATH, LIGHT_STEPS, OWN_CONTACT } = await import(pathToFileURL(`${out}server.mjs`).href);

const pageHtml = await renderDocument(feed);
if (process.argv.includes('--keep')) await writeFile(`${out}page.html`, pageHtml);

// What the server wrote, before any browser: the items, the contact, the path, the search box.
const htmlText = pageHtml.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const [first, second] = feed.items;
check(htmlText.includes(second.title), 'server HTML has the card title');
check(htmlText.includes('Bircaninova 5') && htmlText.includes('"@type":"GovernmentOffice"'), 'server HTML has the office contact and its JSON-LD');
check(htmlText.includes('"@type":"BreadcrumbList"'), 'server HTML has the breadcrumb JSON-LD');
check(!htmlText.includes('The breadcrumb is empty') && !htmlText.includes('No news feed is set'), 'server HTML has no empty-state message');

// 2. The browser, serving the page, the bundle, the feed (held until released) and its images.
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
const requests = new Map();
let releaseFeed;
const feedReleased = new Promise((resolve) => (releaseFeed = resolve));
const consoleProblems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    const type = message.type();
    // Lit's development build says once that it is the development build; anything else is a problem.
    if ((type === 'warning' || type === 'error') && !message.text().startsWith('Lit is in dev mode')) consoleProblems.push(`${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`uncaught: ${error.message}`));
  // The page's origin, and the demo feed's own for its images; any other request is refused (and logged, so it fails the console check).
  await context.route('**', async (route) => {
    const { origin, pathname } = new URL(route.request().url());
    if (origin !== ORIGIN && origin !== IMAGE_ORIGIN) return route.abort();
    requests.set(pathname, (requests.get(pathname) ?? 0) + 1);
    if (pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml });
    if (pathname === '/client.js' || pathname === '/client-plain.js') return route.fulfill({ contentType: 'text/javascript', body: await readFile(`${out}${pathname.slice(1)}`) });
    if (pathname === FEED_PATH) {
      await feedReleased;
      return route.fulfill({ contentType: 'application/feed+json', body: feedText });
    }
    if (/\/images\/[\w-]+\.svg$/.test(pathname)) return route.fulfill({ contentType: 'image/svg+xml', body: IMAGE });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/`);

  /** Per element: its box, the text a reader sees in it (shadow and slotted), and whether it is defined. */
  const snapshot = (tab = page) =>
    tab.evaluate(() => {
      const visibleText = (host) => {
        const texts = [];
        const walk = (node) => {
          for (const child of node.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) {
              const range = document.createRange();
              range.selectNodeContents(child);
              if (child.data.trim() && range.getClientRects().length > 0) texts.push(child.data.trim());
            } else if (child.nodeType === Node.ELEMENT_NODE) {
              if (child.shadowRoot) walk(child.shadowRoot);
              walk(child);
            }
          }
        };
        if (host.shadowRoot) walk(host.shadowRoot);
        walk(host);
        return texts.join(' ');
      };
      const result = {};
      for (const el of document.querySelectorAll('main [id]')) {
        const { x, y, width, height } = el.getBoundingClientRect();
        result[el.id] = { box: { x, y, width, height }, text: visibleText(el), defined: customElements.get(el.localName) !== undefined, hasShadow: el.shadowRoot !== null };
      }
      return result;
    });

  const before = await snapshot();
  const ids = Object.keys(before);
  check(ids.length === 12 && ids.every((id) => before[id].hasShadow && !before[id].defined), 'before the script: every element has its declarative shadow root, none is defined', ids.join(', '));
  /** The titles a list shows, in order. */
  const listTitles = (id, tab = page) => tab.evaluate((listId) => [...document.getElementById(listId).shadowRoot.querySelectorAll('[part~="item"]')].map((item) => item.querySelector('mlo-article-card')?.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? ''), id);
  const titles = await listTitles('list-data');
  // A title, or the start of a summary cut to a title ("…").
  const inFeed = (title) => feed.items.some((item) => Object.values(item).some((text) => typeof text === 'string' && text.includes(title.replace(/…$/, ''))));
  check(titles.length === 3 && titles.every((title) => title && inFeed(title) && htmlText.includes(title)), 'before the script: the list given .feed shows three items of the feed, written in the server HTML', titles.join(' | '));
  check(before['card-data'].text.includes(second.title), 'before the script: the card given .article shows its title');
  check(before['breadcrumb-data'].text.includes('MLO Belgrade') && before['breadcrumb-data'].text.includes(first.title), 'before the script: the breadcrumb given .feed shows its path', before['breadcrumb-data'].text);
  check(LIGHT_STEPS.every((step) => before['breadcrumb-light'].text.includes(step)), 'before the script: the breadcrumb shows its light-DOM links', before['breadcrumb-light'].text);
  check(before['contact-embedded'].text.includes('Bircaninova 5') && before['contact-embedded'].text.includes('Media Operations'), 'before the script: the office contact shows the embedded contact');
  check(before['contact-own'].text === OWN_CONTACT, 'before the script: the office contact shows the contact block written inside it, only', before['contact-own'].text);
  check(before['list-src'].box.height > 100 && (await listTitles('list-src')).length === 0, 'before the script: the list given src alone shows its placeholder', `${before['list-src'].box.height}px`);
  /** The accessible name of a breadcrumb's landmark. */
  const navLabel = (id) => page.evaluate((el) => document.getElementById(el).shadowRoot.querySelector('nav')?.getAttribute('aria-label'), id);
  check((await navLabel('breadcrumb-page-lang')) === 'Breadcrumb', 'before the script: a breadcrumb without lang is in English on the server (it sees no ancestor)');
  const searchBefore = await page.evaluate(() => {
    const root = document.getElementById('search').shadowRoot;
    const input = root?.querySelector('input');
    const label = input && (input.labels?.[0]?.textContent ?? '').trim();
    const form = input?.form;
    return { label, form: form ? { action: form.getAttribute('action'), method: form.getAttribute('method'), name: input.name } : null };
  });
  check(searchBefore.label === 'Search our content', 'before the script: the search box is labelled', JSON.stringify(searchBefore));
  check(searchBefore.form?.action === '/search' && searchBefore.form.method === 'get' && searchBefore.form.name === 'q', 'before the script: the search box is in a plain GET form to the action', JSON.stringify(searchBefore.form));

  // Keep hold of server nodes, to see which ones hydration keeps; watch for layout shifts from here on.
  await page.evaluate(() => {
    const keep = (id, selector) => document.getElementById(id).shadowRoot.querySelector(selector);
    window.serverNodes = {
      'list-data': keep('list-data', '[part~="item"]'),
      'card-data': keep('card-data', '[part~="title"]'),
      'breadcrumb-data': keep('breadcrumb-data', '[part~="expand-button"]'),
      'list-src': keep('list-src', '[part~="skeleton"]'),
      'list-sr': keep('list-sr', '[part~="item"]'),
      'search-data': keep('search-data', 'input[type="search"]'),
      search: keep('search', 'input[type="search"]'),
    };
    window.layoutShifts = [];
    new PerformanceObserver((list) => window.layoutShifts.push(...list.getEntries().map((entry) => entry.value))).observe({ type: 'layout-shift' });
  });
  const articleSelects = [];
  await page.exposeFunction('recordArticleSelect', (id) => articleSelects.push(id));

  // 3. Hydration.
  await page.addScriptTag({ url: '/client.js', type: 'module' });
  await page.waitForFunction(() => [...document.querySelectorAll('main [id]')].every((el) => customElements.get(el.localName) && el.hasUpdated), undefined, { timeout: 10_000 });
  await page.evaluate(async () => {
    await Promise.all([...document.querySelectorAll('main [id]')].map((el) => el.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const after = await snapshot();
  // The full article shows its placeholder on the server (its body needs the browser's sanitiser), then its body.
  const settledIds = ids.filter((id) => id !== 'card-full');
  const moved = settledIds.filter((id) => ['x', 'y', 'width', 'height'].some((key) => Math.abs(after[id].box[key] - before[id].box[key]) > 0.5));
  check(moved.length === 0, 'after hydration: every element keeps its box', moved.map((id) => `${id} ${JSON.stringify(before[id].box)} → ${JSON.stringify(after[id].box)}`).join('; '));
  const shifts = await page.evaluate(() => window.layoutShifts);
  check(shifts.length === 0, 'after hydration: no layout shift', `${shifts.length} shifts, total ${shifts.reduce((sum, value) => sum + value, 0)}`);
  const kept = await page.evaluate(() => Object.fromEntries(Object.entries(window.serverNodes).map(([id, node]) => [id, Boolean(node?.isConnected)])));
  check(Object.values(kept).every(Boolean), 'after hydration: the server nodes are kept (hydrated, not rendered again)', JSON.stringify(kept));
  check(JSON.stringify(await listTitles('list-data')) === JSON.stringify(titles) && after['card-data'].text === before['card-data'].text, 'after hydration: the list and the card show the same items');
  await page.waitForFunction(() => document.getElementById('card-full').shadowRoot.querySelector('[part~="body"]') !== null, undefined, { timeout: 10_000 });
  const fullHeight = await page.evaluate(() => document.getElementById('card-full').getBoundingClientRect().height);
  check(true, 'the full article card shows its body once the browser has its sanitiser', `placeholder ${before['card-full'].box.height}px on the server, ${fullHeight}px with its body`);
  check((await navLabel('breadcrumb-page-lang')) === 'Navigaciona putanja', 'after hydration: a breadcrumb without lang speaks the page language (rendered afresh)', await navLabel('breadcrumb-page-lang'));
  check(after['list-sr'].text === before['list-sr'].text && (await listTitles('list-sr')).length === 1, 'after hydration: the list with lang="sr-Latn" shows what the server wrote in Serbian', `${before['list-sr'].text} → ${after['list-sr'].text}`);
  check(LIGHT_STEPS.every((step) => after['breadcrumb-light'].text.includes(step)), 'after hydration: the breadcrumb shows its path from its links', after['breadcrumb-light'].text);
  check(after['contact-own'].text === OWN_CONTACT && after['contact-embedded'].text === before['contact-embedded'].text, 'after hydration: the office contacts show the same', after['contact-embedded'].text);
  const jsonLd = await page.evaluate(() =>
    ['breadcrumb-data', 'breadcrumb-light', 'contact-embedded'].map((id) => {
      const el = document.getElementById(id);
      return `${el.querySelectorAll(':scope > script[type="application/ld+json"]').length}+${el.shadowRoot.querySelectorAll('script[type="application/ld+json"]').length}`;
    }),
  );
  check(jsonLd.every((count) => count === '1+0'), 'after hydration: one JSON-LD block each, in the light DOM', jsonLd.join(', '));
  const fetched = [...requests.keys()].filter((path) => path !== '/' && path !== '/client.js' && !path.endsWith('.svg'));
  check(fetched.length === 1, 'nothing fetched for the elements given data', fetched.join(', '));
  check(requests.get(FEED_PATH) === 1, 'the feed given by src is asked for once (shared by the list and the search)', String(requests.get(FEED_PATH)));

  // The src list takes over from its placeholder once the feed arrives.
  releaseFeed();
  await page.waitForFunction(() => document.getElementById('list-src').shadowRoot.querySelectorAll('[part~="item"]').length > 0, undefined, { timeout: 10_000 });
  await page.evaluate(() => document.getElementById('list-src').updateComplete);
  check(JSON.stringify(await listTitles('list-src')) === JSON.stringify(titles), 'the list given src shows the same items once the feed arrives');

  // Interactive: a click on a hydrated card link, the hydrated "…" button, the re-rendered copy button, a key in the search box.
  await page.evaluate(() =>
    document.addEventListener('mlo-article-select', (event) => {
      event.preventDefault();
      window.recordArticleSelect(event.detail.item.id);
    }),
  );
  await page.locator('#list-data [part~="link"]').first().click();
  // The listener reports through an exposed function, which answers asynchronously.
  for (let waited = 0; articleSelects.length === 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  check(articleSelects.length === 1 && feed.items.some((item) => item.id === articleSelects[0]), 'a click on the hydrated list selects its article', articleSelects.join(', '));
  await page.locator('#breadcrumb-data [part~="expand-button"]').click();
  const expanded = await page.evaluate(() => {
    const root = document.getElementById('breadcrumb-data').shadowRoot;
    return [...root.querySelectorAll('[part~="link"]')].filter((link) => link.getClientRects().length > 0).map((link) => link.textContent.trim());
  });
  check(expanded.includes('Newsroom') && expanded.includes('News Archive'), 'the hydrated breadcrumb opens its collapsed path', expanded.join(' / '));
  await page.locator('#contact-embedded [part~="copy-button"]').first().click();
  await page.waitForFunction(() => document.getElementById('contact-embedded').shadowRoot.querySelector('[part~="copy-status"]').textContent.trim() !== '');
  check(true, 'the office contact answers its copy button');
  const searchInput = page.locator('#search input[type="search"]').first();
  await searchInput.focus();
  await page.keyboard.type('Belgrade');
  // Indexing runs in slices that yield to the page: give a loaded machine time.
  await page.waitForFunction(() => document.getElementById('search').shadowRoot.querySelectorAll('[role="option"]').length > 0, undefined, { timeout: 20_000 });
  check(true, 'the search lists results for what is typed');

  check(consoleProblems.length === 0, 'no hydration error, uncaught error or Lit warning', consoleProblems.join(' | '));

  // Without the hydration support (as with the script-tag bundle, whose Lit has none): rendered over the server's HTML, not beside it.
  const plain = await context.newPage();
  const plainProblems = [];
  plain.on('console', (message) => {
    if (['warning', 'error'].includes(message.type()) && !message.text().startsWith('Lit is in dev mode')) plainProblems.push(message.text());
  });
  plain.on('pageerror', (error) => plainProblems.push(error.message));
  await plain.goto(`${ORIGIN}/`);
  const plainBefore = await snapshot(plain);
  await plain.addScriptTag({ url: '/client-plain.js', type: 'module' });
  await plain.waitForFunction(() => [...document.querySelectorAll('main [id]')].every((el) => customElements.get(el.localName) && el.hasUpdated), undefined, { timeout: 10_000 });
  await plain.evaluate(() => Promise.all([...document.querySelectorAll('main [id]')].map((el) => el.updateComplete)));
  const plainAfter = await snapshot(plain);
  const plainMoved = ids.filter((id) => id !== 'list-src' && id !== 'card-full' && ['y', 'height'].some((key) => Math.abs(plainAfter[id].box[key] - plainBefore[id].box[key]) > 0.5));
  check(JSON.stringify(await listTitles('list-data', plain)) === JSON.stringify(titles) && plainMoved.length === 0 && plainProblems.length === 0,
    'without hydration support: each element renders over its server HTML (nothing doubled, nothing moved, no error)', [...plainMoved, ...plainProblems].join(' | '));
  await plain.close();
} catch (error) {
  // A step that never came (an element that did not hydrate, a result that never showed): say what the page said.
  check(false, `the check stopped: ${error.message.split('\n')[0]}`, consoleProblems.join(' | '));
} finally {
  releaseFeed();
  await browser.close();
}

if (failures.length > 0) {
  console.error(`\nssr-check: ${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log('\nssr-check: server rendering and hydration as expected.');
