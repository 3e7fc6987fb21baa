/**
 * Stand-ins for `window.fetch`, restored after each test. The elements fetch their feeds themselves,
 * so a test that needs a slow, failing or counted request swaps the page's fetch for one test only:
 * restored here in an `afterEach`, a stub cannot leak into the next test even when its test fails.
 */

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The page's own fetch, to pass requests through to the test server. */
export const realFetch: Fetch = window.fetch.bind(window);

let saved: typeof window.fetch | undefined;

/** Puts the page's fetch back (again harmless). Called after each test. */
export function restoreFetch(): void {
  if (saved === undefined) return;
  window.fetch = saved;
  saved = undefined;
}

afterEach(restoreFetch);

/** Replaces window.fetch for the current test. Returns `restoreFetch`, for a test that restores it early. */
export function stubFetch(implementation: Fetch): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, never called.
  saved ??= window.fetch;
  window.fetch = implementation;
  return restoreFetch;
}

/** A request as a stub saw it. */
export interface RecordedRequest {
  url: string;
  init?: RequestInit;
}

/**
 * Replaces window.fetch for the current test with `respond` (the test server unless given), and
 * records every request: the list it returns grows as the page fetches.
 */
export function recordFetches(
  respond: (url: string, init: RequestInit | undefined) => Promise<Response> = (url, init) => realFetch(url, init),
): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  stubFetch((input, init) => {
    const url = requestUrl(input);
    requests.push({ url, init });
    return respond(url, init);
  });
  return requests;
}

/** The address a fetch was called with, whether given as a string, a URL or a Request. */
export function requestUrl(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}

/**
 * Holds requests (every one, or those whose address `holds` accepts) until `release()`, then lets
 * them through to the test server: the state while the feed is still loading, for as long as needed.
 */
export function gateFetch(holds: (url: string) => boolean = () => true): { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  stubFetch(async (input, init) => {
    if (holds(requestUrl(input))) await gate;
    return realFetch(input, init);
  });
  return { release };
}

/** What fetch gives when the network fails (offline, blocked, refused): a rejected TypeError. */
export function networkError(): Promise<Response> {
  return Promise.reject(new TypeError('Failed to fetch'));
}

/** The first request fails with `failure` (a network error unless given), later ones reach the test server: for Retry. */
export function failFirstFetch(failure: () => Promise<Response> = networkError): void {
  let failed = false;
  stubFetch((input, init) => {
    if (failed) return realFetch(input, init);
    failed = true;
    return failure();
  });
}

/** A request that never answers: the loading state, for good. */
export function neverAnswers(): Promise<Response> {
  return new Promise<Response>(() => {});
}
