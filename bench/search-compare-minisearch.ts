/**
 * MiniSearch with our folding, for bench/search-compare.mjs: built as a file of its own and loaded by
 * address, so that the folding it shares with our engine is not split out of our engine's chunk (a
 * shared chunk would be one more request in a row on our first query, which a real build does not make).
 */
export { default as MiniSearch } from 'minisearch';
export { foldForSearch } from '../src/search/normalize.js';
