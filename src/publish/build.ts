/**
 * `mlo-feed build`: content (Markdown, RSS 2.0, Atom, JSON Feed) in, a static folder out that any web
 * host or CDN serves as it is (docs/publishing.md):
 *
 * - per language a stable entry feed (`feed.json` for the default language, `feed.<language>.json` for
 *   the others; short cache) and older pages linked by `next_url` whose names carry a hash of their
 *   content (cache forever);
 * - per language and archive year a stable archive feed (`feed.2023.json`, `feed.sr-Latn.2023.json`),
 *   paged the same way, listed in `_mlo.archives`;
 * - `_mlo.alternates` between the languages, the trail and offices at feed level;
 * - the prebuilt search index (src/search/prebuilt/write.ts), named in `_mlo.search_index_url`.
 *
 * Pages are cut from the oldest item up: every older page holds exactly `page_size` items, and the
 * entry feed the newest `page_size` to `2 × page_size − 1`. A new story therefore changes the entry feed
 * only, until it is full and its oldest `page_size` items become one new page: the pages already
 * published keep their names and stay in every cache. A file is written only when its contents changed,
 * so a re-run with nothing changed writes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MAX_FEED_PAGE_SIZE, MAX_ITEMS_PER_PAGE } from '../feed/limits.js';
import { MLO_EXTENSION_ABOUT, parseFeed } from '../feed/parse.js';
import type { FeedItem } from '../feed/types.js';
import { checkEntry } from './checks.js';
import { displayPath, loadSiteConfig, siteConfigFrom, type LanguageSettings, type SiteConfig } from './config.js';
import { Diagnostics, EXIT_CONTENT, EXIT_OK, formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { entryYear, type Entry, type JsonItem } from './model.js';
import { Progress, type ProgressOptions } from './progress.js';
import { searchIndexFiles } from './search-index.js';
import { canonicalTag, languageTag } from './sources/fields.js';
import { readJsonFeed } from './sources/json-feed.js';
import { readMarkdownFolder } from './sources/markdown.js';
import { readSource } from './sources/read.js';
import { readXml } from './sources/xml.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface BuildOptions extends ProgressOptions {
  /** Print every output file in the summary, however many (default: every file up to 60, else by kind). */
  list?: boolean;
  /** Delete files of an earlier build that this build no longer writes (pages replaced by new ones). */
  prune?: boolean;
}

export type OutputKind = 'entry' | 'page' | 'archive' | 'search' | 'asset';

export interface OutputFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  kind: OutputKind;
  bytes: number;
  gzipBytes: number;
  /** False when the file on disk already had these contents and was left untouched. */
  written: boolean;
}

export interface LanguageSummary {
  language: string;
  items: number;
  /** Items per archive year, newest year first; `undefined` years (no date) as "none". */
  years: [string, number][];
  /** The entry feed's file name. */
  feed: string;
}

export interface BuildResult {
  /** 0 when the feeds were written, 1 when the content has errors (nothing is written then). */
  exitCode: number;
  diagnostics: Diagnostic[];
  output: string;
  files: OutputFile[];
  languages: LanguageSummary[];
  /** Files of an earlier build no longer written (deleted when `prune`). */
  stale: string[];
  elapsedMs: number;
}

/** A JSON Feed page as written: key order fixed, so the same content gives the same bytes. */
type FeedDocument = Record<string, unknown> & { items: JsonItem[] };

const ITEM_KEYS: (keyof JsonItem)[] = [
  'id', 'url', 'external_url', 'title', 'summary', 'content_html', 'content_text', 'image', 'banner_image',
  'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments', '_mlo',
];
const MLO_ITEM_KEYS = ['about', 'archive_year', 'byline', 'original_source', 'photos'] as const;
/** Fields that are the same in every language version of a story: given once, inherited by the others. */
const SHARED_KEYS = ['date_published', 'date_modified', 'image', 'banner_image', 'external_url'] as const;

function serialise(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function hashOf(text: string): string {
  // 64 bits of SHA-256: a name cached for a year must not be reused for other contents, ever.
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function ordered(item: JsonItem, language: string): JsonItem {
  const copy = { ...item, language };
  const out: Record<string, unknown> = {};
  for (const key of ITEM_KEYS) if (copy[key] !== undefined) out[key] = copy[key];
  if (item._mlo) {
    const mlo: Record<string, unknown> = {};
    for (const key of MLO_ITEM_KEYS) if (item._mlo[key] !== undefined) mlo[key] = item._mlo[key];
    out._mlo = mlo;
  }
  return out as unknown as JsonItem;
}

function sortTime(item: JsonItem): number | undefined {
  const date = item.date_published ?? item.date_modified;
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

/** Newest first; undated last; equal dates by id, so the order never depends on the order files were read. */
function newestFirst(items: JsonItem[]): JsonItem[] {
  return items
    .map((item) => ({ item, time: sortTime(item) }))
    .sort((a, b) => {
      if (a.time !== b.time) {
        if (a.time === undefined) return 1;
        if (b.time === undefined) return -1;
        return b.time - a.time;
      }
      return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
    })
    .map(({ item }) => item);
}

/** `feed`, `feed.sr-Latn`, `feed.2023`, `feed.sr-Latn.2023`: the stem of an entry or archive feed. */
export function feedStem(language: string, defaultLanguage: string, year?: number): string {
  return `feed${language === defaultLanguage ? '' : `.${language}`}${year === undefined ? '' : `.${year}`}`;
}

/** Reads every source of the config into entries. */
async function readContent(config: SiteConfig, diagnostics: Diagnostics, progress: Progress): Promise<Entry[]> {
  const languages = [...config.languages.keys()];
  const entries: Entry[] = [];
  for (const source of config.content) {
    const shown = displayPath(source.path);
    const language = source.language ?? config.default_language;
    progress.start(`Reading ${source.kind === 'json_feed' ? 'JSON Feed' : source.kind === 'markdown' ? 'Markdown' : source.kind === 'rss' ? 'RSS' : 'Atom'} ${shown}`);
    let read: Entry[];
    if (source.kind === 'markdown') {
      let folder = false;
      try {
        folder = statSync(source.path).isDirectory();
      } catch {
        folder = false;
      }
      if (!folder) {
        diagnostics.error(config.file ? displayPath(config.file) : shown, `content folder ${shown} does not exist`, { field: 'content' });
        read = [];
      } else {
        read = readMarkdownFolder(source.path, languages, language, diagnostics, (done, total) => progress.tick(done, total));
      }
    } else if (source.kind === 'json_feed') {
      read = await readJsonFeed(source.path, language, source.language !== undefined, diagnostics);
    } else {
      const text = await readSource(source.path);
      read = readXml(text, { file: shown, language, forceLanguage: source.language !== undefined, kind: source.kind }, diagnostics);
    }
    entries.push(...read);
    progress.end(`${read.length} ${read.length === 1 ? 'entry' : 'entries'} (a story in one language each)`);
  }
  return entries;
}

/** One story in its languages, once ids are assigned. */
interface Story {
  id: string;
  key: string;
  versions: Map<string, Entry>;
}

/**
 * The site language a tag belongs to: the same tag, else the one site language with its primary subtag
 * (and its script, when the tag names one): a CMS's `en-us` is the site's `en`, `sr-Latn-RS` its `sr-Latn`.
 */
function siteLanguage(tag: string, languages: readonly string[]): string | undefined {
  const exact = languages.find((candidate) => candidate.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const [primary, ...rest] = tag.toLowerCase().split('-');
  const script = rest.find((part) => part.length === 4);
  const candidates = languages.filter((candidate) => {
    const [otherPrimary, ...otherRest] = candidate.toLowerCase().split('-');
    return otherPrimary === primary && (script === undefined || otherRest.includes(script));
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

function groupStories(entries: Entry[], config: SiteConfig, diagnostics: Diagnostics): Story[] {
  const languages = [...config.languages.keys()];
  const byKey = new Map<string, Map<string, Entry>>();
  for (const entry of entries) {
    const checked = languageTag(entry.language, entry.file, entry.place('language'), diagnostics);
    if (checked === undefined) continue;
    let tag = canonicalTag(checked);
    // Plain `sr` is Cyrillic (CLDR, and the widgets): file it there when the site has Serbian Cyrillic.
    if (tag === 'sr' && languages.includes('sr-Cyrl')) tag = 'sr-Cyrl';
    const language = siteLanguage(tag, languages);
    if (!language) {
      diagnostics.error(entry.file, `language "${entry.language}" is not one of the site's languages (${languages.join(', ')}): fix the tag or add the language to the site config`, entry.place('language'));
      continue;
    }
    entry.language = language;
    let versions = byKey.get(entry.key);
    if (!versions) byKey.set(entry.key, (versions = new Map<string, Entry>()));
    const earlier = versions.get(language);
    if (earlier) {
      const what = entry.explicitId !== undefined && entry.explicitId === earlier.explicitId ? `duplicate id "${entry.explicitId}"` : `a second ${language} version of story "${entry.key}"`;
      diagnostics.error(entry.file, `${what}: already in ${earlier.file}${earlier.line === undefined ? '' : `:${earlier.line}`} (ids must be unique in a language; give each story its own id or key)`, entry.place('id'));
      continue;
    }
    versions.set(language, entry);
  }

  const stories: Story[] = [];
  const byId = new Map<string, Map<string, Entry>>();
  for (const [key, versions] of byKey) {
    const ordered = languages.map((language) => versions.get(language)).filter((entry): entry is Entry => entry !== undefined);
    for (const entry of ordered) {
      const template = config.languages.get(entry.language)?.item_url;
      if (!entry.item.url && template) entry.item.url = template.replaceAll('{key}', key);
    }
    const explicit = ordered.filter((entry) => entry.explicitId !== undefined);
    const distinct = new Set(explicit.map((entry) => entry.explicitId));
    if (distinct.size > 1) {
      diagnostics.error(explicit[1]!.file, `the language versions of story "${key}" give different ids (${[...distinct].join(', ')}): the versions of one story share its id`, explicit[1]!.place('id'));
    }
    // The id: as given, else the story's address (the default language's first), else its key under the
    // base URL (or the key alone): stable as long as the file keeps its name.
    const id = explicit[0]?.explicitId ?? ordered.find((entry) => entry.item.url)?.item.url ?? (config.base_url ? new URL(key, config.base_url).href : key);
    // Language-neutral fields come from the first version that has them (the default language first).
    for (const entry of ordered) {
      for (const shared of SHARED_KEYS) {
        if (entry.item[shared] === undefined) {
          const value = ordered.find((other) => other.item[shared] !== undefined)?.item[shared];
          if (value !== undefined) entry.item[shared] = value;
        }
      }
      if (entry.item._mlo?.archive_year === undefined) {
        const year = ordered.find((other) => other.item._mlo?.archive_year !== undefined)?.item._mlo?.archive_year;
        if (year !== undefined) entry.item._mlo = { ...(entry.item._mlo ?? { about: MLO_EXTENSION_ABOUT }), archive_year: year };
      }
      entry.item.id = id;
      const seen = byId.get(entry.language) ?? new Map<string, Entry>();
      byId.set(entry.language, seen);
      const other = seen.get(id);
      if (other) {
        diagnostics.error(entry.file, `duplicate id "${id}" in ${entry.language}: already used by ${other.file}${other.line === undefined ? '' : `:${other.line}`}`, entry.place('id'));
      }
      seen.set(id, entry);
    }
    stories.push({ id, key, versions });
  }
  return stories;
}

interface Chain {
  /** Entry (or archive) feed first, then the older pages, newest first. */
  files: { path: string; contents: string; kind: OutputKind; items: number }[];
}

/**
 * A feed and its older pages. `head` is the entry document without items; pages carry only what a
 * reader of that page needs, so that a change to the trail or the offices leaves their hashes alone.
 */
function writeChain(stem: string, items: JsonItem[], head: Record<string, unknown>, pageHead: Record<string, unknown>, pageSize: number, kind: OutputKind, baseUrl: string | undefined): Chain {
  const olderPages = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const entryCount = items.length - olderPages * pageSize;
  const files: Chain['files'] = [];
  let next: string | undefined;
  // From the oldest page up: each page names the one after it, so its hash covers the whole tail.
  for (let page = olderPages; page >= 1; page -= 1) {
    const start = entryCount + (page - 1) * pageSize;
    const pageItems = items.slice(start, start + pageSize);
    const document: FeedDocument = { version: JSON_FEED_VERSION, ...pageHead, ...(next ? { next_url: next } : {}), items: pageItems };
    const hash = hashOf(serialise(document));
    const path = `${stem}.page-${hash}.json`;
    const withUrl = baseUrl ? reorder({ ...document, feed_url: new URL(path, baseUrl).href }) : document;
    files.unshift({ path, contents: serialise(withUrl), kind: kind === 'entry' ? 'page' : 'archive', items: pageItems.length });
    next = path;
  }
  const path = `${stem}.json`;
  const document = { version: JSON_FEED_VERSION, ...head, ...(baseUrl ? { feed_url: new URL(path, baseUrl).href } : {}), ...(next ? { next_url: next } : {}) };
  const { _mlo: mlo, ...rest } = document as Record<string, unknown>;
  files.unshift({ path, contents: serialise(reorder({ ...rest, ...(mlo ? { _mlo: mlo } : {}), items: items.slice(0, entryCount) })), kind, items: entryCount });
  return { files };
}

const FEED_KEYS = ['version', 'user_comment', 'title', 'home_page_url', 'feed_url', 'description', 'language', 'icon', 'favicon', 'authors', 'next_url', '_mlo', 'items'];

function reorder(document: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FEED_KEYS) if (document[key] !== undefined) out[key] = document[key];
  return out;
}

function feedHead(settings: LanguageSettings, language: string, title: string): Record<string, unknown> {
  return {
    ...(settings.user_comment ? { user_comment: settings.user_comment } : {}),
    title,
    ...(settings.home_page_url ? { home_page_url: settings.home_page_url } : {}),
    ...(settings.description ? { description: settings.description } : {}),
    language,
    ...(settings.icon ? { icon: settings.icon } : {}),
    ...(settings.favicon ? { favicon: settings.favicon } : {}),
    ...(settings.authors?.length ? { authors: settings.authors } : {}),
  };
}

function pageHead(settings: LanguageSettings, language: string, title: string): Record<string, unknown> {
  return { title, ...(settings.home_page_url ? { home_page_url: settings.home_page_url } : {}), language };
}

/** Every file under `folder`, relative, with `/`. */
function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (directory: string) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(folder, path).split(sep).join('/'));
    }
  };
  walk(folder);
  return out.sort();
}

/** Names an earlier build of ours may have written, for the stale-file report. */
const OUR_NAMES = /^(feed(\.[A-Za-z][A-Za-z0-9-]*)?(\.\d{4})?(\.page-[0-9a-f]{16})?\.json|search-index(\.[A-Za-z][A-Za-z0-9-]*)?\.json|search\/.+\.json)$/;

function sameBytes(path: string, contents: Buffer): boolean {
  try {
    const existing = readFileSync(path);
    return existing.equals(contents);
  } catch {
    return false;
  }
}

function asConfig(config: SiteConfig | string | Record<string, unknown>): SiteConfig {
  if (typeof config === 'string') return loadSiteConfig(config);
  if (config.languages instanceof Map) return config as unknown as SiteConfig;
  return siteConfigFrom(config, { root: process.cwd() });
}

/**
 * Builds the feeds. `config` is a site config file's path, a config object as the file would hold it
 * (paths relative to the working directory), or a loaded SiteConfig. Throws a UsageError for a broken
 * config (exit code 2); content errors come back in the result (exit code 1, nothing written).
 */
export async function build(config: SiteConfig | string | Record<string, unknown>, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const progress = new Progress({ quiet: true, ...options });
  const site = asConfig(config);
  const diagnostics = new Diagnostics();

  const entries = await readContent(site, diagnostics, progress);
  progress.start('Checking stories');
  const stories = groupStories(entries, site, diagnostics);
  for (const story of stories) for (const entry of story.versions.values()) checkEntry(entry, diagnostics);
  progress.end(`${stories.length} stories, ${diagnostics.errors.length} errors, ${diagnostics.warnings.length} warnings`);

  const planned = new Map<string, { contents: Buffer; kind: OutputKind }>();
  const plan = (path: string, contents: string | Buffer, kind: OutputKind) => {
    const existing = planned.get(path);
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
    if (existing && !existing.contents.equals(bytes)) diagnostics.error(path, 'two different output files have this name (a hash collision or a name clash with an asset)');
    planned.set(path, { contents: bytes, kind });
  };
  const summaries: LanguageSummary[] = [];

  progress.start('Sorting stories by language and year');
  const languages = [...site.languages.keys()];
  const itemsByLanguage = new Map<string, JsonItem[]>();
  for (const language of languages) itemsByLanguage.set(language, []);
  for (const story of stories) for (const [language, entry] of story.versions) itemsByLanguage.get(language)!.push(ordered(entry.item, language));

  const yearsByLanguage = new Map<string, Map<number, JsonItem[]>>();
  for (const [language, items] of itemsByLanguage) {
    const years = new Map<number, JsonItem[]>();
    for (const item of items) {
      const year = entryYear(item);
      if (year === undefined) continue;
      let list = years.get(year);
      if (!list) years.set(year, (list = []));
      list.push(item);
    }
    yearsByLanguage.set(language, years);
  }

  // The search index of each language, named in its feeds.
  const searchUrls = new Map<string, string>();
  if (site.search_index && diagnostics.errors.length === 0) {
    progress.start('Writing the search index');
    for (const [language, items] of itemsByLanguage) {
      if (items.length === 0) continue;
      const normalised = normaliseForSearch(newestFirst(items), language, site);
      const files = searchIndexFiles(normalised, language === site.default_language ? 'search-index.json' : `search-index.${language}.json`);
      if (!files) break;
      for (const file of files) plan(file.path, file.contents, 'search');
      searchUrls.set(language, files[0]!.path);
    }
    progress.end(`${[...planned.values()].filter((file) => file.kind === 'search').length} files`);
  }
  progress.start('Writing feeds');

  for (const language of languages) {
    const settings = site.languages.get(language)!;
    const items = newestFirst(itemsByLanguage.get(language)!);
    const years = [...yearsByLanguage.get(language)!.keys()].sort((a, b) => b - a);
    const alternatesFor = (year?: number) =>
      languages
        .filter((other) => other !== language && (year === undefined || yearsByLanguage.get(other)!.has(year)))
        .map((other) => {
          const otherSettings = site.languages.get(other)!;
          return { language: other, url: `${feedStem(other, site.default_language, year)}.json`, title: otherSettings.alternate_title ?? otherSettings.title };
        });
    const archives = years.map((year) => ({
      year,
      url: settings.archive_url ? settings.archive_url.replaceAll('{year}', String(year)) : `${feedStem(language, site.default_language, year)}.json`,
      feed_url: `${feedStem(language, site.default_language, year)}.json`,
    }));
    const mlo = (year?: number) => ({
      about: MLO_EXTENSION_ABOUT,
      ...(settings.trail?.length ? { trail: settings.trail } : {}),
      ...(settings.offices?.length ? { offices: settings.offices } : {}),
      ...(alternatesFor(year).length ? { alternates: alternatesFor(year) } : {}),
      ...(archives.length ? { archives } : {}),
      ...(settings.search_url ? { search_url: settings.search_url } : {}),
      ...(searchUrls.has(language) ? { search_index_url: searchUrls.get(language) } : {}),
    });
    const main = writeChain(feedStem(language, site.default_language), items, { ...feedHead(settings, language, settings.title), _mlo: mlo() }, pageHead(settings, language, settings.title), site.page_size, 'entry', site.base_url);
    for (const file of main.files) plan(file.path, file.contents, file.kind);
    for (const year of years) {
      const title = `${settings.title} (${year})`;
      const yearItems = newestFirst(yearsByLanguage.get(language)!.get(year)!);
      const chain = writeChain(feedStem(language, site.default_language, year), yearItems, { ...feedHead(settings, language, title), _mlo: mlo(year) }, pageHead(settings, language, title), site.page_size, 'archive', site.base_url);
      for (const file of chain.files) plan(file.path, file.contents, 'archive');
    }
    const counts = new Map<string, number>();
    for (const item of items) {
      const year = entryYear(item);
      const label = year === undefined ? 'none' : String(year);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    summaries.push({ language, items: items.length, years: [...counts].sort((a, b) => (a[0] === 'none' ? 1 : b[0] === 'none' ? -1 : Number(b[0]) - Number(a[0]))), feed: `${feedStem(language, site.default_language)}.json` });
  }
  for (const [path, { contents }] of planned) {
    if (path.endsWith('.json') && !path.startsWith('search') && contents.toString('utf8').length > MAX_FEED_PAGE_SIZE) {
      diagnostics.error(path, `the page is ${(contents.toString('utf8').length / 1048576).toFixed(1)} MiB of text, over the ${MAX_FEED_PAGE_SIZE / 1048576} MiB a reader's browser parses comfortably (src/feed/limits.ts MAX_FEED_PAGE_SIZE; the widgets refuse larger pages): lower page_size in the site config`);
    }
  }
  for (const asset of site.assets) {
    for (const file of filesUnder(asset)) plan(`${basename(asset)}/${file}`, readFileSync(join(asset, file)), 'asset');
  }
  progress.end(`${planned.size} files planned`);

  const files: OutputFile[] = [];
  let stale: string[] = [];
  if (diagnostics.errors.length === 0) {
    progress.start(`Writing ${displayPath(site.output)}`);
    let done = 0;
    for (const [path, { contents, kind }] of planned) {
      const target = join(site.output, path);
      const same = sameBytes(target, contents);
      if (!same) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, contents);
      }
      // Synchronous on purpose: thousands of zlib streams in flight at once (one per file, on the
      // thread pool) hold a deflate window each and made this phase three times slower.
      const gzipBytes = kind === 'asset' && !/\.(svg|json|html|css|js|txt|xml)$/i.test(path) ? contents.length : gzipSync(contents).length;
      files.push({ path, kind, bytes: contents.length, gzipBytes, written: !same });
      done += 1;
      progress.tick(done, planned.size);
    }
    stale = filesUnder(site.output).filter((path) => OUR_NAMES.test(path) && !planned.has(path));
    if (options.prune) for (const path of stale) unlinkSync(join(site.output, path));
    progress.end(`${files.filter((file) => file.written).length} written, ${files.filter((file) => !file.written).length} unchanged${stale.length ? `, ${stale.length} stale ${options.prune ? 'deleted' : '(mlo-feed build --prune deletes them)'}` : ''}`);
  }

  const result: BuildResult = {
    exitCode: diagnostics.errors.length > 0 ? EXIT_CONTENT : EXIT_OK,
    diagnostics: diagnostics.list,
    output: site.output,
    files,
    languages: summaries,
    stale,
    elapsedMs: performance.now() - started,
  };
  printSummary(result, progress, options.list ?? false);
  return result;
}

/** The items as the widgets will read them (the feed layer's own normalisation), for the search index. */
function normaliseForSearch(items: JsonItem[], language: string, site: SiteConfig): FeedItem[] {
  const out: FeedItem[] = [];
  // parseFeed reads at most MAX_ITEMS_PER_PAGE items of a page: hand it the items page by page.
  for (let start = 0; start < items.length; start += MAX_ITEMS_PER_PAGE) {
    const feed = parseFeed({ version: JSON_FEED_VERSION, title: language, items: items.slice(start, start + MAX_ITEMS_PER_PAGE) }, site.base_url ? { url: new URL(`${feedStem(language, site.default_language)}.json`, site.base_url).href } : {});
    out.push(...feed.items);
  }
  return out;
}

/** Warnings printed in the summary; the rest are counted. */
const MAX_WARNINGS_SHOWN = 100;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1048576).toFixed(2)} MiB`;
}

function printSummary(result: BuildResult, progress: Progress, list: boolean): void {
  const errors = result.diagnostics.filter((entry) => entry.severity === 'error');
  const warnings = result.diagnostics.filter((entry) => entry.severity === 'warning');
  const byPlace = (a: Diagnostic, b: Diagnostic) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
  // Every error; warnings up to a screenful or two (the result, and `mlo-feed build --quiet`, have them all).
  const shownWarnings = [...warnings].sort(byPlace).slice(0, MAX_WARNINGS_SHOWN);
  for (const entry of [...shownWarnings, ...[...errors].sort(byPlace)]) progress.line(formatDiagnostic(entry));
  if (warnings.length > shownWarnings.length) progress.line(`… and ${warnings.length - shownWarnings.length} more warnings (mlo-feed build --quiet prints every warning and error, and nothing else)`);
  if (errors.length > 0) {
    progress.line(`\n${errors.length} ${errors.length === 1 ? 'error' : 'errors'}, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}: nothing written (exit code ${EXIT_CONTENT}).`);
    return;
  }
  progress.line('\nItems per language and archive year:');
  for (const summary of result.languages) {
    progress.line(`  ${summary.language.padEnd(8)} ${String(summary.items).padStart(6)} items in ${summary.feed}  ${summary.years.map(([year, count]) => `${year}: ${count}`).join(', ')}`);
  }
  const files = [...result.files].sort((a, b) => (a.path < b.path ? -1 : 1));
  progress.line(`\nFiles in ${displayPath(result.output)} (gzip size; * written by this run):`);
  if (list || files.length <= 60) {
    for (const file of files) progress.line(`  ${file.written ? '*' : ' '} ${file.path.padEnd(44)} ${size(file.gzipBytes).padStart(10)} gzip  ${size(file.bytes).padStart(10)}`);
  } else {
    const kinds: OutputKind[] = ['entry', 'page', 'archive', 'search', 'asset'];
    for (const file of files.filter((candidate) => candidate.kind === 'entry')) progress.line(`  ${file.written ? '*' : ' '} ${file.path.padEnd(44)} ${size(file.gzipBytes).padStart(10)} gzip  ${size(file.bytes).padStart(10)}`);
    for (const kind of kinds.slice(1)) {
      const group = files.filter((file) => file.kind === kind);
      if (group.length === 0) continue;
      const total = group.reduce((sum, file) => sum + file.gzipBytes, 0);
      const largest = group.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
      progress.line(`    ${`${group.length} ${kind} files`.padEnd(44)} ${size(total).padStart(10)} gzip in all, largest ${largest.path} ${size(largest.gzipBytes)} (--list shows each)`);
    }
  }
  const largest = files.filter((file) => file.kind !== 'asset').reduce<OutputFile | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined);
  if (largest) progress.line(`Largest file: ${largest.path}, ${size(largest.bytes)} (${size(largest.gzipBytes)} gzip)`);
  const written = files.filter((file) => file.written).length;
  progress.line(`${written === 0 ? 'Nothing changed: no file written' : `${written} of ${files.length} files written`}; ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}; ${(result.elapsedMs / 1000).toFixed(1)} s.`);
}
