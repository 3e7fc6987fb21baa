/**
 * Strings of mlo-archive-search. Counts go through `plural()` (English one/other, Serbian
 * one/few/other: 1 rezultat, 3 rezultata, 5 rezultata, 21 rezultat). After "od" ("of") the count is in the
 * genitive, which is "rezultata" whatever the number ends in ("od 21 rezultata"), so that form is not
 * chosen by plural(). Serbian quotes are „…“.
 */
import { defineMessagesOnDemand } from '../define-messages.js';
import { formatNumber, plural, type Locale } from '../locale.js';

export interface ArchiveSearchMessages {
  /** The visible label of the search box (the `label` attribute overrides it). */
  label: string;
  /** How to use the results with a keyboard (the input's description). */
  instructions: string;
  /** The accessible name of the list of results. */
  resultsLabel: string;
  yearLabel: string;
  allYears: string;
  tagLabel: string;
  allTags: string;
  /** "5 results" when all are shown, "Showing 10 of 57 results" when the list is cut. */
  resultCount: (total: number, shown: number) => string;
  /** Shown when no item has every word and the results have only some of them. */
  partialMatch: string;
  noResults: (query: string) => string;
  /** No query, but filters that match nothing. */
  noFilteredResults: string;
  loading: string;
  /** While the archive is being indexed; `count` items so far. */
  indexing: (count: number) => string;
  /** A later page of the archive failed to load; `count` items are searchable. */
  partialArchive: (count: number) => string;
  emptyArchive: string;
  noSource: string;
  /** Above the plain search form shown when the archive cannot be searched here. */
  fallbackIntro: string;
  fallbackSubmit: string;
  /** The prebuilt search index failed: the feed's pages are searched instead. */
  indexFailed: string;
  /** The index named by the page failed, and there is no feed to search instead. */
  indexFailedAlone: string;
  /** The search code itself could not be loaded. */
  engineFailed: string;
}

// The Serbian ones are in src/i18n/tables/serbian.ts, with the Serbian table.
const articles = { en: (count: number): string => plural('en', count, { one: '{n} article', other: '{n} articles' }) };
const results = { en: (count: number): string => plural('en', count, { one: '{n} result', other: '{n} results' }) };
const number = (locale: Locale, value: number): string => formatNumber(value, locale);

export const archiveSearchMessages = defineMessagesOnDemand<ArchiveSearchMessages>('archiveSearch', {
  en: {
    label: 'Search our content',
    instructions: 'Results appear as you type. Use the up and down arrow keys to move through them and Enter to open one.',
    resultsLabel: 'Search results',
    yearLabel: 'Year',
    allYears: 'All years',
    tagLabel: 'Topic',
    allTags: 'All topics',
    resultCount: (total, shown) => (shown < total ? `Showing ${number('en', shown)} of ${results.en(total)}` : results.en(total)),
    partialMatch: 'No article contains every word; these contain some of them.',
    noResults: (query) => `No results for “${query}”`,
    noFilteredResults: 'No articles match these filters.',
    loading: 'Loading the archive…',
    indexing: (count) => `Preparing the search: ${articles.en(count)} so far…`,
    partialArchive: (count) => `Only part of the archive could be loaded (${articles.en(count)}), so some results may be missing.`,
    emptyArchive: 'The archive has no articles to search yet.',
    noSource: 'There is no archive to search here: the src attribute is empty.',
    fallbackIntro: 'You can still search on the website:',
    fallbackSubmit: 'Search',
    indexFailed: 'The search index could not be loaded, so the archive’s pages are searched instead; this may take a moment.',
    indexFailedAlone: 'The search index could not be loaded.',
    engineFailed: 'The search could not be loaded (the connection failed, or a file is missing).',
  },
});
