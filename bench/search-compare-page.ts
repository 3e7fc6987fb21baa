/**
 * The in-browser half of bench/search-compare.mjs: one engine per fresh tab, driven step by step
 * from Node, which counts the bytes on the wire. Every engine's code loads on intent (a dynamic
 * import, counted): ours is the real <mlo-archive-search> (its search engine a chunk of its own),
 * Pagefind its pagefind.js with its WebAssembly, MiniSearch and fuse.js their modules. Nothing
 * search-related is imported statically here, so nothing of it is loaded before intent.
 */
import { html, render } from 'lit';
import '../src/elements/archive-search/define.js';
import type { MloArchiveSearch } from '../src/elements/archive-search/archive-search.js';
import type { SearchResults } from '../src/search/search-index.js';

/**
 * Resolves when `check()` holds, tested after every change to `root`'s DOM (and every 50 ms in case
 * a change leaves the DOM as it was). Not a polling loop: a loop of tasks would hold the main thread
 * that the engine being measured needs, and add its own time to every figure.
 */
function until(root: Node, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) {
      resolve();
      return;
    }
    const done = (error?: Error) => {
      observer.disconnect();
      clearInterval(interval);
      clearTimeout(timeout);
      if (error) reject(error);
      else resolve();
    };
    const test = () => {
      if (check()) done();
    };
    const observer = new MutationObserver(test);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const interval = setInterval(test, 50);
    const timeout = setTimeout(() => done(new Error('timed out')), timeoutMs);
  });
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

/** What every engine answers: the result links, best first (for recall), rendered as a list. */
type Engine = { search(query: string): Promise<string[]> };

const list = document.createElement('ol');
document.body.append(list);
function show(results: Array<{ title: string; url: string }>): string[] {
  render(html`${results.map((result) => html`<li><a href=${result.url}>${result.title}</a></li>`)}`, list);
  list.getBoundingClientRect();
  return results.map((result) => result.url);
}

// Ours: the real element.
/** When the last query's first results were in the DOM (the rest may have come later). */
let firstShownAt = 0;
let element: MloArchiveSearch | undefined;
const internals = () => element as unknown as { results?: SearchResults; pendingHits: number };

function mountOurs(src: string, searchIndex?: string): void {
  element = document.createElement('mlo-archive-search');
  element.debounce = 0;
  element.src = src;
  if (searchIndex) element.searchIndex = searchIndex;
  document.body.append(element);
}

async function oursType(query: string): Promise<string[]> {
  const input = element!.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  input.value = query;
  const before = internals().results;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await until(element!.shadowRoot!, () => internals().results !== before && internals().results?.query === query);
  await element!.updateComplete;
  // The best hits are shown as their records come (a prebuilt index): the time until all of them is kept apart.
  firstShownAt = performance.now();
  await until(element!.shadowRoot!, () => internals().pendingHits === 0);
  await element!.updateComplete;
  element!.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
  return (internals().results?.hits ?? []).map((hit) => hit.item.url ?? '');
}

const ours: Engine & { intent(): void } = {
  intent() {
    element!.shadowRoot!.querySelector('[role="combobox"]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  },
  search: oursType,
};

// Pagefind: its own script, loaded on intent; results' records fetched for the first 10.
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string } }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}
let pagefindBase = '';
let pagefind: Pagefind | undefined;
const pagefindEngine: Engine = {
  async search(query) {
    if (!pagefind) {
      const url = `${pagefindBase}pagefind.js`;
      pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      await pagefind.options({ baseUrl: '/', excerptLength: 30 });
      await pagefind.init();
    }
    const found = await pagefind.search(query);
    const records = await Promise.all((found?.results ?? []).slice(0, 10).map((result) => result.data()));
    return show(records.map((record) => ({ title: record.meta.title ?? '', url: record.url })));
  },
};

// The in-memory engines load every page of the feed on intent, then index it.
interface RawItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html?: string;
  tags?: string[];
}
async function crawl(src: string): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let url: string | undefined = new URL(src, location.href).href;
  while (url) {
    const page = (await (await fetch(url)).json()) as { items: RawItem[]; next_url?: string };
    items.push(...page.items);
    url = page.next_url ? new URL(page.next_url, url).href : undefined;
  }
  return items;
}
const text = (value: string | undefined) => (value ?? '').replace(/<[^>]*>/g, ' ');

let crawlSrc = '';
let miniSearch: { search(query: string, options?: Record<string, unknown>): Array<{ id: string; title: string; url: string }> } | undefined;
const miniSearchEngine: Engine = {
  async search(query) {
    if (!miniSearch) {
      const glue = '/js/minisearch.js'; // bench/search-compare-minisearch.ts, built apart
      const [{ MiniSearch, foldForSearch }, items] = await Promise.all([import(/* @vite-ignore */ glue) as Promise<typeof import('./search-compare-minisearch.js')>, crawl(crawlSrc)]);
      const index = new MiniSearch<RawItem>({
        fields: ['title', 'summary', 'body', 'tags'],
        storeFields: ['title', 'url'],
        extractField: (item, field) => (field === 'body' ? text(item.content_html) : field === 'tags' ? (item.tags ?? []).join(' ') : field === 'title' ? item.title : field === 'summary' ? (item.summary ?? '') : field === 'url' ? item.url : item.id),
        // Fair: our folding (diacritics, Serbian Cyrillic → Latin), so MiniSearch matches across scripts too.
        processTerm: (term) => foldForSearch(term),
        searchOptions: { boost: { title: 8, summary: 4, tags: 4 }, fuzzy: 0.2, prefix: true, combineWith: 'AND' },
      });
      index.addAll(items);
      miniSearch = index as unknown as NonNullable<typeof miniSearch>;
    }
    return show(miniSearch.search(query).slice(0, 10));
  },
};

let fuse: { search(query: string, options: { limit: number }): Array<{ item: RawItem }> } | undefined;
const fuseEngine: Engine = {
  async search(query) {
    if (!fuse) {
      const [{ default: Fuse }, items] = await Promise.all([import('fuse.js'), crawl(crawlSrc)]);
      fuse = new Fuse(items, { keys: ['title', 'summary'], ignoreDiacritics: true, ignoreLocation: true });
    }
    return show(fuse.search(query, { limit: 10 }).map(({ item }) => item));
  },
};

const engines: Record<string, Engine> = { ours, 'ours-named': ours, pagefind: pagefindEngine, minisearch: miniSearchEngine, fuse: fuseEngine };

/** Sets up an engine before intent (ours: the element on the page, with `search-index` or without; the others: nothing). */
async function prepare(name: string, setup: { src: string; searchIndex: string; pagefindBase: string }): Promise<void> {
  crawlSrc = setup.src;
  pagefindBase = setup.pagefindBase;
  if (name.startsWith('ours')) {
    // ours-named: the page names the index (search-index), as the embed builder writes it.
    mountOurs(setup.src, name === 'ours-named' ? setup.searchIndex : undefined);
    await element!.updateComplete;
  }
}

/** The first query, from the reader's first sign of intent (focus and the query at once) to its results shown. */
async function first(name: string, query: string): Promise<{ ms: number; allMs: number; count: number }> {
  const start = performance.now();
  if (name.startsWith('ours')) ours.intent();
  const urls = await engines[name]!.search(query);
  const end = performance.now();
  // Ours shows the best results first and the rest as their records come; the others show all at once.
  return { ms: (name.startsWith('ours') ? firstShownAt : end) - start, allMs: end - start, count: urls.length };
}

/** Each query's time from the keystroke to its results shown, one after the other. */
async function queries(name: string, list: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of list) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    await engines[name]!.search(query);
    times.push(performance.now() - start);
  }
  return times;
}

/** How many of the cases find their item (by link) in the top 10. */
async function recall(name: string, cases: Array<{ query: string; url: string }>): Promise<{ found: number; misses: string[] }> {
  let found = 0;
  const misses: string[] = [];
  for (const { query, url } of cases) {
    if ((await engines[name]!.search(query)).slice(0, 10).includes(url)) found += 1;
    else if (misses.length < 4) misses.push(query);
  }
  return { found, misses };
}

(globalThis as { bench?: unknown }).bench = { prepare, first, queries, recall, heap };
