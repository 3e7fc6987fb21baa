/** The feed layer: JSON Feed types, validation, loading and caching. Plain TypeScript, no Lit. */
export * from './types.js';
export * from './errors.js';
export { safeUrl, isSafeUrl } from './urls.js';
export { htmlToText, collapseWhitespace, itemBodyText, truncateText, itemSummary, itemDisplayTitle } from './text.js';
export { parseFeed, parseFeedText, sortNewestFirst, itemDate, archiveYearOf, findItem, mergePages, MLO_EXTENSION_ABOUT } from './parse.js';
export type { ParseOptions } from './parse.js';
export { loadFeed, resolveFeedUrl, FeedPager, clearFeedCache, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_AGE_MS } from './load.js';
export type { LoadOptions } from './load.js';
