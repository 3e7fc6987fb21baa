/**
 * Loading feeds: one request per feed URL shared by every element on the page, a timeout, retry on
 * demand, and the last good copy kept in memory, served with its age when the network fails. A copy
 * in localStorage, for the next visit, only where the site opts in (`persist`): docs/privacy.md.
 * A request nobody waits for any more (every caller aborted: `src` changed, the element left) is
 * cancelled. Plain TypeScript: no Lit.
 */
import { FeedError, toFeedError } from './errors.js';
import { MAX_FEED_PAGE_SIZE } from './limits.js';
import { mergePages, parseFeedText, parseFeedTextInSlices } from './parse.js';
import type { Feed, FeedResult } from './types.js';
import { safeUrl } from './urls.js';
import { yieldToMain } from './yield.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** How long a copy in memory counts as fresh: elements mounting later reuse it instead of refetching. */
export const DEFAULT_MAX_AGE_MS = 5 * 60_000;
const STORAGE_PREFIX = 'mlo-widgets:feed:';

export interface LoadOptions {
  /** Gives up waiting (for this caller only: other elements sharing the request keep it). */
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned as a timeout. */
  timeoutMs?: number;
  /** Skip the in-memory copy and ask the network again (a Retry button). */
  force?: boolean;
  /** How old a copy in memory may be and still be served without a request. */
  maxAgeMs?: number;
  /**
   * Keep a copy in localStorage for the next visit, and read it back when the network fails (default
   * false: storing on the reader's device needs the site's reason, docs/privacy.md). Later pages
   * (`next_url`) are never kept: each write blocks the page for the size of the page, and a few would
   * fill the quota.
   */
  persist?: boolean;
}

interface CacheEntry {
  feed: Feed;
  fetchedAt: number;
  /** The size of the feed's text (UTF-16 code units: bytes for ASCII, a bound for the rest). */
  size: number;
}

/** A request shared by every caller of one URL; cancelled when the last of them stops waiting. */
interface SharedRequest {
  entry: Promise<CacheEntry>;
  abort: AbortController;
  waiting: number;
}

const memory = new Map<string, CacheEntry>();
const inFlight = new Map<string, SharedRequest>();

/** Storage can throw on access (sandboxed iframes, disabled cookies, Safari private mode): every touch is guarded. */
function storage(): Storage | undefined {
  try {
    // Null where storage is switched off (older Firefox), absent outside a window: the DOM types allow neither.
    const local = globalThis.localStorage as Storage | null | undefined;
    return local ?? undefined;
  } catch {
    return undefined;
  }
}

function persist(url: string, body: string, fetchedAt: number): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + url, JSON.stringify({ fetchedAt, body }));
  } catch {
    // Quota exceeded or storage forbidden: the in-memory copy still serves this page.
  }
}

function restore(url: string): CacheEntry | undefined {
  try {
    const raw = storage()?.getItem(STORAGE_PREFIX + url);
    if (!raw) return undefined;
    const saved: unknown = JSON.parse(raw);
    if (typeof saved !== 'object' || saved === null) return undefined;
    // Own properties only: JSON.parse output inherits whatever the page put on Object.prototype.
    const fetchedAt = Object.hasOwn(saved, 'fetchedAt') ? (saved as { fetchedAt: unknown }).fetchedAt : undefined;
    const body = Object.hasOwn(saved, 'body') ? (saved as { body: unknown }).body : undefined;
    if (typeof fetchedAt !== 'number' || typeof body !== 'string') return undefined;
    return { feed: parseFeedText(body, { url }), fetchedAt, size: body.length };
  } catch {
    return undefined; // A corrupt or outdated saved copy is as good as none.
  }
}

/** What a failed download's errors say about the file that was asked for. */
export interface DownloadWords {
  /** The request failed: offline, blocked, refused, or not allowed by CORS. */
  unreachable: string;
  /** The connection broke during the body. */
  broken: string;
  /** The declared length is surely over the limit, in bytes. */
  declaredTooLarge: (bytes: number) => string;
}

const FEED_ACCEPT = 'application/feed+json, application/json;q=0.9, */*;q=0.1';

const FEED_WORDS: DownloadWords = {
  unreachable: 'The feed could not be reached (offline, blocked, or the server does not allow this site to read it).',
  broken: 'The connection broke while the feed was downloading.',
  declaredTooLarge: (bytes) => `The feed page is ${bytes} bytes long; this library reads at most ${MAX_FEED_PAGE_SIZE} characters (${MAX_FEED_PAGE_SIZE / 1048576} MiB) per page.`,
};

/**
 * One GET of a text file, as every download of this library makes it (feed pages here, the prebuilt
 * search index's files in src/search/prebuilt/fetch.ts): cookies only to the page's own origin, a
 * declared length that cannot fit MAX_FEED_PAGE_SIZE refused before the body, and every failure a
 * FeedError, or the signal's reason once it has aborted (a timeout is the caller's abort).
 */
export async function downloadText(url: string, accept: string, signal: AbortSignal, words: DownloadWords): Promise<{ text: string; contentType?: string }> {
  let response: Response;
  try {
    // A prototype-free init: fetch reads every RequestInit member, inherited ones too, and a page's
    // Object.prototype.method, .body or .referrer must not change the request.
    const init = Object.assign(Object.create(null) as RequestInit, {
      signal,
      headers: new Headers([['Accept', accept]]),
      credentials: 'same-origin',
    } satisfies RequestInit);
    response = await fetch(url, init);
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new FeedError('network', words.unreachable, { url, cause });
  }
  if (!response.ok) {
    throw new FeedError('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, { url, status: response.status });
  }
  // A declared length that cannot fit the page limit is refused before the download (at most 3 bytes of
  // UTF-8 per UTF-16 code unit, so a longer body is surely over it, compressed or not).
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > 3 * MAX_FEED_PAGE_SIZE) {
    void response.body?.cancel().catch(() => undefined);
    throw new FeedError('too-large', words.declaredTooLarge(declared), { url });
  }
  try {
    return { text: await response.text(), contentType: response.headers.get('content-type') ?? undefined };
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new FeedError('network', words.broken, { url, cause });
  }
}

async function fetchAndParse(url: string, timeoutMs: number, keep: boolean, controller: AbortController): Promise<CacheEntry> {
  const timer = setTimeout(() => controller.abort(new FeedError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`, { url })), timeoutMs);
  try {
    // The request starts in a task of its own: fetch() itself costs 2 ms at 1x CPU, 8 ms at 4x, and the
    // element asking for the feed is in the middle of its first render (bench/long-tasks.mjs, five elements).
    await yieldToMain();
    // Every caller may have left meanwhile (a src changed in the same task): then nothing is asked.
    controller.signal.throwIfAborted();
    const { text: body, contentType } = await downloadText(url, FEED_ACCEPT, controller.signal, FEED_WORDS);
    // In slices: a page of a hundred items read in one task holds a slow phone's main thread too long.
    const feed = await parseFeedTextInSlices(body, { url, contentType });
    const fetchedAt = Date.now();
    if (keep) persist(url, body, fetchedAt);
    return { feed, fetchedAt, size: body.length };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the shared request as one of its callers. When `signal` aborts, this caller stops waiting
 * at once; when it was the last one waiting, the request itself is cancelled (no answer is wanted).
 */
function awaitShared(url: string, request: SharedRequest, signal: AbortSignal | undefined): Promise<CacheEntry> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  request.waiting += 1;
  // A caller that cannot abort waits to the end, so the request is never cancelled under it.
  if (!signal) return request.entry;
  return new Promise<CacheEntry>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      request.waiting -= 1;
      if (request.waiting === 0 && inFlight.get(url) === request) {
        inFlight.delete(url);
        request.abort.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.entry.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Resolves `src` against the page; throws 'invalid-url' for anything but http(s) and relative URLs. */
export function resolveFeedUrl(src: string): string {
  const url = safeUrl(src);
  if (!url) throw new FeedError('invalid-url', `"${src}" is not an http(s) or relative address.`, { url: src });
  return url;
}

/**
 * Loads the feed at `src`. Concurrent calls for one URL share one request; a fresh in-memory copy
 * is served without a request. When the network fails and a copy exists (memory or storage), it is
 * returned with `stale: true` and the error; otherwise the `FeedError` is thrown.
 */
export async function loadFeed(src: string, options: LoadOptions = {}): Promise<FeedResult> {
  const url = resolveFeedUrl(src);
  // Own properties only: the options bag inherits from Object.prototype, which the page may have filled.
  const option = <K extends keyof LoadOptions>(key: K): LoadOptions[K] => (Object.hasOwn(options, key) ? options[key] : undefined);
  const signal = option('signal');
  const timeoutMs = option('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  const force = option('force') ?? false;
  const maxAgeMs = option('maxAgeMs') ?? DEFAULT_MAX_AGE_MS;
  const keep = option('persist') ?? false;
  signal?.throwIfAborted();
  const cached = memory.get(url);
  if (!force && cached && Date.now() - cached.fetchedAt <= maxAgeMs) {
    return { feed: cached.feed, fetchedAt: cached.fetchedAt, size: cached.size, stale: false };
  }
  let request = inFlight.get(url);
  if (!request) {
    const abort = new AbortController();
    const entry = fetchAndParse(url, timeoutMs, keep, abort).then((loaded) => {
      memory.set(url, loaded);
      return loaded;
    });
    const shared: SharedRequest = { entry, abort, waiting: 0 };
    request = shared;
    inFlight.set(url, shared);
    const clear = () => {
      if (inFlight.get(url) === shared) inFlight.delete(url);
    };
    entry.then(clear, clear);
  }
  try {
    const entry = await awaitShared(url, request, signal);
    return { feed: entry.feed, fetchedAt: entry.fetchedAt, size: entry.size, stale: false };
  } catch (error) {
    if (signal?.aborted) throw error;
    const feedError = toFeedError(error, url);
    const lastGood = memory.get(url) ?? (keep ? restore(url) : undefined);
    if (lastGood) {
      memory.set(url, lastGood);
      return { feed: lastGood.feed, fetchedAt: lastGood.fetchedAt, size: lastGood.size, stale: true, error: feedError };
    }
    throw feedError;
  }
}

/**
 * Follows a feed's `next_url` pagination, one page per call, never requesting the same URL twice
 * (a feed whose `next_url` loops back ends instead of repeating itself).
 */
export class FeedPager {
  #feed: Feed;
  readonly #visited = new Set<string>();
  /** Ids already loaded, kept across pages so that appending a page costs its own size only. */
  readonly #ids: Set<string>;
  #pagesLoaded = 0;
  #sizeLoaded = 0;

  constructor(first: Feed) {
    this.#feed = first;
    this.#ids = new Set(first.items.map((item) => item.id));
    if (first.feedUrl) this.#visited.add(first.feedUrl);
  }

  /** Everything loaded so far: the first page's feed with later pages' items appended. */
  get feed(): Feed {
    return this.#feed;
  }

  /** Next pages loaded so far (the first page not counted). */
  get pagesLoaded(): number {
    return this.#pagesLoaded;
  }

  /** The text size of the next pages loaded so far (see `FeedResult.size`). */
  get sizeLoaded(): number {
    return this.#sizeLoaded;
  }

  /** True when there is a next page that has not been requested yet. */
  get hasMore(): boolean {
    const next = this.#feed.nextUrl;
    return next !== undefined && !this.#visited.has(next);
  }

  /** Loads the next page and returns the merged feed; returns it unchanged when there is none. */
  async loadMore(options: LoadOptions = {}): Promise<Feed> {
    const next = this.#feed.nextUrl;
    if (next === undefined || this.#visited.has(next)) return this.#feed;
    const { feed, size } = await loadFeed(next, { ...options, force: true, persist: false });
    this.#visited.add(next);
    this.#pagesLoaded += 1;
    this.#sizeLoaded += size;
    this.#feed = mergePages(this.#feed, feed, this.#ids);
    return this.#feed;
  }
}

/** Forgets every cached copy, in memory and in storage. For tests and for "clear data" buttons. */
export function clearFeedCache(): void {
  memory.clear();
  inFlight.clear();
  const store = storage();
  if (!store) return;
  try {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const key = store.key(i);
      if (key?.startsWith(STORAGE_PREFIX)) store.removeItem(key);
    }
  } catch {
    // Storage forbidden: nothing was saved there.
  }
}
