import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { FeedPager, clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { parseFeed } from '../../src/feed/parse.js';
import { fixtureUrl } from './fixtures.js';
import { nth } from '../helpers/lists.js';
import { networkError, realFetch, recordFetches, restoreFetch } from '../helpers/fetch.js';

const STORAGE_PREFIX = 'mlo-widgets:feed:';
const PAGED = '/fixtures/feeds/paged-1.json';
/** Counts requests while still fetching from the test server. */
function countFetches() {
  return recordFetches();
}

function failNetwork() {
  return recordFetches(networkError);
}

async function loadError(loading: Promise<unknown>): Promise<FeedError> {
  try {
    await loading;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('Expected loading to fail, but it succeeded.');
}

afterEach(() => {
  clearFeedCache();
});

describe('loadFeed: success and sharing', () => {
  it('loads and parses a feed from a relative src, resolving its URLs against the feed', async () => {
    const before = Date.now();
    const result = await loadFeed(PAGED);
    expect(result.stale).to.equal(false);
    expect(result.error).to.equal(undefined);
    expect(result.fetchedAt).to.be.within(before, Date.now());
    expect(result.feed.feedUrl).to.equal(fixtureUrl('paged-1.json'));
    expect(result.feed.items.map((item) => item.id)).to.deep.equal(['paged-1-1', 'paged-1-2', 'paged-1-3', 'paged-1-4', 'paged-1-5']);
    expect(result.feed.nextUrl).to.equal(fixtureUrl('paged-2.json'));
  });

  it('asks for a JSON Feed and sends no third-party credentials', async () => {
    const requests = countFetches();
    await loadFeed(PAGED);
    const headers = new Headers(nth(requests, 0).init?.headers);
    expect(headers.get('Accept')).to.contain('application/feed+json');
    expect(nth(requests, 0).init?.credentials).to.equal('same-origin');
  });

  it('shares one request among concurrent callers', async () => {
    const requests = countFetches();
    const results = await Promise.all([loadFeed(PAGED), loadFeed(PAGED), loadFeed(fixtureUrl('paged-1.json'))]);
    expect(requests).to.have.length(1);
    expect(results[1].feed).to.equal(results[0].feed);
    expect(results[2].feed).to.equal(results[0].feed);
  });

  it('serves a fresh copy from memory without a request', async () => {
    const first = await loadFeed(PAGED);
    const requests = countFetches();
    const second = await loadFeed(PAGED);
    expect(requests).to.have.length(0);
    expect(second.feed).to.equal(first.feed);
    expect(second.fetchedAt).to.equal(first.fetchedAt);
  });

  it('asks again once the copy in memory is older than maxAgeMs', async () => {
    await loadFeed(PAGED);
    const requests = countFetches();
    await aTimeout(5);
    await loadFeed(PAGED, { maxAgeMs: 1 });
    expect(requests).to.have.length(1);
  });

  it('refetches with force (a Retry button)', async () => {
    const first = await loadFeed(PAGED);
    const requests = countFetches();
    const again = await loadFeed(PAGED, { force: true });
    expect(requests).to.have.length(1);
    expect(again.stale).to.equal(false);
    expect(again.fetchedAt).to.be.at.least(first.fetchedAt);
  });
});

describe('loadFeed: failures', () => {
  it('gives up after timeoutMs with kind "timeout"', async () => {
    recordFetches(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          // Like a real fetch that never answers: it settles only when aborted.
          init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        }),
    );
    const started = performance.now();
    const error = await loadError(loadFeed(PAGED, { timeoutMs: 50 }));
    expect(error.kind).to.equal('timeout');
    expect(error.url).to.equal(fixtureUrl('paged-1.json'));
    expect(performance.now() - started).to.be.below(2000);
  });

  it('reports HTTP 404 with its status', async () => {
    const error = await loadError(loadFeed('/fixtures/feeds/no-such-feed.json'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
  });

  it('reports HTTP 500 with its status', async () => {
    recordFetches(() => Promise.resolve(new Response('Internal error', { status: 500, statusText: 'Internal Server Error' })));
    const error = await loadError(loadFeed(PAGED));
    expect(error).to.include({ kind: 'http', status: 500 });
    expect(error.message).to.contain('500');
  });

  it('says "html" when a login page comes instead of the feed', async () => {
    expect((await loadError(loadFeed('/fixtures/feeds/not-a-feed.html'))).kind).to.equal('html');
  });

  it('says "invalid-json" for a truncated feed', async () => {
    expect((await loadError(loadFeed('/fixtures/feeds/truncated.json'))).kind).to.equal('invalid-json');
  });

  it('says "not-a-feed" and "unsupported-version" for JSON that is not a feed it reads', async () => {
    expect((await loadError(loadFeed('/fixtures/feeds/wrong-shape.json'))).kind).to.equal('not-a-feed');
    expect((await loadError(loadFeed('/fixtures/feeds/version-2.json'))).kind).to.equal('unsupported-version');
  });

  it('says "network" when the request itself fails', async () => {
    failNetwork();
    const error = await loadError(loadFeed(PAGED));
    expect(error.kind).to.equal('network');
    expect(error.cause).to.be.instanceOf(TypeError);
  });

  it('refuses a src that is not http(s) or relative, without a request', async () => {
    const requests = countFetches();
    for (const src of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:application/json,{"items":[]}', 'file:///etc/passwd']) {
      const error = await loadError(loadFeed(src));
      expect(error.kind, src).to.equal('invalid-url');
    }
    expect(requests).to.have.length(0);
  });

  it('does not keep a failure: the next call asks again', async () => {
    failNetwork();
    await loadError(loadFeed(PAGED));
    restoreFetch();
    expect((await loadFeed(PAGED)).feed.items).to.have.length(5);
  });
});

describe('loadFeed: the last good copy', () => {
  it('serves the last good copy, marked stale with the error, when a reload fails', async () => {
    const good = await loadFeed(PAGED);
    failNetwork();
    const result = await loadFeed(PAGED, { force: true });
    expect(result.stale).to.equal(true);
    expect(result.error?.kind).to.equal('network');
    expect(result.fetchedAt).to.equal(good.fetchedAt);
    expect(result.feed).to.equal(good.feed);
  });

  it('stores nothing on the reader\'s device unless asked: no localStorage write or read by default', async () => {
    const before = Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX));
    await loadFeed(PAGED);
    expect(Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX))).to.deep.equal(before);
    // A copy saved by an earlier visit that opted in is not read either, when this one did not.
    const key = STORAGE_PREFIX + fixtureUrl('paged-1.json');
    clearFeedCache();
    localStorage.setItem(key, JSON.stringify({ fetchedAt: 1, body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Saved', items: [] }) }));
    failNetwork();
    expect((await loadError(loadFeed(PAGED))).kind).to.equal('network');
    localStorage.removeItem(key);
  });

  it('with persist, keeps a copy in localStorage that a later page serves when the network fails', async () => {
    const good = await loadFeed(PAGED, { persist: true });
    const key = STORAGE_PREFIX + fixtureUrl('paged-1.json');
    const saved = localStorage.getItem(key);
    expect(saved, 'saved under the mlo-widgets:feed: prefix').to.be.a('string');
    expect(JSON.parse(saved!)).to.include({ fetchedAt: good.fetchedAt });

    // A new page: nothing in memory, the same storage.
    clearFeedCache();
    expect(localStorage.getItem(key)).to.equal(null);
    localStorage.setItem(key, saved!);
    failNetwork();
    const result = await loadFeed(PAGED, { persist: true });
    expect(result.stale).to.equal(true);
    expect(result.error?.kind).to.equal('network');
    expect(result.fetchedAt).to.equal(good.fetchedAt);
    expect(result.feed.items.map((item) => item.title)).to.deep.equal(good.feed.items.map((item) => item.title));
  });

  it('ignores a damaged saved copy and reports the error', async () => {
    localStorage.setItem(STORAGE_PREFIX + fixtureUrl('paged-1.json'), '{"fetchedAt": 1, "body": "{\\"version\\": tru');
    failNetwork();
    expect((await loadError(loadFeed(PAGED, { persist: true }))).kind).to.equal('network');
  });

  it('clearFeedCache forgets only its own keys in storage', async () => {
    localStorage.setItem('partner-page:setting', 'kept');
    await loadFeed(PAGED, { persist: true });
    clearFeedCache();
    expect(localStorage.getItem('partner-page:setting')).to.equal('kept');
    expect(Object.keys(localStorage).filter((key) => key.startsWith(STORAGE_PREFIX))).to.deep.equal([]);
    localStorage.removeItem('partner-page:setting');
  });
});

describe('loadFeed: storage that refuses', () => {
  it('still loads, and still serves the copy in memory, when touching localStorage throws', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).to.throw();
      const good = await loadFeed(PAGED, { persist: true });
      expect(good.feed.items).to.have.length(5);
      failNetwork();
      const stale = await loadFeed(PAGED, { force: true, persist: true });
      expect(stale).to.include({ stale: true, fetchedAt: good.fetchedAt });
      restoreFetch();
      expect(() => clearFeedCache()).not.to.throw();
    } finally {
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
    expect(window.localStorage).to.be.instanceOf(Storage);
  });

  it('still loads when saving throws (quota exceeded)', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, never called.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      expect((await loadFeed(PAGED, { persist: true })).feed.items).to.have.length(5);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

describe('loadFeed: aborting', () => {
  /** The real server, answering after a delay, so callers can give up while the request runs. */
  function slowServer(delayMs: number) {
    return recordFetches((url, init) => aTimeout(delayMs).then(() => realFetch(url, init)));
  }

  it('rejects the caller that aborts; another caller sharing the request still gets the feed', async () => {
    const requests = slowServer(100);
    const leaving = new AbortController();
    const first = loadFeed(PAGED, { signal: leaving.signal });
    const second = loadFeed(PAGED);
    leaving.abort();
    let aborted: unknown;
    try {
      await first;
    } catch (error) {
      aborted = error;
    }
    expect(aborted).to.be.instanceOf(DOMException);
    expect((aborted as DOMException).name).to.equal('AbortError');
    const result = await second;
    expect(result.feed.items).to.have.length(5);
    expect(result.stale).to.equal(false);
    expect(requests).to.have.length(1);
  });

  it('rejects at once for a signal that is already aborted, without a request', async () => {
    const requests = countFetches();
    const reason = new Error('gone');
    let caught: unknown;
    try {
      await loadFeed(PAGED, { signal: AbortSignal.abort(reason) });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.equal(reason);
    expect(requests).to.have.length(0);
  });

  it('makes no request when its only caller leaves before it starts (in the same task)', async () => {
    const requests = recordFetches((url, init) => realFetch(url, init));
    const leaving = new AbortController();
    const gone = loadFeed(PAGED, { signal: leaving.signal }).catch((error: unknown) => error);
    leaving.abort();
    expect(await gone).to.be.instanceOf(DOMException);
    await aTimeout(20);
    expect(requests).to.have.length(0);
  });

  it('cancels the request once every caller has left (a superseded src): a later caller asks again', async () => {
    const signals: AbortSignal[] = [];
    const requests = recordFetches((url, init) => {
      if (init?.signal) signals.push(init.signal);
      return aTimeout(50).then(() => realFetch(url, init));
    });
    const leaving = new AbortController();
    const gone = loadFeed(PAGED, { signal: leaving.signal }).catch((error: unknown) => error);
    // The request starts in a task after the call: leave once it is under way.
    await waitUntil(() => signals.length === 1, 'the request did not start');
    leaving.abort();
    expect(await gone).to.be.instanceOf(DOMException);
    expect(signals[0]?.aborted, 'the fetch itself was aborted').to.equal(true);
    const later = await loadFeed(PAGED);
    expect(later.feed.items).to.have.length(5);
    expect(requests, 'the later caller made its own request').to.have.length(2);
  });

  it('keeps the request while one caller still waits, even one that cannot abort', async () => {
    const signals: AbortSignal[] = [];
    recordFetches((url, init) => {
      if (init?.signal) signals.push(init.signal);
      return aTimeout(50).then(() => realFetch(url, init));
    });
    const leaving = new AbortController();
    const gone = loadFeed(PAGED, { signal: leaving.signal }).catch((error: unknown) => error);
    const staying = loadFeed(PAGED);
    leaving.abort();
    await gone;
    expect((await staying).feed.items).to.have.length(5);
    expect(signals[0]?.aborted).to.equal(false);
  });
});

describe('FeedPager', () => {
  it('with persist, keeps the first page in storage for the next visit, but not the later pages', async () => {
    const { feed } = await loadFeed(PAGED, { persist: true });
    const pager = new FeedPager(feed);
    await pager.loadMore();
    await pager.loadMore();
    const saved = Object.keys(localStorage).filter((key) => key.startsWith('mlo-widgets:feed:'));
    expect(saved).to.deep.equal([`mlo-widgets:feed:${fixtureUrl('paged-1.json')}`]);
  });

  it('follows next_url page by page, stops where the chain loops back, never asking for a page twice', async () => {
    const requests = countFetches();
    const { feed } = await loadFeed(PAGED);
    const pager = new FeedPager(feed);
    expect(pager.hasMore).to.equal(true);

    await pager.loadMore();
    expect(pager.feed.items).to.have.length(10);
    expect(pager.hasMore).to.equal(true);

    const merged = await pager.loadMore();
    expect(merged.items).to.have.length(15);
    expect(pager.hasMore, 'paged-3.json points back to paged-1.json').to.equal(false);

    const unchanged = await pager.loadMore();
    expect(unchanged).to.equal(merged);
    expect(requests.map((request) => new URL(request.url).pathname)).to.deep.equal([
      '/fixtures/feeds/paged-1.json',
      '/fixtures/feeds/paged-2.json',
      '/fixtures/feeds/paged-3.json',
    ]);
    const ids = merged.items.map((item) => item.id);
    expect(new Set(ids).size).to.equal(15);
    expect(ids.slice(0, 6)).to.deep.equal(['paged-1-1', 'paged-1-2', 'paged-1-3', 'paged-1-4', 'paged-1-5', 'paged-2-1']);
    expect(merged.feedUrl, 'the merged feed keeps the first page’s identity').to.equal(fixtureUrl('paged-1.json'));
  });

  it('merges a later page without repeating items already shown', async () => {
    const first = parseFeed(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Overlap',
        next_url: fixtureUrl('paged-2.json'),
        items: [{ id: 'paged-2-1', title: 'Already here' }, { id: 'own' }],
      },
      { url: new URL('/overlap.json', location.href).href },
    );
    const pager = new FeedPager(first);
    const merged = await pager.loadMore();
    expect(merged.items.map((item) => item.id)).to.deep.equal(['paged-2-1', 'own', 'paged-2-2', 'paged-2-3', 'paged-2-4', 'paged-2-5']);
    expect(nth(merged.items, 0).title).to.equal('Already here');
  });

  it('has nothing more for a feed without next_url', async () => {
    const requests = countFetches();
    const { feed } = await loadFeed('/fixtures/feeds/minimal.json');
    const pager = new FeedPager(feed);
    expect(pager.hasMore).to.equal(false);
    expect(await pager.loadMore()).to.equal(feed);
    expect(requests).to.have.length(1);
  });

  it('passes a failing page on as an error and can try that page again', async () => {
    const { feed } = await loadFeed(PAGED);
    const pager = new FeedPager(feed);
    failNetwork();
    expect((await loadError(pager.loadMore())).kind).to.equal('network');
    expect(pager.hasMore, 'the failed page is still to come').to.equal(true);
    restoreFetch();
    expect((await pager.loadMore()).items).to.have.length(10);
  });
});
