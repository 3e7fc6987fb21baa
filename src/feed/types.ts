/**
 * The normalised model every element renders from.
 *
 * `parseFeed()` turns any JSON Feed 1.0 / 1.1 document (plus our `_mlo` extension, see
 * docs/feed-format.md) into these shapes: camelCase, dates as `Date`, every URL already checked to
 * be http(s) or relative and resolved against the feed's address, every list present (maybe empty).
 * Raw JSON Feed field names (snake_case) never leave `src/feed/parse.ts`.
 */

/** The JSON Feed version a document declared. */
export type FeedVersion = '1' | '1.1';

/** A JSON Feed author (1.1 `authors[]`, or 1.0's single `author`). */
export interface Author {
  name?: string;
  url?: string;
  avatar?: string;
}

/** A JSON Feed attachment (podcast episode, PDF, …). */
export interface Attachment {
  url: string;
  mimeType: string;
  title?: string;
  sizeInBytes?: number;
  durationInSeconds?: number;
}

/** One step of the site's section trail ("MLO Belgrade / Newsroom / News Archive"). */
export interface TrailLink {
  name: string;
  url?: string;
}

/** A photo of an article, with the caption and credit the source page shows under it. */
export interface Photo {
  url: string;
  alt: string;
  caption?: string;
  /** Who took or supplied the photo, e.g. "NATO Website"; shown as "(Source: …)". */
  credit?: string;
  width?: number;
  height?: number;
}

/** One unit of an office ("Media Operations"): its postal address and how to reach it. */
export interface ContactUnit {
  /** The group heading, e.g. "Media Operations". Absent for the office's main address. */
  heading?: string;
  /** The addressee, e.g. "NATO Military Liaison Office" or "Public Affairs Office". */
  organisation: string;
  street?: string;
  building?: string;
  postalCode?: string;
  locality?: string;
  country?: string;
  phone?: string;
  email?: string;
  /** A map page for the address; when absent elements may build an OpenStreetMap search. */
  mapUrl?: string;
}

/** An office and its units, as the contact block of the source page shows them. */
export interface Office {
  /** The office's name as a whole, e.g. "NATO Military Liaison Office Belgrade". */
  name: string;
  url?: string;
  units: ContactUnit[];
}

/** The same feed in another language. */
export interface AlternateFeed {
  /** BCP 47 tag with an explicit script for Serbian: `en`, `sr-Latn`, `sr-Cyrl`. */
  language: string;
  url: string;
  title?: string;
}

/** Where the site's archive page for one year lives. */
export interface ArchivePage {
  year: number;
  url: string;
}

/** Feed-level `_mlo` data. Always present after parsing; empty lists when the feed has none. */
export interface FeedExtension {
  /** The site's section trail above an article (without the year and the title). */
  trail: TrailLink[];
  offices: Office[];
  alternates: AlternateFeed[];
  archives: ArchivePage[];
  /** The site's own search page, for the no-JavaScript fallback of mlo-archive-search. */
  searchUrl?: string;
  /** A prebuilt search index for mlo-archive-search, when the publisher provides one. */
  searchIndexUrl?: string;
}

/** Item-level `_mlo` data. Always present after parsing. */
export interface ItemExtension {
  /** The editorial archive year. Never derived from the URL (the real site disagrees with itself). */
  archiveYear?: number;
  /** "MLO Belgrade" in "Story by MLO Belgrade". */
  byline?: string;
  /** Where the story was first published ("NATO HQ website"); its address is the item's `externalUrl`. */
  originalSource?: string;
  photos: Photo[];
}

/**
 * How a feed wrote a date, which decides how it is shown:
 * - `instant`: RFC 3339 with an offset (`2023-11-22T12:00:00+01:00`): a moment, shown in the reader's time zone;
 * - `local`: a date-time without an offset (`2018-01-06T08:00`): wall-clock time where the feed is,
 *   shown as written; the `Date` holds that wall-clock time as if it were UTC;
 * - `date`: a calendar day (`2026-06-08`), shown as that day everywhere; the `Date` is midnight UTC of it.
 */
export type DateKind = 'instant' | 'local' | 'date';

export interface FeedItem {
  id: string;
  url?: string;
  externalUrl?: string;
  title?: string;
  contentHtml?: string;
  contentText?: string;
  summary?: string;
  image?: string;
  bannerImage?: string;
  datePublished?: Date;
  /** How `datePublished` was written; set whenever it is (absent in hand-made data means `instant`). */
  datePublishedKind?: DateKind;
  dateModified?: Date;
  /** How `dateModified` was written. */
  dateModifiedKind?: DateKind;
  authors: Author[];
  tags: string[];
  language?: string;
  attachments: Attachment[];
  mlo: ItemExtension;
}

export interface Feed {
  version: FeedVersion;
  title: string;
  homePageUrl?: string;
  /** The address the feed was read from (or its own `feed_url`); relative URLs resolve against it. */
  feedUrl?: string;
  description?: string;
  userComment?: string;
  nextUrl?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  expired: boolean;
  authors: Author[];
  items: FeedItem[];
  /** How many items were invalid (no id, wrong types) and left out. */
  droppedItems: number;
  mlo: FeedExtension;
}

/** What a loader hands an element: the feed and how fresh it is. */
export interface FeedResult {
  feed: Feed;
  /** When this copy was fetched (epoch ms). */
  fetchedAt: number;
  /** The size of the feed's text in UTF-16 code units (its bytes, for ASCII JSON); crawl bounds count it. */
  size: number;
  /** True when the network failed and this is the last good copy; `error` says why. */
  stale: boolean;
  error?: import('./errors.js').FeedError;
}

/** The JSON Feed document an element's `feed` property accepts as data, before parsing (./json-feed.ts). */
export type * from './json-feed.js';
