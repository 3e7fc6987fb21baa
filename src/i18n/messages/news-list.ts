/** Strings of `<mlo-news-list>` (loading, empty, error and stale texts are in common.ts). */
import { defineMessagesOnDemand } from '../define-messages.js';
import type { PluralForms } from '../locale.js';

export interface NewsListMessages {
  loadMore: string;
  /** The Load more button while the next page is on its way. */
  loadingMore: string;
  /** Announced politely after Load more; `{n}` is how many items appeared. */
  added: PluralForms;
  /** The feed has items, but none match `tag`, `year` or `item-lang`. */
  noMatches: string;
  /** Under the list when a next page failed; the Load more button stays to try again. */
  loadMoreFailed: string;
}

export const newsListMessages = defineMessagesOnDemand<NewsListMessages>('newsList', {
  en: {
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    added: { one: '{n} more news item loaded.', other: '{n} more news items loaded.' },
    noMatches: 'No news matches the selected filters.',
    loadMoreFailed: 'More news could not be loaded.',
  },
});
