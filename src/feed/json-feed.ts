/**
 * The JSON Feed document an element accepts as data (the `feed` property), before parsing: JSON Feed
 * 1.1 (and 1.0) field names as written in the JSON, plus the `_mlo` extension of
 * docs/feed-format.md (docs/feed.schema.json is the same shape as a JSON Schema). `parseFeed()`
 * turns one into the normalised `Feed` of ./types.ts, dropping what is invalid; these types say what a
 * valid document holds, so that a feed written in code is checked by the compiler.
 *
 * Types only: nothing here exists at run time.
 */

/** A JSON Feed author (1.1 `authors[]`, or 1.0's single `author`). */
export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/** A JSON Feed attachment. */
export interface JsonFeedAttachment {
  url: string;
  mime_type: string;
  title?: string;
  size_in_bytes?: number;
  duration_in_seconds?: number;
}

/** A photo of an article (`_mlo.photos[]`). */
export interface JsonFeedPhoto {
  url: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

/** Item-level `_mlo` data. */
export interface JsonFeedItemExtension {
  about?: string;
  archive_year?: number;
  byline?: string;
  original_source?: string;
  photos?: JsonFeedPhoto[];
}

/** One item of a JSON Feed. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  /** RFC 3339, e.g. `2023-11-22T12:00:00+01:00` (a calendar day, `2026-06-08`, is read too). */
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  /** JSON Feed 1.0's single author. */
  author?: JsonFeedAuthor;
  tags?: string[];
  language?: string;
  attachments?: JsonFeedAttachment[];
  _mlo?: JsonFeedItemExtension;
  /** JSON Feed extensions begin with an underscore. */
  [extension: `_${string}`]: unknown;
}

/** One unit of an office (`_mlo.offices[].units[]`). */
export interface JsonFeedContactUnit {
  heading?: string;
  organisation: string;
  street?: string;
  building?: string;
  postal_code?: string;
  locality?: string;
  country?: string;
  phone?: string;
  email?: string;
  map_url?: string;
}

/** Feed-level `_mlo` data. */
export interface JsonFeedExtension {
  about?: string;
  trail?: { name: string; url?: string }[];
  offices?: { name?: string; url?: string; units: JsonFeedContactUnit[] }[];
  alternates?: { language: string; url: string; title?: string }[];
  archives?: { year: number; url: string }[];
  search_url?: string;
  search_index_url?: string;
}

/** A JSON Feed document, e.g. the parsed JSON of a `feed.json`. */
export interface JsonFeed {
  /** `https://jsonfeed.org/version/1.1` (or `…/version/1`). */
  version: string;
  /** Required by JSON Feed; a feed without one is read with an empty title. */
  title?: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  user_comment?: string;
  next_url?: string;
  icon?: string;
  favicon?: string;
  authors?: JsonFeedAuthor[];
  /** JSON Feed 1.0's single author. */
  author?: JsonFeedAuthor;
  language?: string;
  expired?: boolean;
  hubs?: { type: string; url: string }[];
  items: JsonFeedItem[];
  _mlo?: JsonFeedExtension;
  /** JSON Feed extensions begin with an underscore. */
  [extension: `_${string}`]: unknown;
}
