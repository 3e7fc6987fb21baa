/**
 * The search engine of mlo-archive-search, usable on its own (`mlo-widgets/search`): an inverted
 * index with typo, prefix, diacritic and Serbian Latin ⇄ Cyrillic matching, built in slices that
 * never block the page. Plain TypeScript, no DOM: it also runs in a Worker and in Node.
 */
export { SearchIndex, parseQuery, FIELD_WEIGHTS } from './search-index.js';
export type { SearchOptions, SearchHit, SearchResults, ChunkOptions, QueryTerm } from './search-index.js';
export { foldForSearch, toLatin, searchTerms, tokenize, originalLength, words } from './normalize.js';
export type { TextToken } from './normalize.js';
export { highlight, excerptAround, firstMatchOffset } from './highlight.js';
export type { TermMatcher, TextSegment } from './highlight.js';
export { SortedVocabulary } from './vocabulary.js';
export { PrebuiltSearchIndex } from './prebuilt/read.js';
export type { PrebuiltOpenOptions, PrebuiltSearchOptions } from './prebuilt/read.js';
export { writeSearchIndex } from './prebuilt/write.js';
export type { WriteSearchIndexOptions, SearchIndexFile } from './prebuilt/write.js';
export { yieldToMain } from '../feed/yield.js';
