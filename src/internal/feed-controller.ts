/**
 * Loads the feed an element shows, from its `src` or from data handed to its `feed` property, and
 * owns everything after that: the state its render needs (one `FeedView`), Retry, and following
 * `next_url` until the element has what it needs. Fires `mlo-feed-load` and `mlo-feed-error` on the
 * host. Requests are shared and cached by `src/feed/load.ts`; a superseded load is aborted.
 *
 * Paging has one owner: an element states what it is looking for (`loadUntil`), and the controller
 * fetches one next page per update, from `hostUpdate` (so its state change joins that update rather
 * than scheduling another), until the predicate holds, the pages end, a page fails, or the crawl
 * bounds are reached. The page error and the bounds live here, not in the elements.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from './emit.js';
import { ON_SERVER } from './environment.js';
import { type FeedError, toFeedError } from '../feed/errors.js';
import { FeedPager, loadFeed } from '../feed/load.js';
import { MAX_CRAWL_PAGES, MAX_CRAWL_SIZE } from '../feed/limits.js';
import { parseFeed } from '../feed/parse.js';
import { yieldToMain } from '../feed/yield.js';
import type { Feed } from '../feed/types.js';


/** Where following `next_url` stands for the feed shown. */
export interface Paging {
  /** A next page is being fetched. */
  readonly loading: boolean;
  /** The feed names a next page not fetched yet. */
  readonly hasMore: boolean;
  /** Why the last next page failed; fetching stops until Retry. */
  readonly error?: FeedError;
  /** The crawl stopped at `MAX_CRAWL_PAGES` or `MAX_CRAWL_SIZE` with pages left. */
  readonly limitReached: boolean;
  /** Next pages fetched so far. */
  readonly pagesLoaded: number;
}

/** What an element shows, as one value: a ready view always has its feed. */
export type FeedView =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: FeedError }
  | {
      readonly state: 'ready';
      /** The feed with every page loaded so far. */
      readonly feed: Feed;
      /** When the shown copy was fetched (epoch ms). */
      readonly fetchedAt: number;
      /** Set when the network failed and `feed` is the last good copy: why it failed. */
      readonly staleBecause?: FeedError;
      readonly paging: Paging;
    };

export interface FeedSource {
  /** The feed's address (the element's `src`). */
  src?: string;
  /** Data given directly: a JSON Feed object, or a Feed already normalised by `parseFeed`. */
  data?: unknown;
  timeoutMs?: number;
}

/** True once the loaded pages hold what the element needs; while false, next pages are fetched. */
export type CrawlGoal = (feed: Feed) => boolean;

/** An element the controller serves: its `persist` opts in to a saved copy in localStorage. */
export type FeedHost = ReactiveControllerHost & HTMLElement & { persist?: boolean };

/** The page-wide opt-in to a saved copy: `<meta name="mlo-widgets-storage" content="persist">`. */
function pageAllowsStorage(): boolean {
  return (globalThis.document as Document | undefined)?.querySelector('meta[name="mlo-widgets-storage"][content~="persist" i]') != null;
}

/** A `Feed` from `parseFeed` (own keys only: inherited ones are a polluted prototype, not a parsed feed). */
function isNormalisedFeed(value: unknown): value is Feed {
  if (typeof value !== 'object' || value === null) return false;
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
  return Array.isArray(own('items')) && typeof own('droppedItems') === 'number' && typeof own('mlo') === 'object';
}

export class FeedController implements ReactiveController {
  readonly #host: FeedHost;
  readonly #source: () => FeedSource;
  #view: FeedView = { state: 'idle' };
  #key?: unknown;
  #data?: unknown;
  #abort?: AbortController;
  #pager?: FeedPager;
  #goal?: CrawlGoal;
  /** The next-page request in flight; it never rejects (its failure is kept in `paging.error`). */
  #pageLoad?: Promise<void>;

  constructor(host: FeedHost, source: () => FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** The state to render. */
  get view(): FeedView {
    // Server rendering runs no controller hooks: data given up front is read here, so the server renders it.
    if (ON_SERVER) this.hostUpdate();
    return this.#view;
  }

  /** The loaded feed, when there is one. */
  get feed(): Feed | undefined {
    return this.#view.state === 'ready' ? this.#view.feed : undefined;
  }

  /**
   * Follow `next_url` while `goal(feed)` is false (the goal reads the element's own state, so it is
   * asked again at every update). One goal per element; setting another replaces it.
   */
  loadUntil(goal: CrawlGoal): void {
    this.#goal = goal;
    this.#host.requestUpdate();
  }

  /** Resolves once no next page is loading and the goal is met or cannot be met (pages ended, failed, bounded). */
  async settled(): Promise<void> {
    for (;;) {
      await this.#host.updateComplete;
      const load = this.#pageLoad;
      if (!load) return;
      await load;
    }
  }

  hostUpdate(): void {
    // Lit still updates an element after it is removed (a blur, a property set by the page): a removed
    // element loads nothing. Reconnecting requests an update, which loads then (hostConnected).
    if (!ON_SERVER && !this.#host.isConnected) return;
    const { src, data } = this.#source();
    const key = data ?? src;
    if (key !== this.#key || data !== this.#data) {
      this.#key = key;
      this.#data = data;
      void this.#load(false);
    }
    this.#crawl();
  }

  hostConnected(): void {
    // Back in the document after a move: an update runs hostUpdate, which loads again if needed.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // Reconnecting (moving the element) loads again; the shared cache makes that free.
    this.#key = undefined;
    this.#pageLoad = undefined;
  }

  /** Asks the network for the feed again, bypassing the in-memory copy (the Retry of a failed or stale feed). */
  retry(): Promise<void> {
    return this.#load(true);
  }

  /** Clears a failed next page so that following `next_url` resumes (the Retry of a failed page). */
  retryPage(): Promise<void> {
    this.#setPaging({ error: undefined });
    return this.settled();
  }

  /** Fetches the next page when the goal asks for one: from `hostUpdate`, so the state change is part of this update. */
  #crawl(): void {
    if (ON_SERVER) return;
    const view = this.#view;
    const pager = this.#pager;
    const goal = this.#goal;
    if (view.state !== 'ready' || !pager || !goal || this.#pageLoad) return;
    const { paging } = view;
    if (paging.error || !pager.hasMore || goal(view.feed)) return;
    if (pager.pagesLoaded >= MAX_CRAWL_PAGES || pager.sizeLoaded >= MAX_CRAWL_SIZE) {
      if (!paging.limitReached) this.#setPaging({ limitReached: true });
      return;
    }
    this.#setPaging({ loading: true });
    this.#pageLoad = this.#loadPage(pager, this.#abort);
  }

  async #loadPage(pager: FeedPager, abort: AbortController | undefined): Promise<void> {
    const stillCurrent = () => !abort?.signal.aborted && this.#pager === pager;
    try {
      const feed = await pager.loadMore({ timeoutMs: this.#source().timeoutMs, signal: abort?.signal });
      if (!stillCurrent()) return;
      const view = this.#view;
      if (view.state !== 'ready') return;
      this.#pageLoad = undefined; // Before the update it asks for, whose hostUpdate may fetch the next page.
      this.#view = { ...view, feed, paging: { ...view.paging, loading: false, hasMore: pager.hasMore, pagesLoaded: pager.pagesLoaded } };
      this.#host.requestUpdate();
    } catch (error) {
      if (!stillCurrent()) return;
      const feedError = toFeedError(error);
      this.#pageLoad = undefined;
      this.#setPaging({ loading: false, error: feedError });
      emit(this.#host, 'mlo-feed-error', { error: feedError });
    }
  }

  #setPaging(change: Partial<Paging>): void {
    const view = this.#view;
    if (view.state !== 'ready') return;
    this.#view = { ...view, paging: { ...view.paging, ...change } };
    this.#host.requestUpdate();
  }

  async #load(force: boolean): Promise<void> {
    this.#abort?.abort();
    this.#pager = undefined;
    this.#pageLoad = undefined;
    const { src, data, timeoutMs } = this.#source();
    if (data === undefined && (src === undefined || src.trim() === '')) {
      this.#set({ state: 'idle' });
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ state: 'loading' });
    // On the server the placeholder (of the final size) stands in: the browser fetches after hydration.
    if (ON_SERVER && data === undefined) return;
    try {
      if (data !== undefined) {
        const feed = isNormalisedFeed(data) ? data : parseFeed(data);
        this.#ready(feed, Date.now());
        return;
      }
      const persist = this.#host.persist === true || pageAllowsStorage();
      const result = await loadFeed(src ?? '', { signal: abort.signal, force, timeoutMs, persist });
      // Reading the feed and drawing it are two tasks: in one, they hold a slow phone's main thread too long.
      await yieldToMain();
      if (abort.signal.aborted) return;
      this.#ready(result.feed, result.fetchedAt, result.stale ? result.error : undefined);
    } catch (error) {
      if (abort.signal.aborted) return; // Superseded by a newer src: not an error anyone should see.
      const feedError = toFeedError(error);
      this.#set({ state: 'error', error: feedError });
      emit(this.#host, 'mlo-feed-error', { error: feedError });
    }
  }

  #ready(feed: Feed, fetchedAt: number, staleBecause?: FeedError): void {
    const pager = new FeedPager(feed);
    this.#pager = pager;
    const paging: Paging = { loading: false, hasMore: pager.hasMore, limitReached: false, pagesLoaded: 0 };
    this.#set({ state: 'ready', feed, fetchedAt, staleBecause, paging });
    const stale = staleBecause !== undefined;
    emit(this.#host, 'mlo-feed-load', { feed, itemCount: feed.items.length, droppedItems: feed.droppedItems, stale });
    if (staleBecause) emit(this.#host, 'mlo-feed-error', { error: staleBecause });
  }

  #set(view: FeedView): void {
    this.#view = view;
    this.#host.requestUpdate();
  }
}
