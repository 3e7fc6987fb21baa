/**
 * Writes the prebuilt search index (docs/search-index.md) for a feed's items: a manifest holding the
 * front-coded vocabulary, posting shards by term range, small shards of what a result shows, and a
 * file per tag. The publishing command (`mlo-feed build`) calls it and names the manifest in the
 * feed's `_mlo.search_index_url`; `mlo-archive-search` then loads only what each query needs.
 *
 * Folding, tokenising and field weights are the in-memory engine's: the writer indexes the items
 * with `SearchIndex` itself and stores what it built, so both engines rank alike. Plain TypeScript
 * with no Node APIs and no Lit: the caller writes the files.
 */
import { itemDate, itemDateKind } from '../../feed/parse.js';
import { itemBodyText, truncateText } from '../../feed/text.js';
import type { FeedItem } from '../../feed/types.js';
import { SearchIndex } from '../search-index.js';
import { frequencyClass, WEIGHT_MAX } from '../ranking.js';
import {
  contentHash,
  encodeNumbers,
  EXCERPT_SOURCE_LENGTH,
  frontCode,
  INDEX_FORMAT,
  INDEX_VERSION,
  shardPath,
  type IndexDocument,
  type IndexDocumentShard,
  type IndexManifest,
  type IndexPostingShard,
  type IndexTagFile,
  type IndexVocabulary,
} from './format.js';

export interface WriteSearchIndexOptions {
  /** The manifest's path (the other paths are relative to its folder). Default `search-index.json`. */
  manifest?: string;
  /** The folder of the other files, relative to the manifest. Default `search`. */
  dir?: string;
  /** Postings per posting shard (a term with more gets a shard of its own). Default 1,500. */
  postingsPerShard?: number;
  /**
   * Terms per posting shard. Default 48: a typo's candidates are rare words scattered over the
   * vocabulary, each costing its whole shard, so shards of rare words stay small.
   */
  termsPerShard?: number;
  /** Result records per document shard. Default 4. */
  documentsPerShard?: number;
}

/** One file to write: its path relative to the manifest's folder, and its text (UTF-8 JSON). */
export interface SearchIndexFile {
  path: string;
  contents: string;
}

/**
 * The index files for `items` (normalised feed items, e.g. every page of a feed; a repeated id
 * keeps its first occurrence, as the in-memory engine does). The manifest comes first; the others
 * are named by their content, so an unchanged file keeps its name from one build to the next.
 */
export function writeSearchIndex(items: readonly FeedItem[], options: WriteSearchIndexOptions = {}): SearchIndexFile[] {
  const manifestPath = options.manifest ?? 'search-index.json';
  const dir = options.dir ?? 'search';
  const postingsPerShard = Math.max(1, Math.floor(options.postingsPerShard ?? 1500));
  const termsPerShard = Math.max(1, Math.floor(options.termsPerShard ?? 48));
  const documentsPerShard = Math.max(1, Math.floor(options.documentsPerShard ?? 4));
  const files: SearchIndexFile[] = [];
  const add = (kind: string, value: unknown): string => {
    const contents = JSON.stringify(value);
    const hash = contentHash(contents);
    const path = shardPath(dir, kind, hash);
    const same = files.find((file) => file.path === path);
    if (same && same.contents !== contents) throw new Error(`search index: two different files hash to ${path}`);
    if (!same) files.push({ path, contents });
    return hash;
  };

  const index = new SearchIndex();
  index.add(oldestFirst(items));
  const snapshot = index.snapshot();
  const count = snapshot.items.length;

  // Posting shards by term range, in vocabulary order.
  const terms = snapshot.terms;
  const starts: number[] = [];
  const shardFiles: string[] = [];
  let shard: string[] = [];
  let shardPostings = 0;
  const flush = () => {
    if (shard.length === 0) return;
    shardFiles.push(add('p', { postings: shard } satisfies IndexPostingShard));
    shard = [];
    shardPostings = 0;
  };
  const frequencies: number[] = [];
  terms.forEach((term, termIndex) => {
    const postings = snapshot.postings(term);
    frequencies.push(frequencyClass(postings.length));
    if (shard.length > 0 && (shardPostings + postings.length > postingsPerShard || shard.length >= termsPerShard)) flush();
    if (shard.length === 0) starts.push(termIndex);
    shard.push(encodePostings(postings));
    shardPostings += postings.length;
  });
  flush();
  const vocabulary: IndexVocabulary = { terms: frontCode(terms), frequencyClasses: encodeNumbers(frequencies), shards: { starts, files: shardFiles } };

  // What results show, a few items per file.
  const documentFiles: string[] = [];
  for (let start = 0; start < count; start += documentsPerShard) {
    const documents = snapshot.items.slice(start, start + documentsPerShard).map((item, offset) => documentOf(item, snapshot.years[start + offset]!));
    documentFiles.push(add('d', { documents } satisfies IndexDocumentShard));
  }

  // The filters: years as runs in the manifest, each tag's items in a file of its own.
  const yearRuns: Array<[number, number]> = [];
  for (const year of snapshot.years) {
    const last = yearRuns[yearRuns.length - 1];
    if (last && last[0] === year) last[1] += 1;
    else yearRuns.push([year, 1]);
  }
  const itemsByTag = snapshot.tagNames.map((): number[] => []);
  snapshot.itemTags.forEach((tagIds, item) => {
    for (const tagId of new Set(tagIds)) itemsByTag[tagId]!.push(item);
  });
  const tags = index.tags().map(({ tag, count: tagCount }) => {
    const tagItems = itemsByTag[snapshot.tagNames.indexOf(tag)]!;
    return { tag, count: tagCount, file: add('t', { items: encodeNumbers(deltas(tagItems)) } satisfies IndexTagFile) };
  });

  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    items: count,
    terms: terms.length,
    dir,
    vocabulary,
    documents: { size: documentsPerShard, files: documentFiles },
    yearRuns,
    years: index.years(),
    tags,
  };
  return [{ path: manifestPath, contents: JSON.stringify(manifest) }, ...files];
}

/**
 * The items numbered as the index numbers them: first occurrences of each id only, oldest first
 * (so that a new item is appended and older numbers, and their files, stay as they were). Among
 * equally old items, the later in the feed comes first: a higher number is newer, exactly as the
 * in-memory engine breaks ties (newer first, then feed order).
 */
function oldestFirst(items: readonly FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  const unique: Array<{ item: FeedItem; index: number; time: number }> = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const time = itemDate(item)?.getTime() ?? Number.NEGATIVE_INFINITY;
    unique.push({ item, index: unique.length, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time });
  }
  unique.sort((a, b) => (a.time === b.time ? b.index - a.index : a.time < b.time ? -1 : 1));
  return unique.map(({ item }) => item);
}

/** Postings (item number × 2^8 + weight, ascending) as pairs of (item delta, weight). */
function encodePostings(postings: readonly number[]): string {
  const values: number[] = [];
  let previous = 0;
  for (const posting of postings) {
    const item = Math.floor(posting / (WEIGHT_MAX + 1));
    values.push(item - previous, posting & WEIGHT_MAX);
    previous = item;
  }
  return encodeNumbers(values);
}

function deltas(sorted: readonly number[]): number[] {
  return sorted.map((value, i) => value - (i === 0 ? 0 : sorted[i - 1]!));
}

/** What a result shows: never the body, only a summary (or the body's start) long enough for an excerpt. */
function documentOf(item: FeedItem, year: number): IndexDocument {
  const document: IndexDocument = { i: item.id };
  if (item.title !== undefined) document.t = item.title;
  const text = item.summary ? truncateText(item.summary, EXCERPT_SOURCE_LENGTH) : truncateText(itemBodyText(item), EXCERPT_SOURCE_LENGTH);
  if (text) document.s = text;
  if (item.url !== undefined) document.u = item.url;
  if (item.externalUrl !== undefined) document.x = item.externalUrl;
  const date = itemDate(item);
  if (date && !Number.isNaN(date.getTime())) {
    document.d = date.toISOString();
    document.k = itemDateKind(item);
  }
  if (year) document.y = year;
  if (item.tags.length > 0) document.g = item.tags;
  if (item.language !== undefined) document.l = item.language;
  return document;
}
