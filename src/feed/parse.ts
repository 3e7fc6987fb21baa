/**
 * Validation and normalisation of JSON Feed 1.0 / 1.1 documents and of the `_mlo` extension.
 *
 * The rules: a document that is not a feed is a `FeedError`; an item that is broken (no id, wrong
 * types) is dropped and counted, never the whole feed; unknown fields are ignored (JSON Feed rules);
 * every URL is kept only when http(s) or relative, and is resolved against the feed's address; plain
 * text has its character references decoded once and is cut to the limits of src/feed/limits.ts.
 *
 * Input is read through own properties only: `JSON.parse` output (and data a page hands over) inherits
 * from Object.prototype, which a host page may have filled (`Object.prototype.title = …`); such keys
 * read as absent. Every object this module returns has each of its keys as an own property, even when
 * `undefined`, so reading the normalised model never reaches the prototype either.
 */
import { type FeedDate, parseFeedDate } from './dates.js';
import { decodeCharacterReferences } from './entities.js';
import { SLICE_MS, yieldToMain } from './yield.js';
import { FeedError } from './errors.js';
import { MAX_FEED_PAGE_SIZE, MAX_ITEMS_PER_PAGE, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from './limits.js';
import { truncateText } from './text.js';
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
import { defaultBase, safeUrl } from './urls.js';

/** The `about` URL of our extension, as JSON Feed asks extensions to carry. */
export const MLO_EXTENSION_ABOUT = 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/feed-format.md';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property of a JSON object, read only when it is the object's own: inherited keys read as absent. */
function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The own properties an object has, as a reader of keys (`{}` for anything that is not an object). */
function fields(value: unknown): (key: string) => unknown {
  return isObject(value) ? (key) => own(value, key) : () => undefined;
}

/** A trimmed non-empty string, or undefined; anything else (numbers too) is not text. For identifiers and codes: nothing decoded. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return undefined;
}

/**
 * Plain text as a feed writes it: character references decoded once (src/feed/entities.ts), trimmed,
 * and cut at a word boundary with an ellipsis past `maxLength` characters; undefined when blank.
 */
function plain(value: unknown, maxLength: number = MAX_TITLE_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  const decoded = decodeCharacterReferences(value).trim();
  return decoded === '' ? undefined : truncateText(decoded, maxLength);
}

/** Prose a reader may see at length: a summary, a description, a caption. */
function prose(value: unknown): string | undefined {
  return plain(value, MAX_SUMMARY_LENGTH);
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

/** The entries of a JSON array that `read` accepts, in order; at most `max` entries are looked at. */
function list<T>(value: unknown, read: (entry: unknown) => T | undefined, max = Number.POSITIVE_INFINITY): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  const length = Math.min(value.length, max);
  for (let index = 0; index < length; index += 1) {
    // A hole in an array handed over as data would read an inherited "0": own entries only.
    const entry = read(Object.hasOwn(value, index) ? (value[index] as unknown) : undefined);
    if (entry !== undefined) out.push(entry);
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
    const field = fields(value);
    const author: Author = { name: plain(field('name')), url: safeUrl(field('url'), base), avatar: safeUrl(field('avatar'), base) };
    return author.name || author.url || author.avatar ? author : undefined;
  };
}

function readAuthors(source: Json, base: string): Author[] {
  const authors = list(own(source, 'authors'), readAuthor(base));
  if (authors.length > 0) return authors;
  const single = readAuthor(base)(own(source, 'author')); // JSON Feed 1.0
  return single ? [single] : [];
}

function readAttachment(base: string) {
  return (value: unknown): Attachment | undefined => {
    const field = fields(value);
    const url = safeUrl(field('url'), base);
    const mimeType = text(field('mime_type'));
    if (!url || !mimeType) return undefined;
    return {
      url,
      mimeType,
      title: plain(field('title')),
      sizeInBytes: finiteNumber(field('size_in_bytes')),
      durationInSeconds: finiteNumber(field('duration_in_seconds')),
    };
  };
}

function readTrailLink(base: string) {
  return (value: unknown): TrailLink | undefined => {
    const field = fields(value);
    const name = plain(field('name'));
    return name ? { name, url: safeUrl(field('url'), base) } : undefined;
  };
}

function readPhoto(base: string) {
  return (value: unknown): Photo | undefined => {
    const field = fields(value);
    const url = safeUrl(field('url'), base);
    if (!url) return undefined;
    return {
      url,
      alt: prose(field('alt')) ?? '',
      caption: prose(field('caption')),
      credit: plain(field('credit')),
      width: positiveInteger(field('width')),
      height: positiveInteger(field('height')),
    };
  };
}

/**
 * A phone number as offices write it ("+381 (11) 300-6100"): an optional leading `+`, then digits,
 * spaces and `( ) . -` only, with 3 to 20 digits; else undefined. It ends up in a `tel:` link.
 */
export function phoneNumber(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined || raw.length > 40 || !/^\+?[0-9 ().-]+$/.test(raw)) return undefined;
  const digits = raw.replace(/[^0-9]/g, '').length;
  return digits >= 3 && digits <= 20 ? raw : undefined;
}

/**
 * One label of a domain name: letters (any script), digits and inner hyphens, at most 63 characters.
 * One Unicode class per label, checked at both ends by lookarounds: each `\p{…}` class costs V8 time
 * to build (three per label took 0.8 ms at start-up in Node here, against 0.2 ms for this form).
 */
const DOMAIN_LABEL = String.raw`(?!-)[\p{L}\p{N}-]{1,63}(?<!-)`;
/**
 * An e-mail address and nothing more: `local@domain`, the local part of ASCII letters, digits and
 * `! # $ ' * + / = ^ _ { | } ~ -` in dot-separated runs, the domain of two or more labels. No `?`, `&`, `%`,
 * `,`, `;`, spaces, quotes or brackets: the address goes into a `mailto:` link, where those would add
 * recipients, headers or a body (`desk@mlo.example?bcc=…`, `%0A`). Built on first use, not when the
 * feed layer loads: most pages never read an address.
 */
let email: RegExp | undefined;

/** An e-mail address as `email` allows, at most 254 characters with a local part of at most 64; else undefined. */
export function emailAddress(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined || raw.length > 254) return undefined;
  email ??= new RegExp(String.raw`^[A-Za-z0-9!#$'*+/=^_{|}~-]+(?:\.[A-Za-z0-9!#$'*+/=^_{|}~-]+)*@${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})+$`, 'u');
  return email.test(raw) && raw.indexOf('@') <= 64 ? raw : undefined;
}

function readContactUnit(base: string) {
  return (value: unknown): ContactUnit | undefined => {
    const field = fields(value);
    const organisation = plain(field('organisation')) ?? plain(field('organization'));
    if (!organisation) return undefined;
    return {
      heading: plain(field('heading')),
      organisation,
      street: plain(field('street')),
      building: plain(field('building')),
      postalCode: plain(field('postal_code')),
      locality: plain(field('locality')),
      country: plain(field('country')),
      phone: phoneNumber(field('phone')),
      email: emailAddress(field('email')),
      mapUrl: safeUrl(field('map_url'), base),
    };
  };
}

function readOffice(base: string) {
  return (value: unknown): Office | undefined => {
    const field = fields(value);
    const units = list(field('units'), readContactUnit(base));
    const name = plain(field('name')) ?? units[0]?.organisation;
    return name && units.length > 0 ? { name, url: safeUrl(field('url'), base), units } : undefined;
  };
}

function readAlternate(base: string) {
  return (value: unknown): AlternateFeed | undefined => {
    const field = fields(value);
    const language = languageTag(field('language'));
    const url = safeUrl(field('url'), base);
    return language && url ? { language, url, title: plain(field('title')) } : undefined;
  };
}

function readArchivePage(base: string) {
  return (value: unknown): ArchivePage | undefined => {
    const field = fields(value);
    const year = positiveInteger(field('year'));
    const url = safeUrl(field('url'), base);
    return year && url ? { year, url } : undefined;
  };
}

function readFeedExtension(value: unknown, base: string): FeedExtension {
  const field = fields(value);
  return {
    trail: list(field('trail'), readTrailLink(base)),
    offices: list(field('offices'), readOffice(base)),
    alternates: list(field('alternates'), readAlternate(base)),
    archives: list(field('archives'), readArchivePage(base)),
    searchUrl: safeUrl(field('search_url'), base),
    searchIndexUrl: safeUrl(field('search_index_url'), base),
  };
}

function readItemExtension(value: unknown, base: string): ItemExtension {
  const field = fields(value);
  const year = positiveInteger(field('archive_year'));
  return {
    archiveYear: year !== undefined && year >= 1000 && year <= 9999 ? year : undefined,
    byline: plain(field('byline')),
    originalSource: plain(field('original_source')),
    photos: list(field('photos'), readPhoto(base)),
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
  const field = fields(value);
  // JSON Feed: `id` is required and is a string; numbers are coerced, as the spec asks readers to.
  const rawId = field('id');
  const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : text(rawId);
  if (!id) return undefined;
  const contentHtml = field('content_html');
  const contentText = field('content_text');
  const tags = list(field('tags'), (tag) => plain(tag));
  const published = date(field('date_published'));
  const modified = date(field('date_modified'));
  const authors = readAuthors(value, base);
  return {
    id,
    url: safeUrl(field('url'), base),
    externalUrl: safeUrl(field('external_url'), base),
    title: plain(field('title')),
    contentHtml: typeof contentHtml === 'string' && contentHtml.trim() ? contentHtml : undefined,
    // The body keeps its own line breaks (paragraphs); only its character references are decoded.
    contentText: typeof contentText === 'string' && contentText.trim() ? decodeCharacterReferences(contentText) : undefined,
    summary: prose(field('summary')),
    image: safeUrl(field('image'), base),
    bannerImage: safeUrl(field('banner_image'), base),
    datePublished: published?.date,
    datePublishedKind: published?.kind,
    dateModified: modified?.date,
    dateModifiedKind: modified?.kind,
    authors: authors.length > 0 ? authors : defaults.authors,
    tags: [...new Set(tags)],
    language: languageTag(field('language')) ?? defaults.language,
    attachments: list(field('attachments'), readAttachment(base)),
    mlo: readItemExtension(field('_mlo'), base),
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

function readVersion(value: unknown, url: string | undefined): FeedVersion {
  const version = typeof value === 'string' ? versionNumber(value) : undefined;
  if (version === undefined) {
    throw new FeedError('not-a-feed', 'The document has no JSON Feed "version" (expected "https://jsonfeed.org/version/1.1").', { url });
  }
  if (version === '1' || version === '1.0') return '1';
  if (version === '1.1') return '1.1';
  throw new FeedError('unsupported-version', `The feed declares JSON Feed version ${version}; this library reads 1 and 1.1.`, { url });
}

export interface ParseOptions {
  /** The address the document came from; relative URLs resolve against it. Defaults to the page. */
  url?: string;
}

/** The options a caller passed, read through own properties (an options bag inherits from Object.prototype too). */
function optionUrl(options: object): string | undefined {
  const url = Object.hasOwn(options, 'url') ? (options as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url : undefined;
}

/**
 * Validates and normalises a parsed JSON value as a JSON Feed. Of `items`, the first
 * `MAX_ITEMS_PER_PAGE` entries are read; the rest are counted in `droppedItems`.
 * Throws `FeedError` ('not-a-feed' | 'unsupported-version') when it is not one.
 */
export function parseFeed(document: unknown, options: ParseOptions = {}): Feed {
  const steps = readFeed(document, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `parseFeed`, giving the main thread back every `sliceMs` (`yieldToMain`): a page of a hundred items
 * read in one go is a task of 50–150 ms on a phone four times slower than a desktop. (Slices of 8 ms made a
 * page take up to twice as long to read there, and the search's first answer 10–20 ms later.)
 */
export async function parseFeedInSlices(document: unknown, options: ParseOptions = {}, sliceMs = SLICE_MS): Promise<Feed> {
  const steps = readFeed(document, options);
  let sliceEnd = performance.now() + sliceMs;
  let step = steps.next();
  while (!step.done) {
    if (performance.now() >= sliceEnd) {
      await yieldToMain();
      sliceEnd = performance.now() + sliceMs;
    }
    step = steps.next();
  }
  return step.value;
}

/** The feed, read one item per step (each `yield` comes after an item): `parseFeed` runs it through, `parseFeedInSlices` in slices. */
function* readFeed(document: unknown, options: ParseOptions): Generator<void, Feed, void> {
  const url = optionUrl(options);
  if (!isObject(document)) {
    throw new FeedError('not-a-feed', 'The document is not a JSON object, so it is not a JSON Feed.', { url });
  }
  const field = fields(document);
  const version = readVersion(field('version'), url);
  const entries = field('items');
  if (!Array.isArray(entries)) {
    throw new FeedError('not-a-feed', 'The feed has no "items" list.', { url });
  }
  const base = safeUrl(url) ?? safeUrl(field('feed_url')) ?? defaultBase();
  const authors = readAuthors(document, base);
  const language = languageTag(field('language'));
  const items: FeedItem[] = [];
  const seenIds = new Set<string>();
  const read = Math.min(entries.length, MAX_ITEMS_PER_PAGE);
  // Entries past the limit are not read at all: counted as dropped.
  let droppedItems = entries.length - read;
  for (let index = 0; index < read; index += 1) {
    const item = readItem(Object.hasOwn(entries, index) ? (entries[index] as unknown) : undefined, base, { authors, language });
    yield;
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
    title: plain(field('title')) ?? '',
    homePageUrl: safeUrl(field('home_page_url'), base),
    feedUrl: safeUrl(url) ?? safeUrl(field('feed_url'), base),
    description: prose(field('description')),
    userComment: prose(field('user_comment')),
    nextUrl: safeUrl(field('next_url'), base),
    icon: safeUrl(field('icon'), base),
    favicon: safeUrl(field('favicon'), base),
    language,
    expired: field('expired') === true,
    authors,
    items,
    droppedItems,
    mlo: readFeedExtension(field('_mlo'), base),
  };
}

/**
 * Parses the text of a response. Tells an HTML page (a login or error page served instead of the
 * feed) and broken JSON apart from a wrong shape, because the fix for each differs. A text longer than
 * `MAX_FEED_PAGE_SIZE` is refused as `too-large` before JSON.parse sees it.
 */
export function parseFeedText(body: string, options: ParseOptions & { contentType?: string } = {}): Feed {
  return parseFeed(feedDocument(body, options), { url: optionUrl(options) });
}

/** `parseFeedText`, giving the main thread back after JSON.parse and between slices of items (`parseFeedInSlices`). */
export async function parseFeedTextInSlices(body: string, options: ParseOptions & { contentType?: string } = {}): Promise<Feed> {
  const document = feedDocument(body, options);
  await yieldToMain();
  return parseFeedInSlices(document, { url: optionUrl(options) });
}

/** The JSON value of a response's text, or the `FeedError` that says why it is not a feed's. */
function feedDocument(body: string, options: ParseOptions & { contentType?: string }): unknown {
  const url = optionUrl(options);
  if (body.length > MAX_FEED_PAGE_SIZE) {
    throw new FeedError('too-large', `The feed page is ${body.length} characters long; this library reads at most ${MAX_FEED_PAGE_SIZE} (${MAX_FEED_PAGE_SIZE / 1048576} MiB) per page.`, { url });
  }
  const contentType = Object.hasOwn(options, 'contentType') && typeof options.contentType === 'string' ? options.contentType : '';
  const start = body.trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || (contentType.includes('text/html') && start.startsWith('<'))) {
    throw new FeedError('html', 'The address returned an HTML page, not a JSON Feed (a login page, an error page, or the wrong URL).', { url });
  }
  try {
    return JSON.parse(body);
  } catch (cause) {
    if (start.startsWith('<')) {
      throw new FeedError('html', 'The address returned markup (HTML or XML), not a JSON Feed. RSS and Atom feeds are not read.', { url, cause });
    }
    throw new FeedError('invalid-json', 'The feed is not valid JSON (it may be truncated).', { url, cause });
  }
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
    // An Invalid Date in hand-made data sorts as undated rather than breaking the comparison.
    .map((item, index) => ({ item, index, time: ((time) => (Number.isNaN(time) ? undefined : time))(itemDate(item)?.getTime()) }))
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
