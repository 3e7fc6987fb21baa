// Article body limits: `node bench/body-limits.mjs [--runs 5]`. A benchmark that prints figures, not a test.
//
// How long a full <mlo-article-card> takes to sanitise and render a body, for a realistic article, for
// hostile bodies (10,000 levels deep, 50,000 elements, megabytes of text) and for bodies exactly at
// the limits of src/internal/sanitize.ts (BODY_LIMITS, read from the bundle: nothing is hardcoded here).
// Measured in Debian's headless Chromium (scripts/chromium.mjs), no CPU throttling, production Lit,
// minified, as a site ships it. For each body, in a fresh item each run (so the per-item cache misses):
//   - sanitise: `itemContent()` alone;
//   - sanitise + render: from setting `card.article` to the body laid out (Lit update, then reading
//     the body's height, which forces style and layout);
//   - to next frame: the same, until the next animation frame has run (paint included).
// Prints a Markdown table (median and maximum of the runs).
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

// The in-page half: builds each body, renders it in a real card, returns the figures.
const pageSource = `
import '../src/elements/article-card/define.js';
import { parseFeed } from '../src/feed/parse.js';
import * as sanitize from '../src/internal/sanitize.js';

const BASE = location.origin + '/feed.json';
const limits = sanitize.BODY_LIMITS ?? null;
const repeat = (s, n) => s.repeat(n);
const nested = (open, close, depth, inner = 'deepest text') => repeat(open, depth) + inner + repeat(close, depth);
const paragraph = (i) => '<p>Paragraph ' + i + ' of the article, with <a href="/news/' + i + '">a link</a>, <strong>some bold text</strong> and enough words to wrap a line or two in a card of ordinary width.</p>';

function bodies() {
  const list = [
    ['realistic article (40 paragraphs, figure, list, table)', () =>
      '<figure><img src="/photo.jpg" alt="A photo" width="1200" height="800"><figcaption>Caption</figcaption></figure>' +
      Array.from({ length: 40 }, (_, i) => paragraph(i)).join('') +
      '<ul>' + repeat('<li>An item of a list</li>', 10) + '</ul>' +
      '<table><tbody>' + repeat('<tr><td>2023</td><td>Cell</td><td>Cell</td></tr>', 20) + '</tbody></table>'],
    ['10,000 nested <div>', () => nested('<div>', '</div>', 10000)],
    ['10,000 nested <blockquote>', () => nested('<blockquote>', '</blockquote>', 10000)],
    ['10,000 nested <ul><li>', () => nested('<ul><li>', '</li></ul>', 10000)],
    ['10,000 nested <span>', () => nested('<span>', '</span>', 10000)],
    ['10,000 nested <font> (not allowed: hoisted)', () => nested('<font>', '</font>', 10000)],
    ['10,000 unclosed <b><i>', () => repeat('<b><i>x', 5000) + '<p>end</p>'],
    ['50,000 <p>', () => repeat('<p>A short paragraph.</p>', 50000)],
    ['50,000 <span> in one <p>', () => '<p>' + repeat('<span>word </span>', 50000) + '</p>'],
    ['50,000 links', () => repeat('<a href="/x">link</a> ', 50000)],
    ['5,000,000 characters of text', () => '<p>' + repeat('word ', 1000000) + '</p>'],
  ];
  if (limits) {
    const { maxDepth, maxElements, maxCharacters } = limits;
    const chain = (depth) => nested('<blockquote>', '</blockquote>', depth - 1, '<p>text</p>');
    list.push(
      ['at maxDepth: ' + maxDepth + ' nested <blockquote>', () => chain(maxDepth)],
      ['past maxDepth: ' + (maxDepth + 1) + ' nested <blockquote>', () => chain(maxDepth + 1)],
      ['at maxElements: ' + maxElements + ' <p>', () => repeat('<p>A short paragraph.</p>', maxElements)],
      ['past maxElements: ' + (maxElements + 1) + ' <p>', () => repeat('<p>A short paragraph.</p>', maxElements + 1)],
      ['at maxElements in chains ' + maxDepth + ' deep', () => {
        const one = chain(maxDepth);
        return repeat(one, Math.floor(maxElements / maxDepth));
      }],
      ['at maxCharacters: text', () => { const p = '<p>' + repeat('word ', 200) + '</p>'; return repeat(p, Math.floor(maxCharacters / p.length)); }],
      ['at maxCharacters: paragraphs with links', () => { let s = ''; for (let i = 0; s.length + 300 < maxCharacters; i++) s += paragraph(i); return s; }],
      ['past maxCharacters: 5,000,000 characters', () => '<p>' + repeat('word ', 1000000) + '</p>'],
      // The parser's own worst cases within the limits.
      ['at maxElements: nested <div> (the parser scans its open elements at every tag)', () => nested('<div>', '</div>', maxElements)],
      ['at the tag budget: maxElements open <div>, then maxElements stray </x>', () => repeat('<div>', maxElements) + repeat('</x>', maxElements)],
      ['at maxElements: links', () => repeat('<a href="/x">link</a> ', maxElements)],
      ['at maxElements: <select> options', () => '<select>' + repeat('<option>x', maxElements - 1)],
      ['1,000 unclosed distinct <b>, then 500 paragraphs', () => { let s = '<p>'; for (let i = 0; i < 1000; i++) s += '<b id=a' + i + '>'; return s + '</p>' + repeat('<p>x</p>', 500); }],
      ['at maxCharacters: one tag, distinct attributes', () => { let s = '<p'; for (let i = 0; s.length < maxCharacters - 8; i++) s += ' a' + i; return s + '>x</p>'; }],
      ['at maxCharacters: one tag, one attribute repeated', () => '<p' + repeat(' a', Math.floor((maxCharacters - 8) / 2)) + '>x</p>'],
      ['at maxCharacters: comments', () => '<p>' + repeat('x<!---->', Math.floor((maxCharacters - 7) / 8)) + '</p>'],
    );
  }
  return list;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
let serial = 0;
function itemFor(html) {
  serial += 1;
  return parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'b' + serial, title: 'Body', url: '/news/' + serial, content_html: html }] }, { url: BASE }).items[0];
}

async function renderOnce(html) {
  const sanitiseStart = performance.now();
  const fragment = sanitize.itemContent(itemFor(html), BASE);
  const sanitiseMs = performance.now() - sanitiseStart;
  const elements = fragment ? fragment.querySelectorAll('*').length : 0;
  const card = document.createElement('mlo-article-card');
  card.variant = 'full';
  document.body.append(card);
  await card.updateComplete;
  await frame();
  const item = itemFor(html);
  const start = performance.now();
  card.article = item;
  await card.updateComplete;
  const body = card.shadowRoot.querySelector('[part~="body"]');
  const height = body ? body.getBoundingClientRect().height : 0;
  const renderMs = performance.now() - start;
  await frame();
  const frameMs = performance.now() - start;
  const note = body ? body.querySelector('[role="note"]') !== null : false;
  card.remove();
  return { sanitiseMs, renderMs, frameMs, elements, height, note };
}

globalThis.bench = {
  limits,
  names: () => bodies().map(([name]) => name),
  async run(index, runs) {
    const [name, make] = bodies()[index];
    const html = make();
    await renderOnce(paragraph(0)); // warm-up: compile the code paths once
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await renderOnce(html));
    return { name, characters: html.length, results };
  },
};
`;

const bundle = await build({
  stdin: { contents: pageSource, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  tsconfig: `${root}tsconfig.json`,
  // package.json's "sideEffects" lists the built files only; from source, the define modules must be kept.
  ignoreAnnotations: true,
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article body limits</title></head>
<body><script type="module" src="/bench.js"></script></body></html>`;

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  else if (path === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
  // Images of the realistic article: an empty answer is enough, the card reserves their box from width/height.
  else response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const loadBefore = loadavg()[0];
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
const rows = [];
let limits = null;
try {
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => log('page error:', error.message));
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => 'bench' in globalThis);
    return { context, tab };
  };
  const first = await open();
  limits = await first.tab.evaluate(() => globalThis.bench.limits);
  const names = await first.tab.evaluate(() => globalThis.bench.names());
  await first.context.close();
  for (let index = 0; index < names.length; index++) {
    // A fresh page per body, so one body's garbage does not weigh on the next.
    const { context, tab } = await open();
    const started = Date.now();
    rows.push(await tab.evaluate(([i, n]) => globalThis.bench.run(i, n), [index, runs]));
    log(`${names[index]}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const figure = (results, key) => `${ms(median(results.map((r) => r[key])))} / ${ms(Math.max(...results.map((r) => r[key])))}`;
const lines = [];
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, Chromium ${browser.version()} headless, no CPU throttling; load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`);
lines.push(limits ? `Limits (BODY_LIMITS): maxCharacters ${limits.maxCharacters}, maxElements ${limits.maxElements}, maxDepth ${limits.maxDepth}.` : 'No BODY_LIMITS exported: bodies are rendered whole.');
lines.push(`${runs} runs per body, median / max in ms.`, '');
lines.push('| body | characters | elements shown | note | sanitise | sanitise + render | to next frame |');
lines.push('| --- | ---: | ---: | :---: | ---: | ---: | ---: |');
for (const { name, characters, results } of rows) {
  lines.push(`| ${name.replace(/</g, '&lt;')} | ${characters.toLocaleString('en')} | ${results[0].elements.toLocaleString('en')} | ${results[0].note ? 'yes' : 'no'} | ${figure(results, 'sanitiseMs')} | ${figure(results, 'renderMs')} | ${figure(results, 'frameMs')} |`);
}
console.log(lines.join('\n'));
