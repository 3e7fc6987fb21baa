/**
 * What the feed layer reads of one feed page, in one place: the elements enforce these, and a feed
 * checker (the CLI) can warn a publisher about the same numbers. Why each value: docs/feed-format.md,
 * "Limits", with the measurements of `node bench/feed-limits.bench.mjs`.
 *
 * Sizes count UTF-16 code units, as `FeedResult.size` and the crawl bound do: a page's bytes for ASCII
 * JSON, fewer than its bytes for text in other scripts (Cyrillic takes two bytes a letter in UTF-8, one
 * code unit). What costs the main thread is the number of code units JSON.parse reads.
 */

/**
 * The longest text of one feed page that is parsed: 2 MiB. A longer page is refused, before JSON.parse,
 * with a `too-large` FeedError. A realistic page of that size (about 950 news items with their bodies)
 * takes JSON.parse about 12 ms and the whole parse about 25 ms at 1x CPU; 8 MiB already takes 35–50 ms and
 * 90–360 ms.
 */
export const MAX_FEED_PAGE_SIZE = 2 * 1024 * 1024;

/**
 * The items read of one page: the first 1,000 entries of `items`, in feed order; the rest are left out
 * and counted in `droppedItems`. Feeds list newest first and page older items out through `next_url`, so
 * the first entries are the ones a reader sees first.
 */
export const MAX_ITEMS_PER_PAGE = 1000;

/**
 * The longest title kept, in characters (a headline is rarely over 150): longer ones are cut at a word
 * boundary with an ellipsis. The same bound holds for every other one-line text field (tags, names,
 * bylines, captions' credits, trail steps, office and address lines, attachment titles).
 */
export const MAX_TITLE_LENGTH = 300;

/**
 * The longest summary kept, in characters, cut the same way (a teaser shows at most its first 220).
 * The same bound holds for the other short prose fields: the feed's `description` and `user_comment`,
 * a photo's `caption` and `alt`. The body (`content_text`, `content_html`) is bounded by the page size.
 */
export const MAX_SUMMARY_LENGTH = 1000;

/**
 * Bounds of following `next_url` for one loaded feed, whatever an element is looking for: a feed whose
 * every page names a fresh next page must not keep a reader's tab, and the feed's server, busy forever.
 * Past either bound the element says so (docs/feed-format.md, "Limits"). Enforced by the elements' FeedController.
 */
export const MAX_CRAWL_PAGES = 100;
/** 20 MiB of feed text in next pages: far past what a news archive's pages need, well within a phone's memory. */
export const MAX_CRAWL_SIZE = 20 * 1024 * 1024;
