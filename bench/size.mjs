// What each kind of page downloads, measured for real: every page type is loaded in Chromium from a local
// "CDN" serving dist/ (after `npm run build`), and every script and stylesheet file it requests from there
// is listed with its size raw, gzip (level 9) and brotli (quality 11), then summed against the budgets of
// issue 10. A bare Lit element (Lit's production build, minified, one small element) is the baseline line.
// `npm run bench:size`. A benchmark that prints figures, not a test: it exits 0 whatever the sizes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { benchFeed, bundle, launch, log, machine, root, serve } from './speed-harness.mjs';

const DIST = join(root, 'dist');
const CDN = '/cdn/mlo-widgets@0/dist/';
if (!existsSync(join(DIST, 'mlo-widgets.js')) || !existsSync(join(DIST, 'chunks/files.json'))) {
  console.error('dist/mlo-widgets.js or dist/chunks/ is missing: run "npm run build" (or "npx vite build") first.');
  process.exit(1);
}

const KB = 1000; // The budgets are in KB; figures below are printed in kB (1000 bytes) and KiB beside.
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
});
const kb = (n) => `${(n / KB).toFixed(1)} kB`;

// The files a page may fetch: the loader, every chunk, the CSS, the single-file build.
const distFiles = ['mlo-widgets.js', 'mlo-widgets.bundle.js', 'mlo-widgets.css', ...readdirSync(join(DIST, 'chunks')).filter((file) => file.endsWith('.js')).map((file) => `chunks/${file}`)];
const feed = await benchFeed();
const feedItems = JSON.parse(feed).items;
const article = feedItems.find((item) => item.content_html && item.image) ?? feedItems.find((item) => item.content_html);

const bareLit = await bundle(
  `import { LitElement, html, css } from 'lit';
   class BareLit extends LitElement {
     static properties = { name: {} };
     static styles = css\`:host{display:block}\`;
     render() { return html\`<p>Hello, \${this.name}</p>\`; }
   }
   customElements.define('bare-lit', BareLit);`,
  { format: 'iife' },
);

const routes = { '/feed.json': feed, '/bare-lit.js': bareLit };
for (const file of distFiles) {
  routes[CDN + file] = { body: readFileSync(join(DIST, file)), type: file.endsWith('.css') ? 'text/css' : 'text/javascript; charset=utf-8' };
}

const head = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>${script}</head><body>`;
const loader = `<link rel="stylesheet" href="${CDN}mlo-widgets.css"><script src="${CDN}mlo-widgets.js" defer></script>`;
const breadcrumb = '<mlo-breadcrumb><a href="/">MLO Belgrade</a><a href="/newsroom/">Newsroom</a><span>News Archive</span></mlo-breadcrumb>';
const typicalBody = `${breadcrumb}<mlo-news-list src="/feed.json" limit="5"></mlo-news-list>
  <mlo-article-card src="/feed.json" article-id="${feedItems[1].id}"></mlo-article-card><mlo-office-contact></mlo-office-contact>`;
const allBody = `<mlo-archive-search src="/feed.json"></mlo-archive-search>${typicalBody}
  <mlo-article-card variant="full" src="/feed.json" article-id="${article.id}"></mlo-article-card>`;

const PAGES = [
  {
    name: 'typical: list + teaser card + breadcrumb + office contact, English (loader)',
    html: head(loader) + typicalBody,
    budget: { brotli: 20 * KB, gzip: 24 * KB },
  },
  {
    name: 'typical, in Serbian Cyrillic (`lang="sr"`)',
    html: head(loader).replace('lang="en"', 'lang="sr"') + typicalBody,
  },
  {
    name: 'all five + a full article + one search typed (loader)',
    html: head(loader) + allBody,
    search: true,
    budget: { gzip: 45 * KB },
  },
  {
    name: 'the same, in a browser without the HTML Sanitizer API (DOMPurify loaded instead)',
    html: head(loader) + allBody,
    search: true,
    noNativeSanitizer: true,
    budget: { gzip: 45 * KB },
  },
  {
    name: 'the single-file build, all five + a full article + one search typed',
    html: head(`<script src="${CDN}mlo-widgets.bundle.js" defer></script>`) + allBody,
    search: true,
    budget: { gzip: 45 * KB },
  },
  { name: 'baseline: bare Lit, one small element', html: `${head('<script src="/bare-lit.js" defer></script>')}<bare-lit name="Lit"></bare-lit>`, baseline: true },
];

const server = await serve(routes);
const browser = await launch();
log(machine(browser));

/** Loads a page, types a search if asked, waits for the network to settle; returns the script/style files requested. */
async function requestedFiles(pageSpec) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`${pageSpec.name}: page error:`, error.message));
  const files = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(js|css)$/.test(path)) files.push(path.startsWith(CDN) ? path.slice(CDN.length) : path.slice(1));
  });
  if (pageSpec.noNativeSanitizer) {
    // As in a browser that lacks it (Firefox, Safari today): the article card then loads DOMPurify.
    await page.addInitScript(() => {
      delete globalThis.Sanitizer;
    });
  }
  routes['/page.html'] = pageSpec.html;
  await page.goto(`${server.origin}/page.html`, { waitUntil: 'networkidle' });
  if (pageSpec.search) {
    const input = page.locator('mlo-archive-search input').first();
    await input.waitFor({ timeout: 10_000 });
    await input.click();
    await input.pressSequentially('secretary', { delay: 30 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(300);
  await context.close();
  return [...new Set(files)];
}

const fileBytes = (file) => (file === 'bare-lit.js' ? Buffer.from(bareLit) : readFileSync(join(DIST, file)));

console.log(`# Bytes each page type downloads (npm run bench:size)\n`);
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine(browser)}.`);
console.log('Every script and stylesheet the page requested, each compressed on its own as a server sends it');
console.log('(gzip level 9, brotli quality 11); 1 kB = 1000 bytes. The feed and images are not counted.\n');
const summary = [];
for (const spec of PAGES) {
  const files = await requestedFiles(spec);
  const rows = files.map((file) => [file, sizes(fileBytes(file))]);
  const total = rows.reduce((sum, [, s]) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`## ${spec.name}\n`);
  console.log('| file | raw | gzip | brotli |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [file, s] of rows) console.log(`| ${file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  console.log(`| **total (${rows.length} files)** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |\n`);
  summary.push({ spec, total, count: rows.length });
}
const lit = summary.find((entry) => entry.spec.baseline).total;
console.log('## Against the budgets\n');
console.log('| page | files | gzip | brotli | × bare Lit (gzip) | budget | within |');
console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const { spec, total, count } of summary) {
  const budget = spec.budget ? Object.entries(spec.budget).map(([kind, limit]) => `≤ ${limit / KB} KB ${kind}`).join(', ') : '—';
  const within = spec.budget ? (Object.entries(spec.budget).every(([kind, limit]) => total[kind] <= limit) ? 'yes' : '**no**') : '—';
  console.log(`| ${spec.name} | ${count} | ${kb(total.gzip)} | ${kb(total.brotli)} | ${(total.gzip / lit.gzip).toFixed(1)} | ${budget} | ${within} |`);
}
await browser.close();
await server.close();
