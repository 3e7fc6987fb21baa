/**
 * dist/mlo-widgets.js: the file webmasters paste. It holds no element: it watches the page for the five
 * tags (present when it runs, parsed later, or inserted by a single-page app) and, the first time it
 * sees one, imports that element's code from the files built beside it (dist/chunks/). Each element's
 * own code then loads what it needs only when it needs it (the search engine on the first intent to
 * search, the sanitiser on the first article body, the Serbian messages on the first Serbian element).
 *
 * Works as a classic script and as `type="module"`: it is an IIFE, so it has no `import.meta` (a syntax
 * error in a classic script). Chunk addresses are resolved against the script's own address:
 * `document.currentScript.src` when it runs as a classic script; as a module script, `import()` with a
 * relative specifier resolves against the module's own URL (HTML: a script's base URL is its URL). No
 * DOM sink is written (dynamic import is no Trusted Types sink), so it runs under the README's strict CSP.
 *
 * Loaded twice, or beside the single-file build or another version: the same version runs once (the
 * first copy), a tag some script already defined is not loaded again by the same version, and another
 * version's definition stays first (its element code warns once, as `defineElement` does).
 */
import { yieldToMain } from '../feed/yield.js';
import { ALL_TAGS, type TagName } from '../internal/tags.js';
import { VERSION } from '../version.js';
import { clearLoadError, showLoadError } from './load-error.js';
import { RETRIES, retryAddress } from './retries.js';

/**
 * What the build wrote: every file of dist/chunks a tag needs (its entry first, then each chunk its
 * entry imports statically, so they are all fetched at once instead of one import after another),
 * and the same for the Serbian message tables. Filled in by vite.config.ts.
 */
declare const __MLO_CHUNKS__: {
  readonly files: readonly string[];
  readonly tags: Readonly<Record<TagName, readonly number[]>>;
  readonly serbian: readonly number[];
};
/** Read once: the build writes the map's literal wherever the name is used. */
const CHUNKS = __MLO_CHUNKS__;

interface LoaderState {
  /** The tags whose code this version has started to load (or found defined by its own version). */
  readonly started: Set<string>;
  /** Looks for the five tags under a root (a document, or a shadow root the page created). */
  readonly scan: (root: ParentNode) => void;
}

export interface LoaderApi {
  readonly VERSION: string;
  /** Looks for elements under a shadow root the page created (the page-wide watch cannot see inside those). */
  scan(root: ParentNode): void;
}

const SELECTOR = ALL_TAGS.join(',');
const KEY = Symbol.for(`mlo-widgets.loader@${VERSION}`);

/** The script's own address, read while it runs (afterwards `currentScript` is gone or someone else). */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;

/**
 * A file of dist/ by its path relative to dist/mlo-widgets.js. As a module script (no currentScript)
 * the relative specifier is left to `import()`, which resolves it against the module's URL.
 */
function address(file: string): string {
  return scriptUrl ? new URL(file, scriptUrl).href : `./${file}`;
}

/**
 * Imports a tag's files: every file at once, except that the entry (first: the file that defines the
 * element) waits for `before` (the Serbian tables, for a Serbian element, so that its first render is
 * Serbian). The first failure rejects.
 */
function importAll(indexes: readonly number[], attempt: number, before?: Promise<unknown>): Promise<unknown> {
  const [entry, ...rest] = indexes.map((index) => CHUNKS.files[index]!);
  // Only the entry carries the retry query: a module that failed stays failed under its URL, and a
  // shared chunk that loaded is shared, not loaded twice.
  const dependencies = rest.map((file) => import(/* @vite-ignore */ address(file)));
  if (entry === undefined) return Promise.all(dependencies);
  return Promise.all([...dependencies, before]).then(() => import(/* @vite-ignore */ address(retryAddress(entry, attempt))));
}

let serbian: Promise<unknown> | undefined;

/**
 * The page (or this element) speaks Serbian: the Serbian tables, imported once, beside the element's
 * files. A failure is not the element's: it then speaks English (src/i18n/serbian.ts).
 */
function serbianFor(element: Element): Promise<unknown> | undefined {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
  // The first subtag, as src/i18n/locale.ts reads it (sr, sr-Latn, sr_Latn, srp, sh, hbs).
  if (!/^\s*(sr|srp|sh|hbs)(?:[-_\s]|$)/i.test(lang) || CHUNKS.serbian.length === 0) return undefined;
  serbian ??= importAll(CHUNKS.serbian, 0).catch(() => undefined);
  return serbian;
}

/**
 * After a retry failed: are the tag's files reachable now? Then the failure is the document's memory
 * of an earlier failed import of a shared file (its address cannot be imported again), not the network.
 */
async function reachable(indexes: readonly number[]): Promise<boolean> {
  try {
    // fetch() resolves against the page, not the script: as a module script, find the script's element.
    const base = scriptUrl ?? Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'), (script) => script.src).find((src) => /\/mlo-widgets\.js(\?|#|$)/.test(src));
    if (!base) return false;
    const responses = await Promise.all(indexes.map((index) => fetch(new URL(CHUNKS.files[index]!, base), { cache: 'no-store' })));
    return responses.every((response) => response.ok);
  } catch {
    return false;
  }
}

let turns: Promise<void> | undefined;

/**
 * Runs `job` now, or after the jobs queued before it, each in a task of its own. Calling `import()` costs
 * the main thread milliseconds per file on a slow phone (bench/long-tasks.mjs): the first tag found starts
 * at once, and each other tag found with it starts in a later task.
 */
function inTurn(job: () => void): void {
  const run = (): Promise<void> => {
    job();
    return yieldToMain();
  };
  const mine: Promise<void> = (turns = (turns ? turns.then(run, run) : run()).finally(() => {
    if (turns === mine) turns = undefined;
  }));
}

function load(tag: TagName, attempt: number, before?: Promise<unknown>): void {
  inTurn(() => importTag(tag, attempt, before));
}

function importTag(tag: TagName, attempt: number, before?: Promise<unknown>): void {
  const files = CHUNKS.tags[tag];
  importAll(files, attempt, before).then(
    () => failed.delete(tag),
    async (error: unknown) => {
      console.warn(`mlo-widgets ${VERSION}: the code of <${tag}> could not be loaded.`, error);
      // After the last retry address (an import map's integrity lists each of them), a reload.
      const stuck = attempt >= RETRIES || (attempt > 0 && (await reachable(files)));
      const retry = (): void => {
        failed.delete(tag);
        for (const element of document.querySelectorAll(tag)) clearLoadError(element);
        load(tag, attempt + 1);
      };
      // Every element of the tag, now and later, until a retry succeeds.
      const show = (element: Element): void => showLoadError(element, retry, stuck);
      failed.set(tag, show);
      for (const element of document.querySelectorAll(tag)) show(element);
    },
  );
}

/** Tags whose code failed to load, with how to show it on a newly found element. */
const failed = new Map<string, (element: Element) => void>();

function start(): LoaderState {
  const started = new Set<string>();
  const found = (element: Element): void => {
    const tag = element.localName as TagName;
    const tables = serbianFor(element);
    if (started.has(tag)) {
      if (!customElements.get(tag)) failed.get(tag)?.(element);
      return;
    }
    started.add(tag);
    const existing: (CustomElementConstructor & { mloVersion?: string }) | undefined = customElements.get(tag);
    // Defined by this very version (the single-file build, or the npm build): nothing to load.
    if (existing?.mloVersion === VERSION) return;
    load(tag, 0, tables);
  };
  const scan = (root: ParentNode): void => {
    if (root instanceof Element && root.matches(SELECTOR)) found(root);
    for (const element of root.querySelectorAll(SELECTOR)) found(element);
  };
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(document, { childList: true, subtree: true });
  return { started, scan };
}

function api(): LoaderApi {
  const globals = globalThis as unknown as Record<symbol, LoaderState | undefined>;
  // The same version pasted twice (or as classic and module script): the first copy does the work.
  const state = (globals[KEY] ??= typeof document === 'undefined' ? undefined : start());
  return { VERSION, scan: (root) => state?.scan(root) };
}

const loader = api();
export const scan = (root: ParentNode): void => loader.scan(root);
export { VERSION };
