/**
 * The events the elements fire. All bubble and are composed (they cross shadow roots), so a page can
 * listen once on `document`. Names follow `mlo-<noun>-<verb>`.
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

export type FeedLoadEvent = CustomEvent<FeedLoadDetail>;
export type FeedErrorEvent = CustomEvent<FeedErrorDetail>;
/** Cancelable: `preventDefault()` keeps the link from opening (for single-page apps). */
export type ArticleSelectEvent = CustomEvent<ArticleSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'mlo-feed-load': FeedLoadEvent;
    'mlo-feed-error': FeedErrorEvent;
    'mlo-article-select': ArticleSelectEvent;
  }
}

/** Dispatches a bubbling, composed event; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
