// First render of a 20-item <mlo-news-list> against a hand-written vanilla custom element that renders
// the same DOM (bench/vanilla-news-list.js): `npm run bench:render` (or `node bench/render.mjs [--quick]`).
//
// Both get the same parsed feed as data (`.feed`, a Feed from parseFeed: parsing is the feed layer's,
// and the same for both) and `limit="20"`. One render is timed from creating the element to its DOM
// being complete (every card rendered) and laid out (a forced style and layout read):
//   - cold: the first render in a fresh page (its own context: no JIT, no prepared templates, no
//     stylesheets yet), after the bundle has loaded and the page is idle; one sample per page;
//   - warm: later renders in a page that has rendered before (the previous list removed first);
// at 1x and 4x CPU (CDP Emulation.setCPUThrottlingRate), ours and the baseline alternating. Before timing,
// the two DOMs are compared (shadow roots included, Lit's marker comments and whitespace-only text left
// out, the vanilla tag names read as ours): a baseline that drew less would not be a baseline.
// Target (issue 10): the p50 ratio ≤ 1.15 in each of the four cases.
//
// `--compile-hints` starts both bundles with V8's `//# allFunctionsCalledOnLoad` (Chrome 136+): every function
// compiled when the script is, off the main thread while it streams, instead of on first call inside the
// render. Neither the shipped files nor the baseline carry it by default; the flag measures what it would buy.
import { benchFeed, bundle, freshPage, interleave, launch, log, machine, ms, printTable, serve, stats, throttle } from './speed-harness.mjs';

const quick = process.argv.includes('--quick');
const COMPILE_HINT = process.argv.includes('--compile-hints') ? '//# allFunctionsCalledOnLoad\n' : '';
const COLD_RUNS = quick ? 6 : 16;
const WARM_RUNS = quick ? 20 : 60;
const WARM_UP = 8;
const TARGET = 1.15;

// 1. The feed: 20 items (see benchFeed in bench/speed-harness.mjs), no next_url.
const feed = await benchFeed();

// 2. The bundles: ours is what ships for the list (src/elements/{news-list,article-card}/define.ts: list and card,
// production Lit); the baseline gets our elements' stylesheets as CSS text, read from our element in a page below.
const ours = COMPILE_HINT + await bundle(`import '../src/elements/news-list/define.ts';
import '../src/elements/article-card/define.ts';
import { parseFeed } from '../src/feed/parse.ts';
globalThis.benchParseFeed = parseFeed;`);

const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>render benchmark</title></head>
<body><main id="stage" style="width: 760px"></main><script type="module" src="/${script}"></script></body></html>`;
const routes = { '/favicon.ico': '', '/ours.html': page('ours.js'), '/ours.js': ours, '/vanilla.html': page('vanilla.js'), '/feed.json': feed };
const server = await serve(routes);
const browser = await launch();

/** In the page: fetches the feed once and defines the timed render. */
async function prepare(tab, kind) {
  await tab.goto(`${server.origin}/${kind}.html`);
  await tab.waitForFunction(() => 'benchParseFeed' in globalThis);
  await tab.evaluate(async () => {
    const json = await (await fetch('/feed.json')).json();
    // Lit's updates are microtasks: the list's, then each card's. The baseline renders synchronously.
    const settle = async (element) => {
      await element.updateComplete;
      const cards = [...(element.shadowRoot?.querySelectorAll('*') ?? [])].filter((node) => 'updateComplete' in node);
      await Promise.all(cards.map((card) => card.updateComplete));
    };
    globalThis.benchRender = async (tag) => {
      const stage = document.getElementById('stage');
      stage.replaceChildren();
      // New item objects every time (parsed before the clock starts): a warm render gains nothing from
      // anything remembered about the previous render's items.
      const feed = globalThis.benchParseFeed(json);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const start = performance.now();
      const list = document.createElement(tag);
      list.setAttribute('limit', '20');
      list.feed = feed;
      stage.append(list);
      await settle(list);
      const dom = performance.now();
      void stage.offsetHeight; // Style and layout, as the first paint needs them.
      const laidOut = performance.now();
      return { dom: dom - start, total: laidOut - start };
    };
    globalThis.benchIdle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));
  });
}

/** The rendered DOM as text: shadow roots inline, attributes sorted, comments and blank text left out. */
async function snapshot(tab, tag) {
  return tab.evaluate(async (name) => {
    await globalThis.benchRender(name);
    const write = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data.trim() ? node.data : '';
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
      const children = [...(node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes].map(write).join('');
      if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return `<#shadow ${node.adoptedStyleSheets.length} sheets>${children}</#shadow>`;
      const attributes = [...node.attributes].map((attribute) => ` ${attribute.name}="${attribute.value}"`).sort().join('');
      const local = node.localName.replace(/^vanilla-/, 'mlo-');
      return `<${local}${attributes}>${children}</${local}>`;
    };
    return write(document.querySelector('#stage').firstElementChild);
  }, tag);
}

const rows = [];
const details = [];
try {
  // Our element's flattened stylesheets, in order: the baseline adopts the same.
  const probe = await freshPage(browser, 1);
  await prepare(probe.page, 'ours');
  const css = await probe.page.evaluate(() => {
    const text = (tag) => customElements.get(tag).elementStyles.map((style) => style.cssText);
    return { list: text('mlo-news-list'), card: text('mlo-article-card') };
  });
  routes['/vanilla.js'] = COMPILE_HINT + await bundle(`import { defineVanilla } from './vanilla-news-list.js';
defineVanilla();
import { parseFeed } from '../src/feed/parse.ts';
globalThis.benchParseFeed = parseFeed;`, { define: { __VANILLA_LIST_CSS__: JSON.stringify(css.list), __VANILLA_CARD_CSS__: JSON.stringify(css.card) } });
  const ourDom = await snapshot(probe.page, 'mlo-news-list');
  await probe.context.close();
  const baseline = await freshPage(browser, 1);
  await prepare(baseline.page, 'vanilla');
  const vanillaDom = await snapshot(baseline.page, 'vanilla-news-list');
  await baseline.context.close();
  if (ourDom !== vanillaDom) {
    let at = 0;
    while (ourDom[at] === vanillaDom[at]) at += 1;
    throw new Error(`the baseline's DOM differs from ours at ${at}:\n ours:     …${ourDom.slice(at - 200, at + 200)}\n baseline: …${vanillaDom.slice(at - 200, at + 200)}`);
  }
  log(`same DOM (${ourDom.length} characters, ${(ourDom.match(/<mlo-article-card/g) ?? []).length} cards)`);

  for (const rate of [1, 4]) {
    // Cold: one fresh page per sample.
    const cold = async (kind) => {
      const { context, page: tab } = await freshPage(browser, 1);
      await prepare(tab, kind);
      await tab.evaluate(() => globalThis.benchIdle());
      await throttle(tab, rate);
      const result = await tab.evaluate((tag) => globalThis.benchRender(tag), kind === 'ours' ? 'mlo-news-list' : 'vanilla-news-list');
      await context.close();
      return result;
    };
    log(`cold, ${rate}x CPU: ${COLD_RUNS} pages each`);
    const [coldOurs, coldVanilla] = await interleave(COLD_RUNS, () => cold('ours'), () => cold('vanilla'));

    // Warm: one page each, rendering again and again.
    log(`warm, ${rate}x CPU: ${WARM_RUNS} renders each`);
    const pages = {};
    for (const kind of ['ours', 'vanilla']) {
      pages[kind] = await freshPage(browser, rate);
      await prepare(pages[kind].page, kind);
      for (let index = 0; index < WARM_UP; index += 1) await pages[kind].page.evaluate((tag) => globalThis.benchRender(tag), kind === 'ours' ? 'mlo-news-list' : 'vanilla-news-list');
    }
    const warm = (kind) => pages[kind].page.evaluate((tag) => globalThis.benchRender(tag), kind === 'ours' ? 'mlo-news-list' : 'vanilla-news-list');
    const [warmOurs, warmVanilla] = await interleave(WARM_RUNS, () => warm('ours'), () => warm('vanilla'));
    for (const kind of ['ours', 'vanilla']) await pages[kind].context.close();

    for (const [name, a, b] of [
      ['cold', coldOurs, coldVanilla],
      ['warm', warmOurs, warmVanilla],
    ]) {
      for (const measure of ['total', 'dom']) {
        const sa = stats(a.map((sample) => sample[measure]));
        const sb = stats(b.map((sample) => sample[measure]));
        const ratio = sa.p50 / sb.p50;
        const label = measure === 'total' ? 'DOM complete and laid out' : 'DOM complete (script only)';
        rows.push({
          figure: `first render, ${name}, ${rate}x CPU: ${label}, p50 (p95) ms`,
          ours: `${ms(sa.p50)} (${ms(sa.p95)})`,
          baseline: `${ms(sb.p50)} (${ms(sb.p95)})`,
          ratio: `${ratio.toFixed(2)}x (p95 ${(sa.p95 / sb.p95).toFixed(2)}x)`,
          target: measure === 'total' ? `≤ ${TARGET}x` : undefined,
          pass: measure === 'total' ? ratio <= TARGET : undefined,
        });
        details.push({ name, rate, measure, ours: sa, baseline: sb });
      }
    }
  }
  const machineLine = machine(browser);
  const passed = printTable(`First render of a 20-item mlo-news-list vs a hand-written element (${COLD_RUNS} cold pages and ${WARM_RUNS} warm renders each, interleaved${COMPILE_HINT ? '; both with the compile hint' : ''})`, rows);
  console.log(`Machine: ${machineLine}. Date: ${new Date().toISOString()}.`);
  process.exitCode = passed ? 0 : 0; // A benchmark: the table says pass or FAIL; the exit code is for errors only.
} finally {
  await browser.close();
  await server.close();
}
