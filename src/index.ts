/**
 * The package's pure entry: the public API, with no side effects (nothing registered). Register an
 * element with `import 'mlo-widgets/news-list'` (etc.) or everything with `import 'mlo-widgets/define'`.
 * What is exported here is the list in README "The package's API": test/public-api.test.ts holds the
 * two together. Everything else is internal and may change in any release.
 */

// The elements' classes (to extend, or to register under another name with defineElement).
export { MloNewsList, type NewsListLayout } from './elements/news-list/news-list.js';
export { MloArticleCard, type ArticleCardVariant } from './elements/article-card/article-card.js';
export { MloBreadcrumb, type Crumb } from './elements/breadcrumb/breadcrumb.js';
export { MloArchiveSearch } from './elements/archive-search/archive-search.js';
export { MloOfficeContact } from './elements/office-contact/office-contact.js';
export { defineElement } from './internal/define.js';
export { VERSION } from './version.js';

// The feed: its normalised types, reading and loading it, and why it failed.
export type * from './feed/types.js';
export { FeedError, isFeedError, type FeedErrorKind } from './feed/errors.js';
export { parseFeed, parseFeedText, type ParseOptions } from './feed/parse.js';
export { loadFeed, clearFeedCache, type LoadOptions } from './feed/load.js';

// The events, by name, with their details.
export type * from './events.js';

// Languages.
export { LOCALES, resolveLocale, type Locale } from './i18n/locale.js';
