/**
 * Why a feed could not be shown. Every failure of loading or parsing becomes a `FeedError` with a
 * `kind` that elements turn into words a webmaster can act on (see the i18n catalogue's `feedError`).
 */
export type FeedErrorKind =
  /** The request never got an answer (offline, DNS, CORS, blocked by CSP). */
  | 'network'
  /** No answer within the timeout. */
  | 'timeout'
  /** The server answered with an HTTP error status (`status` says which). */
  | 'http'
  /** The answer was an HTML page (a login page, a 404 page, a CMS error page), not JSON. */
  | 'html'
  /** The answer was not valid JSON (truncated, or another format). */
  | 'invalid-json'
  /** Valid JSON, but not a JSON Feed (no `version`/`items`, or the wrong shape). */
  | 'not-a-feed'
  /** The feed declares a JSON Feed version this library does not read. */
  | 'unsupported-version'
  /** The `src` itself is unusable (an unsupported scheme such as `javascript:`). */
  | 'invalid-url'
  /** One page of the feed is longer than `MAX_FEED_PAGE_SIZE` (src/feed/limits.ts): refused before parsing. */
  | 'too-large';

/**
 * Marks our errors across copies of the library: a page may run two (two versions, or the bundle beside
 * an npm build), and an error from one is not `instanceof` the other's class.
 */
const FEED_ERROR_BRAND = Symbol.for('mlo-widgets.feed-error');

/** Every kind, in the order the docs list them (for tables and tests that must cover each). */
export const FEED_ERROR_KINDS: readonly FeedErrorKind[] = ['network', 'timeout', 'http', 'html', 'invalid-json', 'not-a-feed', 'unsupported-version', 'invalid-url', 'too-large'];

export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly kind: FeedErrorKind;
  /** The address that failed, when there was one. */
  readonly url?: string;
  /** The HTTP status for `kind: 'http'`. */
  readonly status?: number;

  constructor(kind: FeedErrorKind, message: string, options: { url?: string; status?: number; cause?: unknown } = {}) {
    // Own properties only: a page's Object.prototype.url or .status must not become the error's.
    const url = Object.hasOwn(options, 'url') ? options.url : undefined;
    const status = Object.hasOwn(options, 'status') ? options.status : undefined;
    const cause = Object.hasOwn(options, 'cause') ? options.cause : undefined;
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.url = url;
    this.status = status;
    Object.defineProperty(this, FEED_ERROR_BRAND, { value: true });
  }
}

/** True for a `FeedError` from any copy of the library on the page. */
export function isFeedError(value: unknown): value is FeedError {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, FEED_ERROR_BRAND) && (value as Record<symbol, unknown>)[FEED_ERROR_BRAND] === true;
}

/**
 * The one way an unexpected failure becomes a `FeedError`: a `FeedError` passes through; anything else
 * (a bug, a throwing getter in hostile data) reads as a file that is not a usable feed.
 */
export function toFeedError(error: unknown, url?: string): FeedError {
  if (isFeedError(error)) return error;
  return new FeedError('not-a-feed', error instanceof Error ? error.message : String(error), { url, cause: error });
}
