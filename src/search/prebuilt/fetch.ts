/**
 * How a prebuilt search index's files are requested (read.ts): one request per file, a timeout, an
 * abort signal, every failure a FeedError, and the size limits of src/feed/limits.ts. Kept apart from
 * the reader so that mlo-archive-search can start the manifest's request as soon as the feed names it,
 * while the search engine's code is still loading. Plain TypeScript, no DOM.
 */
import { FeedError, toFeedError } from '../../feed/errors.js';
import { MAX_CRAWL_SIZE, MAX_FEED_PAGE_SIZE } from '../../feed/limits.js';
import { DEFAULT_TIMEOUT_MS, downloadText, type DownloadWords } from '../../feed/load.js';
import { safeUrl } from '../../feed/urls.js';

export interface PrebuiltOpenOptions {
  /** Stops every request of this index (the promise of any pending search rejects). */
  signal?: AbortSignal;
  /** Milliseconds before one file's request is abandoned as a timeout. */
  timeoutMs?: number;
}

/** What is left of the index's size limit (`MAX_CRAWL_SIZE`), shared by all of its files. */
export interface IndexBudget {
  left: number;
}

/** A manifest's request under way: what `PrebuiltSearchIndex.fromRequest` opens. */
export interface ManifestRequest {
  /** The manifest's resolved address. */
  url: string;
  signal: AbortSignal;
  timeoutMs: number;
  budget: IndexBudget;
  /** The parsed manifest and its length; rejects with a FeedError (or the signal's reason). */
  response: Promise<{ data: unknown; size: number }>;
}

/** Starts reading the manifest at `url`. Its failure is reported when `response` is awaited, never as an unhandled rejection. */
export function requestManifest(url: string, options: PrebuiltOpenOptions = {}): ManifestRequest {
  const resolved = safeUrl(url);
  const signal = options.signal ?? new AbortController().signal;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const budget = { left: MAX_CRAWL_SIZE };
  const response = resolved
    ? fetchIndexFile(resolved, signal, timeoutMs, budget).catch((error: unknown) => {
        throw signal.aborted ? error : toFeedError(error, resolved);
      })
    : Promise.reject(new FeedError('invalid-url', `"${url}" is not an http(s) or relative address.`, { url }));
  response.catch(() => undefined);
  return { url: resolved ?? url, signal, timeoutMs, budget, response };
}

const INDEX_WORDS: DownloadWords = {
  unreachable: 'The search index could not be reached.',
  broken: 'The connection broke while the search index was downloading.',
  declaredTooLarge: (bytes) => `A search index file is ${bytes} bytes long; this library reads at most ${MAX_FEED_PAGE_SIZE} characters per file.`,
};

/** Fetches and parses one file of the index, as the feed loader does a page: every failure a FeedError. */
export async function fetchIndexFile(url: string, signal: AbortSignal, timeoutMs: number, budget: IndexBudget): Promise<{ data: unknown; size: number }> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) throw signal.reason;
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new FeedError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`, { url })), timeoutMs);
  try {
    const { text } = await downloadText(url, 'application/json', controller.signal, INDEX_WORDS);
    if (text.length > MAX_FEED_PAGE_SIZE) throw new FeedError('too-large', `A search index file is longer than ${MAX_FEED_PAGE_SIZE} characters.`, { url });
    budget.left -= text.length;
    if (budget.left < 0) throw new FeedError('too-large', `The search index read so far is over ${MAX_CRAWL_SIZE} characters.`, { url });
    if (/^\s*</.test(text)) throw new FeedError('html', 'The search index address gives a web page, not JSON.', { url });
    try {
      return { data: JSON.parse(text) as unknown, size: text.length };
    } catch (cause) {
      throw new FeedError('invalid-json', 'A search index file is not valid JSON.', { url, cause });
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
