/**
 * Validation and normalisation of JSON Feed 1.0 / 1.1 documents and of the `_mlo` extension.
 *
 * The rules: a document that is not a feed is a `FeedError`; an item that is broken (no id, wrong
 * types) is dropped and counted, never the whole feed; unknown fields are ignored (JSON Feed rules);
 * every URL is kept only when http(s) or relative, and is resolved against the feed's address.
 */
import { type FeedDate, parseFeedDate } from './dates.js';
import { FeedError } from './errors.js';
import type {
  AlternateFeed,
  ArchivePage,
  Attachment,
  Author,
  ContactUnit,
  DateKind,
  Feed,
  FeedExtension,
  FeedItem,
  FeedVersion,
  ItemExtension,
  Office,
  Photo,
  TrailLink,
} from './types.js';
import { safeUrl } from './urls.js';

/** The `about` URL of our extension, as JSON Feed asks extensions to carry. */
export const MLO_EXTENSION_ABOUT = 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/feed-format.md';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string, or undefined; anything else (numbers too) is not text. Numeric ids are read where the item is. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const n = finiteNumber(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A feed date (src/feed/dates.ts); unreadable and impossible dates are left out rather than shown as "Invalid Date". */
function date(value: unknown): FeedDate | undefined {
  const raw = text(value);
  return raw === undefined ? undefined : parseFeedDate(raw);
}

function list<T>(value: unknown, read: (entry: unknown) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const entry of value) {
    const read_ = read(entry);
    if (read_ !== undefined) out.push(read_);
  }
  return out;
}

/** A BCP 47 tag, lightly checked; anything odd is dropped rather than put into a `lang` attribute. */
function languageTag(value: unknown): string | undefined {
  const raw = text(value);
  return raw !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(raw) ? raw : undefined;
}

function readAuthor(base: string) {
  return (value: unknown): Author | undefined => {
    if (!isObject(value)) return undefined;
    const author: Author = { name: text(value.name), url: safeUrl(value.url, base), avatar: safeUrl(value.avatar, base) };
    return author.name || author.url || author.avatar ? author : undefined;
  };
}

function readAuthors(source: Json, base: string): Author[] {
  const authors = list(source.authors, readAuthor(base));
  if (authors.length > 0) return authors;
  const single = readAuthor(base)(source.author); // JSON Feed 1.0
  return single ? [single] : [];
}

function readAttachment(base: string) {
  return (value: unknown): Attachment | undefined => {
    if (!isObject(value)) return undefined;
    const url = safeUrl(value.url, base);
    const mimeType = text(value.mime_type);
    if (!url || !mimeType) return undefined;
    return {
      url,
      mimeType,
      title: text(value.title),
      sizeInBytes: finiteNumber(value.size_in_bytes),
      durationInSeconds: finiteNumber(value.duration_in_seconds),
    };
  };
}

function readTrailLink(base: string) {
  return (value: unknown): TrailLink | undefined => {
    if (!isObject(value)) return undefined;
    const name = text(value.name);
    return name ? { name, url: safeUrl(value.url, base) } : undefined;
  };
}

function readPhoto(base: string) {
  return (value: unknown): Photo | undefined => {
    if (!isObject(value)) return undefined;
    const url = safeUrl(value.url, base);
    if (!url) return undefined;
    return {
      url,
      alt: text(value.alt) ?? '',
      caption: text(value.caption),
      credit: text(value.credit),
      width: positiveInteger(value.width),
      height: positiveInteger(value.height),
    };
  };
}

/** A phone number as offices write it ("+381 (11) 300-6100"), else undefined: it ends up in a tel: link. */
function phoneNumber(value: unknown): string | undefined {
  const raw = text(value);
  return raw !== undefined && /^\+?[\d\s()./-]+$/.test(raw) && (raw.match(/\d/g)?.length ?? 0) >= 3 ? raw : undefined;
}

function readContactUnit(base: string) {
  return (value: unknown): ContactUnit | undefined => {
    if (!isObject(value)) return undefined;
    const organisation = text(value.organisation) ?? text(value.organization);
    if (!organisation) return undefined;
    const email = text(value.email);
    return {
      heading: text(value.heading),
      organisation,
      street: text(value.street),
      building: text(value.building),
      postalCode: text(value.postal_code),
      locality: text(value.locality),
      country: text(value.country),
      phone: phoneNumber(value.phone),
      // Only something that looks like an address; it ends up in a mailto: link.
      email: email && /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/.test(email) ? email : undefined,
      mapUrl: safeUrl(value.map_url, base),
    };
  };
}

function readOffice(base: string) {
  return (value: unknown): Office | undefined => {
    if (!isObject(value)) return undefined;
    const units = list(value.units, readContactUnit(base));
    const name = text(value.name) ?? units[0]?.organisation;
    return name && units.length > 0 ? { name, url: safeUrl(value.url, base), units } : undefined;
  };
}

function readAlternate(base: string) {
  return (value: unknown): AlternateFeed | undefined => {
    if (!isObject(value)) return undefined;
    const language = languageTag(value.language);
    const url = safeUrl(value.url, base);
    return language && url ? { language, url, title: text(value.title) } : undefined;
  };
}

function readArchivePage(base: string) {
  return (value: unknown): ArchivePage | undefined => {
    if (!isObject(value)) return undefined;
    const year = positiveInteger(value.year);
    const url = safeUrl(value.url, base);
    return year && url ? { year, url } : undefined;
  };
}

function readFeedExtension(value: unknown, base: string): FeedExtension {
  const mlo = isObject(value) ? value : {};
  return {
    trail: list(mlo.trail, readTrailLink(base)),
    offices: list(mlo.offices, readOffice(base)),
    alternates: list(mlo.alternates, readAlternate(base)),
    archives: list(mlo.archives, readArchivePage(base)),
    searchUrl: safeUrl(mlo.search_url, base),
    searchIndexUrl: safeUrl(mlo.search_index_url, base),
  };
}

function readItemExtension(value: unknown, base: string): ItemExtension {
  const mlo = isObject(value) ? value : {};
  const year = positiveInteger(mlo.archive_year);
  return {
    archiveYear: year !== undefined && year >= 1000 && year <= 9999 ? year : undefined,
    byline: text(mlo.byline),
    originalSource: text(mlo.original_source),
    photos: list(mlo.photos, readPhoto(base)),
  };
}

/** What an item inherits from its feed when it does not say (JSON Feed: authors; language by the same logic). */
interface ItemDefaults {
  authors: Author[];
  language?: string;
}

/** Reads one item, or returns undefined when it breaks the JSON Feed rules (it is then counted as dropped). */
function readItem(value: unknown, base: string, defaults: ItemDefaults): FeedItem | undefined {
  if (!isObject(value)) return undefined;
  // JSON Feed: `id` is required and is a string; numbers are coerced, as the spec asks readers to.
  const id = typeof value.id === 'number' && Number.isFinite(value.id) ? String(value.id) : text(value.id);
  if (!id) return undefined;
  const contentHtml = typeof value.content_html === 'string' ? value.content_html : undefined;
  const contentText = typeof value.content_text === 'string' ? value.content_text : undefined;
  const tags = list(value.tags, (tag) => text(tag));
  const published = date(value.date_published);
  const modified = date(value.date_modified);
  return {
    id,
    url: safeUrl(value.url, base),
    externalUrl: safeUrl(value.external_url, base),
    title: text(value.title),
    contentHtml: contentHtml?.trim() ? contentHtml : undefined,
    contentText: contentText?.trim() ? contentText : undefined,
    summary: text(value.summary),
    image: safeUrl(value.image, base),
    bannerImage: safeUrl(value.banner_image, base),
    datePublished: published?.date,
    datePublishedKind: published?.kind,
    dateModified: modified?.date,
    dateModifiedKind: modified?.kind,
    authors: ((authors) => (authors.length > 0 ? authors : defaults.authors))(readAuthors(value, base)),
    tags: [...new Set(tags)],
    language: languageTag(value.language) ?? defaults.language,
    attachments: list(value.attachments, readAttachment(base)),
    mlo: readItemExtension(value._mlo, base),
  };
}

/**
 * The JSON Feed version a `version` URL names, read as liberally as feed readers do: `http:` or `https:`,
 * `jsonfeed.org` or `www.jsonfeed.org` (any case), `/version/` and a version number, with or without a
 * trailing slash, surrounding whitespace ignored. No port, user, query or fragment. `1` and `1.0` are
 * version 1; `1.1` is 1.1. Undefined when the URL is not a jsonfeed.org version URL at all.
 */
function versionNumber(value: string): string | undefined {
  const match = /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/(\d+(?:\.\d+)*)\/?$/i.exec(value.trim());
  return match?.[1];
}

function readVersion(value: unknown): FeedVersion {
  const version = typeof value === 'string' ? versionNumber(value) : undefined;
  if (version === undefined) {
    throw new FeedError('not-a-feed', 'The document has no JSON Feed "version" (expected "https://jsonfeed.org/version/1.1").');
  }
  if (version === '1' || version === '1.0') return '1';
  if (version === '1.1') return '1.1';
  throw new FeedError('unsupported-version', `The feed declares JSON Feed version ${version}; this library reads 1 and 1.1.`);
}

export interface ParseOptions {
  /** The address the document came from; relative URLs resolve against it. Defaults to the page. */
  url?: string;
}

/**
 * Validates and normalises a parsed JSON value as a JSON Feed.
 * Throws `FeedError` ('not-a-feed' | 'unsupported-version') when it is not one.
 */
export function parseFeed(document: unknown, options: ParseOptions = {}): Feed {
  if (!isObject(document)) {
    throw new FeedError('not-a-feed', 'The document is not a JSON object, so it is not a JSON Feed.', { url: options.url });
  }
  const version = readVersion(document.version);
  if (!Array.isArray(document.items)) {
    throw new FeedError('not-a-feed', 'The feed has no "items" list.', { url: options.url });
  }
  const base = safeUrl(options.url) ?? safeUrl(document.feed_url) ?? (globalThis.location as Location | undefined)?.href ?? 'http://localhost/';
  const authors = readAuthors(document, base);
  const language = languageTag(document.language);
  const items: FeedItem[] = [];
  const seenIds = new Set<string>();
  let droppedItems = 0;
  for (const raw of document.items) {
    const item = readItem(raw, base, { authors, language });
    // A repeated id is the same item twice (JSON Feed ids are unique): keep the first.
    if (!item || seenIds.has(item.id)) {
      droppedItems += 1;
      continue;
    }
    seenIds.add(item.id);
    items.push(item);
  }
  return {
    version,
    title: text(document.title) ?? '',
    homePageUrl: safeUrl(document.home_page_url, base),
    feedUrl: safeUrl(options.url) ?? safeUrl(document.feed_url, base),
    description: text(document.description),
    userComment: text(document.user_comment),
    nextUrl: safeUrl(document.next_url, base),
    icon: safeUrl(document.icon, base),
    favicon: safeUrl(document.favicon, base),
    language,
    expired: document.expired === true,
    authors,
    items,
    droppedItems,
    mlo: readFeedExtension(document._mlo, base),
  };
}

/**
 * Parses the text of a response. Tells an HTML page (a login or error page served instead of the
 * feed) and broken JSON apart from a wrong shape, because the fix for each differs.
 */
export function parseFeedText(body: string, options: ParseOptions & { contentType?: string } = {}): Feed {
  const start = body.trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || (options.contentType ?? '').includes('text/html') && start.startsWith('<')) {
    throw new FeedError('html', 'The address returned an HTML page, not a JSON Feed (a login page, an error page, or the wrong URL).', { url: options.url });
  }
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (cause) {
    if (start.startsWith('<')) {
      throw new FeedError('html', 'The address returned markup (HTML or XML), not a JSON Feed. RSS and Atom feeds are not read.', { url: options.url, cause });
    }
    throw new FeedError('invalid-json', 'The feed is not valid JSON (it may be truncated).', { url: options.url, cause });
  }
  return parseFeed(document, options);
}

/**
 * The newest-first sort key of an item: published, else modified. A `local` or `date` date (see
 * `itemDateKind`) holds its wall-clock time as UTC, so it sorts within hours of where it belongs.
 */
export function itemDate(item: FeedItem): Date | undefined {
  return item.datePublished ?? item.dateModified;
}

/** How the date `itemDate` returns was written; `instant` for data that does not say (hand-made items). */
export function itemDateKind(item: FeedItem): DateKind | undefined {
  if (item.datePublished) return item.datePublishedKind ?? 'instant';
  if (item.dateModified) return item.dateModifiedKind ?? 'instant';
  return undefined;
}

/** Sorts newest first; undated items go last, keeping their feed order. */
export function sortNewestFirst(items: readonly FeedItem[]): FeedItem[] {
  return items
    .map((item, index) => ({ item, index, time: itemDate(item)?.getTime() }))
    .sort((a, b) => {
      if (a.time === undefined || b.time === undefined) {
        return a.time === b.time ? a.index - b.index : a.time === undefined ? 1 : -1;
      }
      return b.time - a.time || a.index - b.index;
    })
    .map(({ item }) => item);
}

/**
 * The item's archive year: the editorial `_mlo.archive_year`, else the year of its date as shown: a
 * moment's year in the reader's time zone, a calendar day's or a local date-time's year as written.
 */
export function archiveYearOf(item: FeedItem): number | undefined {
  if (item.mlo.archiveYear !== undefined) return item.mlo.archiveYear;
  const date = itemDate(item);
  if (!date) return undefined;
  return itemDateKind(item) === 'instant' ? date.getFullYear() : date.getUTCFullYear();
}

/**
 * The item an `article-id` names: by `id`, else by `url` (relative to the feed or to the page).
 * Every element that shows one article reads `article-id` this way.
 */
export function findItem(feed: Feed, wanted: string): FeedItem | undefined {
  const asFeedUrl = safeUrl(wanted, feed.feedUrl);
  const asPageUrl = safeUrl(wanted);
  return feed.items.find((item) => item.id === wanted) ?? feed.items.find((item) => item.url !== undefined && (item.url === asFeedUrl || item.url === asPageUrl));
}

/**
 * Appends a later page's items, skipping ids already present. `knownIds` (the ids of `first`, kept
 * by a caller that merges many pages) is updated in place, so each merge costs the new page only.
 */
export function mergePages(first: Feed, next: Feed, knownIds: Set<string> = new Set(first.items.map((item) => item.id))): Feed {
  const ids = knownIds;
  const added = next.items.filter((item) => {
    if (ids.has(item.id)) return false;
    ids.add(item.id);
    return true;
  });
  return {
    ...first,
    items: [...first.items, ...added],
    droppedItems: first.droppedItems + next.droppedItems,
    nextUrl: next.nextUrl,
  };
}
