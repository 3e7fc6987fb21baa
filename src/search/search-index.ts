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
 * Scoring: for each query word, an item scores its best matching term's
 *   field weight (title 8, summary 4, tags 4, body 1, summed over the fields it occurs in, with
 *   repeated occurrences counting logarithmically) × match quality (exact 1, prefix ≤ 0.8,
 *   one edit 0.55, two edits 0.35) × rarity (BM25's inverse document frequency);
 * an item must match every word (when none does, items matching most words are returned and the
 * result says so); equal scores go newest first.
 *
 * Plain TypeScript, no DOM: builds in a Worker or in Node as well as on the main thread, where
 * `addInChunks` yields between slices of a few milliseconds so that indexing never blocks input.
 */
import { archiveYearOf, itemDate } from '../feed/parse.js';
import { itemBodyText } from '../feed/text.js';
import type { FeedItem } from '../feed/types.js';
import type { TermMatcher } from './highlight.js';
import { foldForSearch, searchTerms, words } from './normalize.js';
import { SortedVocabulary } from './vocabulary.js';
import { yieldToMain } from './yield.js';

/** How much an occurrence counts, by field: the title over summary and tags, those over the body. */
export const FIELD_WEIGHTS = { title: 8, summary: 4, tags: 4, body: 1 } as const;

/** Match quality: how much a candidate term counts relative to the word typed. */
const QUALITY_EXACT = 1;
const QUALITY_PREFIX_BASE = 0.5;
const QUALITY_PREFIX_SPAN = 0.3;
const QUALITY_BY_DISTANCE = [1, 0.55, 0.35] as const;

/**
 * Typo tolerance: none below 4 letters (too many neighbours), one edit from 4, two from 8; none
 * for words with digits, where one character apart is another year or another number, not a typo.
 */
function maxEdits(term: string): number {
  if (/\d/.test(term)) return 0;
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/** A posting packs the item's number and its quantised weight into one small integer. */
const WEIGHT_BITS = 8;
const WEIGHT_MAX = (1 << WEIGHT_BITS) - 1;
const WEIGHT_SCALE = 8;
/** Queries are cut to this many words and this many characters (a hostile `?q=` cannot stall the page). */
const MAX_QUERY_TERMS = 12;
const MAX_QUERY_LENGTH = 200;

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
}

/** The words of a query, folded; the last one also counts as a prefix while it is being typed. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** Folds and splits a query. The last word is a prefix unless the query ends with a space or punctuation. */
export function parseQuery(query: string): QueryTerm[] {
  const text = query.slice(0, MAX_QUERY_LENGTH);
  const folded = foldForSearch(text);
  const terms = [...new Set(words(folded))].slice(0, MAX_QUERY_TERMS);
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(folded);
  return terms
    .map((term, index) => ({ term, prefix: typing && index === terms.length - 1 }))
    .filter(({ term, prefix }) => term.length > 1 || prefix);
}

/** Highlights whole words matched exactly or with a typo, and the typed part of prefix matches. */
class QueryMatcher implements TermMatcher {
  readonly #whole = new Set<string>();
  readonly #prefixes: string[] = [];

  addWhole(term: string): void {
    this.#whole.add(term);
  }

  addPrefix(prefix: string): void {
    this.#prefixes.push(prefix);
  }

  matchLength(term: string): number {
    if (this.#whole.has(term)) return term.length;
    let longest = 0;
    for (const prefix of this.#prefixes) {
      if (prefix.length > longest && term.startsWith(prefix)) longest = prefix.length;
    }
    return longest;
  }
}

interface Candidate {
  term: string;
  quality: number;
}

/** What a query word expands to: candidate terms, and those found by typo tolerance (to highlight). */
interface Expansion {
  candidates: Candidate[];
  typoMatches: string[];
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
  // Scratch space reused by every query, grown with the archive.
  #termScores = new Float64Array(0);
  #totals = new Float64Array(0);
  #matchedTerms = new Uint8Array(0);

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

  /** The tags present, most used first (then alphabetically), with how many items carry each. */
  tags(): Array<{ tag: string; count: number }> {
    return this.#tagNames
      .map((tag, id) => ({ tag, count: this.#tagCounts[id]! }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
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
    const { signal, sliceMs = 8, onProgress } = options;
    let next = 0;
    while (next < items.length) {
      // Yield first too: the items usually arrive in the task that downloaded and parsed them.
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
    const limit = options.limit !== undefined && Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit)) : 10;
    const accepts = this.#filter(options);
    const terms = parseQuery(query);
    const matcher = new QueryMatcher();
    if (terms.length === 0) {
      if (options.year === undefined && options.tag === undefined) return { query, hits: [], total: 0, partial: false, matcher };
      const matching: number[] = [];
      for (let item = 0; item < this.#items.length; item += 1) if (accepts(item)) matching.push(item);
      const newer = (a: number, b: number) => this.#times[a]! > this.#times[b]! || (this.#times[a] === this.#times[b] && a < b);
      return { query, hits: selectBest(matching, limit, newer).map((item) => ({ item: this.#items[item]!, score: 0 })), total: matching.length, partial: false, matcher };
    }

    this.#ensureScratch();
    const totals = this.#totals;
    const matchedTerms = this.#matchedTerms;
    const touched: number[] = [];
    for (const queryTerm of terms) {
      const candidates = this.#candidates(queryTerm, matcher);
      this.#scoreTerm(candidates, (item, score) => {
        if (matchedTerms[item] === 0) touched.push(item);
        matchedTerms[item]! += 1;
        totals[item]! += score;
      });
    }

    const everyWord: number[] = [];
    const someWords: number[] = [];
    for (const item of touched) {
      if (!accepts(item)) continue;
      if (matchedTerms[item] === terms.length) everyWord.push(item);
      else someWords.push(item);
    }
    const partial = everyWord.length === 0 && someWords.length > 0;
    const matching = partial ? someWords : everyWord;
    const better = (a: number, b: number) =>
      matchedTerms[a]! > matchedTerms[b]! ||
      (matchedTerms[a] === matchedTerms[b] &&
        (totals[a]! > totals[b]! || (totals[a] === totals[b] && (this.#times[a]! > this.#times[b]! || (this.#times[a] === this.#times[b] && a < b)))));
    const hits = selectBest(matching, limit, better).map((item) => ({ item: this.#items[item]!, score: totals[item]! }));

    for (const item of touched) {
      totals[item] = 0;
      matchedTerms[item] = 0;
    }
    return { query, hits, total: matching.length, partial, matcher };
  }

  /** The vocabulary terms a query word stands for, with how well each matches; remembered until the vocabulary grows. */
  #candidates(queryTerm: QueryTerm, matcher: QueryMatcher): Candidate[] {
    const key = `${queryTerm.prefix ? '^' : '='}${queryTerm.term}`;
    let expansion = this.#expansions.get(key);
    if (!expansion) {
      expansion = this.#expand(queryTerm);
      if (this.#expansions.size >= EXPANSIONS_KEPT) this.#expansions.clear();
      this.#expansions.set(key, expansion);
    }
    // The words typed are marked wherever they occur, even where the index has not got them yet.
    matcher.addWhole(queryTerm.term);
    if (queryTerm.prefix) matcher.addPrefix(queryTerm.term);
    for (const term of expansion.typoMatches) matcher.addWhole(term);
    return expansion.candidates;
  }

  #expand({ term, prefix }: QueryTerm): Expansion {
    const quality = new Map<string, number>();
    const typoMatches: string[] = [];
    const offer = (candidate: string, value: number) => {
      if (value > (quality.get(candidate) ?? 0)) quality.set(candidate, value);
    };
    if (this.#postings.has(term)) offer(term, QUALITY_EXACT);
    if (prefix) {
      for (const candidate of this.#vocabulary.withPrefix(term)) {
        offer(candidate, QUALITY_PREFIX_BASE + QUALITY_PREFIX_SPAN * (term.length / candidate.length));
      }
    }
    const edits = maxEdits(term);
    const typo = (candidate: string, distance: number) => {
      if (distance === 0) return;
      offer(candidate, QUALITY_BY_DISTANCE[distance] ?? 0);
      typoMatches.push(candidate);
    };
    if (edits > 0) this.#vocabulary.similar(term, 1, typo);
    // Two edits only among words with the same first letter: a long word with a second typo is
    // common, a wrong first letter as well is rare, and this walks a twentieth of the vocabulary.
    if (edits > 1) this.#vocabulary.similar(term, 2, (candidate, distance) => distance === 2 && typo(candidate, distance), term[0]);
    return { candidates: [...quality].map(([candidate, value]) => ({ term: candidate, quality: value })), typoMatches };
  }

  /** Calls `report` once per item with the item's best score over the candidate terms. */
  #scoreTerm(candidates: Candidate[], report: (item: number, score: number) => void): void {
    const best = this.#termScores;
    const touched: number[] = [];
    const itemCount = this.#items.length;
    for (const { term, quality } of candidates) {
      const postings = this.#postings.get(term);
      if (!postings) continue;
      const frequency = postings.length;
      const rarity = Math.log(1 + (itemCount - frequency + 0.5) / (frequency + 0.5));
      const factor = (quality * rarity) / WEIGHT_SCALE;
      for (let i = 0; i < postings.length; i += 1) {
        const posting = postings[i]!;
        const item = posting >>> WEIGHT_BITS;
        const score = (posting & WEIGHT_MAX) * factor;
        const previous = best[item]!;
        if (previous === 0) touched.push(item);
        if (score > previous) best[item] = score;
      }
    }
    for (const item of touched) {
      report(item, best[item]!);
      best[item] = 0;
    }
  }

  #filter({ year, tag }: SearchOptions): (item: number) => boolean {
    const tagId = tag === undefined ? undefined : (this.#tagIds.get(tag) ?? -1);
    if (year === undefined && tagId === undefined) return () => true;
    return (item) => (year === undefined || this.#years[item] === year) && (tagId === undefined || this.#itemTags[item]!.includes(tagId));
  }

  #ensureScratch(): void {
    const size = this.#items.length;
    if (this.#totals.length >= size) return;
    const capacity = Math.max(size, this.#totals.length * 2, 64);
    this.#termScores = new Float64Array(capacity);
    this.#totals = new Float64Array(capacity);
    this.#matchedTerms = new Uint8Array(capacity);
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

/** The `limit` best of `items` by `better` (a strict order), best first, without sorting them all. */
function selectBest(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  if (limit === 0) return [];
  // A heap whose root is the worst item kept so far.
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const held = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = held;
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!better(heap[parent]!, heap[child]!)) break;
        swap(parent, child);
        child = parent;
      }
    } else if (better(item, heap[0]!)) {
      heap[0] = item;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let worst = parent;
        if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left;
        if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right;
        if (worst === parent) break;
        swap(parent, worst);
        parent = worst;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
