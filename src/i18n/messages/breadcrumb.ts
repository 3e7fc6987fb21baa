/** Strings of `<mlo-breadcrumb>`. Serbian uses „…“ quotes and ekavian forms, as in Serbia. */
import { defineMessagesOnDemand } from '../define-messages.js';

export interface BreadcrumbMessages {
  /** The accessible name of the `<nav>` landmark. */
  label: string;
  /** The accessible name of the "…" button that shows the hidden middle of a collapsed path. */
  showFullPath: string;
  /** Announced while the feed loads. */
  loading: string;
  /** The name of the current page when the feed item has neither a title nor any text. */
  untitled: string;
  /** The title of the alert shown when the path cannot be built from the feed. */
  unavailableTitle: string;
  /** The feed has no item with this `article-id`. */
  articleNotFound: (articleId: string) => string;
  /** The feed has neither a section trail nor the item: nothing to show. */
  noTrail: string;
  /** Neither links as children nor `src` were given. */
  nothingToShow: string;
}

export const breadcrumbMessages = defineMessagesOnDemand<BreadcrumbMessages>('breadcrumb', {
  en: {
    label: 'Breadcrumb',
    showFullPath: 'Show full path',
    loading: 'Loading the breadcrumb…',
    untitled: 'Untitled article',
    unavailableTitle: 'The breadcrumb could not be shown',
    articleNotFound: (articleId) => `The feed has no article with the id “${articleId}”. Check the article-id attribute.`,
    noTrail: 'The feed gives no breadcrumb trail.',
    nothingToShow: 'The breadcrumb is empty: add links as its children, or give src and article-id.',
  },
});
