/**
 * Browser side of scripts/ssr-check.mjs, in the order a server-rendered page needs: Lit's hydration
 * support before Lit, then the same data the server rendered from, then the elements.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './client-data.js';
// Serbian is rendered (server) and hydrated (browser) from the start: its tables up front (src/i18n/serbian.ts).
import '../../src/i18n/tables/serbian.js';
import '../../src/elements/news-list/define.js';
import '../../src/elements/article-card/define.js';
import '../../src/elements/breadcrumb/define.js';
import '../../src/elements/archive-search/define.js';
import '../../src/elements/office-contact/define.js';
