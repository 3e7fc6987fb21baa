/**
 * The archive's search index: an inverted index (folded term → the items that contain it, with a
 * weight for where it occurs) over a sorted vocabulary that supplies prefix and typo candidates.
 *
 * Why this shape: a naive fuzzy search compares the query with every document (fuse.js over whole
 * items takes tens of milliseconds per keystroke at 10,000 items and seconds once bodies are
 * included). Here the query is compared only with the vocabulary, which grows far more slowly than
 * the archive, and the candidate terms' posting lists give the matching items directly; see
 * bench/RESULTS.md for the figures.
 *
 * An item's weight for a term is the field weight (title 8, summary 4, tags 4, body 1) summed over
 * the fields it occurs in, repeated occurrences counting logarithmically; how queries are expanded
 * and scored lives in `ranking.ts`, shared with the prebuilt index's reader (`prebuilt/read.ts`).
 *
 * Plain TypeScript, no DOM: builds in a Worker or in Node as well as on the main thread, where
 * `addInChunks` yields between slices of a few milliseconds so that indexing never blocks input.
 */
import { archiveYearOf, itemDate } from '../feed/parse.js';
import { itemBodyText } from '../feed/text.js';
import type { FeedItem } from '../feed/types.js';
import type { TermMatcher } from './highlight.js';
import { foldForSearch, searchTerms } from './normalize.js';
import {
  expandTerm,
  FIELD_WEIGHTS,
  frequencyClass,
  limitOf,
  parseQuery,
  QueryMatcher,
  Ranker,
  selectBest,
  WEIGHT_MAX,
  WEIGHT_SCALE,
  type Expansion,
  type QueryTerm,
  type RankSource,
} from './ranking.js';
import { SortedVocabulary } from './vocabulary.js';
import { yieldToMain } from '../feed/yield.js';

export interface SearchOptions {
  /** How many hits to return; `total` counts all of them anyway. Default 10. */
  limit?: number;
  /** Only items of this archive year. */
  year?: number;
  /** Only items with this tag (as written in the feed). */
  tag?: string;
}

export interface SearchHit {
  item: FeedItem;
  score: number;
}

export interface SearchResults {
  /** The query as given. */
  query: string;
  /** The best hits, best first. */
  hits: SearchHit[];
  /** How many items matched in all. */
  total: number;
  /** True when no item had every word, so the hits have only some of them. */
  partial: boolean;
  /** Which words of a text to highlight for this query. */
  matcher: TermMatcher;
}

export interface ChunkOptions {
  /** Stops indexing (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Milliseconds of work before giving the main thread back. Default 8. */
  sliceMs?: number;
  /** Called after every slice with the number of items indexed so far. */
  onProgress?: (indexed: number) => void;
  /** Called before every slice; a promise it returns holds the slice until it settles, undefined means go on. */
  whenFree?: () => Promise<void> | undefined;
}

/** The index as data, for the prebuilt index's writer. */
export interface IndexSnapshot {
  /** The items in the order they were added (item numbers). */
  items: readonly FeedItem[];
  /** Every term, sorted. */
  terms: readonly string[];
  /** A term's postings: item number × 2^8 + quantised weight, by item number. */
  postings(term: string): readonly number[];
  /** Per item, its archive year (0: none). */
  years: readonly number[];
  /** Per item, its tags as numbers into `tagNames`. */
  itemTags: readonly (readonly number[])[];
  tagNames: readonly string[];
}

/** New terms wait until this many have gathered (or a search comes) before joining the sorted vocabulary. */
const TERMS_MERGED_AT = 2048;
/** Expansions remembered between keystrokes ("stoltenberg m", "stoltenberg me", …). */
const EXPANSIONS_KEPT = 256;

export class SearchIndex {
  readonly #vocabulary = new SortedVocabulary();
  readonly #postings = new Map<string, number[]>();
  /** Terms met in the current slice and not yet in the sorted vocabulary. */
  #pendingTerms: string[] = [];
  readonly #expansions = new Map<string, Expansion>();
  readonly #items: FeedItem[] = [];
  readonly #ids = new Set<string>();
  readonly #times: number[] = [];
  readonly #years: number[] = [];
  readonly #itemTags: number[][] = [];
  readonly #tagNames: string[] = [];
  readonly #tagIds = new Map<string, number>();
  readonly #tagCounts: number[] = [];
  readonly #yearCounts = new Map<number, number>();
  /** Reused for every item while indexing: term → occurrences per field (see `countTerms`). */
  readonly #itemCounts = new Map<string, number>();
  readonly #ranker = new Ranker();

  /** How many items are indexed. */
  get size(): number {
    return this.#items.length;
  }

  /** How many distinct terms are indexed. */
  get termCount(): number {
    return this.#postings.size;
  }

  /** The archive years present, newest first, with how many items each has. */
  years(): Array<{ year: number; count: number }> {
    return [...this.#yearCounts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
  }

  /**
   * The tags present, most used first, then alphabetically with letters folded as the search folds them
   * ("Čačak" among the C's, Cyrillic as Latin), with how many items carry each. Not `localeCompare`: its
   * first call loads the browser's collation data, a task of 40–80 ms on a phone four times slower than a desktop.
   */
  tags(): Array<{ tag: string; count: number }> {
    const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return this.#tagNames
      .map((tag, id) => ({ tag, count: this.#tagCounts[id]!, key: foldForSearch(tag) }))
      .sort((a, b) => b.count - a.count || byName(a.key, b.key) || byName(a.tag, b.tag))
      .map(({ tag, count }) => ({ tag, count }));
  }

  /**
   * What the prebuilt index's writer (`prebuilt/write.ts`) stores: the sorted vocabulary, each
   * term's postings, and per item its archive year and tags. Internal: its shape may change.
   * @internal
   */
  snapshot(): IndexSnapshot {
    this.#commitTerms();
    return {
      items: this.#items,
      terms: this.#vocabulary.terms,
      postings: (term) => this.#postings.get(term) ?? [],
      years: this.#years,
      itemTags: this.#itemTags,
      tagNames: this.#tagNames,
    };
  }

  /** Indexes items at once (in a Worker, in Node, or for small archives). Items already indexed (same id) are skipped. */
  add(items: readonly FeedItem[]): void {
    for (const item of items) this.#addItem(item);
    this.#commitTerms();
  }

  /**
   * Indexes items in slices of `sliceMs`, yielding to the main thread between slices, so that a
   * large archive never blocks input. Searching between slices sees the items indexed so far.
   */
  async addInChunks(items: readonly FeedItem[], options: ChunkOptions = {}): Promise<void> {
    const { signal, sliceMs = 8, onProgress, whenFree } = options;
    let next = 0;
    while (next < items.length) {
      // Yield first too: the items usually arrive in the task that downloaded and parsed them. Behind
      // other tasks: the page paints, and the reader's keys are answered, between slices.
      await whenFree?.();
      await yieldToMain();
      signal?.throwIfAborted();
      const sliceEnd = performance.now() + sliceMs;
      do this.#addItem(items[next++]!);
      while (next < items.length && performance.now() < sliceEnd);
      // Merging into the sorted vocabulary copies it: done in batches, not after every slice.
      if (this.#pendingTerms.length >= TERMS_MERGED_AT) this.#commitTerms();
      onProgress?.(this.size);
    }
    this.#commitTerms();
    signal?.throwIfAborted();
  }

  /** Finds items for `query`, best first. An empty query with a filter lists that filter's items, newest first. */
  search(query: string, options: SearchOptions = {}): SearchResults {
    this.#commitTerms();
    const limit = limitOf(options.limit);
    const accepts = this.#filter(options);
    const terms = parseQuery(query);
    const matcher = new QueryMatcher();
    if (terms.length === 0) {
      if (options.year === undefined && options.tag === undefined) return { query, hits: [], total: 0, partial: false, matcher };
      const matching: number[] = [];
      for (let item = 0; item < this.#items.length; item += 1) if (accepts(item)) matching.push(item);
      const source = this.#rankSource(accepts);
      return { query, hits: selectBest(matching, limit, (a, b) => source.newer(a, b)).map((item) => ({ item: this.#items[item]!, score: 0 })), total: matching.length, partial: false, matcher };
    }

    const expansions = terms.map((queryTerm) => {
      const expansion = this.#expansion(queryTerm);
      matcher.addExpansion(queryTerm, expansion);
      return expansion;
    });
    const ranked = this.#ranker.rank(expansions, this.#rankSource(accepts), limit);
    const hits = ranked.items.map((item, rank) => ({ item: this.#items[item]!, score: ranked.scores[rank]! }));
    return { query, hits, total: ranked.total, partial: ranked.partial, matcher };
  }

  /** The vocabulary terms a query word stands for, with how well each matches; remembered until the vocabulary grows. */
  #expansion(queryTerm: QueryTerm): Expansion {
    const key = `${queryTerm.prefix ? '^' : '='}${queryTerm.term}`;
    let expansion = this.#expansions.get(key);
    if (!expansion) {
      expansion = expandTerm(this.#vocabulary, queryTerm, (term) => frequencyClass(this.#postings.get(term)?.length ?? 0));
      if (this.#expansions.size >= EXPANSIONS_KEPT) this.#expansions.clear();
      this.#expansions.set(key, expansion);
    }
    return expansion;
  }

  #rankSource(accepts: (item: number) => boolean): RankSource {
    const times = this.#times;
    return {
      itemCount: this.#items.length,
      postings: (term) => this.#postings.get(term),
      accepts,
      newer: (a, b) => times[a]! > times[b]! || (times[a] === times[b] && a < b),
    };
  }

  #filter({ year, tag }: SearchOptions): (item: number) => boolean {
    const tagId = tag === undefined ? undefined : (this.#tagIds.get(tag) ?? -1);
    if (year === undefined && tagId === undefined) return () => true;
    return (item) => (year === undefined || this.#years[item] === year) && (tagId === undefined || this.#itemTags[item]!.includes(tagId));
  }

  #addItem(item: FeedItem): void {
    if (this.#ids.has(item.id)) return;
    this.#ids.add(item.id);
    const number = this.#items.length;
    this.#items.push(item);
    this.#times.push(itemDate(item)?.getTime() ?? Number.NEGATIVE_INFINITY);
    const year = archiveYearOf(item) ?? 0;
    this.#years.push(year);
    if (year) this.#yearCounts.set(year, (this.#yearCounts.get(year) ?? 0) + 1);
    this.#itemTags.push(item.tags.map((tag) => this.#tagId(tag)));

    const counts = this.#itemCounts;
    counts.clear();
    countTerms(counts, searchTerms(item.title ?? ''), FIELD_SHIFT.title);
    countTerms(counts, searchTerms(item.summary ?? ''), FIELD_SHIFT.summary);
    for (const tag of item.tags) countTerms(counts, searchTerms(tag), FIELD_SHIFT.tags);
    countTerms(counts, searchTerms(itemBodyText(item)), FIELD_SHIFT.body);
    const base = number * (WEIGHT_MAX + 1);
    for (const [term, packed] of counts) {
      let postings = this.#postings.get(term);
      if (!postings) {
        postings = [];
        this.#postings.set(term, postings);
        this.#pendingTerms.push(term);
      }
      postings.push(base + Math.min(WEIGHT_MAX, Math.max(1, Math.round(fieldWeight(packed) * WEIGHT_SCALE))));
    }
  }

  #tagId(tag: string): number {
    let id = this.#tagIds.get(tag);
    if (id === undefined) {
      id = this.#tagNames.length;
      this.#tagIds.set(tag, id);
      this.#tagNames.push(tag);
      this.#tagCounts.push(0);
    }
    this.#tagCounts[id]! += 1;
    return id;
  }

  /** Moves the terms first met since the last commit into the sorted vocabulary (before any search sees it). */
  #commitTerms(): void {
    if (this.#pendingTerms.length === 0) return;
    this.#vocabulary.insert(this.#pendingTerms);
    this.#pendingTerms = [];
    this.#expansions.clear();
  }
}

/**
 * An item's occurrences of one term, per field, packed in one number: 7 bits per field, so counts
 * saturate at 127 (far past where the logarithm below stops mattering). One map lookup per word.
 */
const FIELD_SHIFT = { title: 0, summary: 7, tags: 14, body: 21 } as const;
const FIELD_COUNT_MAX = 0x7f;
/** `1 + ln(count)`: repeated occurrences count, but less and less. */
const OCCURRENCE_WEIGHT = Array.from({ length: FIELD_COUNT_MAX + 1 }, (_, count) => (count === 0 ? 0 : 1 + Math.log(count)));

function countTerms(counts: Map<string, number>, terms: readonly string[], shift: number): void {
  for (const term of terms) {
    const packed = counts.get(term) ?? 0;
    if (((packed >>> shift) & FIELD_COUNT_MAX) < FIELD_COUNT_MAX) counts.set(term, packed + (1 << shift));
  }
}

/** The weight of a term in an item: Σ over fields of field weight × (1 + ln count). */
function fieldWeight(packed: number): number {
  return (
    FIELD_WEIGHTS.title * OCCURRENCE_WEIGHT[(packed >>> FIELD_SHIFT.title) & FIELD_COUNT_MAX]! +
    FIELD_WEIGHTS.summary * OCCURRENCE_WEIGHT[(packed >>> FIELD_SHIFT.summary) & FIELD_COUNT_MAX]! +
    FIELD_WEIGHTS.tags * OCCURRENCE_WEIGHT[(packed >>> FIELD_SHIFT.tags) & FIELD_COUNT_MAX]! +
    FIELD_WEIGHTS.body * OCCURRENCE_WEIGHT[(packed >>> FIELD_SHIFT.body) & FIELD_COUNT_MAX]!
  );
}

export { FIELD_WEIGHTS, parseQuery };
export type { QueryTerm };
