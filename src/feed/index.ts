/** The feed layer: JSON Feed types, validation, loading and caching. Plain TypeScript, no Lit. */
export * from './types.js';
export * from './errors.js';
export { safeUrl, isSafeUrl } from './urls.js';
export { htmlToText, collapseWhitespace, itemBodyText, truncateText, itemSummary, itemDisplayTitle } from './text.js';
export { decodeCharacterReferences } from './entities.js';
export { parseFeedDate, dateAttribute } from './dates.js';
export type { FeedDate } from './dates.js';
export { MAX_FEED_PAGE_SIZE, MAX_ITEMS_PER_PAGE, MAX_TITLE_LENGTH, MAX_SUMMARY_LENGTH } from './limits.js';
export { parseFeed, parseFeedText, sortNewestFirst, itemDate, itemDateKind, archiveYearOf, findItem, mergePages, emailAddress, phoneNumber, MLO_EXTENSION_ABOUT } from './parse.js';
export type { ParseOptions } from './parse.js';
export { loadFeed, resolveFeedUrl, FeedPager, clearFeedCache, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_AGE_MS } from './load.js';
export type { LoadOptions } from './load.js';
