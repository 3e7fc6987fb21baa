/** Serves a prebuilt search index from memory through a fetch stub, counting what is requested. */
import { parseFeed } from '../../src/feed/parse.js';
import type { FeedItem } from '../../src/feed/types.js';
import type { SearchIndexFile } from '../../src/search/prebuilt/write.js';
import { realFetch, requestUrl, stubFetch } from '../helpers/fetch.js';
import { createArchive, feedPages } from '../../bench/synthetic-archive.mjs';

export interface ServedIndex {
  /** The manifest's address. */
  manifest: string;
  /** Every address requested so far under the index's folder, in order. */
  requested: string[];
}

export interface ServeOptions {
  /** Answers for some files instead of their contents (a 404, a network error, …). */
  override?: (path: string, init?: RequestInit) => Promise<Response> | undefined;
  /** Let every other request through (default) or count it too. */
  others?: (url: string) => void;
}

/** Serves `files` under `base` (an absolute path such as `/prebuilt/`), everything else from the test server. */
export function serveIndex(files: readonly SearchIndexFile[], base: string, options: ServeOptions = {}): ServedIndex {
  const byPath = new Map(files.map((file) => [file.path, file.contents]));
  const root = new URL(base, location.href).href;
  const served: ServedIndex = { manifest: new URL(files[0]!.path, root).href, requested: [] };
  stubFetch(async (input, init) => {
    const url = requestUrl(input);
    const absolute = new URL(url, location.href).href;
    if (!absolute.startsWith(root)) {
      options.others?.(absolute);
      return realFetch(input, init);
    }
    served.requested.push(absolute);
    const path = absolute.slice(root.length);
    const overridden = options.override?.(path, init);
    if (overridden) return overridden;
    const contents = byPath.get(path);
    if (contents === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    return new Response(contents, { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return served;
}

/**
 * Holds back every record shard but the first one asked for (the best hit's, as the reader asks in rank
 * order) until `release()`: how a query's first results come before the rest. Pass `override` to serveIndex.
 */
export function holdRecordShards(files: readonly SearchIndexFile[]): { override: NonNullable<ServeOptions['override']>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let recordRequests = 0;
  const override = (path: string): Promise<Response> | undefined => {
    if (!path.includes('/d-') || recordRequests++ === 0) return undefined;
    const contents = files.find((file) => file.path === path)!.contents;
    return gate.then(() => new Response(contents, { headers: { 'content-type': 'application/json' } }));
  };
  return { override, release };
}

/** The fixture feed's items, parsed as the elements parse it. */
export async function fixtureItems(path: string): Promise<FeedItem[]> {
  const url = new URL(path, location.href).href;
  return parseFeed(await (await realFetch(url)).json(), { url }).items;
}

/** The benchmark's synthetic archive (seeded), parsed page by page as the crawl reads it. */
export function syntheticItems(size: number): { items: FeedItem[]; raw: Array<Record<string, unknown>> } {
  const raw = createArchive({ size });
  const items = feedPages(raw, 100, '/synthetic').flatMap((page) => parseFeed(page, { url: 'https://mlo.example/feed.json' }).items);
  return { items, raw };
}
