/**
 * test/ssr/client.ts without Lit's hydration support, as a page that server-renders and then loads a
 * build whose Lit has none (the script-tag bundle): the elements must render over the server's HTML.
 */
import './client-data.js';
// Serbian is rendered (server) and hydrated (browser) from the start: its tables up front (src/i18n/serbian.ts).
import '../../src/i18n/tables/serbian.js';
import '../../src/elements/news-list/define.js';
import '../../src/elements/article-card/define.js';
import '../../src/elements/breadcrumb/define.js';
import '../../src/elements/archive-search/define.js';
import '../../src/elements/office-contact/define.js';
