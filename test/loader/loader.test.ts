/**
 * The loader, dist/mlo-widgets.js (src/loader/loader.ts), as built (`npm run build` or `npx vite build`),
 * served from a nested CDN-like path (/test/loader/cdn/a/b/ is dist/, test/loader/cdn-middleware.mjs) on
 * pages with the README's strict CSP and Trusted Types: it loads what the page uses and nothing else, as
 * classic, deferred and module script, twice, for elements added later, and a file beside it that
 * fails gives its elements a visible error with a Retry that works once the file is back.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { type OpenedPage, openPage, settle, shadowText, waitForText } from '../bundle/frame.js';

const PAGES = '/test/loader/pages/';
const CDN = '/test/loader/cdn/a/b/';

const EXPECTED_TEXT: Record<string, string> = {
  'mlo-news-list': 'Chief of MLO Belgrade visits the Military Academy',
  'mlo-article-card': 'Civil emergency exercise concludes in Šabac',
  'mlo-breadcrumb': 'Newsroom',
  'mlo-archive-search': 'Search our content',
  'mlo-office-contact': 'Bircaninova 5',
};

interface ChunkMap {
  files: string[];
  tags: Record<string, number[]>;
}

let chunks: ChunkMap;
before(async () => {
  const text = await readFile({ path: '../../dist/chunks/files.json' });
  expect(text, 'dist/chunks/files.json exists: run `npm run build` (or `npx vite build`) first').to.be.a('string');
  chunks = JSON.parse(text!) as ChunkMap;
});

/** The script files the frame requested, as paths relative to the CDN folder (`chunks/…`). */
function requestedScripts(page: OpenedPage, prefix = CDN): string[] {
  return page.window.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(prefix) && path.endsWith('.js'))
    .map((path) => path.slice(prefix.length));
}

/** Every file of dist/chunks the given tags need (their entries and what those import). */
function filesFor(tags: string[]): string[] {
  return [...new Set(tags.flatMap((tag) => chunks.tags[tag]!.map((index) => chunks.files[index]!)))].sort();
}

async function expectEveryElement(page: OpenedPage): Promise<void> {
  for (const [tag, text] of Object.entries(EXPECTED_TEXT)) await waitForText(page.document.querySelector(tag)!, text);
}

function clean(page: OpenedPage): void {
  expect(page.record.errors, 'errors').to.deep.equal([]);
  expect(page.record.violations, 'CSP violations').to.deep.equal([]);
  expect(page.record.warnings, 'warnings').to.deep.equal([]);
}

/**
 * Opens a Serbian page and waits for its list's Load more in `loadMore`: whatever the list shows from its
 * first render on is Serbian (the tables came with the element's code), never English first.
 */
async function openSerbianFromFirstRender(name: string, loadMore: string): Promise<OpenedPage> {
  const page = await openPage(name, PAGES);
  const list = page.document.querySelector('mlo-news-list')!;
  await page.window.customElements.whenDefined('mlo-news-list');
  const seen: string[] = [];
  await waitUntil(() => {
    const text = shadowText(list);
    if (text) seen.push(text);
    return text.includes(loadMore);
  }, `the Serbian ${loadMore}`, { timeout: 5000 });
  expect(seen.filter((text) => /Load more|Loading/.test(text)), 'never English').to.deep.equal([]);
  return page;
}

describe('the loader from a nested CDN path under the strict CSP with Trusted Types', function () {
  this.timeout(30_000);

  for (const [page, how] of [
    ['nested-classic.html', 'a classic script'],
    ['nested-defer.html', 'a deferred classic script (the README snippet)'],
    ['nested-module.html', 'a module script'],
  ] as const) {
    it(`renders all five elements as ${how}, each once, from files beside the script`, async () => {
      const opened = await openPage(page, PAGES);
      await expectEveryElement(opened);
      await settle();
      clean(opened);
      expect([...opened.record.defined].sort()).to.deep.equal(Object.keys(EXPECTED_TEXT).sort());
      const requested = requestedScripts(opened);
      expect(requested, 'the loader itself, from the nested path').to.include('mlo-widgets.js');
      for (const file of filesFor(Object.keys(EXPECTED_TEXT))) expect(requested, file).to.include(file);
      // Nothing from anywhere else: every chunk was resolved against the script's own address.
      const elsewhere = opened.window.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.includes('/chunks/') && !path.startsWith(CDN));
      expect(elsewhere).to.deep.equal([]);
    });
  }

  it('loaded twice (classic and module script): one copy works, each tag defined once, silently', async () => {
    const page = await openPage('twice.html', PAGES);
    await waitForText(page.document.querySelector('mlo-news-list')!, EXPECTED_TEXT['mlo-news-list']!);
    await settle();
    clean(page);
    expect([...page.record.defined].sort()).to.deep.equal(['mlo-article-card', 'mlo-news-list']);
  });

  it('loads only what the page uses: a list (and the cards it renders), not the search, breadcrumb or contact', async () => {
    const page = await openPage('twice.html', PAGES);
    await waitForText(page.document.querySelector('mlo-news-list')!, EXPECTED_TEXT['mlo-news-list']!);
    const requested = requestedScripts(page);
    const unused = filesFor(['mlo-archive-search', 'mlo-breadcrumb', 'mlo-office-contact']).filter((file) => !filesFor(['mlo-news-list']).includes(file));
    expect(unused.length, 'files only the other elements need').to.be.greaterThan(0);
    for (const file of unused) expect(requested, file).not.to.include(file);
    expect(page.window.customElements.get('mlo-archive-search'), 'the search is not defined').to.equal(undefined);
  });

  it('fetches the Serbian message tables for a Serbian page only, before the element renders: its first render is Serbian', async () => {
    const map = chunks as ChunkMap & { serbian: number[] };
    // The tables' own file (what they import, the list needs anyway).
    const tables = map.serbian.map((index) => chunks.files[index]!).filter((file) => !filesFor(['mlo-news-list']).includes(file));
    expect(tables.length, 'the build has a Serbian tables file').to.be.greaterThan(0);
    const english = await openPage('twice.html', PAGES);
    await waitForText(english.document.querySelector('mlo-news-list')!, EXPECTED_TEXT['mlo-news-list']!);
    for (const file of tables) expect(requestedScripts(english), 'an English page').not.to.include(file);

    // Cyrillic, as lang="sr" is.
    const page = await openSerbianFromFirstRender('serbian.html', 'Учитај још');
    for (const file of tables) expect(requestedScripts(page), 'a Serbian page').to.include(file);
    await settle();
    clean(page);
  });

  it('reads a Serbian language tag as the elements do, also written with an underscore (sr_Latn)', async () => {
    const page = await openSerbianFromFirstRender('serbian.html?lang=sr_Latn', 'Učitaj još');
    await settle();
    clean(page);
  });

  it('loads elements a single-page app inserts after it ran, at any depth and at different times', async () => {
    const page = await openPage('empty.html', PAGES);
    await settle(200);
    expect(page.record.defined, 'nothing loaded for an empty page').to.deep.equal([]);
    expect(requestedScripts(page)).to.deep.equal(['mlo-widgets.js']);

    const main = page.document.querySelector('main')!;
    const section = page.document.createElement('section');
    const wrapper = page.document.createElement('div');
    const contact = page.document.createElement('mlo-office-contact');
    wrapper.append(contact);
    section.append(wrapper);
    main.append(section);
    await waitForText(contact, EXPECTED_TEXT['mlo-office-contact']!);

    const list = page.document.createElement('mlo-news-list');
    list.setAttribute('src', '/fixtures/feeds/paged-1.json');
    list.setAttribute('limit', '3');
    main.append(list);
    await waitForText(list, EXPECTED_TEXT['mlo-news-list']!);
    await settle();
    clean(page);
    expect([...page.record.defined].sort()).to.deep.equal(['mlo-article-card', 'mlo-news-list', 'mlo-office-contact']);
  });
});

describe('the loader and shadow roots the page creates', function () {
  this.timeout(30_000);

  it('loads an element inside a page’s own shadow root once the page calls MloWidgets.scan(root)', async () => {
    const page = await openPage('empty.html', PAGES);
    const host = page.document.createElement('div');
    page.document.querySelector('main')!.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const contact = page.document.createElement('mlo-office-contact');
    root.append(contact);
    await settle(300);
    expect(page.window.customElements.get('mlo-office-contact'), 'out of the page-wide watch').to.equal(undefined);
    (page.window as unknown as { MloWidgets: { scan(root: ParentNode): void } }).MloWidgets.scan(root);
    await waitForText(contact, EXPECTED_TEXT['mlo-office-contact']!);
    clean(page);
  });
});

describe('the loader when a file beside it fails to load', function () {
  this.timeout(30_000);

  const control = async (query: string): Promise<void> => {
    const response = await fetch(`/test/loader/flaky-control?${query}`);
    expect(response.ok).to.equal(true);
  };
  afterEach(() => control('fail='));
  let run = 0;
  /** flaky.html, from a path of its own (nothing from the browser's caches of an earlier test). */
  const openFlaky = () => openPage('flaky.html', `/test/loader/flaky/run-${Date.now()}-${++run}/`);

  /** The load error block in an element that has no code, or undefined. */
  const alertOf = (element: Element): HTMLElement | null => element.shadowRoot?.querySelector<HTMLElement>('[role="alert"]') ?? null;

  for (const mode of ['404', 'abort'] as const) {
    it(`${mode === '404' ? 'a 404' : 'a dropped connection (offline)'}: a visible role="alert" with Retry, which works once the file is back`, async () => {
      await control(`fail=chunks/mlo-breadcrumb.js&mode=${mode}`);
      const page = await openFlaky();
      const breadcrumb = page.document.querySelector('mlo-breadcrumb')!;
      await waitUntil(() => alertOf(breadcrumb) !== null, 'the breadcrumb shows its load error', { timeout: 5000 });
      const block = alertOf(breadcrumb)!;
      expect(shadowText(breadcrumb)).to.contain('This part of the page could not be loaded');
      const box = block.getBoundingClientRect();
      expect(box.height, 'the error takes room: not a blank box').to.be.greaterThan(40);
      const retry = block.querySelector('button')!;
      expect(retry.textContent).to.equal('Retry');
      expect(retry.getBoundingClientRect().height, 'the Retry button is a target').to.be.at.least(24);
      // The light-DOM links still show (slotted after the error).
      expect(breadcrumb.shadowRoot!.querySelector('slot'), 'the fallback links are slotted').not.to.equal(null);
      // The other element on the page is not affected.
      await waitForText(page.document.querySelector('mlo-news-list')!, EXPECTED_TEXT['mlo-news-list']!);

      // Retry while the file still fails: the error comes back, nothing is thrown.
      retry.click();
      await waitUntil(() => alertOf(breadcrumb) !== null && alertOf(breadcrumb) !== block, 'the error shown again', { timeout: 5000 });

      await control('fail=');
      alertOf(breadcrumb)!.querySelector('button')!.click();
      await waitForText(breadcrumb, EXPECTED_TEXT['mlo-breadcrumb']!);
      expect(alertOf(breadcrumb), 'the error is gone').to.equal(null);
      expect(breadcrumb.shadowRoot!.querySelector('nav'), 'the breadcrumb rendered its own nav').not.to.equal(null);
      await settle();
      expect(page.record.errors, 'no uncaught error').to.deep.equal([]);
      expect(page.record.violations, 'CSP violations').to.deep.equal([]);
      expect(
        page.record.warnings.every((warning) => warning.includes('could not be loaded')),
        page.record.warnings.join('\n'),
      ).to.equal(true);
    });
  }

  it('a shared file that fails (Lit, the feed layer): every element shows the error; once it is back, a retry says the page must be reloaded and reloads it', async () => {
    const shared = chunks.tags['mlo-breadcrumb']!.slice(1)
      .map((index) => chunks.files[index]!)
      .filter((file) => chunks.tags['mlo-news-list']!.some((index) => chunks.files[index] === file));
    expect(shared.length, 'the breadcrumb and the list share files').to.be.greaterThan(0);
    await control(`fail=${shared.join(',')}&mode=404`);
    const page = await openFlaky();
    const breadcrumb = page.document.querySelector('mlo-breadcrumb')!;
    const list = page.document.querySelector('mlo-news-list')!;
    await waitUntil(() => alertOf(breadcrumb) !== null && alertOf(list) !== null, 'both show the error', { timeout: 5000 });
    await control('fail=');
    // The page remembers the failed import of the shared file (HTML's module map): a retry cannot load
    // it, so the block says so and its button reloads the page.
    alertOf(list)!.querySelector('button')!.click();
    await waitUntil(() => shadowText(list).includes('Reload the page'), 'the list offers a reload', { timeout: 5000 });
    expect(shadowText(list)).to.contain('has to be reloaded');
    expect(page.record.errors, 'no uncaught error').to.deep.equal([]);
    const frame = [...document.querySelectorAll('iframe')].find((candidate) => candidate.contentWindow === page.window)!;
    alertOf(list)!.querySelector('button')!.click();
    await waitUntil(() => frame.contentDocument !== page.document, 'the page reloads', { timeout: 5000 });
  });
});
