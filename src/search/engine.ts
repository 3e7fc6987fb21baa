/**
 * What mlo-archive-search loads on the reader's first sign of wanting to search (a dynamic
 * `import()`): both engines and the highlighting, so a page with a search box pays for none of it
 * until someone searches.
 */
export { SearchIndex } from './search-index.js';
export { PrebuiltSearchIndex } from './prebuilt/read.js';
export { excerptAround, firstMatchOffset, highlight } from './highlight.js';
