/**
 * The script-tag entry: registers every element. Built into dist/mlo-widgets.js.
 * Bundler users who want the classes without registration import from `mlo-widgets` (src/index.ts).
 */
export * from './index.js';
import './elements/news-list/define.js';
import './elements/article-card/define.js';
import './elements/breadcrumb/define.js';
import './elements/archive-search/define.js';
import './elements/office-contact/define.js';
