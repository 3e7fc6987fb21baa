/**
 * What an embed does to a reader's device and which addresses it asks for (docs/privacy.md): every
 * element, rendered from the demo and fixture feeds, stores nothing and sets no cookie unless the site
 * opts in (`persist`, or `<meta name="mlo-widgets-storage" content="persist">`), and asks only for its
 * feed's pages (and the images the feed names, from the same server here). With the opt-in, one
 * localStorage entry appears per first page, never one for a later page, nor for a search index file.
 *
 * The archive search requests nothing at all, not even its search code, until the reader shows
 * intent (here: focus in the box, then typing). Then it asks for its feed's first page and, when the
 * feed names a prebuilt index (the demo feed does), the index manifest and only the shards the query
 * needs, under the index's folder; without one (the looping fixture chain) the feed's pages within
 * the crawl bounds, each once.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { clearFeedCache } from '../src/feed/load.js';
import '../src/mlo-widgets.js';
import { combobox, optionTitles, showIntent, typeQuery } from './archive-search-helpers.js';
import { realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { mount } from './helpers/mount.js';

const STORAGE_PREFIX = 'mlo-widgets:feed:';
const at = (path: string): string => new URL(path, location.origin).href;
const DEMO_FEED = at('/demo/feed/feed.json');
const DEMO_JSON = (await (await fetch(DEMO_FEED)).json()) as { next_url: string; _mlo: { search_index_url: string } };
// The demo's older page is named by its content (mlo-feed build): found through feed.json's next_url.
const DEMO_PAGE_2 = new URL(DEMO_JSON.next_url, DEMO_FEED).href;
// The prebuilt search index the demo feed names (docs/search-index.md): a manifest, and files named by
// their content under its folder: posting shards (p-), result records (d-), topic lists (t-).
const DEMO_INDEX = new URL(DEMO_JSON._mlo.search_index_url, DEMO_FEED).href;
const DEMO_MANIFEST = (await (await fetch(DEMO_INDEX)).json()) as {
  dir: string;
  vocabulary: { shards: { files: string[] } };
  documents: { files: string[] };
  tags: { file: string }[];
};
const indexFile = (kind: string, hash: string): string => new URL(`${DEMO_MANIFEST.dir}/${kind}-${hash}.json`, DEMO_INDEX).href;
const DEMO_POSTING_SHARDS = DEMO_MANIFEST.vocabulary.shards.files.map((hash) => indexFile('p', hash));
const DEMO_RECORD_SHARDS = DEMO_MANIFEST.documents.files.map((hash) => indexFile('d', hash));
const DEMO_TOPIC_FILES = DEMO_MANIFEST.tags.map(({ file }) => indexFile('t', file));
/** Every file of the demo's index: what a search of the demo feed may ask for, besides the feed. */
const DEMO_INDEX_FILES = [DEMO_INDEX, ...DEMO_POSTING_SHARDS, ...DEMO_RECORD_SHARDS, ...DEMO_TOPIC_FILES];
const NEWS_FEED = at('/fixtures/feeds/news-mlo.json');
const PAGED = [at('/fixtures/feeds/paged-1.json'), at('/fixtures/feeds/paged-2.json'), at('/fixtures/feeds/paged-3.json')];
const OFFICE_FEED = at('/fixtures/feeds/office-contacts.json');
const DEMO_ARTICLE = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';

/** Everything the page did while watched that could reach the reader's device or another address. */
interface Observed {
  /** localStorage / sessionStorage: the window getters and every Storage method, by name. */
  storage: string[];
  /** Reads and writes of document.cookie. */
  cookies: string[];
  /** IndexedDB, Cache Storage, service workers, beacons, XHR, WebSocket, EventSource. */
  other: string[];
  fetches: { url: string; credentials?: RequestCredentials; method: string }[];
}

interface Watch {
  observed: Observed;
  /** Resolves once no request is in flight and none started for a while. */
  quiet(): Promise<void>;
  stop(): void;
}

/** Replaces an accessor (found on `target` or up its prototype chain) by an own one that records, then defers. */
function spyAccessor(target: object, name: string, record: (what: string) => void, restores: (() => void)[]): void {
  let owner: object | null = target;
  let descriptor: PropertyDescriptor | undefined;
  while (owner && !descriptor) {
    descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (!descriptor) owner = Object.getPrototypeOf(owner) as object | null;
  }
  if (!descriptor) return;
  const original = descriptor;
  const own = owner === target;
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable: original.enumerable ?? true,
    get(this: unknown) {
      record(`get ${name}`);
      return (original.get ? original.get.call(this) : original.value) as unknown;
    },
    ...(original.set
      ? {
          set(this: unknown, value: unknown) {
            record(`set ${name}`);
            original.set!.call(this, value);
          },
        }
      : {}),
  });
  restores.push(() => {
    if (own) Object.defineProperty(target, name, original);
    else Reflect.deleteProperty(target, name);
  });
}

/** Replaces a method on `target` by one that records, then calls the original. */
function spyMethod(target: object | undefined, name: string, label: string, record: (what: string) => void, restores: (() => void)[]): void {
  const holder = target as Record<string, unknown> | undefined;
  const original = holder?.[name];
  if (!holder || typeof original !== 'function') return;
  holder[name] = function (this: unknown, ...args: unknown[]): unknown {
    record(label);
    return (original as (...parameters: unknown[]) => unknown).apply(this, args);
  };
  restores.push(() => (holder[name] = original));
}

/** Starts recording storage, cookies, other channels and fetches (passed through to the test server). */
function watch(): Watch {
  const observed: Observed = { storage: [], cookies: [], other: [], fetches: [] };
  const restores: (() => void)[] = [];
  const storage = (what: string) => observed.storage.push(what);
  spyAccessor(window, 'localStorage', storage, restores);
  spyAccessor(window, 'sessionStorage', storage, restores);
  for (const method of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) spyMethod(Storage.prototype, method, `Storage.${method}`, storage, restores);
  spyAccessor(Storage.prototype, 'length', storage, restores);
  spyAccessor(document, 'cookie', (what) => observed.cookies.push(what), restores);
  const other = (what: string) => observed.other.push(what);
  spyMethod(IDBFactory.prototype, 'open', 'indexedDB.open', other, restores);
  spyMethod(IDBFactory.prototype, 'deleteDatabase', 'indexedDB.deleteDatabase', other, restores);
  spyMethod((globalThis as { CacheStorage?: { prototype: object } }).CacheStorage?.prototype, 'open', 'caches.open', other, restores);
  spyMethod((globalThis as { ServiceWorkerContainer?: { prototype: object } }).ServiceWorkerContainer?.prototype, 'register', 'serviceWorker.register', other, restores);
  spyMethod(Navigator.prototype, 'sendBeacon', 'navigator.sendBeacon', other, restores);
  spyMethod(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest.open', other, restores);
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const original = window[name];
    window[name] = new Proxy(original, {
      construct(target, args: unknown[]) {
        other(`new ${name}`);
        return Reflect.construct(target, args) as object;
      },
    }) as never;
    restores.push(() => (window[name] = original as never));
  }

  let inFlight = 0;
  let lastActivity = performance.now();
  stubFetch(async (input, init) => {
    observed.fetches.push({ url: requestUrl(input), credentials: init?.credentials, method: init?.method ?? 'GET' });
    inFlight += 1;
    lastActivity = performance.now();
    try {
      return await realFetch(input, init);
    } finally {
      inFlight -= 1;
      lastActivity = performance.now();
    }
  });
  return {
    observed,
    quiet: () => waitUntil(() => inFlight === 0 && performance.now() - lastActivity > 400, 'requests did not settle', { timeout: 8000, interval: 50 }),
    stop() {
      for (const restore of restores.splice(0).reverse()) restore();
    },
  };
}

/** Every key and value of a storage (read outside any watch). */
function entriesOf(storage: Storage): Record<string, string> {
  const entries: Record<string, string> = {};
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null) entries[key] = storage.getItem(key) ?? '';
  }
  return entries;
}

/** Both storages, whole. */
function storageContents(): { local: Record<string, string>; session: Record<string, string> } {
  return { local: entriesOf(localStorage), session: entriesOf(sessionStorage) };
}

/** Elements under `root`, through shadow roots. */
function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])]);
}

/** Waits until each mlo-* element under `frame` has rendered and nothing in it is busy. */
async function rendered(frame: HTMLElement): Promise<void> {
  const elements = [frame, ...frame.querySelectorAll('*')].filter((element) => element.localName.startsWith('mlo-'));
  await waitUntil(
    () => elements.every((element) => element.shadowRoot !== null && element.getAttribute('aria-busy') !== 'true' && !deepElements(element.shadowRoot).some((node) => node.getAttribute('aria-busy') === 'true')),
    'an element stayed busy',
    { timeout: 8000 },
  );
}

/** Every resource this page has loaded since this file started, whatever clears the timing buffer. */
const loadedEver = new Set<string>();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) loadedEver.add(new URL(entry.name).pathname);
}).observe({ type: 'resource', buffered: true });
/** The archive search's engine (src/search/engine.ts, a dynamic import) and the modules only it imports. */
const ENGINE_CODE = ['/src/search/engine.ts', '/src/search/search-index.ts', '/src/search/prebuilt/read.ts', '/src/search/highlight.ts'];
/** Which of the engine's modules this page has requested so far. */
const engineLoaded = async (): Promise<string[]> => {
  // Observer callbacks are queued: let the ones for requests already made arrive.
  await aTimeout(0);
  return ENGINE_CODE.filter((path) => loadedEver.has(path));
};

/** Resources the page loaded since `clearResourceTimings()`. */
function resources(): PerformanceResourceTiming[] {
  return performance.getEntriesByType('resource') as PerformanceResourceTiming[];
}

interface Case {
  name: string;
  template: (persist: boolean) => TemplateResult;
  /** Every address the case may fetch: the first page(s) and the next_url pages it follows. */
  feeds: readonly string[];
  /** Of those, the ones it must fetch. */
  fetched: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: '<mlo-news-list> (demo feed, grid with images)',
    template: (persist) => html`<mlo-news-list src=${DEMO_FEED} layout="grid" ?persist=${persist}></mlo-news-list>`,
    feeds: [DEMO_FEED, DEMO_PAGE_2],
    fetched: [DEMO_FEED],
  },
  {
    name: '<mlo-news-list> (fixture feed, limit past the first page)',
    template: (persist) => html`<mlo-news-list src=${PAGED[0]!} limit="12" ?persist=${persist}></mlo-news-list>`,
    feeds: PAGED,
    fetched: PAGED,
  },
  {
    name: '<mlo-article-card> (the full article: body images, photos)',
    template: (persist) => html`<mlo-article-card src=${DEMO_FEED} article-id=${DEMO_ARTICLE} variant="full" ?persist=${persist}></mlo-article-card>`,
    feeds: [DEMO_FEED, DEMO_PAGE_2],
    fetched: [DEMO_FEED],
  },
  {
    name: '<mlo-breadcrumb> (an article of the demo feed)',
    template: (persist) => html`<mlo-breadcrumb src=${DEMO_FEED} article-id=${DEMO_ARTICLE} ?persist=${persist}></mlo-breadcrumb>`,
    feeds: [DEMO_FEED, DEMO_PAGE_2],
    fetched: [DEMO_FEED],
  },
  {
    name: '<mlo-office-contact> (no feed: the built-in contact)',
    template: (persist) => html`<mlo-office-contact ?persist=${persist}></mlo-office-contact>`,
    feeds: [],
    fetched: [],
  },
  {
    name: '<mlo-office-contact> (from a feed)',
    template: (persist) => html`<mlo-office-contact src=${OFFICE_FEED} ?persist=${persist}></mlo-office-contact>`,
    feeds: [OFFICE_FEED],
    fetched: [OFFICE_FEED],
  },
];

/** Renders `template`, waits until its requests and rendering settle, and returns what was observed. */
async function observe(template: TemplateResult, until?: (frame: HTMLElement, watching: Watch) => Promise<unknown>): Promise<{ frame: HTMLElement; observed: Observed }> {
  performance.setResourceTimingBufferSize(2000);
  performance.clearResourceTimings();
  const watching = watch();
  try {
    const frame = mount(html`<div>${template}</div>`);
    await rendered(frame);
    if (until) await until(frame, watching);
    await watching.quiet();
    await rendered(frame);
    return { frame, observed: watching.observed };
  } finally {
    watching.stop();
  }
}

/** The resources loaded: each from this server; `fetchable` (feeds, index files) by fetch, images by <img>; nothing else. */
function expectOnlyFeedsAndImages(fetchable: readonly string[]): void {
  for (const entry of resources()) {
    const url = new URL(entry.name);
    expect(url.origin, `${entry.name} is on the page's own server (no third party)`).to.equal(location.origin);
    if (entry.initiatorType === 'fetch') expect(fetchable, `fetched ${entry.name}`).to.include(entry.name);
    // The library's own code, imported when first needed (the full article and its sanitiser).
    else if (entry.initiatorType === 'script') expect(url.pathname, `${entry.name} is the library's own code`).to.match(/^\/src\/[\w/.-]+\.ts$/);
    else {
      expect(entry.initiatorType, `${entry.name} was loaded as an image`).to.equal('img');
      expect(url.pathname, `${entry.name} is an image the feed names`).to.match(/^\/demo\/feed\/images\/[\w-]+\.svg$/);
    }
  }
}

interface SearchCase {
  name: string;
  src: string;
  /** What the reader types once the box has focus. */
  words: string;
  /** Every address the search may fetch once the reader has shown intent. */
  fetchable: readonly string[];
  /** Checks the addresses fetched after intent, in the order asked, given the results shown. */
  expectFetched(urls: string[], results: string[]): void;
}

const SEARCH_CASES: readonly SearchCase[] = [
  {
    name: 'the demo archive, through the prebuilt index its feed names',
    src: DEMO_FEED,
    words: 'belgrade',
    fetchable: [DEMO_FEED, ...DEMO_INDEX_FILES],
    expectFetched(urls, results) {
      expect(urls.slice(0, 2), "the feed's first page, then the index manifest it names").to.deep.equal([DEMO_FEED, DEMO_INDEX]);
      expect(urls, 'never the feed’s second page: the index has the whole archive').not.to.include(DEMO_PAGE_2);
      const files = urls.slice(2);
      const folder = new URL(`${DEMO_MANIFEST.dir}/`, DEMO_INDEX).href;
      for (const url of files) {
        expect(url.startsWith(folder), `${url} is under the index's folder ${folder}`).to.equal(true);
        expect([...DEMO_POSTING_SHARDS, ...DEMO_RECORD_SHARDS], `${url} is a posting or record shard the manifest names (no topic list without a topic filter)`).to.include(url);
      }
      const postings = files.filter((url) => DEMO_POSTING_SHARDS.includes(url));
      const records = files.filter((url) => DEMO_RECORD_SHARDS.includes(url));
      expect(postings.length, `the posting shards the words fall in, not all ${DEMO_POSTING_SHARDS.length}`).to.be.within(1, DEMO_POSTING_SHARDS.length - 1);
      expect(records.length, `the records of the ${results.length} results shown, at most one shard each`).to.be.within(1, results.length);
    },
  },
  {
    name: 'a fixture chain without an index that loops back',
    src: PAGED[0]!,
    // Only on the third page: found only if the crawl reached it.
    words: 'flood',
    fetchable: PAGED,
    expectFetched(urls, results) {
      expect(urls, "each page of the chain once, in order; the third page's next_url (the first again) is not followed").to.deep.equal(PAGED);
      expect(results).to.deep.equal(['Flood relief assistance delivered']);
    },
  },
];

/**
 * Removes a frame whose search the reader used, and waits until the page is quiet, so that nothing
 * still in flight lands in the next test's record. (A removed search requests nothing more: tested in
 * moving-dom.test.ts.)
 */
async function removeSearched(frame: HTMLElement): Promise<void> {
  const watching = watch();
  try {
    frame.remove();
    await watching.quiet();
  } finally {
    watching.stop();
  }
}

/** The first search run of this file: the search code cannot have been loaded by an earlier one. */
let firstSearch = true;

/**
 * Renders the search, waits until the page is quiet and takes what was observed so far (before
 * intent); then the reader focuses the box and types `words`, and everything settles again.
 */
async function observeSearch(example: SearchCase, persist: boolean): Promise<{ before: { observed: Observed; resources: string[] }; observed: Observed; results: string[] }> {
  performance.setResourceTimingBufferSize(2000);
  performance.clearResourceTimings();
  const watching = watch();
  try {
    const frame = mount(html`<div><mlo-archive-search src=${example.src} debounce="0" ?persist=${persist}></mlo-archive-search></div>`);
    const element = frame.querySelector('mlo-archive-search')!;
    await rendered(frame);
    await watching.quiet();
    expect(combobox(element).labels?.[0]?.textContent.trim(), 'the box is there before intent').to.equal('Search our content');
    const before = { observed: structuredClone(watching.observed), resources: resources().map((entry) => entry.name) };
    const first = firstSearch;
    firstSearch = false;
    if (first) expect(await engineLoaded(), 'the search code is not loaded before intent').to.deep.equal([]);

    await showIntent(element);
    await typeQuery(element, example.words);
    await waitUntil(() => optionTitles(element).length > 0, `no results for "${example.words}"`, { timeout: 8000 });
    await watching.quiet();
    await rendered(frame);
    expect(await engineLoaded(), 'the search code is loaded on intent').to.include('/src/search/engine.ts');
    const results = optionTitles(element);
    watching.stop();
    await removeSearched(frame);
    return { before, observed: watching.observed, results };
  } finally {
    watching.stop();
  }
}

/** With persist: the saved copy of `url` holds the feed text as served and when it was fetched. */
async function expectSavedAsServed(url: string): Promise<void> {
  const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + url)!) as { fetchedAt: unknown; body: unknown };
  expect(saved.fetchedAt, 'when it was fetched').to.be.a('number');
  expect(saved.body, 'the feed text as served').to.equal(await (await realFetch(url)).text());
}

/** With persist: beside its own localStorage entries, nothing touched, and the page's own storage and cookie as they were. */
function expectOnlyOwnEntryKept(observed: Observed, before: { session: Record<string, string>; cookie: string; others: Record<string, string> }): void {
  expect(observed.storage.filter((call) => call.includes('sessionStorage')), 'sessionStorage is not touched').to.deep.equal([]);
  expect(observed.cookies).to.deep.equal([]);
  expect(observed.other).to.deep.equal([]);
  expect(entriesOf(sessionStorage)).to.deep.equal(before.session);
  expect(document.cookie).to.equal(before.cookie);
  expect(Object.fromEntries(Object.entries(entriesOf(localStorage)).filter(([key]) => !key.startsWith(STORAGE_PREFIX))), "the page's own entries are left alone").to.deep.equal(before.others);
}

/** Without persist: no storage or cookie touched, no other channel used, and both left as they were. */
function expectNothingKept(observed: Observed, before: ReturnType<typeof storageContents>, cookie: string): void {
  expect(observed.storage, 'localStorage and sessionStorage are not even touched').to.deep.equal([]);
  expect(observed.cookies, 'document.cookie is neither read nor written').to.deep.equal([]);
  expect(observed.other, 'no IndexedDB, Cache Storage, service worker, beacon, XHR, WebSocket or EventSource').to.deep.equal([]);
  expect(storageContents()).to.deep.equal(before);
  expect(document.cookie).to.equal(cookie);
}

/** Every request a GET that sends cookies only to the page's own origin. */
function expectPlainGets(observed: Observed): void {
  for (const request of observed.fetches) {
    expect(request.method, request.url).to.equal('GET');
    expect(request.credentials, `${request.url}: cookies only to the page's own origin`).to.equal('same-origin');
  }
}

/** Before intent: not a request, not a resource, not a storage call, whatever the opt-in. */
function expectNothingBeforeIntent(before: { observed: Observed; resources: string[] }): void {
  expect(before.observed.fetches.map((request) => request.url), 'no request before intent').to.deep.equal([]);
  expect(before.resources, 'nothing loaded before intent: no feed, no index, no search code').to.deep.equal([]);
  expect(before.observed.storage, 'storage not touched before intent').to.deep.equal([]);
  expect(before.observed.cookies).to.deep.equal([]);
  expect(before.observed.other).to.deep.equal([]);
}

describe('privacy: <mlo-archive-search>, before and after the reader shows intent', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => clearFeedCache());

  /** The mlo-widgets:feed: keys in localStorage. */
  const savedKeys = (): string[] => Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX)).sort();

  for (const example of SEARCH_CASES) {
    it(`${example.name}, without persist: nothing before intent; then only its files, each once; nothing stored`, async () => {
      const before = storageContents();
      const cookie = document.cookie;
      const { before: beforeIntent, observed, results } = await observeSearch(example, false);
      expectNothingBeforeIntent(beforeIntent);

      expectNothingKept(observed, before, cookie);

      const urls = observed.fetches.map((request) => request.url);
      expect(urls, 'no address twice').to.have.length(new Set(urls).size);
      for (const url of urls) expect(example.fetchable, `fetched ${url}`).to.include(url);
      example.expectFetched(urls, results);
      expectPlainGets(observed);
      expectOnlyFeedsAndImages(example.fetchable);
    });

    it(`${example.name}, with persist: nothing before intent; then one localStorage entry, for its first page only`, async () => {
      const session = entriesOf(sessionStorage);
      const cookie = document.cookie;
      const others = Object.fromEntries(Object.entries(entriesOf(localStorage)).filter(([key]) => !key.startsWith(STORAGE_PREFIX)));
      const { before: beforeIntent, observed, results } = await observeSearch(example, true);
      expectNothingBeforeIntent(beforeIntent);

      // Index files are never kept (src/search/prebuilt/read.ts keeps them in memory for the page's life).
      expect(savedKeys(), 'the first page only: no later page, no index file').to.deep.equal([STORAGE_PREFIX + example.src]);
      await expectSavedAsServed(example.src);
      expectOnlyOwnEntryKept(observed, { session, cookie, others });
      const urls = observed.fetches.map((request) => request.url);
      expect(urls, 'no address twice').to.have.length(new Set(urls).size);
      example.expectFetched(urls, results);
    });
  }
});

describe('privacy: without persist', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => clearFeedCache());

  for (const example of CASES) {
    it(`${example.name}: stores nothing, sets no cookie, asks only for its feed`, async () => {
      const before = storageContents();
      const cookie = document.cookie;
      const { observed } = await observe(example.template(false));

      expectNothingKept(observed, before, cookie);

      const urls = observed.fetches.map((request) => request.url);
      for (const url of urls) expect(example.feeds, `fetched ${url}`).to.include(url);
      expect([...new Set(urls)].sort(), 'the feed pages it needs, each once').to.deep.equal([...example.fetched].sort());
      expect(urls, 'no address twice').to.have.length(new Set(urls).size);
      expectPlainGets(observed);
      expectOnlyFeedsAndImages(example.feeds);
    });
  }

  it('all five elements on one page: one shared request for the feed, the search’s index files only on intent, nothing stored', async () => {
    const before = storageContents();
    let beforeIntent: string[] = [];
    let results: string[] = [];
    const { frame, observed } = await observe(
      html`<mlo-breadcrumb src=${DEMO_FEED} article-id=${DEMO_ARTICLE}></mlo-breadcrumb>
        <mlo-archive-search src=${DEMO_FEED}></mlo-archive-search>
        <mlo-news-list src=${DEMO_FEED} layout="list"></mlo-news-list>
        <mlo-article-card src=${DEMO_FEED} article-id=${DEMO_ARTICLE} variant="full"></mlo-article-card>
        <mlo-office-contact></mlo-office-contact>`,
      async (rendering, watching) => {
        await watching.quiet();
        beforeIntent = watching.observed.fetches.map((request) => request.url);
        const search = rendering.querySelector('mlo-archive-search')!;
        await showIntent(search);
        await typeQuery(search, 'belgrade');
        await waitUntil(() => optionTitles(search).length > 0, 'no results for "belgrade"', { timeout: 8000 });
        results = optionTitles(search);
      },
    );
    expect(beforeIntent, 'one request for the feed, shared by three elements; the search asks nothing before intent').to.deep.equal([DEMO_FEED]);
    expect(observed.storage).to.deep.equal([]);
    expect(observed.cookies).to.deep.equal([]);
    expect(observed.other).to.deep.equal([]);
    expect(storageContents()).to.deep.equal(before);
    const urls = observed.fetches.map((request) => request.url);
    expect(urls, 'no address twice: the search shares the feed already loaded').to.have.length(new Set(urls).size);
    SEARCH_CASES[0]!.expectFetched(urls, results);
    expectOnlyFeedsAndImages([DEMO_FEED, ...DEMO_INDEX_FILES]);

    // The office contact's map link is a link to OpenStreetMap, never a request to it.
    const mapLink = frame.querySelector('mlo-office-contact')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="map-link"]');
    expect(mapLink?.href).to.match(/^https:\/\/www\.openstreetmap\.org\//);
    expect(resources().filter((entry) => new URL(entry.name).origin !== location.origin)).to.deep.equal([]);
    // Feed images are loaded lazily by the browser, as <img loading="lazy">.
    const images = deepElements(frame).filter((element): element is HTMLImageElement => element instanceof HTMLImageElement);
    expect(images.length, 'the demo feed has images').to.be.greaterThan(0);
    for (const image of images) expect(image.loading, image.src).to.equal('lazy');
    await removeSearched(frame);
  });
});

describe('privacy: with persist', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => clearFeedCache());

  /** The mlo-widgets:feed: keys in localStorage. */
  const savedKeys = (): string[] => Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX)).sort();

  for (const example of CASES) {
    const firstPage = example.fetched[0];
    it(`${example.name}: ${firstPage ? 'one localStorage entry, for its first page only' : 'nothing to keep, nothing stored'}; sessionStorage and cookies untouched`, async () => {
      const session = entriesOf(sessionStorage);
      const cookie = document.cookie;
      const others = Object.fromEntries(Object.entries(entriesOf(localStorage)).filter(([key]) => !key.startsWith(STORAGE_PREFIX)));
      const { observed } = await observe(example.template(true));
      expect(savedKeys()).to.deep.equal(firstPage ? [STORAGE_PREFIX + firstPage] : []);
      if (firstPage) {
        await expectSavedAsServed(firstPage);
      }
      expectOnlyOwnEntryKept(observed, { session, cookie, others });
      expect([...new Set(observed.fetches.map((request) => request.url))].sort()).to.deep.equal([...example.fetched].sort());
    });
  }

  it('elements sharing a feed share its one copy; clearFeedCache() removes every copy', async () => {
    await observe(
      html`<mlo-news-list src=${DEMO_FEED} persist></mlo-news-list>
        <mlo-archive-search src=${DEMO_FEED} persist></mlo-archive-search>
        <mlo-article-card src=${DEMO_FEED} article-id=${DEMO_ARTICLE} persist></mlo-article-card>
        <mlo-office-contact src=${OFFICE_FEED} persist></mlo-office-contact>`,
    );
    expect(savedKeys()).to.deep.equal([STORAGE_PREFIX + DEMO_FEED, STORAGE_PREFIX + OFFICE_FEED].sort());
    clearFeedCache();
    expect(savedKeys()).to.deep.equal([]);
  });

  it('the page-wide <meta name="mlo-widgets-storage" content="persist"> opts in every element', async () => {
    const meta = document.createElement('meta');
    meta.name = 'mlo-widgets-storage';
    meta.content = 'persist';
    document.head.append(meta);
    try {
      let keptBeforeIntent: string[] = [];
      const { frame } = await observe(
        html`<mlo-news-list src=${NEWS_FEED}></mlo-news-list>
          <mlo-archive-search src=${PAGED[0]!}></mlo-archive-search>`,
        async (rendering, watching) => {
          await watching.quiet();
          keptBeforeIntent = savedKeys();
          const search = rendering.querySelector('mlo-archive-search')!;
          await showIntent(search);
          await typeQuery(search, 'flood');
          await waitUntil(() => optionTitles(search).length > 0, 'no results for "flood"', { timeout: 8000 });
        },
      );
      expect(keptBeforeIntent, 'the list keeps its feed; the search, before intent, has loaded nothing to keep').to.deep.equal([STORAGE_PREFIX + NEWS_FEED]);
      expect(savedKeys(), 'once searched, the first page of its chain too, and only that').to.deep.equal([STORAGE_PREFIX + NEWS_FEED, STORAGE_PREFIX + PAGED[0]!].sort());
      await removeSearched(frame);
    } finally {
      meta.remove();
    }
    clearFeedCache();
    // Without the meta again: nothing.
    await observe(html`<mlo-news-list src=${NEWS_FEED}></mlo-news-list>`);
    expect(savedKeys()).to.deep.equal([]);
  });
});
