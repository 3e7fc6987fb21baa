/**
 * The embed builder: a webmaster picks an element and its options, sees it live, and copies the
 * exact snippet for their page — the `<script>` tag of dist/mlo-widgets.js with its Subresource
 * Integrity hash (computed in the browser from the built file, never typed) and the element.
 *
 * The live preview and the snippet come from one `EmbedSpec`: the preview is created from its
 * tag and attributes, and its colours are applied from the same CSS text the snippet carries, so
 * what the page shows is what the snippet produces (test/embed-builder.test.ts pastes the snippet
 * into a blank page and compares).
 *
 * A tool for the documentation, not part of the library: it is English only and registers itself
 * as `<embed-builder>` (no `mlo-` prefix).
 */
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadFeed } from '../src/feed/load.js';
import { archiveYearOf, sortNewestFirst } from '../src/feed/parse.js';
import { itemDisplayTitle } from '../src/feed/text.js';
import type { Feed } from '../src/feed/types.js';
import { safeUrl } from '../src/feed/urls.js';
import { commonMessages } from '../src/i18n/messages/common.js';
import { isFeedError } from '../src/feed/errors.js';
import { VERSION } from '../src/version.js';
import type { TagName } from '../src/internal/tags.js';
import { RETRIES, retryAddress } from '../src/loader/retries.js';

export type EmbeddableTag = TagName;

/** One option of an element, written as one attribute. */
interface OptionField {
  attribute: string;
  label: string;
  hint?: string;
  kind: 'select' | 'number' | 'text' | 'url' | 'checkbox' | 'article' | 'tag' | 'year';
  /** For selects: [value, label]; the empty value means "leave the attribute out". */
  choices?: readonly (readonly [string, string])[];
  min?: number;
  max?: number;
  /** For checkboxes: the value written when checked ('' writes a boolean attribute). */
  checkedValue?: string;
}

interface ElementChoice {
  label: string;
  summary: string;
  /** Whether the element needs a feed; the office contact has a built-in default. */
  feed: 'required' | 'optional';
  options: readonly OptionField[];
}

const DEFAULT_CHOICE = ['', '(element default)'] as const;
const HEADING_LEVEL: OptionField = {
  attribute: 'heading-level',
  label: 'Heading level',
  hint: 'So the headings fit your page outline (1–6).',
  kind: 'number',
  min: 1,
  max: 6,
};
const NEW_TAB: OptionField = { attribute: 'target', label: 'Open articles in a new tab', kind: 'checkbox', checkedValue: '_blank' };
const NO_JSON_LD: OptionField = {
  attribute: 'no-json-ld',
  label: 'No structured data (JSON-LD) for search engines',
  kind: 'checkbox',
  checkedValue: '',
};

/** The five elements and the options a webmaster may set; test/embed-builder.test.ts checks them against custom-elements.json. */
export const EMBEDDABLE_ELEMENTS: Readonly<Record<EmbeddableTag, ElementChoice>> = {
  'mlo-news-list': {
    label: 'News list',
    summary: 'The latest news, newest first, as a list, a grid of cards or headlines.',
    feed: 'required',
    options: [
      {
        attribute: 'layout',
        label: 'Layout',
        kind: 'select',
        choices: [DEFAULT_CHOICE, ['list', 'List: image beside the text'], ['grid', 'Grid of cards'], ['headlines', 'Headlines only (sidebars)']],
      },
      { attribute: 'limit', label: 'Items shown', hint: 'More appear with Load more.', kind: 'number', min: 1, max: 100 },
      { attribute: 'tag', label: 'Only items with this tag', kind: 'tag' },
      { attribute: 'year', label: 'Only items of this archive year', kind: 'year' },
      {
        attribute: 'item-lang',
        label: 'Only items in this language',
        kind: 'select',
        choices: [['', '(all languages)'], ['en', 'English'], ['sr-Latn', 'Serbian (Latin)'], ['sr-Cyrl', 'Serbian (Cyrillic)']],
      },
      HEADING_LEVEL,
      NEW_TAB,
    ],
  },
  'mlo-article-card': {
    label: 'Article card',
    summary: 'One article: a teaser card, a headline, or the full story.',
    feed: 'required',
    options: [
      { attribute: 'article-id', label: 'Article', kind: 'article' },
      {
        attribute: 'variant',
        label: 'Variant',
        kind: 'select',
        choices: [DEFAULT_CHOICE, ['teaser', 'Teaser card'], ['headline', 'Headline'], ['full', 'Full article']],
      },
      HEADING_LEVEL,
      NEW_TAB,
    ],
  },
  'mlo-breadcrumb': {
    label: 'Breadcrumb',
    summary: "The path to an article: the site's sections, its archive year and its title.",
    feed: 'required',
    options: [
      { attribute: 'article-id', label: 'Article', kind: 'article' },
      { attribute: 'label', label: 'Accessible name of the navigation', hint: 'Default: "Breadcrumb" in the page language.', kind: 'text' },
      NO_JSON_LD,
    ],
  },
  'mlo-archive-search': {
    label: 'Archive search',
    summary: 'A search box over the whole news archive, with year and topic filters.',
    feed: 'required',
    options: [
      { attribute: 'label', label: 'Label of the search box', hint: 'Default: "Search our content" in the page language.', kind: 'text' },
      { attribute: 'placeholder', label: 'Example of what to type', kind: 'text' },
      {
        attribute: 'search-index',
        label: 'Prebuilt search index (search-index.json)',
        hint: 'The address your feed gives in _mlo.search_index_url (mlo-feed build writes it): the first search then starts at once, not after the feed.',
        kind: 'url',
      },
      { attribute: 'limit', label: 'Results shown', kind: 'number', min: 1, max: 100 },
      { attribute: 'action', label: "Your site's search page (for the plain form)", kind: 'url' },
      { attribute: 'sync-url', label: 'Keep the search in the page address (?q=)', kind: 'checkbox', checkedValue: '' },
    ],
  },
  'mlo-office-contact': {
    label: 'Office contact',
    summary: "How to reach the office. Without a feed it shows MLO Belgrade's own contact block.",
    feed: 'optional',
    options: [HEADING_LEVEL, { attribute: 'no-map', label: 'No map links', kind: 'checkbox', checkedValue: '' }, NO_JSON_LD],
  },
};

/** The public custom properties the builder sets, with the labels it shows. */
export const COLOUR_PROPERTIES = [
  ['--mlo-color-accent', 'Accent (buttons)'],
  ['--mlo-color-link', 'Links'],
  ['--mlo-color-text', 'Text'],
  ['--mlo-color-background', 'Background'],
] as const;
export type ColourProperty = (typeof COLOUR_PROPERTIES)[number][0];

const FONT_CHOICES = [
  ['', '(element default: the system font)'],
  ["Georgia, 'Times New Roman', serif", 'Serif (Georgia)'],
  ["'Helvetica Neue', Arial, sans-serif", 'Sans-serif (Helvetica, Arial)'],
  ['inherit', "Your page's font"],
] as const;
const RADIUS_CHOICES = [
  ['', '(element default)'],
  ['0', 'Square'],
  ['0.25em', 'Slightly rounded'],
  ['0.75em', 'Rounded'],
] as const;

/** Everything the webmaster chose. Attribute values are kept as typed; the spec decides what is written. */
export interface BuilderState {
  tag: EmbeddableTag;
  feedUrl: string;
  /** Option values by attribute name ('' = left out); checkboxes hold their written value or undefined. */
  options: Record<string, string | undefined>;
  lang: '' | 'en' | 'sr-Latn' | 'sr-Cyrl';
  theme: '' | 'light' | 'dark';
  colours: Partial<Record<ColourProperty, string>>;
  fontFamily: string;
  fontSizePx: string;
  radius: string;
  scriptUrl: string;
  /** Keep a saved copy of the feed in the reader's localStorage (the `persist` attribute; docs/privacy.md). */
  persist: boolean;
  /** The loader (files on demand) or the single-file build (every byte pinned by one integrity hash). */
  build: BuildChoice;
  /** With the loader: pin the files it imports with an import map of their integrity hashes. */
  pinChunks: boolean;
}

/** Which script the snippet loads: the loader `mlo-widgets.js`, or the single file `mlo-widgets.bundle.js`. */
export type BuildChoice = 'loader' | 'single-file';

/** What the snippet and the live preview are both made from. */
export interface EmbedSpec {
  tag: EmbeddableTag;
  /** In the order they are written. */
  attributes: readonly (readonly [string, string])[];
  /** The partner page's CSS rule for the colours and type, or '' when nothing is customised. */
  css: string;
  /** Problems that keep the snippet from working, in words for the webmaster. */
  problems: readonly string[];
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const FONT_VALUES = new Set<string>(FONT_CHOICES.map(([value]) => value));
const RADIUS_VALUES = new Set<string>(RADIUS_CHOICES.map(([value]) => value));

/** The address of the bundle on the public npm CDN for this version. */
export const DEFAULT_SCRIPT_URL = `https://cdn.jsdelivr.net/npm/mlo-widgets@${VERSION}/dist/mlo-widgets.js`;

/**
 * Turns the choices into the element's attributes and CSS. Only known attributes are written; only
 * values from the controls' own vocabulary (hex colours, listed fonts, whole pixel sizes) reach the CSS.
 */
export function embedSpec(choices: BuilderState): EmbedSpec {
  const element = EMBEDDABLE_ELEMENTS[choices.tag];
  const attributes: [string, string][] = [];
  const problems: string[] = [];

  const feedUrl = choices.feedUrl.trim();
  if (feedUrl) {
    if (safeUrl(feedUrl)) attributes.push(['src', feedUrl]);
    else problems.push('The feed address must be an http(s) address.');
  } else if (element.feed === 'required') {
    problems.push('This element needs the address of a news feed.');
  }

  for (const option of element.options) {
    const value = choices.options[option.attribute];
    if (value === undefined) continue;
    if (option.kind === 'checkbox') {
      attributes.push([option.attribute, value]);
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (option.kind === 'number') {
      const number = Number(trimmed);
      if (!Number.isInteger(number) || (option.min !== undefined && number < option.min) || (option.max !== undefined && number > option.max)) {
        problems.push(`${option.label}: a whole number from ${option.min} to ${option.max}.`);
        continue;
      }
      attributes.push([option.attribute, String(number)]);
    } else if (option.kind === 'url') {
      if (safeUrl(trimmed)) attributes.push([option.attribute, trimmed]);
      else problems.push(`${option.label}: an http(s) address.`);
    } else {
      attributes.push([option.attribute, trimmed]);
    }
  }
  if (element.options.some((option) => option.kind === 'article') && !choices.options['article-id']?.trim()) {
    problems.push('Choose the article to show.');
  }
  // Only with a feed to keep: without `src` the attribute would do nothing.
  if (choices.persist && attributes.some(([name]) => name === 'src')) attributes.push(['persist', '']);
  if (choices.lang) attributes.push(['lang', choices.lang]);
  if (choices.theme) attributes.push(['theme', choices.theme]);

  const declarations: string[] = [];
  for (const [property] of COLOUR_PROPERTIES) {
    const colour = choices.colours[property];
    if (colour && HEX_COLOUR.test(colour)) declarations.push(`${property}: ${colour.toLowerCase()};`);
  }
  if (choices.fontFamily && FONT_VALUES.has(choices.fontFamily)) declarations.push(`--mlo-font-family: ${choices.fontFamily};`);
  const fontSize = Number(choices.fontSizePx);
  if (choices.fontSizePx.trim() !== '' && Number.isInteger(fontSize) && fontSize >= 10 && fontSize <= 32) declarations.push(`--mlo-font-size: ${fontSize}px;`);
  if (choices.radius && RADIUS_VALUES.has(choices.radius)) declarations.push(`--mlo-radius: ${choices.radius};`);
  const rule = declarations.length > 0 ? `${choices.tag} {\n${declarations.map((line) => `  ${line}`).join('\n')}\n}` : '';

  return { tag: choices.tag, attributes, css: rule, problems };
}

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The snippet a webmaster pastes: script tag (with integrity when known), style rule, element. */
export function snippetHtml(spec: EmbedSpec, script: { url: string; integrity?: string }): string {
  const integrity = script.integrity ? ` integrity="${escapeAttribute(script.integrity)}"` : '';
  const lines = [`<script src="${escapeAttribute(script.url)}"${integrity} crossorigin="anonymous" defer></script>`];
  if (spec.css) lines.push('<style>', ...spec.css.split('\n').map((line) => `  ${line}`), '</style>');
  const attributes = spec.attributes.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  lines.push(`<${spec.tag}${attributes}></${spec.tag}>`);
  return lines.join('\n');
}

/** What goes in the page's head besides the script: the reservation stylesheet, an import map. */
export interface PageHead {
  /** The address of dist/mlo-widgets.css. */
  stylesheet?: string;
  /** The text of a `<script type="importmap">` (before the loader, which it must precede). */
  importMap?: string;
}

/** The snippet with the page's head lines before it (`snippetHtml` alone writes the script and the element). */
export function pageSnippetHtml(spec: EmbedSpec, script: { url: string; integrity?: string }, head: PageHead): string {
  const lines: string[] = [];
  if (head.importMap) lines.push(`<script type="importmap">${head.importMap}</script>`);
  if (head.stylesheet) lines.push(`<link rel="stylesheet" href="${escapeAttribute(head.stylesheet)}">`);
  return [...lines, snippetHtml(spec, script)].join('\n');
}

/** dist/chunks/files.json, written by the build (vite.config.ts): which files of dist/chunks each tag needs. */
export interface ChunkMap {
  files: string[];
  tags: Record<string, number[]>;
  serbian: number[];
  later?: Record<string, number[]>;
}

/** A file of dist/ the page downloads: when, and its size. */
export interface PageFile {
  /** Its path in dist/ (`mlo-widgets.js`, `chunks/…`). */
  file: string;
  /** At the first render, or only on first use (the search engine when a reader types; DOMPurify where the browser has no HTML Sanitizer API). */
  when: 'first render' | 'on first use';
}

/** The address of a file of dist/, from the address of the loader beside it. */
export function distFile(loaderUrl: string, file: string): string {
  return new URL(file, loaderUrl).href;
}

/** The address of the chosen build's script, from the loader's address. */
export function scriptForBuild(loaderUrl: string, build: BuildChoice): string {
  return build === 'single-file' ? distFile(loaderUrl, 'mlo-widgets.bundle.js') : loaderUrl;
}

/** The files of dist/ a page with this one element downloads, in the order they are needed. */
export function pageFiles(spec: EmbedSpec, build: BuildChoice, map: ChunkMap): PageFile[] {
  const now = (file: string): PageFile => ({ file, when: 'first render' });
  if (build === 'single-file') return [now('mlo-widgets.css'), now('mlo-widgets.bundle.js')];
  const names = (indexes: readonly number[] = []): string[] => indexes.map((index) => map.files[index]!);
  const lang = spec.attributes.find(([name]) => name === 'lang')?.[1] ?? '';
  const first = [...new Set([...names(map.tags[spec.tag]), ...(/^(sr|srp|sh|hbs)\b/i.test(lang) ? names(map.serbian) : [])])];
  // The Serbian tables come only with a Serbian element (then at the first render, above).
  const serbian = names(map.serbian);
  const later = names(map.later?.[spec.tag]).filter((file) => !first.includes(file) && !serbian.includes(file));
  return [now('mlo-widgets.css'), now('mlo-widgets.js'), ...first.map(now), ...later.map((file): PageFile => ({ file, when: 'on first use' }))];
}

/** The bytes of `bytes` gzip-compressed (the browser's CompressionStream, zlib's default level). */
export async function gzipSize(bytes: ArrayBuffer): Promise<number> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** `sha384-…` of bytes, as `integrity` wants it. */
async function sha384(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}

/**
 * The import map that pins every module file the loader may import for this element: each file's
 * integrity by its address, and the entries' retry addresses too (the loader's `?retry=n`). Honoured by
 * Chromium 127+, Firefox 138+ and Safari 18+; older browsers load the files unchecked.
 */
export function importMapText(loaderUrl: string, hashes: ReadonlyMap<string, string>, entries: readonly string[]): string {
  const integrity: Record<string, string> = {};
  for (const [file, hash] of hashes) {
    integrity[distFile(loaderUrl, file)] = hash;
    if (entries.includes(file)) for (let attempt = 1; attempt <= RETRIES; attempt += 1) integrity[distFile(loaderUrl, retryAddress(file, attempt))] = hash;
  }
  return JSON.stringify({ integrity });
}

/** `'sha256-…'` of an inline script's text, as `script-src` wants it. */
export async function inlineScriptHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The Content-Security-Policy header a page with this snippet needs (README, "Content Security Policy"):
 * scripts and the stylesheet from the script's origin, the feed (and its pictures) from the feed's
 * origin, the three Trusted Types policies, and the import map's hash when there is one.
 */
export function contentSecurityPolicy(spec: EmbedSpec, scriptUrl: string, importMapHash?: string): string {
  const origin = (url: string | undefined): string | undefined => {
    try {
      return url ? new URL(url).origin : undefined;
    } catch {
      return undefined;
    }
  };
  const sources = (...values: (string | undefined)[]): string => [...new Set(["'self'", ...values.filter((value): value is string => Boolean(value))])].join(' ');
  const scripts = origin(scriptUrl);
  const feed = origin(spec.attributes.find(([name]) => name === 'src')?.[1]);
  return [
    `script-src ${sources(scripts, importMapHash)}`,
    `style-src ${sources(scripts)}`,
    `connect-src ${sources(feed)}`,
    `img-src ${sources(feed)}`,
    "require-trusted-types-for 'script'",
    "trusted-types mlo-widgets lit-html dompurify 'allow-duplicates'",
  ].join('; ');
}

/** A downloaded file's figures, for the table and the import map. */
export interface MeasuredFile extends PageFile {
  bytes: number;
  gzip: number;
  integrity: string;
}

/** Fetches and measures each file from the local dist/ (the same files the CDN serves). */
export async function measureFiles(files: readonly PageFile[], localDist: string, fetchImpl: typeof fetch = fetch): Promise<MeasuredFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const response = await fetchImpl(new URL(file.file, localDist), { cache: 'no-store' });
      if (!response.ok) throw new Error(`${file.file}: HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      return { ...file, bytes: bytes.byteLength, gzip: await gzipSize(bytes), integrity: await sha384(bytes) };
    }),
  );
}

/** Creates the element a pasted snippet would create: the same tag with the same attributes. */
export function createEmbeddedElement(spec: EmbedSpec, ownerDocument: Document = document): HTMLElement {
  const element = ownerDocument.createElement(spec.tag);
  for (const [name, value] of spec.attributes) element.setAttribute(name, value);
  return element;
}

/** Where the library's privacy page is published (docs/privacy.md in the repository). */
export const PRIVACY_DOC_URL = 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/privacy.md';
/** The localStorage key prefix of a saved copy (src/feed/load.ts). */
const STORAGE_PREFIX = 'mlo-widgets:feed:';

/** What the embed asks the network for and keeps on the reader's device, in words for the webmaster. */
export interface PrivacySummary {
  requests: readonly string[];
  stores: string;
}

/** The privacy note of a snippet: its requests and its storage, from the same spec as the snippet. */
export function privacySummary(spec: EmbedSpec, scriptUrl: string): PrivacySummary {
  const src = spec.attributes.find(([name]) => name === 'src')?.[1];
  const searchIndex = spec.attributes.find(([name]) => name === 'search-index')?.[1];
  const requests = [
    scriptUrl === DEFAULT_SCRIPT_URL
      ? `The script and the files of dist/ it loads, from the npm CDN (${scriptUrl}): a third party. Host dist/ yourself to keep these requests on your own server.`
      : `The script and the files of dist/ it loads, from beside ${scriptUrl}.`,
  ];
  if (spec.tag === 'mlo-archive-search' && searchIndex) {
    requests.push(
      `Nothing until a reader starts to search (focus in the box, a key press, ?q=). Then the search index, ${searchIndex}, and the few small files of it each query needs; the feed${src ? `, ${src}, and its later pages (next_url),` : ''} only if the index fails. Cookies go with them only when they are on your page's own origin.`,
    );
  } else if (src) {
    const pages =
      spec.tag === 'mlo-archive-search'
        ? 'once a reader starts to search (focus in the box, a key press, ?q=); then, when the feed names a prebuilt search index, the few small files of it each query needs, else every later page it links to (next_url), to search the whole archive'
        : spec.tag === 'mlo-news-list'
          ? 'and its later pages (next_url) only when a reader asks for more or a filter needs them'
          : 'and its later pages (next_url) only until the article is found';
    requests.push(`The feed, ${src}, ${pages}. Cookies go with it only when it is on your page's own origin.`);
    // The breadcrumb, the office contact and the search show no pictures.
    if (spec.tag !== 'mlo-breadcrumb' && spec.tag !== 'mlo-office-contact' && spec.tag !== 'mlo-archive-search') {
      requests.push("The images the feed names, loaded by the reader's browser as they come into view.");
    }
  } else {
    requests.push("No feed: the element shows MLO Belgrade's built-in contact, and asks for nothing else.");
  }
  requests.push('No fonts, analytics or other third parties; links are requests only when the reader follows one.');
  const stores = !src
    ? "Nothing on the reader's device."
    : spec.attributes.some(([name]) => name === 'persist')
      ? `A copy of the feed's first page in the reader's localStorage, under the key ${STORAGE_PREFIX}${src}, shown on a later visit when the feed cannot be reached. No cookies. A page can remove it with clearFeedCache().`
      : "Nothing on the reader's device: the last good copy of the feed is kept in memory, for this page only. No cookies.";
  return { requests, stores };
}

/** `sha384-…` of a file's bytes, as the `integrity` attribute wants it. */
export async function subresourceIntegrity(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await fetchImpl(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const digest = await crypto.subtle.digest('SHA-384', await response.arrayBuffer());
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}

/** The initial choices: a grid of the demo feed's latest news. */
export function initialBuilderState(baseUrl: string = document.baseURI): BuilderState {
  return {
    tag: 'mlo-news-list',
    feedUrl: new URL('demo/feed/feed.json', baseUrl).href,
    options: { layout: 'grid', limit: '6' },
    lang: '',
    theme: '',
    colours: {},
    fontFamily: '',
    fontSizePx: '',
    radius: '',
    scriptUrl: DEFAULT_SCRIPT_URL,
    persist: false,
    build: 'loader',
    pinChunks: false,
  };
}

type IntegrityState = { status: 'computing' } | { status: 'ready'; value: string } | { status: 'failed'; reason: string };
type DownloadsState = { status: 'measuring' } | { status: 'ready'; files: MeasuredFile[] } | { status: 'failed'; reason: string };

const kilobytes = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

export class EmbedBuilder extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1.5em;
      background: #ffffff;
      color: #1b1f24;
      font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
      container-type: inline-size;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .layout {
      display: grid;
      gap: 1.5em;
    }
    @container (min-width: 56em) {
      .layout {
        grid-template-columns: minmax(18em, 1fr) minmax(0, 2fr);
        align-items: start;
      }
    }
    form {
      display: grid;
      gap: 1em;
    }
    fieldset {
      margin: 0;
      padding: 0.75em 1em 1em;
      border: 1px solid #c5ccd6;
      border-radius: 0.375em;
      display: grid;
      gap: 0.75em;
      min-width: 0;
    }
    legend {
      font-weight: 700;
      padding-inline: 0.25em;
    }
    .field {
      display: grid;
      gap: 0.25em;
    }
    .field--inline {
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
    label {
      font-weight: 600;
    }
    .hint,
    .note {
      color: #4a5360;
      font-size: 0.875em;
      margin: 0;
    }
    input:not([type='checkbox'], [type='radio'], [type='color']),
    select {
      font: inherit;
      min-height: 2.25em;
      padding: 0.25em 0.5em;
      border: 1px solid #6b7684;
      border-radius: 0.25em;
      width: 100%;
      min-width: 0;
      background: #ffffff;
      color: inherit;
    }
    input[type='checkbox'],
    input[type='radio'] {
      inline-size: 1.25em;
      block-size: 1.25em;
      margin: 0;
    }
    input[type='color'] {
      inline-size: 3em;
      block-size: 2.25em;
      padding: 0.125em;
      border: 1px solid #6b7684;
      border-radius: 0.25em;
      background: #ffffff;
    }
    .choices {
      display: grid;
      gap: 0.5em;
    }
    .choice {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5em;
      align-items: start;
    }
    .choice input {
      margin-block-start: 0.2em;
    }
    .choice span {
      grid-column: 2;
    }
    .choice .hint {
      font-weight: 400;
    }
    .colour {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    .colour > label {
      min-inline-size: 9em;
    }
    :focus-visible {
      outline: 3px solid #c2410c;
      outline-offset: 2px;
    }
    h2 {
      font-size: 1.25em;
      margin: 0 0 0.5em;
    }
    .preview {
      padding: 1em;
      border: 1px dashed #8a94a3;
      border-radius: 0.375em;
      background: #ffffff;
      margin-block-end: 1.5em;
    }
    .preview--dark {
      background: #0e1216;
    }
    @media (prefers-color-scheme: dark) {
      .preview--auto {
        background: #0e1216;
      }
    }
    pre {
      margin: 0 0 0.75em;
      padding: 1em;
      overflow: auto;
      background: #f4f6f9;
      border: 1px solid #c5ccd6;
      border-radius: 0.375em;
      font: 0.875em/1.5 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 2.5em;
      padding: 0.4em 1em;
      border: 1px solid #004990;
      border-radius: 0.375em;
      background: #004990;
      color: #ffffff;
      cursor: pointer;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .problems {
      margin: 0 0 0.75em;
      padding: 0.75em 1em;
      border: 1px solid #a4161a;
      border-radius: 0.375em;
      background: #fdecec;
    }
    .problems ul {
      margin: 0.25em 0 0;
      padding-inline-start: 1.25em;
    }
    .privacy {
      margin-block-start: 1em;
    }
    .privacy h3 {
      font-size: 1em;
      margin: 0 0 0.25em;
    }
    .privacy ul {
      margin: 0 0 0.5em;
      padding-inline-start: 1.25em;
    }
    .privacy p {
      margin: 0 0 0.5em;
    }
    .downloads {
      margin: 1em 0;
      border-collapse: collapse;
      font-size: 0.9em;
    }
    .downloads caption {
      text-align: start;
      font-weight: 600;
      margin-block-end: 0.25em;
    }
    .downloads th,
    .downloads td {
      padding: 0.25em 0.75em 0.25em 0;
      text-align: start;
      border-block-end: 1px solid #d0d7de;
    }
    .downloads td:nth-child(n + 3) {
      text-align: end;
    }
    .csp {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    @media (forced-colors: active) {
      fieldset,
      .preview,
      pre,
      .problems,
      button {
        border: 1px solid CanvasText;
      }
    }
  `;

  @state() private choices: BuilderState = initialBuilderState();
  @state() private integrity: IntegrityState = { status: 'computing' };
  @state() private downloads: DownloadsState = { status: 'measuring' };
  /** The import map pinning the on-demand files, and its CSP hash (with the loader and pinChunks). */
  @state() private importMap?: { text: string; hash: string };
  @state() private feed?: Feed;
  @state() private feedProblem?: string;
  @state() private copyStatus = '';

  // Null until the first render (Lit's @query finds nothing then).
  @query('.preview') private previewContainer!: HTMLElement | null;
  @query('pre') private snippetBlock!: HTMLElement;

  /** Where the built loader is read from to compute its hash: the same file the CDN serves (the other files are beside it). */
  localBundleUrl = new URL('dist/mlo-widgets.js', document.baseURI).href;

  /** The chosen build's script in the local dist/. */
  get localScriptUrl(): string {
    return scriptForBuild(this.localBundleUrl, this.choices.build);
  }

  /** The loader's address as the snippet writes it (the chosen build's script is beside it). */
  get #loaderUrl(): string {
    return this.choices.scriptUrl.trim() || DEFAULT_SCRIPT_URL;
  }

  /** The Content-Security-Policy header the page needs for this snippet. */
  get contentSecurityPolicy(): string {
    return contentSecurityPolicy(this.spec, this.#loaderUrl, this.#pinned ? this.importMap?.hash : undefined);
  }

  /** The files the page downloads, measured (undefined while measuring). */
  get measuredFiles(): readonly MeasuredFile[] | undefined {
    return this.downloads.status === 'ready' ? this.downloads.files : undefined;
  }

  get #pinned(): boolean {
    return this.choices.build === 'loader' && this.choices.pinChunks;
  }

  /** The preview's colours: the very CSS text of the snippet, adopted into this shadow root. */
  readonly #previewSheet = new CSSStyleSheet();
  #feedRequest?: AbortController;

  /** The spec of the current choices (the test reads it to compare with the pasted snippet). */
  get spec(): EmbedSpec {
    return embedSpec(this.choices);
  }

  /** The snippet as the Copy button copies it. */
  get snippet(): string {
    const loader = this.#loaderUrl;
    return pageSnippetHtml(
      this.spec,
      { url: scriptForBuild(loader, this.choices.build), integrity: this.integrity.status === 'ready' ? this.integrity.value : undefined },
      { stylesheet: distFile(loader, 'mlo-widgets.css'), importMap: this.#pinned ? this.importMap?.text : undefined },
    );
  }

  /** The element in the live preview. */
  get previewElement(): HTMLElement | null {
    return this.previewContainer?.firstElementChild as HTMLElement | null;
  }

  /** Sets choices from code (the story's args, the tests). */
  choose(changes: Partial<BuilderState>): void {
    this.choices = { ...this.choices, ...changes, options: { ...this.choices.options, ...changes.options }, colours: { ...this.choices.colours, ...changes.colours } };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#computeIntegrity();
  }

  /** The choices that change which files the page downloads (and so the import map). */
  #downloadKey(choices: BuilderState | undefined): string {
    return choices ? JSON.stringify([choices.tag, choices.build, choices.lang, choices.pinChunks, choices.scriptUrl]) : '';
  }

  protected override firstUpdated(): void {
    this.shadowRoot!.adoptedStyleSheets = [...this.shadowRoot!.adoptedStyleSheets, this.#previewSheet];
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Before render, so that clearing the last feed's choices is part of this update, not another one.
    const previous = changed.get('choices') as BuilderState | undefined;
    if (changed.has('choices') && previous?.feedUrl !== this.choices.feedUrl) {
      void this.#loadFeedChoices();
    }
    if (changed.has('choices') && this.#downloadKey(previous) !== this.#downloadKey(this.choices)) {
      if (previous && previous.build !== this.choices.build) void this.#computeIntegrity();
      void this.#measureDownloads();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('choices')) this.#renderPreview();
  }

  async #computeIntegrity(): Promise<void> {
    this.integrity = { status: 'computing' };
    try {
      this.integrity = { status: 'ready', value: await subresourceIntegrity(this.localScriptUrl) };
    } catch (error) {
      this.integrity = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Measures what the page downloads from the local dist/, and writes the import map of the on-demand files. */
  async #measureDownloads(): Promise<void> {
    const key = this.#downloadKey(this.choices);
    this.downloads = { status: 'measuring' };
    this.importMap = undefined;
    try {
      const response = await fetch(distFile(this.localBundleUrl, 'chunks/files.json'), { cache: 'no-store' });
      if (!response.ok) throw new Error(`dist/chunks/files.json: HTTP ${response.status}`);
      const map = (await response.json()) as ChunkMap;
      const files = await measureFiles(pageFiles(this.spec, this.choices.build, map), distFile(this.localBundleUrl, './'));
      if (key !== this.#downloadKey(this.choices)) return; // Chosen otherwise meanwhile.
      this.downloads = { status: 'ready', files };
      if (this.#pinned) {
        const modules = new Map(files.filter((file) => file.file.startsWith('chunks/')).map((file) => [file.file, file.integrity] as const));
        const entries = map.tags[this.choices.tag]?.map((index) => map.files[index]!).slice(0, 1) ?? [];
        const text = importMapText(this.#loaderUrl, modules, entries);
        this.importMap = { text, hash: await inlineScriptHash(text) };
      }
    } catch (error) {
      if (key === this.#downloadKey(this.choices)) this.downloads = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Reads the chosen feed for the article, tag and year choices; the preview element reads it itself. */
  async #loadFeedChoices(): Promise<void> {
    this.#feedRequest?.abort();
    const url = this.choices.feedUrl.trim();
    this.feed = undefined;
    this.feedProblem = undefined;
    if (!url || !safeUrl(url)) return;
    const request = new AbortController();
    this.#feedRequest = request;
    try {
      const { feed } = await loadFeed(url, { signal: request.signal });
      if (request.signal.aborted) return;
      this.feed = feed;
      const articleId = this.choices.options['article-id'];
      const firstId = sortNewestFirst(feed.items)[0]?.id;
      if ((!articleId || !feed.items.some((item) => item.id === articleId)) && firstId) this.choose({ options: { 'article-id': firstId } });
    } catch (error) {
      if (request.signal.aborted) return;
      this.feedProblem = isFeedError(error) ? commonMessages.en.feedError(error.kind, error.status) : String(error);
    }
  }

  /** Replaces the preview with a fresh element made from the spec, as a page loading the snippet would. */
  #renderPreview(): void {
    const spec = this.spec;
    this.#previewSheet.replaceSync(spec.css);
    // After a render (updated() calls this), which always draws the preview box.
    this.previewContainer!.replaceChildren(createEmbeddedElement(spec));
  }

  #setOption(attribute: string, value: string | undefined): void {
    this.choose({ options: { [attribute]: value } });
  }

  async #copy(): Promise<void> {
    const text = this.snippet;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Snippet copied. Paste it into your page where the element should appear.';
    } catch {
      // No clipboard (insecure context, denied permission): select the text for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(this.snippetBlock);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.copyStatus = 'The browser did not allow copying. The snippet is selected: press Ctrl+C (⌘C on a Mac).';
    }
  }

  #renderElementChoice(): TemplateResult {
    return html`<fieldset>
      <legend>Element</legend>
      <div class="choices">
        ${Object.entries(EMBEDDABLE_ELEMENTS).map(
          ([tag, element]) => html`<label class="choice">
            <input
              type="radio"
              name="element"
              .value=${tag}
              .checked=${this.choices.tag === tag}
              @change=${() => this.choose({ tag: tag as EmbeddableTag })}
            />
            <span>${element.label} <code>&lt;${tag}&gt;</code></span>
            <span class="hint">${element.summary}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderFeedField(): TemplateResult {
    const element = EMBEDDABLE_ELEMENTS[this.choices.tag];
    return html`<div class="field">
      <label for="feed-url">News feed address${element.feed === 'optional' ? ' (optional)' : ''}</label>
      <input
        id="feed-url"
        type="url"
        inputmode="url"
        .value=${this.choices.feedUrl}
        @change=${(event: Event) => this.choose({ feedUrl: (event.target as HTMLInputElement).value })}
        aria-describedby="feed-url-hint"
      />
      <p class="hint" id="feed-url-hint">
        ${element.feed === 'optional'
          ? "Leave it empty to show MLO Belgrade's contact block."
          : 'The JSON Feed the element reads. It must allow your site to read it (CORS).'}
      </p>
      ${this.feedProblem ? html`<p class="note" role="alert">${this.feedProblem}</p>` : nothing}
    </div>`;
  }

  #renderOption(option: OptionField): TemplateResult {
    const id = `option-${option.attribute}`;
    const value = this.choices.options[option.attribute];
    const hint = option.hint ? html`<p class="hint" id="${id}-hint">${option.hint}</p>` : nothing;
    const describedBy = option.hint ? `${id}-hint` : undefined;
    const onInput = (event: Event) => this.#setOption(option.attribute, (event.target as HTMLInputElement | HTMLSelectElement).value);
    switch (option.kind) {
      case 'checkbox':
        return html`<div class="field field--inline">
          <input
            id=${id}
            type="checkbox"
            .checked=${value !== undefined}
            @change=${(event: Event) => this.#setOption(option.attribute, (event.target as HTMLInputElement).checked ? option.checkedValue : undefined)}
          />
          <label for=${id}>${option.label}</label>
        </div>`;
      case 'select':
        return html`<div class="field">
          <label for=${id}>${option.label}</label>
          <select id=${id} @change=${onInput}>
            ${option.choices?.map(([choice, label]) => html`<option .value=${choice} ?selected=${(value ?? '') === choice}>${label}</option>`)}
          </select>
          ${hint}
        </div>`;
      case 'article':
      case 'year':
      case 'tag':
        return this.#renderFeedChoice(option, id, value ?? '', onInput);
      default:
        return html`<div class="field">
          <label for=${id}>${option.label}</label>
          <input
            id=${id}
            type=${option.kind === 'number' ? 'number' : option.kind === 'url' ? 'url' : 'text'}
            min=${ifDefined(option.min)}
            max=${ifDefined(option.max)}
            .value=${value ?? ''}
            aria-describedby=${describedBy ?? nothing}
            @change=${onInput}
          />
          ${hint}
        </div>`;
    }
  }

  /** Article, tag and year: a select built from the feed, so only real values can be chosen. */
  #renderFeedChoice(option: OptionField, id: string, value: string, onInput: (event: Event) => void): TemplateResult {
    const items = this.feed ? sortNewestFirst(this.feed.items) : [];
    let choices: [string, string][];
    if (option.kind === 'article') choices = items.map((item) => [item.id, itemDisplayTitle(item, 80)]);
    else if (option.kind === 'year') {
      const years = [...new Set(items.map((item) => archiveYearOf(item)).filter((year): year is number => year !== undefined))].sort((a, b) => b - a);
      choices = [['', '(all years)'], ...years.map((year): [string, string] => [String(year), String(year)])];
    } else {
      const tags = [...new Set(items.flatMap((item) => item.tags))].sort((a, b) => a.localeCompare(b));
      choices = [['', '(all tags)'], ...tags.map((tag): [string, string] => [tag, tag])];
    }
    // A value chosen earlier stays selectable even before (or without) the feed.
    if (value && !choices.some(([choice]) => choice === value)) choices.unshift([value, value]);
    return html`<div class="field">
      <label for=${id}>${option.label}</label>
      <select id=${id} @change=${onInput} ?disabled=${choices.length === 0}>
        ${choices.map(([choice, label]) => html`<option .value=${choice} ?selected=${value === choice}>${label}</option>`)}
      </select>
      ${choices.length === 0 ? html`<p class="hint">The choices come from the feed once it has loaded.</p>` : nothing}
    </div>`;
  }

  #renderAppearance(): TemplateResult {
    return html`<fieldset>
      <legend>Language and look</legend>
      <div class="field">
        <label for="lang">Language</label>
        <select id="lang" @change=${(event: Event) => this.choose({ lang: (event.target as HTMLSelectElement).value as BuilderState['lang'] })}>
          ${(
            [
              ['', "Your page's language (<html lang>)"],
              ['en', 'English'],
              ['sr-Latn', 'Srpski (latinica)'],
              ['sr-Cyrl', 'Српски (ћирилица)'],
            ] as const
          ).map(([value, label]) => html`<option .value=${value} ?selected=${this.choices.lang === value}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="theme">Theme</label>
        <select id="theme" @change=${(event: Event) => this.choose({ theme: (event.target as HTMLSelectElement).value as BuilderState['theme'] })}>
          ${(
            [
              ['', "The reader's setting (light or dark)"],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ] as const
          ).map(([value, label]) => html`<option .value=${value} ?selected=${this.choices.theme === value}>${label}</option>`)}
        </select>
      </div>
      ${COLOUR_PROPERTIES.map(([property, label]) => {
        const id = `colour${property}`;
        const value = this.choices.colours[property];
        return html`<div class="colour">
          <label for=${id}>${label}</label>
          <input
            id=${id}
            type="color"
            .value=${value ?? '#000000'}
            ?disabled=${value === undefined}
            @input=${(event: Event) => this.choose({ colours: { [property]: (event.target as HTMLInputElement).value } })}
          />
          <span class="field--inline">
            <input
              id="${id}-custom"
              type="checkbox"
              .checked=${value !== undefined}
              @change=${(event: Event) => this.choose({ colours: { [property]: (event.target as HTMLInputElement).checked ? '#004990' : undefined } })}
            />
            <label for="${id}-custom">Custom</label>
          </span>
        </div>`;
      })}
      <p class="hint">Custom colours apply in both themes. Check the contrast of your choices.</p>
      <div class="field">
        <label for="font-family">Font</label>
        <select id="font-family" @change=${(event: Event) => this.choose({ fontFamily: (event.target as HTMLSelectElement).value })}>
          ${FONT_CHOICES.map(([value, label]) => html`<option .value=${value} ?selected=${this.choices.fontFamily === value}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="font-size">Base font size in pixels</label>
        <input
          id="font-size"
          type="number"
          min="10"
          max="32"
          placeholder="16"
          .value=${this.choices.fontSizePx}
          @change=${(event: Event) => this.choose({ fontSizePx: (event.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for="radius">Corners</label>
        <select id="radius" @change=${(event: Event) => this.choose({ radius: (event.target as HTMLSelectElement).value })}>
          ${RADIUS_CHOICES.map(([value, label]) => html`<option .value=${value} ?selected=${this.choices.radius === value}>${label}</option>`)}
        </select>
      </div>
    </fieldset>`;
  }

  #renderStorageField(): TemplateResult {
    return html`<fieldset>
      <legend>Privacy</legend>
      <div class="field field--inline">
        <input
          id="persist"
          type="checkbox"
          .checked=${this.choices.persist}
          aria-describedby="persist-hint"
          @change=${(event: Event) => this.choose({ persist: (event.target as HTMLInputElement).checked })}
        />
        <label for="persist">Keep a saved copy for offline visits (persist)</label>
      </div>
      <p class="hint" id="persist-hint">
        Stores the feed's last good copy in the reader's browser (localStorage), shown on a later visit when the feed cannot be reached. Off
        by default: storing on a reader's device needs your site's reason, or the reader's consent (ePrivacy Directive, Art. 5(3)). Only
        with a feed address.
      </p>
    </fieldset>`;
  }

  #renderPrivacyNote(): TemplateResult {
    const { requests, stores } = privacySummary(this.spec, this.choices.scriptUrl.trim() || DEFAULT_SCRIPT_URL);
    return html`<section class="privacy" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">Privacy</h3>
      <p>What this embed asks for:</p>
      <ul>
        ${requests.map((request) => html`<li>${request}</li>`)}
      </ul>
      <p>What it stores: ${stores}</p>
      <p class="hint">Details for your privacy notice: <a href=${PRIVACY_DOC_URL}>docs/privacy.md</a>.</p>
    </section>`;
  }

  #renderScriptField(): TemplateResult {
    return html`<fieldset>
      <legend>Script</legend>
      <div class="field">
        <label for="script-url">Address of mlo-widgets.js</label>
        <input
          id="script-url"
          type="url"
          .value=${this.choices.scriptUrl}
          aria-describedby="script-url-hint"
          @change=${(event: Event) => this.choose({ scriptUrl: (event.target as HTMLInputElement).value })}
        />
        <p class="hint" id="script-url-hint">
          Your own copy of dist/mlo-widgets.js (with the rest of dist/ beside it), or the npm CDN. It must be this very build: the integrity
          hashes are of it.
        </p>
      </div>
      <div class="choices" role="radiogroup" aria-label="Build">
        ${(
          [
            ['loader', 'On demand (mlo-widgets.js)', 'A small loader that fetches only what the page uses.'],
            ['single-file', 'Single file (mlo-widgets.bundle.js)', 'Every element in one file, pinned by one integrity hash.'],
          ] as const
        ).map(
          ([value, label]) => html`<label class="choice">
            <input
              type="radio"
              name="build"
              value=${value}
              .checked=${this.choices.build === value}
              @change=${() => this.choose({ build: value })}
            />
            ${label}
          </label>`,
        )}
      </div>
      <div class="field field--inline">
        <input
          id="pin-chunks"
          type="checkbox"
          .checked=${this.choices.pinChunks}
          ?disabled=${this.choices.build !== 'loader'}
          aria-describedby="pin-chunks-hint"
          @change=${(event: Event) => this.choose({ pinChunks: (event.target as HTMLInputElement).checked })}
        />
        <label for="pin-chunks">Pin the files it loads on demand (import map with integrity)</label>
      </div>
      <p class="hint" id="pin-chunks-hint">
        The loader's integrity hash pins the loader only. An import map listing each file's hash pins the rest: honoured by Chromium 127+,
        Firefox 138+ and Safari 18+ (older browsers load the files unchecked). Or choose the single file.
      </p>
    </fieldset>`;
  }

  #renderDownloads(): TemplateResult {
    if (this.downloads.status === 'measuring') return html`<p class="note" role="status">Measuring what the page downloads…</p>`;
    if (this.downloads.status === 'failed') {
      return html`<p class="note" role="alert">What the page downloads could not be measured (${this.downloads.reason}). Run <code>npm run build</code> and reload.</p>`;
    }
    const files = this.downloads.files;
    const sum = (when: PageFile['when']): number => files.filter((file) => file.when === when).reduce((total, file) => total + file.gzip, 0);
    return html`<table class="downloads">
      <caption>
        What the page downloads for this element (gzip, as measured from this build)
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">When</th>
          <th scope="col">Size</th>
          <th scope="col">gzip</th>
        </tr>
      </thead>
      <tbody>
        ${files.map(
          (file) => html`<tr>
            <td><code>${file.file}</code></td>
            <td>${file.when}</td>
            <td>${kilobytes(file.bytes)}</td>
            <td>${kilobytes(file.gzip)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="3">At the first render</th>
          <td class="total-first">${kilobytes(sum('first render'))}</td>
        </tr>
        ${sum('on first use') > 0
          ? html`<tr>
              <th scope="row" colspan="3">Later, on first use</th>
              <td>${kilobytes(sum('on first use'))}</td>
            </tr>`
          : nothing}
      </tfoot>
    </table>`;
  }

  #renderIntegrityNote(): TemplateResult {
    switch (this.integrity.status) {
      case 'computing':
        return html`<p class="note" role="status">Computing the integrity hash of ${this.localBundleUrl}…</p>`;
      case 'ready':
        return html`<p class="note" role="status">Integrity: the SHA-384 hash of ${this.localBundleUrl} (version ${VERSION}), computed in your browser.</p>`;
      case 'failed':
        return html`<p class="note" role="alert">
          ${this.localBundleUrl} could not be read (${this.integrity.reason}), so the snippet has no integrity attribute. Run
          <code>npm run build</code> and reload.
        </p>`;
    }
  }

  override render(): TemplateResult {
    const element = EMBEDDABLE_ELEMENTS[this.choices.tag];
    const spec = this.spec;
    return html`<div class="layout">
      <form @submit=${(event: Event) => event.preventDefault()} aria-label="Embed options">
        ${this.#renderElementChoice()}
        <fieldset>
          <legend>${element.label} options</legend>
          ${this.#renderFeedField()} ${element.options.map((option) => this.#renderOption(option))}
        </fieldset>
        ${this.#renderAppearance()} ${this.#renderStorageField()} ${this.#renderScriptField()}
      </form>
      <div>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Live preview</h2>
          <div class="preview preview--${this.choices.theme || 'auto'}"></div>
        </section>
        <section aria-labelledby="snippet-heading">
          <h2 id="snippet-heading">Snippet for your page</h2>
          ${spec.problems.length > 0
            ? html`<div class="problems" role="alert">
                <strong>Before you copy:</strong>
                <ul>
                  ${spec.problems.map((problem) => html`<li>${problem}</li>`)}
                </ul>
              </div>`
            : nothing}
          <pre tabindex="0" aria-label="Snippet"><code>${this.snippet}</code></pre>
          <div class="actions">
            <button type="button" @click=${this.#copy}>Copy snippet</button>
            <p class="note" role="status">${this.copyStatus}</p>
          </div>
          ${this.#renderIntegrityNote()} ${this.#renderDownloads()}
          <h3 id="csp-heading">Content-Security-Policy</h3>
          <pre tabindex="0" aria-labelledby="csp-heading" class="csp"><code>${this.contentSecurityPolicy}</code></pre>
          <p class="hint">
            The header your page needs for this snippet (images named by the feed on other hosts need those in img-src too).
            ${this.choices.build === 'loader'
              ? this.choices.pinChunks
                ? "The import map is an inline script: its 'sha256-…' hash is in script-src."
                : 'The loader fetches dist/chunks/ from the same address: the CDN must allow CORS (jsDelivr and unpkg do).'
              : 'The single file needs nothing from elsewhere.'}
          </p>
          <p class="hint">
            Put the script tag once per page (in the head or before the element). If your site's Content Security Policy forbids inline
            styles, move the style rule into your own stylesheet.
          </p>
          ${this.#renderPrivacyNote()}
        </section>
      </div>
    </div>`;
  }
}

if (!customElements.get('embed-builder')) customElements.define('embed-builder', EmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'embed-builder': EmbedBuilder;
  }
}
