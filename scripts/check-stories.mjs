#!/usr/bin/env node
/**
 * Renders every story of the built Storybook (storybook-static/, from `npm run build-storybook`) in
 * headless Chromium and fails on any axe violation of WCAG 2.2 A/AA, on any uncaught error or
 * console error, on a story that fails to render, on an element wider than its container
 * (horizontal overflow), and on any request that leaves this machine.
 *
 *   node scripts/check-stories.mjs [--dir storybook-static] [--only <text in story id>] [--concurrency 4]
 *                                  [--pass theme:light --pass 'theme:dark;width:narrow' …]
 *
 * Each `--pass` renders every story once with those toolbar choices (see .storybook/preview.ts:
 * theme, locale, width, direction). By default two passes, light and dark theme: most contrast
 * failures only show in one of them. A story that pins a global (story `globals`) keeps it.
 *
 * Prints one row per story and a summary; exits 1 when a story fails, 2 when it cannot run at all.
 * Uses Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); never downloads a browser.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The same tags as `parameters.a11y` in .storybook/preview.ts. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const RENDER_TIMEOUT_MS = 15_000;
/** Loading stories stay busy on purpose (a feed that never answers); how long to wait for the others. */
const SETTLE_TIMEOUT_MS = 4_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    only: { type: 'string' },
    concurrency: { type: 'string', default: process.env.STORY_CHECK_CONCURRENCY ?? '4' },
    pass: { type: 'string', multiple: true, default: ['theme:light', 'theme:dark'] },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  const source = await readFile(fileURLToPath(import.meta.url), 'utf8');
  console.log(source.slice(source.indexOf('/**') + 3, source.indexOf('*/')).replace(/^ \* ?/gm, '').trim());
  process.exit(0);
}
const staticDir = resolve(ROOT, options.dir);

/** Serves the static Storybook on 127.0.0.1; missing files are real 404s (the error stories need them). */
function serve(directory) {
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      const path = normalize(join(directory, decodeURIComponent(pathname)));
      if (path !== directory && !path.startsWith(directory + sep)) {
        response.writeHead(403).end();
        return;
      }
      let file = path;
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(file).pipe(response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Waits for the story to render (or for Storybook's error screen) and for the elements to settle. */
async function renderStory(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
  await page.waitForFunction(
    () => ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((name) => document.body.classList.contains(name)),
    null,
    { timeout: RENDER_TIMEOUT_MS, polling: 50 },
  );
  const storybookError = await page.evaluate(() =>
    document.body.classList.contains('sb-show-main') ? null : (document.querySelector('.sb-errordisplay')?.textContent ?? 'no preview').trim().replace(/\s+/g, ' '),
  );
  if (storybookError) return storybookError;
  // A tag that never upgrades renders nothing, and axe finds nothing wrong with nothing.
  const undefinedTags = await page.evaluate(() => {
    const tags = new Set();
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.startsWith('mlo-') && !customElements.get(element.localName)) tags.add(element.localName);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document.getElementById('storybook-root') ?? document);
    return [...tags];
  });
  if (undefinedTags.length > 0) return `not defined (nothing rendered): ${undefinedTags.join(', ')}`;
  // Settled: no element (in any shadow root) says aria-busy="true", and the rendered markup stayed
  // the same over two polls (a feed answered, a list filled in). Loading stories stay busy on
  // purpose; they are checked as they are after SETTLE_TIMEOUT_MS.
  await page
    .waitForFunction(
      () => {
        let busy = false;
        let signature = '';
        const walk = (root) => {
          for (const element of root.querySelectorAll('*')) {
            if (element.getAttribute('aria-busy') === 'true') busy = true;
            if (element.shadowRoot) {
              signature += element.shadowRoot.innerHTML.length + ',';
              walk(element.shadowRoot);
            }
          }
        };
        const root = document.getElementById('storybook-root') ?? document.body;
        signature += root.innerHTML.length + ',';
        walk(root);
        const state = (window.__mloSettle ??= { signature: '', stableSince: 0 });
        const now = performance.now();
        if (busy || signature !== state.signature) {
          state.signature = signature;
          state.stableSince = now;
          return false;
        }
        return now - state.stableSince >= 250;
      },
      null,
      { timeout: SETTLE_TIMEOUT_MS, polling: 50 },
    )
    .catch(() => {});
  await page.evaluate(async () => {
    const pending = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if ('updateComplete' in element) pending.push(element.updateComplete);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    await Promise.all(pending);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  return null;
}

async function checkStory(context, origin, entry, pass, axeSource) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // "Failed to load resource" is the browser reporting a 404/500 the error stories ask for on purpose.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text().split('\n')[0]}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`remote request: ${url}`);
    return route.abort('blockedbyclient');
  });
  const started = Date.now();
  // a11y.manual stops the addon's own axe run, so that the two do not run at once.
  const globals = ['a11y.manual:!true', ...pass.split(';').filter(Boolean)].join(';');
  const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=${encodeURIComponent(globals)}`;
  let violations = [];
  try {
    const renderError = await renderStory(page, url);
    if (renderError) problems.push(`render: ${renderError.slice(0, 300)}`);
    else {
      // WCAG 1.4.10 (reflow) in the part axe cannot see: no element may be wider than its container.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('#storybook-root *')]
          .filter((element) => element.localName.startsWith('mlo-') && element.scrollWidth > element.clientWidth + 1)
          .map((element) => `<${element.localName}> is ${element.scrollWidth} px wide in ${element.clientWidth} px`),
      );
      for (const overflow of overflowing) problems.push(`overflow: ${overflow}`);
      await page.addScriptTag({ content: axeSource });
      violations = await page.evaluate(async (tags) => {
        const results = await window.axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          nodes: violation.nodes.length,
        }));
      }, WCAG_TAGS);
    }
  } catch (error) {
    problems.push(`check: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await page.close();
  }
  return { entry, pass, violations, problems, ms: Date.now() - started };
}

async function main() {
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8').catch(() => 'null'));
  if (!index?.entries) {
    console.error(`No Storybook build in ${staticDir}: run \`npm run build-storybook\` first.`);
    process.exit(2);
  }
  const stories = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .filter((entry) => !options.only || entry.id.includes(options.only));
  if (stories.length === 0) {
    console.error('No stories to check.');
    process.exit(2);
  }
  const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const server = await serve(staticDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });
  const started = Date.now();
  const results = [];
  try {
    const queue = options.pass.flatMap((pass) => stories.map((entry) => ({ entry, pass })));
    const workers = Array.from({ length: Math.max(1, Number(options.concurrency) || 1) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const result = await checkStory(context, origin, job.entry, job.pass, axeSource);
        results.push(result);
        const failed = result.violations.length > 0 || result.problems.length > 0;
        console.log(
          `${failed ? 'FAIL' : 'ok  '}  ${job.entry.id.padEnd(64)} ${job.pass.padEnd(12)} ${String(result.violations.length).padStart(3)} violations  ${String(result.ms).padStart(5)} ms`,
        );
      }
    });
    await Promise.all(workers);
  } finally {
    await browser.close();
    server.close();
  }

  const failures = results.filter((result) => result.violations.length > 0 || result.problems.length > 0);
  for (const { entry, pass, violations, problems } of failures.sort((a, b) => a.entry.id.localeCompare(b.entry.id))) {
    console.log(`\n${entry.title} › ${entry.name}  (${entry.id}, ${pass})`);
    for (const violation of violations) {
      console.log(`  axe ${violation.id} [${violation.impact}] ${violation.help} — ${violation.nodes} node(s): ${violation.targets.join(' | ')}`);
    }
    for (const problem of problems) console.log(`  ${problem}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${stories.length} stories × ${options.pass.length} passes (${options.pass.join(' | ')}): ${failures.length} failing renders, ` +
      `WCAG 2.2 AA (${WCAG_TAGS.join(', ')}), ${seconds} s`,
  );
  process.exit(failures.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
