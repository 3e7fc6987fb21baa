/**
 * The one gate every URL from a feed passes through: only http(s) and relative URLs survive.
 * `javascript:`, `data:`, `vbscript:`, `file:` and anything else become `undefined`.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** The base where there is no page (Node, server rendering): addresses relative to it stay relative. */
const NO_PAGE_BASE = 'http://no-page.invalid/';

/**
 * What relative URLs are resolved against: the document's base URL, as the page's own links are (a
 * `<base href>` counts), else the worker's address, else none (Node: see NO_PAGE_BASE).
 */
export function defaultBase(): string {
  // Absent outside a window and a worker (Node), which the DOM types do not allow for.
  const document = globalThis.document as Document | undefined;
  return document?.baseURI ?? (globalThis.location as Location | undefined)?.href ?? NO_PAGE_BASE;
}

function safeBase(base: string): string | undefined {
  try {
    return new URL(base).href;
  } catch {
    return undefined;
  }
}

/**
 * Returns the URL resolved against `base` when it is http(s), or `undefined`.
 * The WHATWG URL parser strips the tabs, newlines and control characters that browsers ignore, so
 * `java\nscript:` is seen as `javascript:` and refused.
 */
export function safeUrl(value: unknown, base: string = defaultBase()): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.trim();
  if (cleaned === '') return undefined;
  // With no page, a base that is itself relative (a feed's relative `feed_url`) has nothing to resolve against either.
  const absoluteBase = safeBase(base) ?? NO_PAGE_BASE;
  let parsed: URL;
  try {
    parsed = new URL(cleaned, absoluteBase);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return undefined;
  // Server-rendered HTML keeps a relative address as written (without the tabs and newlines the
  // parser drops), for the browser to resolve against the page it is served on.
  if (absoluteBase === NO_PAGE_BASE && parsed.origin === new URL(NO_PAGE_BASE).origin) return cleaned.replace(/[\t\n\r]/g, '');
  return parsed.href;
}

/** True when `value` is a usable http(s) or relative URL. */
export function isSafeUrl(value: unknown, base?: string): boolean {
  return safeUrl(value, base) !== undefined;
}
