/**
 * Loads the feed an element shows, from its `src` or from data handed to its `feed` property, and
 * tracks the state its render needs: loading, ready (maybe stale), error; retry; next pages.
 * Fires `mlo-feed-load` and `mlo-feed-error` on the host. Requests are shared and cached by
 * `src/feed/load.ts`; a superseded load is aborted through its AbortSignal.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type FeedErrorDetail, type FeedLoadDetail } from '../events.js';
import { FeedError } from '../feed/errors.js';
import { FeedPager, loadFeed } from '../feed/load.js';
import { parseFeed } from '../feed/parse.js';
import type { Feed } from '../feed/types.js';

export type FeedState = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedSource {
  /** The feed's address (the element's `src`). */
  src?: string;
  /** Data given directly: a JSON Feed object, or a Feed already normalised by `parseFeed`. */
  data?: unknown;
  timeoutMs?: number;
}

function isNormalisedFeed(value: unknown): value is Feed {
  const candidate = value as Partial<Feed> | null;
  return typeof candidate === 'object' && candidate !== null && Array.isArray(candidate.items) && typeof candidate.droppedItems === 'number' && typeof candidate.mlo === 'object';
}

function asFeedError(error: unknown): FeedError {
  return error instanceof FeedError ? error : new FeedError('not-a-feed', error instanceof Error ? error.message : String(error), { cause: error });
}

export class FeedController implements ReactiveController {
  state: FeedState = 'idle';
  /** The feed with every page loaded so far. */
  feed?: Feed;
  error?: FeedError;
  /** True when the network failed and `feed` is the last good copy. */
  stale = false;
  /** When the shown copy was fetched (epoch ms). */
  fetchedAt?: number;
  /** True while a next page is loading. */
  loadingMore = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: () => FeedSource;
  #key?: unknown;
  #data?: unknown;
  #abort?: AbortController;
  #pager?: FeedPager;

  constructor(host: ReactiveControllerHost & HTMLElement, source: () => FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** True when the feed has a next page not loaded yet. */
  get hasMore(): boolean {
    return this.#pager?.hasMore ?? false;
  }

  hostUpdate(): void {
    const { src, data } = this.#source();
    const key = data ?? src;
    if (key === this.#key && data === this.#data) return;
    this.#key = key;
    this.#data = data;
    void this.#load(false);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // Reconnecting (moving the element) loads again; the shared cache makes that free.
    this.#key = undefined;
  }

  /** Asks the network again, bypassing the in-memory copy (the Retry button). */
  retry(): Promise<void> {
    return this.#load(true);
  }

  /** Loads the next page (`next_url`); returns how many items it added. */
  async loadMore(): Promise<number> {
    if (!this.#pager || !this.#pager.hasMore || this.loadingMore) return 0;
    const before = this.#pager.feed.items.length;
    this.loadingMore = true;
    this.#host.requestUpdate();
    try {
      this.feed = await this.#pager.loadMore({ timeoutMs: this.#source().timeoutMs });
      return this.feed.items.length - before;
    } catch (error) {
      const feedError = asFeedError(error);
      emit<FeedErrorDetail>(this.#host, 'mlo-feed-error', { error: feedError });
      throw feedError;
    } finally {
      this.loadingMore = false;
      this.#host.requestUpdate();
    }
  }

  async #load(force: boolean): Promise<void> {
    this.#abort?.abort();
    const { src, data, timeoutMs } = this.#source();
    if (data === undefined && (src === undefined || src.trim() === '')) {
      this.#set('idle');
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#set('loading');
    try {
      if (data !== undefined) {
        const feed = isNormalisedFeed(data) ? data : parseFeed(data);
        this.#ready(feed, false, Date.now());
        return;
      }
      const result = await loadFeed(src as string, { signal: abort.signal, force, timeoutMs });
      if (abort.signal.aborted) return;
      this.#ready(result.feed, result.stale, result.fetchedAt, result.error);
    } catch (error) {
      if (abort.signal.aborted) return; // Superseded by a newer src: not an error anyone should see.
      this.error = asFeedError(error);
      this.#set('error');
      emit<FeedErrorDetail>(this.#host, 'mlo-feed-error', { error: this.error });
    }
  }

  #ready(feed: Feed, stale: boolean, fetchedAt: number, error?: FeedError): void {
    this.#pager = new FeedPager(feed);
    this.feed = feed;
    this.stale = stale;
    this.fetchedAt = fetchedAt;
    this.error = error;
    this.#set('ready');
    emit<FeedLoadDetail>(this.#host, 'mlo-feed-load', { feed, itemCount: feed.items.length, droppedItems: feed.droppedItems, stale });
    if (error) emit<FeedErrorDetail>(this.#host, 'mlo-feed-error', { error });
  }

  #set(state: FeedState): void {
    if (state !== 'ready') {
      this.stale = false;
      if (state !== 'error') this.error = undefined;
    }
    if (state === 'idle') {
      this.feed = undefined;
      this.#pager = undefined;
    }
    this.state = state;
    this.#host.requestUpdate();
  }
}
