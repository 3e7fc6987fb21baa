/**
 * The one place where a query becomes ranked items: folding and splitting the query, expanding each
 * word into vocabulary terms (exact, prefix, typo), and scoring items from the terms' posting lists.
 * Both engines use it: the in-memory `SearchIndex` (postings in memory) and the prebuilt index's
 * reader (`prebuilt/read.ts`, postings fetched in shards), so the same items give the same results.
 *
 * Scoring: for each query word, an item scores its best matching term's
 *   field weight (quantised into the posting) × match quality (exact 1, prefix ≤ 0.8,
 *   one edit 0.55, two edits 0.35) × rarity (BM25's inverse document frequency);
 * an item must match every word (when none does, items matching most words are returned and the
 * result says so); equal scores go newest first.
 */
import type { TermMatcher } from './highlight.js';
import { foldForSearch, words } from './normalize.js';
import type { SortedVocabulary } from './vocabulary.js';

/** How much an occurrence counts, by field: the title over summary and tags, those over the body. */
export const FIELD_WEIGHTS = { title: 8, summary: 4, tags: 4, body: 1 } as const;

/** Match quality: how much a candidate term counts relative to the word typed. */
const QUALITY_EXACT = 1;
const QUALITY_PREFIX_BASE = 0.5;
const QUALITY_PREFIX_SPAN = 0.3;
const QUALITY_BY_DISTANCE = [1, 0.55, 0.35] as const;

/**
 * A prefix stands for its completions, shortest first (they match best), while the items they name
 * add up to at most this many postings, each word's count rounded up to a power of two (its
 * `frequencyClass`, all the prebuilt index stores of it). A one- or two-letter prefix of a large
 * archive starts thousands of words; the longer ones match what was typed least, and would cost the
 * prebuilt index most of its postings to download.
 */
export const PREFIX_POSTINGS_BUDGET = 10_000;

/** A document frequency as its power of two: 0 for none, 1 for 1, 2 for 2, 3 for 3–4, 4 for 5–8, … */
export function frequencyClass(frequency: number): number {
  return frequency <= 0 ? 0 : 1 + Math.ceil(Math.log2(frequency));
}

/** The largest frequency of a class (what the prefix budget counts). */
function classPostings(frequencyClass: number): number {
  return frequencyClass <= 0 ? 0 : 2 ** (frequencyClass - 1);
}

/** A posting packs the item's number and its quantised weight into one small integer. */
export const WEIGHT_BITS = 8;
export const WEIGHT_MAX = (1 << WEIGHT_BITS) - 1;
export const WEIGHT_SCALE = 8;
/** Queries are cut to this many words and this many characters (a hostile `?q=` cannot stall the page). */
const MAX_QUERY_TERMS = 12;
const MAX_QUERY_LENGTH = 200;

/**
 * Typo tolerance: none below 4 letters (too many neighbours), one edit from 4, two from 8; none
 * for words with digits, where one character apart is another year or another number, not a typo.
 */
function maxEdits(term: string): number {
  if (/\d/.test(term)) return 0;
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
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
export class QueryMatcher implements TermMatcher {
  readonly #whole = new Set<string>();
  readonly #prefixes: string[] = [];

  addWhole(term: string): void {
    this.#whole.add(term);
  }

  addPrefix(prefix: string): void {
    this.#prefixes.push(prefix);
  }

  /** Marks what a query word and its expansion match. */
  addExpansion(queryTerm: QueryTerm, expansion: Expansion): void {
    // The words typed are marked wherever they occur, even where the index has not got them yet.
    this.addWhole(queryTerm.term);
    if (queryTerm.prefix) this.addPrefix(queryTerm.term);
    for (const term of expansion.typoMatches) this.addWhole(term);
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

export interface Candidate {
  term: string;
  quality: number;
}

/** What a query word expands to: candidate terms, and those found by typo tolerance (to highlight). */
export interface Expansion {
  candidates: Candidate[];
  typoMatches: string[];
}

/**
 * The vocabulary terms a query word stands for, with how well each matches. `frequencyClassOf(term)`
 * is the `frequencyClass` of the number of items containing the term (0 for a term not in the vocabulary).
 */
export function expandTerm(vocabulary: SortedVocabulary, { term, prefix }: QueryTerm, frequencyClassOf: (term: string) => number): Expansion {
  const quality = new Map<string, number>();
  const typoMatches: string[] = [];
  const offer = (candidate: string, value: number) => {
    if (value > (quality.get(candidate) ?? 0)) quality.set(candidate, value);
  };
  if (frequencyClassOf(term) > 0) offer(term, QUALITY_EXACT);
  if (prefix) {
    // Shortest first, then in vocabulary order (a stable sort of the sorted range).
    const completions = [...vocabulary.withPrefix(term)].sort((a, b) => a.length - b.length);
    let postings = 0;
    for (const candidate of completions) {
      if (candidate === term) continue;
      postings += classPostings(frequencyClassOf(candidate));
      if (postings > PREFIX_POSTINGS_BUDGET) break;
      offer(candidate, QUALITY_PREFIX_BASE + QUALITY_PREFIX_SPAN * (term.length / candidate.length));
    }
  }
  const edits = maxEdits(term);
  const typo = (candidate: string, distance: number) => {
    if (distance === 0) return;
    offer(candidate, QUALITY_BY_DISTANCE[distance] ?? 0);
    typoMatches.push(candidate);
  };
  if (edits > 0) vocabulary.similar(term, 1, typo);
  // Two edits only among words with the same first letter: a long word with a second typo is
  // common, a wrong first letter as well is rare, and this walks a twentieth of the vocabulary.
  if (edits > 1) vocabulary.similar(term, 2, (candidate, distance) => distance === 2 && typo(candidate, distance), term[0]);
  return { candidates: [...quality].map(([candidate, value]) => ({ term: candidate, quality: value })), typoMatches };
}

/** What ranking needs to know about the index it ranks. */
export interface RankSource {
  /** How many items the index has (item numbers are 0 … itemCount - 1). */
  itemCount: number;
  /** A term's postings (item number << WEIGHT_BITS | weight), or undefined when none is known. */
  postings(term: string): ArrayLike<number> | undefined;
  /** Whether an item passes the filters. */
  accepts(item: number): boolean;
  /** A strict order: true when item `a` is newer than item `b` (or equally new and first in the feed). */
  newer(a: number, b: number): boolean;
}

export interface Ranked {
  /** The best item numbers, best first. */
  items: number[];
  scores: number[];
  total: number;
  partial: boolean;
}

/** Ranks items for the expanded words of a query. Keeps scratch space between queries, grown with the index. */
export class Ranker {
  #termScores = new Float64Array(0);
  #totals = new Float64Array(0);
  #matchedTerms = new Uint8Array(0);

  rank(expansions: readonly Expansion[], source: RankSource, limit: number): Ranked {
    this.#ensureScratch(source.itemCount);
    const totals = this.#totals;
    const matchedTerms = this.#matchedTerms;
    const touched: number[] = [];
    for (const expansion of expansions) {
      this.#scoreTerm(expansion.candidates, source, (item, score) => {
        if (matchedTerms[item] === 0) touched.push(item);
        matchedTerms[item]! += 1;
        totals[item]! += score;
      });
    }

    const everyWord: number[] = [];
    const someWords: number[] = [];
    for (const item of touched) {
      if (!source.accepts(item)) continue;
      if (matchedTerms[item] === expansions.length) everyWord.push(item);
      else someWords.push(item);
    }
    const partial = everyWord.length === 0 && someWords.length > 0;
    const matching = partial ? someWords : everyWord;
    const better = (a: number, b: number) =>
      matchedTerms[a]! > matchedTerms[b]! || (matchedTerms[a] === matchedTerms[b] && (totals[a]! > totals[b]! || (totals[a] === totals[b] && source.newer(a, b))));
    const items = selectBest(matching, limit, better);
    const scores = items.map((item) => totals[item]!);

    for (const item of touched) {
      totals[item] = 0;
      matchedTerms[item] = 0;
    }
    return { items, scores, total: matching.length, partial };
  }

  /** Calls `report` once per item with the item's best score over the candidate terms. */
  #scoreTerm(candidates: readonly Candidate[], source: RankSource, report: (item: number, score: number) => void): void {
    const best = this.#termScores;
    const touched: number[] = [];
    const itemCount = source.itemCount;
    for (const { term, quality } of candidates) {
      const postings = source.postings(term);
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

  #ensureScratch(size: number): void {
    if (this.#totals.length >= size) return;
    const capacity = Math.max(size, this.#totals.length * 2, 64);
    this.#termScores = new Float64Array(capacity);
    this.#totals = new Float64Array(capacity);
    this.#matchedTerms = new Uint8Array(capacity);
  }
}

/** The `limit` best of `items` by `better` (a strict order), best first, without sorting them all. */
export function selectBest(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
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

/** A search's `limit` option as a count: the default 10 when absent or not a number. */
export function limitOf(limit: number | undefined): number {
  return limit !== undefined && Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 10;
}
