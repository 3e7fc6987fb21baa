/**
 * `mlo-feed validate <file|dir|url>`: a feed checked as the widgets will read it, offline (nothing but the
 * feed's own pages is fetched, and only for a URL). First docs/feed.schema.json (Ajv), then what a schema
 * cannot say across pages: ids unique in every page of a feed, a `next_url` chain that ends (no cycle, no
 * missing page), language tags (Serbian names its script; items in the feed's language), photos with alt
 * text, and every page within MAX_FEED_PAGE_SIZE of src/feed/limits.ts. Messages give the JSON path.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_CRAWL_PAGES, MAX_FEED_PAGE_SIZE, MAX_ITEMS_PER_PAGE } from '../feed/limits.js';
import { htmlToText } from '../feed/text.js';
import { serbianScript, contradictsScript } from './checks.js';
import { displayPath } from './config.js';
import { Diagnostics, EXIT_CONTENT, EXIT_OK, UsageError, type Diagnostic } from './diagnostics.js';
import { jsonPath, schemaMessage, validateFeedSchema } from './schema.js';
import { isUrl, readSource } from './sources/read.js';

export interface ValidateResult {
  exitCode: number;
  diagnostics: Diagnostic[];
  /** Every page read, as shown in messages. */
  pages: string[];
  /** Items per feed (its first page, as shown). */
  feeds: { feed: string; pages: number; items: number }[];
}

const BCP_47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveNext(current: string, next: string): string {
  if (isUrl(current) || isUrl(next)) return new URL(next, isUrl(current) ? current : undefined).href;
  return resolve(current, '..', next.split(/[?#]/)[0]!);
}

/** The feed files of a folder: JSON files whose text declares a jsonfeed.org version, found by name first. */
function feedFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.startsWith('search-index'))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * Validates a feed file (and the pages its `next_url` names), every feed of a folder, or a feed at a URL.
 * A target that cannot be read is a UsageError (exit code 2).
 */
export async function validate(target: string): Promise<ValidateResult> {
  const diagnostics = new Diagnostics();
  let starts: string[];
  let folderFiles: Set<string> | undefined;
  if (isUrl(target)) {
    starts = [target];
  } else {
    let stats;
    try {
      stats = statSync(target);
    } catch {
      throw new UsageError(`${target} does not exist`);
    }
    if (stats.isDirectory()) {
      const all = feedFilesIn(resolve(target));
      folderFiles = new Set(all);
      starts = all;
    } else {
      starts = [resolve(target)];
    }
  }

  const texts = new Map<string, string>();
  const documents = new Map<string, Json | undefined>();
  const read = async (page: string): Promise<Json | undefined> => {
    if (documents.has(page)) return documents.get(page);
    const text = await readSource(page);
    texts.set(page, text);
    const shown = displayPath(page);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      diagnostics.error(shown, `invalid JSON: ${(error as Error).message}`);
      documents.set(page, undefined);
      return undefined;
    }
    if (!isRecord(document) || typeof document.version !== 'string' || !/jsonfeed\.org\/version\//i.test(document.version)) {
      documents.set(page, undefined);
      if (!folderFiles) diagnostics.error(shown, 'not a JSON Feed: no jsonfeed.org "version"', { field: '$.version' });
      return undefined;
    }
    documents.set(page, document);
    checkPage(document, text, shown, diagnostics);
    return document;
  };

  // In a folder, the feeds are the files no other file names as its next_url (every file, if all are).
  if (folderFiles) {
    const named = new Set<string>();
    for (const file of starts) {
      const document = await read(file);
      const next: unknown = document?.next_url;
      if (typeof next === 'string' && next.trim()) named.add(resolveNext(file, next.trim()));
    }
    const heads = starts.filter((file) => !named.has(file) && documents.get(file));
    starts = heads.length > 0 ? heads : starts.filter((file) => documents.get(file)).slice(0, 1);
  }
  const isNext = new Set<string>();
  const chains: { start: string; pages: string[] }[] = [];
  for (const start of starts) {
    const pages: string[] = [];
    let current: string | undefined = start;
    const seen = new Set<string>();
    while (current !== undefined) {
      if (seen.has(current)) {
        diagnostics.error(displayPath(pages[pages.length - 1]!), `next_url goes back to ${displayPath(current)}, a page already in this feed: the chain has a cycle (the widgets stop there; fix the page that points back)`, { field: '$.next_url' });
        break;
      }
      if (pages.length > MAX_CRAWL_PAGES) {
        diagnostics.error(displayPath(start), `more than ${MAX_CRAWL_PAGES} next pages: the widgets read no further (MAX_CRAWL_PAGES in src/feed/limits.ts); use larger pages or per-year archive feeds`, { field: '$.next_url' });
        break;
      }
      seen.add(current);
      let document: Json | undefined;
      try {
        document = await read(current);
      } catch (error) {
        if (pages.length === 0) throw error;
        diagnostics.error(displayPath(pages[pages.length - 1]!), `next_url ${displayPath(current)} cannot be read: ${(error as Error).message}`, { field: '$.next_url' });
        break;
      }
      if (!document) break;
      pages.push(current);
      if (pages.length > 1) isNext.add(current);
      const next: unknown = document.next_url;
      current = typeof next === 'string' && next.trim() ? resolveNext(current, next.trim()) : undefined;
    }
    chains.push({ start, pages });
  }

  const feeds: ValidateResult['feeds'] = [];
  for (const chain of chains) {
    if (isNext.has(chain.start) || chain.pages.length === 0) continue;
    const ids = new Map<string, string>();
    let items = 0;
    const feedLanguage = documents.get(chain.pages[0]!)?.language;
    for (const page of chain.pages) {
      const document = documents.get(page)!;
      const shown = displayPath(page);
      const list = Array.isArray(document.items) ? document.items : [];
      items += list.length;
      if (page !== chain.pages[0] && typeof document.language === 'string' && typeof feedLanguage === 'string' && document.language !== feedLanguage) {
        diagnostics.warn(shown, `the page is in ${document.language}, the feed it continues in ${feedLanguage}`, { field: '$.language' });
      }
      list.forEach((item, index) => {
        if (!isRecord(item) || typeof item.id !== 'string') return;
        const earlier = ids.get(item.id);
        if (earlier) diagnostics.error(shown, `duplicate id "${item.id}": also ${earlier} (ids are unique across all pages of a feed; the widgets keep the first and drop this one)`, { field: `$.items[${index}].id` });
        else ids.set(item.id, `${shown} $.items[${index}]`);
      });
    }
    feeds.push({ feed: displayPath(chain.start), pages: chain.pages.length, items });
  }
  if (starts.length > 0 && feeds.length === 0 && diagnostics.errors.length === 0) diagnostics.error(displayPath(target), 'no JSON Feed found');
  return { exitCode: diagnostics.errors.length > 0 ? EXIT_CONTENT : EXIT_OK, diagnostics: diagnostics.list, pages: [...documents.keys()].map(displayPath), feeds };
}

function checkPage(document: Json, text: string, shown: string, diagnostics: Diagnostics): void {
  if (text.length > MAX_FEED_PAGE_SIZE) {
    diagnostics.error(shown, `the page is ${(text.length / 1048576).toFixed(2)} MiB of text, over ${MAX_FEED_PAGE_SIZE / 1048576} MiB (MAX_FEED_PAGE_SIZE, src/feed/limits.ts): the widgets refuse it unread, because JSON.parse of a larger page blocks a reader's page for tens to hundreds of milliseconds on a phone; move older items to next_url pages`, { field: '$' });
  }
  for (const error of validateFeedSchema(document)) {
    if (error.keyword === 'anyOf' && error.instancePath.match(/^\/items\/\d+$/)) {
      diagnostics.error(shown, 'missing required field: an item needs content_html or content_text', { field: jsonPath(error.instancePath) });
      continue;
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') continue;
    diagnostics.error(shown, schemaMessage(error), { field: jsonPath(error.instancePath) });
  }
  const items = Array.isArray(document.items) ? document.items : [];
  if (items.length > MAX_ITEMS_PER_PAGE) {
    diagnostics.warn(shown, `${items.length} items on one page: the widgets read the first ${MAX_ITEMS_PER_PAGE} (MAX_ITEMS_PER_PAGE) and drop the rest`, { field: '$.items' });
  }
  const checkLanguage = (value: unknown, field: string) => {
    if (typeof value !== 'string') return;
    if (!BCP_47.test(value)) return; // the schema reports it
    if (/^sr(-|$)/i.test(value) && !serbianScript(value)) diagnostics.warn(shown, `Serbian tag "${value}" names no script: write sr-Latn or sr-Cyrl (the widgets read plain "sr" as Cyrillic)`, { field });
  };
  checkLanguage(document.language, '$.language');
  const mlo = isRecord(document._mlo) ? document._mlo : {};
  (Array.isArray(mlo.alternates) ? mlo.alternates : []).forEach((alternate, index) => {
    if (isRecord(alternate)) checkLanguage(alternate.language, `$._mlo.alternates[${index}].language`);
  });
  items.forEach((item, index) => {
    if (!isRecord(item)) return;
    checkLanguage(item.language, `$.items[${index}].language`);
    const language = typeof item.language === 'string' ? item.language : typeof document.language === 'string' ? document.language : undefined;
    if (typeof item.language === 'string' && typeof document.language === 'string' && item.language.toLowerCase() !== document.language.toLowerCase()) {
      diagnostics.warn(shown, `item in ${item.language} in a feed in ${document.language}: each language is its own feed, linked through _mlo.alternates`, { field: `$.items[${index}].language` });
    }
    const photos = isRecord(item._mlo) && Array.isArray(item._mlo.photos) ? item._mlo.photos : [];
    photos.forEach((photo, photoIndex) => {
      if (isRecord(photo) && typeof photo.alt === 'string' && photo.alt.trim() === '') {
        diagnostics.warn(shown, 'the photo has an empty alt: describe what it shows for people who cannot see it', { field: `$.items[${index}]._mlo.photos[${photoIndex}].alt` });
      }
    });
    const script = language === undefined ? undefined : serbianScript(language);
    if (script) {
      const fields: [string, unknown][] = [['title', item.title], ['summary', item.summary], ['content_html', typeof item.content_html === 'string' ? htmlToText(item.content_html) : undefined], ['content_text', item.content_text]];
      for (const [field, value] of fields) {
        if (typeof value === 'string' && contradictsScript(value, script)) diagnostics.warn(shown, `${script === 'Latn' ? 'Cyrillic' : 'Latin'} text in an item in ${language}`, { field: `$.items[${index}].${field}` });
      }
    }
  });
}
