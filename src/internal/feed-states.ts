/**
 * The shared renderings of a feed's states, so that every element says "loading", "empty", "failed"
 * and "this is a saved copy" the same way: an error is a `role="alert"` block with a Retry button,
 * never a blank box. Styles: `stateStyles` and `buttonStyles` in ./styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedError } from '../feed/errors.js';
import { formatAge, type Locale } from '../i18n/locale.js';
import { commonMessages } from '../i18n/messages/common.js';

/**
 * The one error block: a `role="alert"` with a title, what went wrong in words a webmaster can act on,
 * and a Retry button. Every element's failure (feed, page, article not found) is drawn with it.
 */
export function renderErrorBlock(locale: Locale, title: string, message: string, onRetry: () => void): TemplateResult {
  return html`<div class="state state--error" part="error" role="alert">
    <p class="state__title" part="error-title">${title}</p>
    <p class="state__message" part="error-message">${message}</p>
    <button class="button" part="retry-button" type="button" @click=${onRetry}>${commonMessages[locale].retry}</button>
  </div>`;
}

/** The error block for a feed that failed to load. */
export function renderFeedError(locale: Locale, error: FeedError | undefined, onRetry: () => void): TemplateResult {
  const t = commonMessages[locale];
  return renderErrorBlock(locale, t.errorTitle, error ? t.feedError(error.kind, error.status) : t.feedError('network'), onRetry);
}

/** The empty block: the feed loaded but has nothing to show (or nothing matching the filters). */
export function renderEmpty(locale: Locale, message?: string): TemplateResult {
  return html`<div class="state state--empty" part="empty" role="status">
    <p class="state__message">${message ?? commonMessages[locale].empty}</p>
  </div>`;
}

/** The notice above a last good copy served because the network failed, with its age and Retry. */
export function renderStaleNotice(locale: Locale, fetchedAt: number | undefined, onRetry: () => void): TemplateResult | typeof nothing {
  if (fetchedAt === undefined) return nothing;
  const t = commonMessages[locale];
  return html`<div class="state state--stale" part="stale" role="status">
    <p class="state__message">${t.stale(formatAge(fetchedAt, locale))}</p>
    <button class="button button--secondary" part="retry-button" type="button" @click=${onRetry}>${t.retry}</button>
  </div>`;
}

/** The notice shown where following `next_url` stopped at the crawl bounds: what is shown is not all there is. */
export function renderCrawlLimit(locale: Locale): TemplateResult {
  return html`<div class="state state--stale" part="crawl-limit" role="status">
    <p class="state__message">${commonMessages[locale].crawlLimit}</p>
  </div>`;
}
