/**
 * Strings every feed-reading element shares: loading, empty, error and stale states.
 * Element-specific strings live beside this file, one table per element, with the same shape rules.
 * Every table is written in English and Serbian Cyrillic; Serbian Latin is derived from the Cyrillic
 * (`defineMessages`, docs/i18n.md), with a `latinOverrides` entry for the rare value that differs.
 */
import type { FeedErrorKind } from '../../feed/errors.js';
import { MAX_FEED_PAGE_SIZE } from '../../feed/limits.js';
import { defineMessagesOnDemand } from '../define-messages.js';

/** The page size limit as the messages say it: "2" (MB). */
const PAGE_LIMIT_MB = MAX_FEED_PAGE_SIZE / (1024 * 1024);

export interface CommonMessages {
  retry: string;
  loading: string;
  empty: string;
  /** Shown by a list given neither a `src` nor data. */
  noSource: string;
  errorTitle: string;
  /** `age` is already localised ("5 minutes ago"). */
  stale: (age: string) => string;
  feedError: (kind: FeedErrorKind, status?: number) => string;
  /** Following `next_url` stopped at the crawl bounds (docs/feed-format.md, "Limits"). */
  crawlLimit: string;
}

export const commonMessages = defineMessagesOnDemand<CommonMessages>('common', {
  en: {
    retry: 'Retry',
    loading: 'Loading news…',
    empty: 'There is no news to show yet.',
    noSource: 'No news feed is set: give this element a src attribute with the address of a JSON Feed.',
    errorTitle: 'The news could not be loaded',
    stale: (age) => `Showing a saved copy, last updated ${age}.`,
    crawlLimit: 'Stopped reading this feed: it has more pages than a web page can safely load. Only the part read so far is shown.',
    feedError: (kind, status) => {
      switch (kind) {
        case 'network':
          return "The news feed could not be reached. Check the connection, or ask the feed's owner to let this site read it (CORS).";
        case 'timeout':
          return 'The news feed took too long to answer.';
        case 'http':
          return status === 404
            ? 'The news feed was not found (HTTP 404). Check the address in the src attribute.'
            : `The news feed's server answered with an error (HTTP ${status ?? '?'}).`;
        case 'html':
          return 'This address gives a web page, not a news feed. Check the src attribute: it must point to a JSON Feed file.';
        case 'invalid-json':
          return 'The news feed is damaged (not valid JSON) and cannot be read.';
        case 'not-a-feed':
          return 'The file at this address is not a JSON Feed.';
        case 'unsupported-version':
          return 'This news feed uses a JSON Feed version that this widget does not read.';
        case 'invalid-url':
          return 'The feed address is not a web address: only http, https and relative addresses are allowed.';
        case 'too-large':
          return `This news feed is too large for a web page to read: one page of it is over ${PAGE_LIMIT_MB} MB. Ask its publisher to split it into pages (next_url).`;
      }
    },
  },
});
