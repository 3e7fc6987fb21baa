/**
 * The in-browser half of bench/search.bench.mjs: the measurements, run in headless Chromium on the
 * real element and the real index. Each function runs in a fresh page and returns plain figures.
 */
import Fuse from 'fuse.js';
import { html, render } from 'lit';
import '../src/elements/archive-search/define.js';
import type { SearchReadyDetail } from '../src/elements/archive-search/archive-search.js';
import { parseFeed } from '../src/feed/parse.js';
import { itemBodyText } from '../src/feed/text.js';
import type { FeedItem } from '../src/feed/types.js';
import { foldForSearch, searchTerms } from '../src/search/normalize.js';
import { SearchIndex } from '../src/search/search-index.js';
import { seededRandom } from './synthetic-archive.mjs';

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every item of a paged feed, following next_url (outside any measured span). */
async function loadAll(src: string): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let url: string | undefined = new URL(src, location.href).href;
  while (url) {
    const feed = parseFeed(await (await fetch(url)).json(), { url });
    items.push(...feed.items);
    url = feed.nextUrl;
  }
  return items;
}

function heapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

export interface ElementRun {
  itemCount: number;
  complete: boolean;
  /** The first element's first render on the page, when nothing is compiled yet. */
  firstRenderMs: number;
  /** From inserting the element to `mlo-search-ready` (loading every page and indexing). */
  readyMs: number;
  /** Queries typed while the archive was loading and being indexed. */
  queriesWhileIndexing: number;
  /** Input event → results in the DOM and laid out, per measured query. */
  latencies: number[];
  resultCounts: number[];
  /** Durations of every long task (> 50 ms) from inserting the element to the end of the run (not the page's own start-up). */
  longTasks: number[];
}

/**
 * The real `<mlo-archive-search>` loading `src` (all pages), while a query is typed every 100 ms;
 * then each query's input event → results rendered, one per frame.
 */
async function elementRun(src: string, queries: string[]): Promise<ElementRun> {
  // The very first element on a page compiles the library's code, templates and styles: a one-off
  // start-up cost of any page, measured apart so that it is not counted as indexing.
  const coldStart = performance.now();
  const first = document.createElement('mlo-archive-search');
  document.body.append(first);
  await first.updateComplete;
  const firstRenderMs = performance.now() - coldStart;
  first.remove();

  const started = performance.now();
  const element = document.createElement('mlo-archive-search');
  element.debounce = 0;
  element.src = src;
  const ready = new Promise<SearchReadyDetail>((resolve) => element.addEventListener('mlo-search-ready', (event) => resolve(event.detail), { once: true }));
  document.body.append(element);
  await element.updateComplete;
  const input = () => element.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  // The element loads nothing until the reader shows intent: focus in the box starts the crawl.
  input().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  const type = (query: string) => {
    input().value = query;
    input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  };

  let indexing = true;
  let queriesWhileIndexing = 0;
  // A query every 100 ms until `indexing = false` below. A named function, not one called on the
  // spot, whose body TypeScript would read with `indexing` still `true`.
  const typeWhileIndexing = async () => {
    for (;;) {
      await sleep(100);
      if (!indexing) return;
      type(queries[queriesWhileIndexing++ % queries.length]!);
    }
  };
  const typing = typeWhileIndexing();
  const detail = await ready;
  const readyMs = performance.now() - started;
  indexing = false;
  await typing;

  const latencies: number[] = [];
  const resultCounts: number[] = [];
  for (const query of queries) {
    await nextFrame();
    const start = performance.now();
    type(query);
    await element.updateComplete;
    element.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect(); // style and layout, as the next frame needs them
    latencies.push(performance.now() - start);
    resultCounts.push(element.shadowRoot!.querySelectorAll('[role="option"]').length);
  }
  await sleep(200);
  const during = longTasks.filter((task) => task.startTime >= started).map((task) => task.duration);
  return { itemCount: detail.itemCount, complete: detail.complete, firstRenderMs, readyMs, queriesWhileIndexing, latencies, resultCounts, longTasks: during };
}

interface FuseDocument {
  item: FeedItem;
  title: string;
  summary: string;
  body: string;
}

function fuseFor(items: FeedItem[], keys: Array<keyof FuseDocument>): Fuse<FuseDocument> {
  const documents = items.map((item) => ({ item, title: item.title ?? '', summary: item.summary ?? '', body: itemBodyText(item) }));
  // Whole-document fuzzy search as one would set it up naively: diacritics ignored, matches anywhere in a field.
  return new Fuse(documents, { keys, ignoreDiacritics: true, ignoreLocation: true });
}

export interface FuseRun {
  itemCount: number;
  indexMs: number;
  latencies: number[];
}

/** Naive fuse.js over whole items: each query → search → the same ten results rendered with Lit. */
async function fuseRun(src: string, queries: string[], keys: Array<keyof FuseDocument>): Promise<FuseRun> {
  const items = await loadAll(src);
  const indexStart = performance.now();
  const fuse = fuseFor(items, keys);
  const indexMs = performance.now() - indexStart;
  const container = document.createElement('div');
  document.body.append(container);
  const latencies: number[] = [];
  for (const query of queries) {
    await nextFrame();
    const start = performance.now();
    const hits = fuse.search(query, { limit: 10 });
    render(html`<div role="listbox">${hits.map(({ item }) => html`<a role="option" href=${item.item.url ?? '#'}>${item.title}</a>`)}</div>`, container);
    container.getBoundingClientRect();
    latencies.push(performance.now() - start);
  }
  return { itemCount: items.length, indexMs, latencies };
}

export interface RecallRun {
  cases: number;
  /** Sanity: the word as written. */
  exact: number;
  /** One letter substituted (the target). */
  substituted: number;
  /** One random edit: substitution, insertion, deletion or swap of neighbours. */
  anyEdit: number;
  /** fuse.js (title + summary) on the same substituted words. */
  fuseSubstituted: number;
  examples: string[];
}

/**
 * One-typo recall: `count` (item, title word) pairs, each word at least 5 letters and in the titles
 * of at most 10 items (so that a top 10 can hold the item); the folded word with one letter changed
 * is searched alone; success when the item is in the top 10.
 */
async function recallRun(src: string, count: number, seed: number): Promise<RecallRun> {
  const items = await loadAll(src);
  const index = new SearchIndex();
  index.add(items);
  const titleFrequency = new Map<string, number>();
  for (const item of items) for (const term of new Set(searchTerms(item.title ?? ''))) titleFrequency.set(term, (titleFrequency.get(term) ?? 0) + 1);

  const random = seededRandom(seed);
  const letters = 'abcdefghijklmnoprstuvz';
  const letter = (not?: string) => {
    let chosen = letters[Math.floor(random() * letters.length)]!;
    while (chosen === not) chosen = letters[Math.floor(random() * letters.length)]!;
    return chosen;
  };
  const substitute = (word: string) => {
    const at = Math.floor(random() * word.length);
    return word.slice(0, at) + letter(word[at]) + word.slice(at + 1);
  };
  const anyEdit = (word: string) => {
    const at = Math.floor(random() * word.length);
    switch (Math.floor(random() * 4)) {
      case 0:
        return substitute(word);
      case 1:
        return word.slice(0, at) + letter() + word.slice(at);
      case 2:
        return word.slice(0, at) + word.slice(at + 1);
      default: {
        // In range: the words are at least 5 letters long.
        const swap = Math.min(at, word.length - 2);
        return word[swap + 1] === word[swap] ? substitute(word) : word.slice(0, swap) + word[swap + 1]! + word[swap]! + word.slice(swap + 2);
      }
    }
  };
  const cases: Array<{ item: FeedItem; word: string }> = [];
  while (cases.length < count) {
    const item = items[Math.floor(random() * items.length)]!;
    const candidates = searchTerms(item.title ?? '').filter((term) => term.length >= 5 && !/\d/.test(term) && (titleFrequency.get(term) ?? 0) <= 10);
    if (candidates.length === 0) continue;
    cases.push({ item, word: candidates[Math.floor(random() * candidates.length)]! });
  }
  const inTopTen = (query: string, item: FeedItem) => index.search(query, { limit: 10 }).hits.some((hit) => hit.item === item);
  const fuse = fuseFor(items, ['title', 'summary']);
  let exact = 0;
  let substituted = 0;
  let edited = 0;
  let fuseSubstituted = 0;
  const examples: string[] = [];
  for (const { item, word } of cases) {
    const typo = substitute(word);
    if (inTopTen(word, item)) exact += 1;
    if (inTopTen(typo, item)) substituted += 1;
    else if (examples.length < 5) examples.push(`${word} → ${typo} (${foldForSearch(item.title ?? '')})`);
    if (inTopTen(anyEdit(word), item)) edited += 1;
    if (fuse.search(typo, { limit: 10 }).some((hit) => hit.item.item === item)) fuseSubstituted += 1;
  }
  return { cases: cases.length, exact, substituted, anyEdit: edited, fuseSubstituted, examples };
}

export interface MemoryRun {
  itemCount: number;
  termCount: number;
  /** JS heap of the parsed items themselves (for scale). */
  itemBytes: number;
  /** JS heap added by the index over those items. */
  indexBytes: number;
  buildMs: number;
  /** Search alone (no rendering), per query. */
  searchLatencies: number[];
}

/** Heap of the index at this size (after forced GC), the time to build it at once, and search-only latency. */
async function memoryRun(src: string, queries: string[]): Promise<MemoryRun> {
  const baseline = heapBytes();
  const items = await loadAll(src);
  const withItems = heapBytes();
  const start = performance.now();
  const index = new SearchIndex();
  index.add(items);
  const buildMs = performance.now() - start;
  (globalThis as { keep?: unknown }).keep = index;
  const withIndex = heapBytes();
  const searchLatencies = queries.map((query) => {
    const begin = performance.now();
    index.search(query, { limit: 10 });
    return performance.now() - begin;
  });
  return { itemCount: items.length, termCount: index.termCount, itemBytes: withItems - baseline, indexBytes: withIndex - withItems, buildMs, searchLatencies };
}

(globalThis as { bench?: unknown }).bench = { elementRun, fuseRun, recallRun, memoryRun };
