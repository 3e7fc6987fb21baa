/**
 * The events the elements fire, and their details. All bubble and are composed (they cross shadow
 * roots), so a page can listen once on `document`. Names follow `mlo-<noun>-<verb>`. Every element
 * module imports this file, so importing any one element brings these types into
 * `GlobalEventHandlersEventMap`.
 */
import type { FeedError } from './feed/errors.js';
import type { Feed, FeedItem } from './feed/types.js';

export interface FeedLoadDetail {
  feed: Feed;
  /** Items available after validation. */
  itemCount: number;
  /** Items left out because they were invalid. */
  droppedItems: number;
  /** True when this is the last good copy, served because the network failed. */
  stale: boolean;
}

export interface FeedErrorDetail {
  error: FeedError;
}

export interface ArticleSelectDetail {
  item: FeedItem;
  /** The address about to open. */
  url?: string;
}

/** Detail of `mlo-search-ready`: the archive is indexed (every page, or as many as could be loaded). */
export interface SearchReadyDetail {
  /** Items searchable now. */
  itemCount: number;
  /** False when a later page failed to load, so part of the archive is missing. */
  complete: boolean;
}

export type FeedLoadEvent = CustomEvent<FeedLoadDetail>;
export type FeedErrorEvent = CustomEvent<FeedErrorDetail>;
/** Cancelable: `preventDefault()` keeps the link from opening (for single-page apps). */
export type ArticleSelectEvent = CustomEvent<ArticleSelectDetail>;
export type SearchReadyEvent = CustomEvent<SearchReadyDetail>;

/** Every event the library fires, by name: the one list `emit` and `GlobalEventHandlersEventMap` are typed from. */
export interface MloEventMap {
  'mlo-feed-load': FeedLoadEvent;
  'mlo-feed-error': FeedErrorEvent;
  'mlo-article-select': ArticleSelectEvent;
  'mlo-search-ready': SearchReadyEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the map gains our events.
  interface GlobalEventHandlersEventMap extends MloEventMap {}
}
