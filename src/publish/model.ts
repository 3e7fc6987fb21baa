/**
 * What every content source turns its input into: one entry per story and language, already in the
 * feed's own terms (a JSON Feed item, snake_case, as written to the output), with where it came from so
 * that warnings and errors can name the file, the field and the line.
 */

import type { JsonFeedItem, JsonFeedItemExtension, JsonFeedPhoto } from '../feed/json-feed.js';

/** A photo as the build writes it: the feed format's own type (src/feed/json-feed.ts). */
export type JsonPhoto = JsonFeedPhoto;

/** Item-level `_mlo` as the build writes it: always with `about`. */
export type JsonItemExtension = JsonFeedItemExtension & { about: string };

/** A JSON Feed 1.1 item as the build writes it (keys in the order of src/publish's writer): never 1.0's `author`. */
export type JsonItem = Omit<NamedFields<JsonFeedItem>, 'author' | '_mlo'> & { _mlo?: JsonItemExtension };

/** A feed type without its open `_…` extension signature: the build writes only named fields. */
type NamedFields<T> = { [Key in keyof T as Key extends `_${string}` ? (Key extends '_mlo' ? Key : never) : Key]: T[Key] };

/** Where a field of an entry stands in its input: a name in the input's own terms and its line. */
export interface FieldPlace {
  field: string;
  line?: number;
}

export interface Entry {
  /** The item; its `id` is empty until the build assigns the story's id (`explicitId`, else a URL). */
  item: JsonItem;
  /** The language tag as the input wrote it (the build checks it). */
  language: string;
  /** Ties the language versions of one story together. */
  key: string;
  /** An id the input gave (front matter `id`, RSS guid, Atom id, JSON Feed id). */
  explicitId?: string;
  /** The input file or URL, as shown in messages. */
  file: string;
  /** The line where the entry starts (a Markdown file's line 1, an RSS item's start tag). */
  line?: number;
  /**
   * Where one field is in the input. `field` is the feed's name ("title", "date_published",
   * "_mlo.photos[0].alt", "language", "tags[1]", "body"); the source maps it to its own name and line.
   */
  place(field: string): FieldPlace;
}

/** The year a story is filed under: the editorial archive year, else the year of its date as written. */
export function entryYear(item: JsonItem): number | undefined {
  if (item._mlo?.archive_year !== undefined) return item._mlo.archive_year;
  const date = item.date_published ?? item.date_modified;
  const match = date === undefined ? null : /^(\d{4})-/.exec(date.trim());
  return match ? Number(match[1]) : undefined;
}
