/**
 * Strings for a part of the page whose code could not be loaded: an element the loader
 * (dist/mlo-widgets.js) could not fetch, or a card's full article. The Serbian Cyrillic is in
 * src/i18n/tables/loader-serbian.ts: the loader holds it (src/loader/load-error.ts), elements read it
 * with the other Serbian tables, on demand.
 */
import { defineMessagesOnDemand } from '../define-messages.js';

export interface LoaderMessages {
  title: string;
  message: string;
  retry: string;
  /** The files are back, but this page remembers that one of them failed: only a reload loads it. */
  stuck: string;
  reload: string;
}

export const LOADER_ENGLISH: LoaderMessages = {
  title: 'This part of the page could not be loaded',
  message: 'Its code did not arrive (the connection failed, or the file is missing).',
  retry: 'Retry',
  stuck: 'Its code is available again, but this page has to be reloaded to use it.',
  reload: 'Reload the page',
};

/**
 * The elements' table (the card's full article, when its code does not arrive). Pure: the loader imports
 * this module for its English only, and its build drops the table, with the Serbian tables' `import()`.
 */
export const loaderMessages = /* @__PURE__ */ defineMessagesOnDemand('loader', { en: LOADER_ENGLISH });
