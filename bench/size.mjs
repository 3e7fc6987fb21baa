// What each kind of page downloads, measured for real: every page type is loaded in Chromium from a local
// "CDN" serving dist/ (after `npm run build`), and every script and stylesheet file it requests from there
// is listed with its size raw, gzip (level 9) and brotli (quality 11), then summed against the budgets of
// issue 10. A bare Lit element (Lit's production build, minified, one small element) is the baseline line.
// Each page's scripts are also read through Chromium's block coverage: the last table prints what the page
// would download if every byte it never ran were left out (and, lower still, were it one file), which says
// how far on-demand loading alone can go, and which modules hold the code the typical page never runs.
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
    singleFile: true,
    budget: { gzip: 45 * KB },
  },
  { name: 'baseline: bare Lit, one small element', html: `${head('<script src="/bare-lit.js" defer></script>')}<bare-lit name="Lit"></bare-lit>`, baseline: true },
];

const server = await serve(routes);
const browser = await launch();
log(machine(browser));

/** Loads a page, types a search if asked, waits for the network to settle; returns the script/style files requested, and per script what of it ran. */
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
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
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
  const coverage = await page.coverage.stopJSCoverage();
  await context.close();
  const ran = new Map();
  for (const entry of coverage) {
    const path = new URL(entry.url, server.origin).pathname;
    const file = path.startsWith(CDN) ? path.slice(CDN.length) : path.slice(1);
    ran.set(file, ranBytes(entry));
  }
  return { files: [...new Set(files)], ran };
}

/**
 * Which bytes of a script ran: V8's block coverage gives nested ranges with counts (a function, then
 * the blocks inside it that did not run), so painting the larger ranges first and the nested ones over
 * them marks each byte. Returns one flag per byte of the source.
 */
function ranBytes(entry) {
  const flags = new Uint8Array(entry.source.length);
  const ranges = entry.functions.flatMap((fn) => fn.ranges).sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset));
  for (const range of ranges) flags.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
  return flags;
}

/** The bytes of a file that ran (all of it for a stylesheet, which is not code). The scripts are ASCII only: V8's offsets are byte offsets. */
function executedPart(file, ran) {
  const bytes = fileBytes(file);
  const flags = ran.get(file);
  return !flags || file.endsWith('.css') ? bytes : bytes.filter((_, index) => flags[index] === 1);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/**
 * Which source module each byte of a dist file comes from, by its source map (the generated column and
 * source index of each segment): `{ owner, names }`, owner[i] an index into names (-1: the bundler's glue).
 * Undefined for a file without a map.
 */
function moduleOfEachByte(file) {
  if (!existsSync(join(DIST, `${file}.map`))) return undefined;
  const map = JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8'));
  const lines = fileBytes(file).toString('latin1').split('\n');
  const owner = new Int32Array(lines.reduce((sum, line) => sum + line.length + 1, 0)).fill(-1);
  let offset = 0;
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',').filter(Boolean)) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if (!(digit & 32)) {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    const lineLength = lines[lineIndex]?.length ?? 0;
    segments.forEach(([start, index], segmentIndex) => owner.fill(index, offset + start, offset + (segments[segmentIndex + 1]?.[0] ?? lineLength)));
    offset += lineLength + 1;
  });
  return { owner, names: map.sources.map((name) => name.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')) };
}

/** Per source module, how many bytes of a script never ran. */
function unranByModule(file, ran, into) {
  const flags = ran.get(file);
  const modules = flags && moduleOfEachByte(file);
  if (!modules) return;
  for (let byte = 0; byte < flags.length; byte += 1) {
    if (flags[byte]) continue;
    const name = modules.names[modules.owner[byte]] ?? '(glue)';
    into.set(name, (into.get(name) ?? 0) + 1);
  }
}

/** What a module is part of, for the typical page's cost by area. */
const AREAS = [
  ['Lit', /^(lit-html|lit-element|@lit)\//],
  ['the loader (mlo-widgets.js, with its offline message)', /^src\/loader\//],
  ['the elements\' styles (host-proof reset, tokens, themes)', /\.styles\.ts$|^src\/internal\/styles\.ts$/],
  ['the elements\' code', /^src\/elements\//],
  ['reading feeds (validation, entities, dates, loading, saved copies, states)', /^src\/feed\/|^src\/internal\/feed-/],
  ['languages (messages, plurals, transliteration)', /^src\/i18n\//],
  ['shared internals (slices, hydration, JSON-LD, links …)', /^src\//],
];

/**
 * What a page's gzip bytes are made of: each module's marginal cost, the file's gzip size less its size
 * with that module's bytes taken out, summed by area; what is left (headers, each file compressed on its
 * own, the bundler's glue) is its own row.
 */
function gzipByArea(files, total) {
  const areas = new Map(AREAS.map(([name]) => [name, 0]));
  let attributed = 0;
  for (const file of files) {
    const modules = moduleOfEachByte(file);
    if (!modules) continue;
    const bytes = fileBytes(file);
    const whole = sizes(bytes).gzip;
    for (const index of new Set(modules.owner)) {
      if (index < 0) continue;
      const cost = whole - gzipSync(bytes.filter((_, byte) => modules.owner[byte] !== index), { level: 9 }).length;
      const area = AREAS.find(([, test]) => test.test(modules.names[index]))?.[0] ?? AREAS.at(-1)[0];
      areas.set(area, areas.get(area) + cost);
      attributed += cost;
    }
  }
  return [...areas, ['files compressed one by one, stylesheet, glue', total.gzip - attributed]];
}

const fileBytes = (file) => (file === 'bare-lit.js' ? Buffer.from(bareLit) : readFileSync(join(DIST, file)));

console.log(`# Bytes each page type downloads (npm run bench:size)\n`);
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine(browser)}.`);
console.log('Every script and stylesheet the page requested, each compressed on its own as a server sends it');
console.log('(gzip level 9, brotli quality 11); 1 kB = 1000 bytes. The feed and images are not counted.\n');
const summary = [];
for (const spec of PAGES) {
  const { files, ran } = await requestedFiles(spec);
  const rows = files.map((file) => [file, sizes(fileBytes(file))]);
  const total = rows.reduce((sum, [, s]) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`## ${spec.name}\n`);
  console.log('| file | raw | gzip | brotli |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [file, s] of rows) console.log(`| ${file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  console.log(`| **total (${rows.length} files)** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |\n`);
  const executed = files.map((file) => executedPart(file, ran));
  const oneFile = sizes(Buffer.concat(executed));
  const perFile = executed.reduce((sum, bytes) => {
    const s = sizes(bytes);
    return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli };
  }, { raw: 0, gzip: 0, brotli: 0 });
  const unran = new Map();
  for (const file of files) unranByModule(file, ran, unran);
  summary.push({ spec, files, total, count: rows.length, perFile, oneFile, unran });
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
console.log('\n## What each page runs (Chromium block coverage)\n');
console.log('Every script byte the page never ran left out (failure, empty, offline and Load more paths, other');
console.log('languages, the attributes it does not set …), as its files are and as one file: the least that');
console.log('loading on demand could bring the page to without writing less code. Stylesheets count whole.\n');
console.log('| page | downloaded gzip | ran, per file: gzip / brotli | ran, as one file: gzip / brotli | budget | within, even so |');
console.log('| --- | ---: | ---: | ---: | --- | --- |');
for (const { spec, total, perFile, oneFile } of summary) {
  if (!spec.budget) continue;
  const budget = Object.entries(spec.budget).map(([kind, limit]) => `≤ ${limit / KB} KB ${kind}`).join(', ');
  // One file holds everything by design (every element, language, failure path and DOMPurify): nothing can be left for later.
  const within = spec.singleFile ? 'n/a: nothing in it can load later' : Object.entries(spec.budget).every(([kind, limit]) => oneFile[kind] <= limit) ? 'yes' : '**no**';
  console.log(`| ${spec.name} | ${kb(total.gzip)} | ${kb(perFile.gzip)} / ${kb(perFile.brotli)} | ${kb(oneFile.gzip)} / ${kb(oneFile.brotli)} | ${budget} | ${within} |`);
}
const typical = summary[0];
console.log(`\nModules with the most code the typical page never ran (raw bytes, minified; source maps):\n`);
console.log('| module | never ran |');
console.log('| --- | ---: |');
for (const [name, count] of [...typical.unran].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`| ${name} | ${kb(count)} |`);
console.log(`\nWhat the typical page's ${kb(typical.total.gzip)} gzip are made of (each module's marginal cost: its file's gzip size less that size without the module):\n`);
console.log('| area | gzip |');
console.log('| --- | ---: |');
for (const [area, bytes] of gzipByArea(typical.files, typical.total)) console.log(`| ${area} | ${kb(bytes)} |`);
await browser.close();
await server.close();
