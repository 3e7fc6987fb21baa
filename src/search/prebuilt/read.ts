/**
 * Reads a prebuilt search index (docs/search-index.md, written by `write.ts`) and answers queries
 * the way the in-memory `SearchIndex` does: the same folding, expansion and ranking (`ranking.ts`),
 * over postings fetched shard by shard as queries need them, and results from small record shards,
 * so that no item body is ever downloaded.
 *
 * Loading follows the feed layer's conventions: one request per file (shared by concurrent queries,
 * kept for the page's life), a timeout, an abort signal for the whole index, every failure a
 * `FeedError`, and size limits: each file at most `MAX_FEED_PAGE_SIZE`, the whole index at most
 * `MAX_CRAWL_SIZE` (src/feed/limits.ts), as for a feed's pages. Plain TypeScript, no DOM.
 */
import { FeedError, toFeedError } from '../../feed/errors.js';
import { MAX_CRAWL_SIZE, MAX_TITLE_LENGTH } from '../../feed/limits.js';
import { truncateText } from '../../feed/text.js';
import type { FeedItem } from '../../feed/types.js';
import { safeUrl } from '../../feed/urls.js';
import { expandTerm, limitOf, parseQuery, QueryMatcher, Ranker, selectBest, WEIGHT_MAX, type Expansion, type RankSource } from '../ranking.js';
import type { SearchOptions, SearchResults } from '../search-index.js';
import { SortedVocabulary } from '../vocabulary.js';
import { fetchIndexFile, requestManifest, type ManifestRequest, type PrebuiltOpenOptions } from './fetch.js';
import {
  decodeNumbers,
  EXCERPT_SOURCE_LENGTH,
  frontDecode,
  INDEX_FORMAT,
  INDEX_VERSION,
  shardPath,
  type IndexDocument,
  type IndexManifest,
  type IndexVocabulary,
} from './format.js';

export type { ManifestRequest, PrebuiltOpenOptions } from './fetch.js';

/** File names are hashes; folders are plain relative paths. Anything else in a manifest is refused. */
const HASH = /^[0-9a-z]{1,16}$/;
const DIR = /^(?:[\w-]+(?:\/[\w-]+)*)?$/;
/** Expansions remembered between keystrokes, as in SearchIndex. */
const EXPANSIONS_KEPT = 256;

type Json = Record<string, unknown>;

function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Json)[key] : undefined;
}

function invalid(url: string, what: string): FeedError {
  return new FeedError('not-a-feed', `Not a search index this library reads: ${what}.`, { url });
}

function stringList(value: unknown, url: string, what: string, pattern?: RegExp): string[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && (!pattern || pattern.test(entry)))) throw invalid(url, what);
  return value as string[];
}

function count(value: unknown, url: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid(url, what);
  return value;
}

/** The manifest's shape, checked through own properties only. */
function readManifest(data: unknown, url: string): IndexManifest {
  if (own(data, 'format') !== INDEX_FORMAT) throw invalid(url, 'no "format": "mlo-search-index"');
  if (own(data, 'version') !== INDEX_VERSION) throw invalid(url, `version ${String(own(data, 'version'))}`);
  const items = count(own(data, 'items'), url, 'items');
  const terms = count(own(data, 'terms'), url, 'terms');
  const dir = own(data, 'dir');
  if (typeof dir !== 'string' || !DIR.test(dir)) throw invalid(url, 'dir');
  const vocabulary = own(data, 'vocabulary');
  if (typeof vocabulary !== 'object' || vocabulary === null) throw invalid(url, 'vocabulary');
  const documents = own(data, 'documents');
  const size = count(own(documents, 'size'), url, 'documents.size');
  const files = stringList(own(documents, 'files'), url, 'documents.files', HASH);
  if (size === 0 || files.length !== Math.ceil(items / size)) throw invalid(url, 'documents');
  const runs = own(data, 'yearRuns');
  if (!Array.isArray(runs)) throw invalid(url, 'yearRuns');
  const yearRuns = runs.map((run): [number, number] => {
    if (!Array.isArray(run) || run.length !== 2) throw invalid(url, 'yearRuns');
    return [count(run[0], url, 'yearRuns'), count(run[1], url, 'yearRuns')];
  });
  if (yearRuns.reduce((sum, [, length]) => sum + length, 0) !== items) throw invalid(url, 'yearRuns');
  const yearList = own(data, 'years');
  if (!Array.isArray(yearList)) throw invalid(url, 'years');
  const years = yearList.map((entry) => ({ year: count(own(entry, 'year'), url, 'years'), count: count(own(entry, 'count'), url, 'years') }));
  const tagList = own(data, 'tags');
  if (!Array.isArray(tagList)) throw invalid(url, 'tags');
  const tags = tagList.map((entry) => {
    const tag = own(entry, 'tag');
    const file = own(entry, 'file');
    if (typeof tag !== 'string' || typeof file !== 'string' || !HASH.test(file)) throw invalid(url, 'tags');
    return { tag: truncateText(tag, MAX_TITLE_LENGTH), count: count(own(entry, 'count'), url, 'tags'), file };
  });
  return { format: INDEX_FORMAT, version: INDEX_VERSION, items, terms, dir, vocabulary: vocabulary as IndexVocabulary, documents: { size, files }, yearRuns, years, tags };
}

/** `search()`'s options: the in-memory engine's, and a way to show the best hits before the rest. */
export interface PrebuiltSearchOptions extends SearchOptions {
  /**
   * Called while the hits' records are still loading, each time more of the best hits, in order,
   * can be shown: `results` has those hits (its `total` and `matcher` are final), `pending` how many
   * more the promise will bring. Record shards are one request each, and a browser on HTTP/1.1 sends
   * at most six at a time: the first hits need not wait for the seventh.
   */
  onEarlyHits?: (results: SearchResults, pending: number) => void;
}

/** A posting shard as loaded: its terms' encoded lists, decoded on first use. */
interface PostingShard {
  lists: string[];
}

/**
 * A prebuilt index: `open()` reads the manifest with the vocabulary; each `search()` fetches the
 * posting shards of its candidate terms and the result records of its hits, once each.
 */
export class PrebuiltSearchIndex {
  readonly url: string;
  readonly #manifest: IndexManifest;
  readonly #vocabulary: SortedVocabulary;
  readonly #frequencyClasses: Uint8Array;
  readonly #shardStarts: number[];
  readonly #shardFiles: string[];
  readonly #years: Uint16Array;
  readonly #signal: AbortSignal;
  readonly #timeoutMs: number;
  readonly #budget: { left: number };
  readonly #files = new Map<string, Promise<unknown>>();
  readonly #shards = new Map<number, PostingShard>();
  readonly #postings = new Map<string, Int32Array>();
  readonly #documents = new Map<number, FeedItem>();
  readonly #tagItems = new Map<string, Uint8Array>();
  readonly #expansions = new Map<string, Expansion>();
  readonly #ranker = new Ranker();
  #bytes = 0;

  private constructor(url: string, manifest: IndexManifest, options: { signal: AbortSignal; timeoutMs: number; budget: { left: number }; bytes: number }) {
    this.url = url;
    this.#manifest = manifest;
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs;
    this.#budget = options.budget;
    this.#bytes = options.bytes;
    // Checked here, with the rest of the vocabulary: readManifest only knows it is an object.
    const { vocabulary } = manifest;
    const vocabularyUrl = url;
    const termText = own(vocabulary, 'terms');
    const frequencyText = own(vocabulary, 'frequencyClasses');
    const shards = own(vocabulary, 'shards');
    if (typeof termText !== 'string' || typeof frequencyText !== 'string') throw invalid(vocabularyUrl, 'terms');
    let terms: string[];
    let classes: number[];
    try {
      terms = frontDecode(termText);
      classes = decodeNumbers(frequencyText);
    } catch {
      throw invalid(vocabularyUrl, 'terms');
    }
    if (terms.length !== manifest.terms || classes.length !== terms.length || !classes.every((value) => value >= 1 && value <= 53)) throw invalid(vocabularyUrl, 'terms');
    for (let i = 1; i < terms.length; i += 1) if (!(terms[i - 1]! < terms[i]!)) throw invalid(vocabularyUrl, 'terms out of order');
    this.#vocabulary = SortedVocabulary.fromSorted(terms);
    this.#frequencyClasses = Uint8Array.from(classes);
    this.#shardStarts = (own(shards, 'starts') as unknown[] | undefined)?.map((start) => count(start, vocabularyUrl, 'shards')) ?? [];
    this.#shardFiles = stringList(own(shards, 'files'), vocabularyUrl, 'shards', HASH);
    if (this.#shardStarts.length !== this.#shardFiles.length || (terms.length > 0 && this.#shardStarts[0] !== 0)) throw invalid(vocabularyUrl, 'shards');
    this.#years = new Uint16Array(manifest.items);
    let item = 0;
    for (const [year, length] of manifest.yearRuns) {
      this.#years.fill(Math.min(year, 0xffff), item, item + length);
      item += length;
    }
  }

  /** Reads the manifest at `url` (with the vocabulary). Rejects with a FeedError when either fails or is not an index. */
  static open(url: string, options: PrebuiltOpenOptions = {}): Promise<PrebuiltSearchIndex> {
    return PrebuiltSearchIndex.fromRequest(requestManifest(url, options));
  }

  /**
   * Opens the index whose manifest `requestManifest` is already reading (started before this code
   * loaded, so that the manifest and the engine arrive together). Rejects as `open` does.
   */
  static async fromRequest(request: ManifestRequest): Promise<PrebuiltSearchIndex> {
    const { url, signal, timeoutMs, budget } = request;
    try {
      const manifest = readManifest((await request.response).data, url);
      return new PrebuiltSearchIndex(url, manifest, { signal, timeoutMs, budget, bytes: MAX_CRAWL_SIZE - budget.left });
    } catch (error) {
      if (signal.aborted) throw error;
      throw toFeedError(error, url);
    }
  }

  /** How many items are indexed. */
  get size(): number {
    return this.#manifest.items;
  }

  /** How many distinct terms are indexed. */
  get termCount(): number {
    return this.#manifest.terms;
  }

  /** Characters of index files read so far (their size as text, before any compression). */
  get charactersLoaded(): number {
    return this.#bytes;
  }

  /** The archive years present, newest first, with how many items each has. */
  years(): Array<{ year: number; count: number }> {
    return this.#manifest.years.map(({ year, count: items }) => ({ year, count: items }));
  }

  /** The tags present, most used first, with how many items carry each. */
  tags(): Array<{ tag: string; count: number }> {
    return this.#manifest.tags.map(({ tag, count: items }) => ({ tag, count: items }));
  }

  /**
   * Finds items for `query`, best first, as `SearchIndex.search` does; resolves once the shards it
   * needs are loaded. The hits' items carry what a result shows (no body: `summary` holds the
   * excerpt's source). Rejects with a FeedError when a file fails.
   */
  async search(query: string, options: PrebuiltSearchOptions = {}): Promise<SearchResults> {
    const limit = limitOf(options.limit);
    // Awaited only once the query's shards are asked for: an await here would let the page render first.
    const filtering = this.#filter(options);
    const terms = parseQuery(query);
    const matcher = new QueryMatcher();
    const itemCount = this.#manifest.items;
    const newer = (a: number, b: number) => a > b;
    if (terms.length === 0) {
      const accepts = await filtering;
      if (options.year === undefined && options.tag === undefined) return { query, hits: [], total: 0, partial: false, matcher };
      const matching: number[] = [];
      for (let item = 0; item < itemCount; item += 1) if (accepts(item)) matching.push(item);
      const best = selectBest(matching, limit, newer);
      return this.#results(best, () => 0, { query, total: matching.length, partial: false, matcher }, options.onEarlyHits);
    }
    // The shards of the words as typed are asked for before the typo walk (the longest part of
    // expanding): they are always needed, and most often they are all the query needs.
    this.#loadPostings(terms.map(({ term }) => term)).catch(() => undefined);
    const expansions = terms.map((queryTerm) => {
      const expansion = this.#expansion(queryTerm.term, queryTerm.prefix);
      matcher.addExpansion(queryTerm, expansion);
      return expansion;
    });
    const [accepts] = await Promise.all([filtering, this.#loadPostings(expansions.flatMap(({ candidates }) => candidates.map(({ term }) => term)))]);
    const source: RankSource = { itemCount, postings: (term) => this.#postingsOf(term), accepts, newer };
    const ranked = this.#ranker.rank(expansions, source, limit);
    return this.#results(ranked.items, (rank) => ranked.scores[rank]!, { query, total: ranked.total, partial: ranked.partial, matcher }, options.onEarlyHits);
  }

  /** The results of the hits `numbers` (best first), their items from the record shards; the leading ones early through `onEarlyHits`. */
  async #results(numbers: readonly number[], scoreOf: (rank: number) => number, answer: Omit<SearchResults, 'hits'>, onEarlyHits?: PrebuiltSearchOptions['onEarlyHits']): Promise<SearchResults> {
    const withHits = (items: FeedItem[]): SearchResults => ({ ...answer, hits: items.map((item, rank) => ({ item, score: scoreOf(rank) })) });
    const items = await this.#items(numbers, onEarlyHits && ((early) => onEarlyHits(withHits(early), numbers.length - early.length)));
    return withHits(items);
  }

  #expansion(term: string, prefix: boolean): Expansion {
    const key = `${prefix ? '^' : '='}${term}`;
    let expansion = this.#expansions.get(key);
    if (!expansion) {
      expansion = expandTerm(this.#vocabulary, { term, prefix }, (candidate) => this.#frequencyClass(candidate));
      if (this.#expansions.size >= EXPANSIONS_KEPT) this.#expansions.clear();
      this.#expansions.set(key, expansion);
    }
    return expansion;
  }

  #termIndex(term: string): number {
    const index = this.#vocabulary.lowerBound(term);
    return this.#vocabulary.terms[index] === term ? index : -1;
  }

  #frequencyClass(term: string): number {
    const index = this.#termIndex(term);
    return index < 0 ? 0 : this.#frequencyClasses[index]!;
  }

  /** The shard holding vocabulary term number `index`. */
  #shardOf(index: number): number {
    const starts = this.#shardStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  async #loadPostings(terms: readonly string[]): Promise<void> {
    const needed = new Set<number>();
    for (const term of terms) {
      const index = this.#termIndex(term);
      if (index >= 0 && !this.#postings.has(term)) needed.add(this.#shardOf(index));
    }
    await Promise.all(
      [...needed].filter((shard) => !this.#shards.has(shard)).map(async (shard) => {
        const url = this.#fileUrl('p', this.#shardFiles[shard]!);
        const data = await this.#file(url);
        const lists = stringList(own(data, 'postings'), url, 'postings');
        const end = this.#shardStarts[shard + 1] ?? this.#manifest.terms;
        if (lists.length !== end - this.#shardStarts[shard]!) throw invalid(url, 'postings');
        this.#shards.set(shard, { lists });
      }),
    );
  }

  /** A term's postings in SearchIndex's packing, decoded from its shard on first use. */
  #postingsOf(term: string): Int32Array | undefined {
    let postings = this.#postings.get(term);
    if (postings) return postings;
    const index = this.#termIndex(term);
    if (index < 0) return undefined;
    const shardNumber = this.#shardOf(index);
    const shard = this.#shards.get(shardNumber);
    if (!shard) return undefined;
    const url = this.#fileUrl('p', this.#shardFiles[shardNumber]!);
    let values: number[];
    try {
      values = decodeNumbers(shard.lists[index - this.#shardStarts[shardNumber]!]!);
    } catch {
      throw invalid(url, 'postings');
    }
    if (values.length % 2 !== 0) throw invalid(url, 'postings');
    postings = new Int32Array(values.length / 2);
    let item = 0;
    for (let i = 0; i < values.length; i += 2) {
      item += values[i]!;
      const weight = values[i + 1]!;
      if (item >= this.#manifest.items || weight < 1 || weight > WEIGHT_MAX || (i > 0 && values[i] === 0)) throw invalid(url, 'postings');
      postings[i / 2] = item * (WEIGHT_MAX + 1) + weight;
    }
    this.#postings.set(term, postings);
    return postings;
  }

  async #filter({ year, tag }: SearchOptions): Promise<(item: number) => boolean> {
    let tagged: Uint8Array | undefined;
    if (tag !== undefined) {
      tagged = this.#tagItems.get(tag);
      if (!tagged) {
        tagged = new Uint8Array(this.#manifest.items);
        const entry = this.#manifest.tags.find((candidate) => candidate.tag === tag);
        if (entry) {
          const url = this.#fileUrl('t', entry.file);
          const text = own(await this.#file(url), 'items');
          if (typeof text !== 'string') throw invalid(url, 'items');
          let item = 0;
          let values: number[];
          try {
            values = decodeNumbers(text);
          } catch {
            throw invalid(url, 'items');
          }
          for (const delta of values) {
            item += delta;
            if (item >= tagged.length) throw invalid(url, 'items');
            tagged[item] = 1;
          }
        }
        this.#tagItems.set(tag, tagged);
      }
    }
    const years = this.#years;
    if (year === undefined && tagged === undefined) return () => true;
    return (item) => (year === undefined || years[item] === year) && (tagged === undefined || tagged[item] === 1);
  }

  /**
   * The items of the hits, from their record shards. `onEarly` gets the leading items whose records
   * are in, each time that run grows while others are still loading (never all of them: that is the result).
   */
  async #items(numbers: readonly number[], onEarly?: (items: FeedItem[]) => void): Promise<FeedItem[]> {
    const size = this.#manifest.documents.size;
    const shards = new Set(numbers.filter((item) => !this.#documents.has(item)).map((item) => Math.floor(item / size)));
    let shown = 0;
    const reportEarly = () => {
      let ready = shown;
      while (ready < numbers.length && this.#documents.has(numbers[ready]!)) ready += 1;
      if (ready > shown && ready < numbers.length) onEarly!(numbers.slice(0, ready).map((item) => this.#documents.get(item)!));
      shown = ready;
    };
    await Promise.all(
      [...shards].map(async (shard) => {
        const url = this.#fileUrl('d', this.#manifest.documents.files[shard]!);
        const documents = own(await this.#file(url), 'documents');
        const expected = Math.min(size, this.#manifest.items - shard * size);
        if (!Array.isArray(documents) || documents.length !== expected) throw invalid(url, 'documents');
        documents.forEach((document: unknown, offset) => this.#documents.set(shard * size + offset, itemOf(document, url)));
        if (onEarly) reportEarly();
      }),
    );
    return numbers.map((item) => this.#documents.get(item)!);
  }

  #fileUrl(kind: string, hash: string): string {
    return new URL(shardPath(this.#manifest.dir, kind, hash), this.url).href;
  }

  /** One request per file for the index's life, shared by concurrent searches; a failed one is asked again next time. */
  #file(url: string): Promise<unknown> {
    let file = this.#files.get(url);
    if (!file) {
      file = fetchIndexFile(url, this.#signal, this.#timeoutMs, this.#budget).then(
        ({ data, size }) => {
          this.#bytes += size;
          return data;
        },
        (error: unknown) => {
          this.#files.delete(url);
          throw this.#signal.aborted ? error : toFeedError(error, url);
        },
      );
      this.#files.set(url, file);
    }
    return file;
  }
}

/** A result record as the FeedItem a search hit carries: text as text, links through the URL gate. */
function itemOf(document: unknown, url: string): FeedItem {
  const text = (key: keyof IndexDocument, max: number): string | undefined => {
    const value = own(document, key);
    return typeof value === 'string' && value !== '' ? truncateText(value, max) : undefined;
  };
  const id = own(document, 'i');
  if (typeof id !== 'string') throw invalid(url, 'a record without an id');
  const item: FeedItem = { id, authors: [], tags: [], attachments: [], mlo: { photos: [] } };
  const title = text('t', MAX_TITLE_LENGTH);
  if (title !== undefined) item.title = title;
  const summary = text('s', EXCERPT_SOURCE_LENGTH);
  if (summary !== undefined) item.summary = summary;
  const link = safeUrl(own(document, 'u'), url);
  if (link !== undefined) item.url = link;
  const external = safeUrl(own(document, 'x'), url);
  if (external !== undefined) item.externalUrl = external;
  const iso = own(document, 'd');
  const date = typeof iso === 'string' ? new Date(iso) : undefined;
  if (date && !Number.isNaN(date.getTime())) {
    item.datePublished = date;
    const kind = own(document, 'k');
    item.datePublishedKind = kind === 'local' || kind === 'date' ? kind : 'instant';
  }
  const year = own(document, 'y');
  if (typeof year === 'number' && Number.isInteger(year)) item.mlo.archiveYear = year;
  const tags = own(document, 'g');
  if (Array.isArray(tags)) item.tags = tags.filter((tag): tag is string => typeof tag === 'string').map((tag) => truncateText(tag, MAX_TITLE_LENGTH));
  const language = text('l', 35);
  if (language !== undefined) item.language = language;
  return item;
}
