/**
 * The one gate every URL from a feed passes through: only http(s) and relative URLs survive.
 * `javascript:`, `data:`, `vbscript:`, `file:` and anything else become `undefined`.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * What relative URLs are resolved against: the document's base URL, as the page's own links are (a
 * `<base href>` counts), else the worker's address, else a placeholder (Node).
 */
export function defaultBase(): string {
  // Absent outside a window and a worker (Node), which the DOM types do not allow for.
  const document = globalThis.document as Document | undefined;
  return document?.baseURI ?? (globalThis.location as Location | undefined)?.href ?? 'http://localhost/';
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
  let parsed: URL;
  try {
    parsed = new URL(cleaned, base);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
}

/** True when `value` is a usable http(s) or relative URL. */
export function isSafeUrl(value: unknown, base?: string): boolean {
  return safeUrl(value, base) !== undefined;
}
