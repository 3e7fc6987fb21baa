/**
 * The prebuilt search index's file format (docs/search-index.md), shared by its writer and reader:
 * the JSON shapes of each file, and the two compact encodings inside them (front-coded terms,
 * base-64 variable-length numbers). Plain TypeScript, no DOM and no Node APIs.
 */

/** The value of `format` in every manifest this library writes and reads. */
export const INDEX_FORMAT = 'mlo-search-index';
/** The format's version: a reader refuses a manifest of another version. */
export const INDEX_VERSION = 1;

/**
 * The manifest (`search-index.json`): short-cached, naming every other file by its content hash, and
 * holding the vocabulary (which changes with every build anyway: a new item changes the frequencies
 * of its words), so that opening the index is one request. Every other file is
 * `shardPath(dir, kind, hash)`, relative to the manifest, and never changes (cache it forever).
 */
export interface IndexManifest {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  /** How many items the index has (item numbers 0 … items - 1, oldest first). */
  items: number;
  /** How many distinct terms. */
  terms: number;
  /** The folder of every other file, relative to the manifest ('' for the manifest's own). */
  dir: string;
  /** Every term, its frequency, and the posting shards. */
  vocabulary: IndexVocabulary;
  /** Result records (kind `d`): `size` items per file, file k holding items k·size … k·size + size - 1. */
  documents: { size: number; files: string[] };
  /** The archive year of every item, as runs over item numbers: [year, count], … (year 0: none). */
  yearRuns: Array<[number, number]>;
  /** The years present, newest first, with their item counts (the year filter's choices). */
  years: Array<{ year: number; count: number }>;
  /** The tags present, most used first, with their item counts and the hash of the file listing their items (kind `t`). */
  tags: Array<{ tag: string; count: number; file: string }>;
}

/** The vocabulary: every folded term, sorted, front-coded; its document frequencies; its posting shards. */
export interface IndexVocabulary {
  /** Terms, one a line: a base-36 digit (letters shared with the previous term, at most 35), then the rest. */
  terms: string;
  /** Each term's document frequency as its power of two (`frequencyClass` in ranking.ts: 1 + ⌈log2 n⌉), as base-64 numbers (`encodeNumbers`). */
  frequencyClasses: string;
  /** Posting shards (kind `p`) by term range: shard k holds the terms from `starts[k]` up to `starts[k + 1]`. */
  shards: { starts: number[]; files: string[] };
}

/** A posting shard: per term of its range, in order, the term's postings as base-64 numbers (item deltas and weights). */
export interface IndexPostingShard {
  postings: string[];
}

/** One result as shown: what a search hit renders without the item's body. */
export interface IndexDocument {
  /** id */
  i: string;
  /** title */
  t?: string;
  /** summary, or the start of the body (at most EXCERPT_SOURCE_LENGTH characters) */
  s?: string;
  /** url */
  u?: string;
  /** external_url */
  x?: string;
  /** the date as ISO 8601 (published, else modified) and how the feed wrote it */
  d?: string;
  k?: 'instant' | 'local' | 'date';
  /** archive year */
  y?: number;
  /** tags */
  g?: string[];
  /** language */
  l?: string;
}

export interface IndexDocumentShard {
  documents: IndexDocument[];
}

/** A tag's file: the numbers of its items, ascending, as base-64 deltas. */
export interface IndexTagFile {
  items: string;
}

/** How much of a summary (or of the body, without one) a result record keeps: excerpts show 160 around the match. */
export const EXCERPT_SOURCE_LENGTH = 240;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i += 1) DIGIT_VALUES[DIGITS.charCodeAt(i)] = i;

/**
 * Non-negative integers as base-64 characters, 5 bits per character, low bits first; the sixth bit
 * says another character follows. 0–31 take one character, up to 1,023 two, up to 32,767 three.
 */
export function encodeNumbers(values: Iterable<number>): string {
  let out = '';
  for (let value of values) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
    while (value >= 32) {
      out += DIGITS.charAt(32 | (value & 31));
      value = Math.floor(value / 32);
    }
    out += DIGITS.charAt(value);
  }
  return out;
}

/** Reads what `encodeNumbers` wrote; throws on a character it never writes. */
export function decodeNumbers(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT_VALUES[code]! : -1;
    if (digit < 0) throw new SyntaxError(`unexpected character in the search index at ${i}`);
    value += (digit & 31) * scale;
    if (digit & 32) {
      scale *= 32;
    } else {
      values.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new SyntaxError('the search index ends inside a number');
  return values;
}

/** Sorted terms, front-coded: each line shares a prefix (at most 35 letters) with the line before. */
export function frontCode(terms: readonly string[]): string {
  const lines: string[] = [];
  let previous = '';
  for (const term of terms) {
    let shared = 0;
    const max = Math.min(35, previous.length, term.length);
    while (shared < max && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared += 1;
    lines.push(shared.toString(36) + term.slice(shared));
    previous = term;
  }
  return lines.join('\n');
}

/** The terms of `frontCode`. One pass over the text, without splitting it into lines first (it is read on the first query's path). */
export function frontDecode(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let previous = '';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const code = text.charCodeAt(start);
    // The base-36 digit of `frontCode`: 0-9, then a-z.
    const shared = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1;
    if (shared < 0 || shared > previous.length) throw new SyntaxError('the search index vocabulary is not front-coded');
    const rest = text.slice(start + 1, end);
    previous = shared === 0 ? rest : previous.slice(0, shared) + rest;
    terms.push(previous);
    start = end + 1;
  }
  return terms;
}

/**
 * A content hash for file names (cyrb53, 41 of its 53 bits as 8 base-36 characters). Not
 * cryptographic: it names files so that a changed file gets a new name and an unchanged one keeps
 * its cache; the writer refuses two different files of one name.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return (value % 36 ** 8).toString(36).padStart(8, '0');
}

/** A file's path from its directory, its kind's letter and its hash: `search/p-0a1b2c3d.json`. */
export function shardPath(dir: string, kind: string, hash: string): string {
  return `${dir ? `${dir}/` : ''}${kind}-${hash}.json`;
}
