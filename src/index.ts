/**
 * The package's pure entry: classes, feed layer and i18n, with no side effects (nothing registered).
 * Register an element with `import 'mlo-widgets/news-list'` (etc.) or everything with `import 'mlo-widgets/define'`.
 */
export * from './feed/index.js';
export * from './i18n/index.js';
export * from './events.js';
export { VERSION } from './version.js';
export { defineElement } from './internal/define.js';
export { MloNewsList } from './elements/news-list/news-list.js';
export { MloArticleCard } from './elements/article-card/article-card.js';
export { MloBreadcrumb } from './elements/breadcrumb/breadcrumb.js';
export { MloArchiveSearch } from './elements/archive-search/archive-search.js';
export { MloOfficeContact } from './elements/office-contact/office-contact.js';
