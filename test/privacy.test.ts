/**
 * What an embed does to a reader's device and which addresses it asks for (docs/privacy.md): every
 * element, rendered from the demo and fixture feeds, stores nothing and sets no cookie unless the site
 * opts in (`persist`, or `<meta name="mlo-widgets-storage" content="persist">`), and asks only for its
 * feed's pages (and the images the feed names, from the same server here). With the opt-in, one
 * localStorage entry appears per first page, never one for a later page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { clearFeedCache } from '../src/feed/load.js';
import '../src/mlo-widgets.js';
import { realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { mount } from './helpers/mount.js';

const STORAGE_PREFIX = 'mlo-widgets:feed:';
const at = (path: string): string => new URL(path, location.origin).href;
const DEMO_FEED = at('/demo/feed/feed.json');
// The demo's older page is named by its content (mlo-feed build): found through feed.json's next_url.
const DEMO_PAGE_2 = new URL(((await (await fetch(DEMO_FEED)).json()) as { next_url: string }).next_url, DEMO_FEED).href;
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
    name: '<mlo-archive-search> (the whole demo archive, and a query)',
    template: (persist) => html`<mlo-archive-search src=${DEMO_FEED} query="belgrade" ?persist=${persist}></mlo-archive-search>`,
    feeds: [DEMO_FEED, DEMO_PAGE_2],
    fetched: [DEMO_FEED, DEMO_PAGE_2],
  },
  {
    name: '<mlo-archive-search> (a fixture chain that loops back)',
    template: (persist) => html`<mlo-archive-search src=${PAGED[0]!} ?persist=${persist}></mlo-archive-search>`,
    feeds: PAGED,
    fetched: PAGED,
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
async function observe(template: TemplateResult, until?: (frame: HTMLElement) => Promise<unknown>): Promise<{ frame: HTMLElement; observed: Observed }> {
  performance.setResourceTimingBufferSize(2000);
  performance.clearResourceTimings();
  const watching = watch();
  try {
    const frame = mount(html`<div>${template}</div>`);
    await rendered(frame);
    if (until) await until(frame);
    await watching.quiet();
    await rendered(frame);
    return { frame, observed: watching.observed };
  } finally {
    watching.stop();
  }
}

/** The resources loaded: each from this server; feeds by fetch, images by <img>; nothing else. */
function expectOnlyFeedsAndImages(feeds: readonly string[]): void {
  for (const entry of resources()) {
    const url = new URL(entry.name);
    expect(url.origin, `${entry.name} is on the page's own server (no third party)`).to.equal(location.origin);
    if (entry.initiatorType === 'fetch') expect(feeds, `fetched ${entry.name}`).to.include(entry.name);
    // The library's own code, imported when first needed (the sanitiser on the first full article).
    else if (entry.initiatorType === 'script') expect(url.pathname, `${entry.name} is the library's own code`).to.match(/^\/src\/[\w/-]+\.ts$/);
    else {
      expect(entry.initiatorType, `${entry.name} was loaded as an image`).to.equal('img');
      expect(url.pathname, `${entry.name} is an image the feed names`).to.match(/^\/demo\/feed\/images\/[\w-]+\.svg$/);
    }
  }
}

describe('privacy: without persist', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => clearFeedCache());

  for (const example of CASES) {
    it(`${example.name}: stores nothing, sets no cookie, asks only for its feed`, async () => {
      const before = storageContents();
      const cookie = document.cookie;
      const { observed } = await observe(example.template(false));

      expect(observed.storage, 'localStorage and sessionStorage are not even touched').to.deep.equal([]);
      expect(observed.cookies, 'document.cookie is neither read nor written').to.deep.equal([]);
      expect(observed.other, 'no IndexedDB, Cache Storage, service worker, beacon, XHR, WebSocket or EventSource').to.deep.equal([]);
      expect(storageContents()).to.deep.equal(before);
      expect(document.cookie).to.equal(cookie);

      const urls = observed.fetches.map((request) => request.url);
      for (const url of urls) expect(example.feeds, `fetched ${url}`).to.include(url);
      expect([...new Set(urls)].sort(), 'the feed pages it needs, each once').to.deep.equal([...example.fetched].sort());
      expect(urls, 'no address twice').to.have.length(new Set(urls).size);
      for (const request of observed.fetches) {
        expect(request.method, request.url).to.equal('GET');
        expect(request.credentials, `${request.url}: cookies only to the page's own origin`).to.equal('same-origin');
      }
      expectOnlyFeedsAndImages(example.feeds);
    });
  }

  it('all five elements on one page: one shared request per feed page, nothing stored', async () => {
    const before = storageContents();
    const { frame, observed } = await observe(
      html`<mlo-breadcrumb src=${DEMO_FEED} article-id=${DEMO_ARTICLE}></mlo-breadcrumb>
        <mlo-archive-search src=${DEMO_FEED}></mlo-archive-search>
        <mlo-news-list src=${DEMO_FEED} layout="list"></mlo-news-list>
        <mlo-article-card src=${DEMO_FEED} article-id=${DEMO_ARTICLE} variant="full"></mlo-article-card>
        <mlo-office-contact></mlo-office-contact>`,
    );
    expect(observed.storage).to.deep.equal([]);
    expect(observed.cookies).to.deep.equal([]);
    expect(observed.other).to.deep.equal([]);
    expect(storageContents()).to.deep.equal(before);
    expect(observed.fetches.map((request) => request.url).sort()).to.deep.equal([DEMO_FEED, DEMO_PAGE_2].sort());
    expectOnlyFeedsAndImages([DEMO_FEED, DEMO_PAGE_2]);

    // The office contact's map link is a link to OpenStreetMap, never a request to it.
    const mapLink = frame.querySelector('mlo-office-contact')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="map-link"]');
    expect(mapLink?.href).to.match(/^https:\/\/www\.openstreetmap\.org\//);
    expect(resources().filter((entry) => new URL(entry.name).origin !== location.origin)).to.deep.equal([]);
    // Feed images are loaded lazily by the browser, as <img loading="lazy">.
    const images = deepElements(frame).filter((element): element is HTMLImageElement => element instanceof HTMLImageElement);
    expect(images.length, 'the demo feed has images').to.be.greaterThan(0);
    for (const image of images) expect(image.loading, image.src).to.equal('lazy');
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
        const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + firstPage)!) as { fetchedAt: unknown; body: unknown };
        expect(saved.fetchedAt, 'when it was fetched').to.be.a('number');
        expect(saved.body, 'the feed text as served').to.equal(await (await realFetch(firstPage)).text());
      }
      expect(observed.storage.filter((call) => call.includes('sessionStorage')), 'sessionStorage is not touched').to.deep.equal([]);
      expect(observed.cookies).to.deep.equal([]);
      expect(observed.other).to.deep.equal([]);
      expect(entriesOf(sessionStorage)).to.deep.equal(session);
      expect(document.cookie).to.equal(cookie);
      expect(Object.fromEntries(Object.entries(entriesOf(localStorage)).filter(([key]) => !key.startsWith(STORAGE_PREFIX))), "the page's own entries are left alone").to.deep.equal(others);
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
      await observe(
        html`<mlo-news-list src=${NEWS_FEED}></mlo-news-list>
          <mlo-archive-search src=${PAGED[0]!}></mlo-archive-search>`,
      );
      expect(savedKeys()).to.deep.equal([STORAGE_PREFIX + NEWS_FEED, STORAGE_PREFIX + PAGED[0]!].sort());
    } finally {
      meta.remove();
    }
    clearFeedCache();
    // Without the meta again: nothing.
    await observe(html`<mlo-news-list src=${NEWS_FEED}></mlo-news-list>`);
    expect(savedKeys()).to.deep.equal([]);
  });
});
