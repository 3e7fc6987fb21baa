/**
 * The one sanitiser for feed `content_html`, shared by every element that renders an article body.
 *
 * Two engines, one policy. Where the browser has the HTML Sanitizer API (`Document.parseHTML` with a
 * `Sanitizer`), it sanitises, synchronously (./sanitize-native.ts); elsewhere DOMPurify does, loaded on
 * first need by `import()` (./sanitize-dompurify.ts, `loadSanitizer`), so pages with the native API never
 * download it. Both read the same tables (./sanitize-policy.ts: `ALLOWED_TAGS`, `ALLOWED_ATTR`, what is
 * dropped with its content, what is kept for the post-pass), parse the same text and return the same
 * kind of inert `<body>`; everything else is done here, once, for both (docs/sanitizing.md):
 *
 * - before parsing: the body is cut to `BODY_LIMITS`, formatting tags are renamed (no reconstruction
 *   bomb) and embedded players are renamed to carriers the native sanitiser keeps (`CARRIERS`);
 * - after sanitising, the post-pass: attribute values checked by one rule (DOMPurify's, so both engines
 *   agree), renames undone, the element and depth limits, an embedded video (`<iframe>`, `<video>`,
 *   `<object>`, `<embed>` with a usable http(s) source) becomes a paragraph with a link to it, "Video:
 *   youtube.com" (the watch page for YouTube and Vimeo players, else the embed's own address), tracking
 *   pixels (images at most 1x1 by attribute or style) are dropped, every `href`/`src`/`cite` passes
 *   `safeUrl` (http(s) or relative, resolved against the feed's address), every link follows
 *   `linkTarget` (src/internal/links.ts), and a body past a limit ends with a note.
 *
 * Results are DocumentFragments (no string ever reaches `innerHTML`), cached per item: content is
 * sanitised once, then cloned.
 *
 * Trusted Types: the native path needs no policy (`parseHTML` is not a sink). The DOMPurify path
 * parses through DOMPurify's own `dompurify` policy; where the page forbids it, `sanitizeHtml` throws
 * and the caller shows the plain text of the body instead: never a blank box.
 */
import type { FeedItem } from '../feed/types.js';
import { safeUrl } from '../feed/urls.js';
import { articleCardMessages } from '../i18n/messages/article-card.js';
import { applyLinkTarget } from './links.js';
import { domAccess, type Dom } from './sanitize-dom.js';
import { hasNativeSanitizer, nativeFilter } from './sanitize-native.js';
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  ALLOWED_VALUE,
  CARRIER_MARK,
  CARRIERS,
  FORMATTING_TAGS,
  PREPARE_ATTR,
  RENAMED_PREFIX,
  type BodyFilter,
} from './sanitize-policy.js';

export { ALLOWED_ATTR, ALLOWED_TAGS } from './sanitize-policy.js';

/**
 * How much of one article body is read and shown (documented in docs/feed-format.md, "Article
 * bodies"). Unbounded, a body nested 10,000 levels deep took 0.8-10 s to sanitise and render, one of
 * 50,000 elements 20-54 s, and 1,500 unclosed formatting tags minutes (in the browser's own parser).
 * Within these, a full card sanitises and lays out its worst body in about 50 ms at 1x CPU
 * (`node bench/body-limits.mjs` prints the figures). Past a limit the body is cut (the rest is not
 * shown) or, for depth, flattened (the text of what is too deep is kept, its markup not), and ends
 * with a note saying so, linked to the article's own page when it has one.
 */
export const BODY_LIMITS = {
  /** Characters (UTF-16 code units) of `content_html` read; the rest is cut before parsing. */
  maxCharacters: 50_000,
  /**
   * Elements kept, in document order (an element replaced by its content, or removed, does not
   * count). The HTML is cut before it is parsed, at the tag that would open one element more (every
   * `<` followed by a letter counts, wherever it is, even inside an attribute value) or at the tag,
   * end tag or comment past `2 x maxElements` of them, so the browser's parser never sees more; what
   * the parser adds by itself (a `<tbody>`) is cut after parsing.
   */
  maxElements: 500,
  /** Nesting levels kept (a top-level paragraph is level 1); an element deeper is replaced by its text. */
  maxDepth: 32,
} as const;

/** Options of `sanitizeHtml` and `itemContent`: the reader's language, the element's link target. */
export interface BodyOptions {
  /** Before the host name of an embedded video, in the reader's language. Default: English, "Video:". */
  readonly videoLabel?: string;
  /** The note at the end of a body cut at a limit. Default: English. */
  readonly shortenedNote?: string;
  /** The note's link to the article's page. Default: English, "Read the full article". */
  readonly fullArticleLabel?: string;
  /** The element's `target` attribute: every link of the body opens there (`linkTarget`). */
  readonly target?: string | null;
}

interface SanitizeOptions extends BodyOptions {
  /** The page the note's link goes to (the item's own address). */
  readonly articleUrl?: string;
}

/** Attributes holding a URL: each passes `safeUrl` or is removed. */
const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;
const KEPT_TAGS = new Set(ALLOWED_TAGS);
const PREPARE_ONLY_ATTR = PREPARE_ATTR.filter((name) => !ALLOWED_ATTR.includes(name));

/**
 * The renames made before parsing (`FORMATTING_TAGS`, `CARRIERS`), matched wherever they appear (in
 * an attribute value or a text too: undone there by `decode`). A tag name ends at whitespace, `/` or
 * `>` (CR is read as LF), so nothing else can be one of these tags to the parser. `shadowrootmode`
 * is renamed too, so no `<template>` can become a declarative shadow root in `Document.parseHTML`.
 */
const ENCODED = new RegExp(`<(\\/?)(${[...FORMATTING_TAGS, ...Object.keys(CARRIERS)].join('|')})(?=[\\t\\n\\f\\r />]|$)|shadowrootmode`, 'gi');
const DECODED = new RegExp(
  `<(\\/?)${RENAMED_PREFIX}|<(\\/?)(?:${Object.values(CARRIERS).join('|')}) ${CARRIER_MARK}(${Object.keys(CARRIERS).join('|')})|mlo-shadowrootmode`,
  'gi',
);
const SHADOW_ROOT_MODE = 'shadowrootmode';
const RENAMED_SHADOW_ROOT_MODE = `mlo-${SHADOW_ROOT_MODE}`;
const FORMATTING = new Set(FORMATTING_TAGS);

function encode(html: string): string {
  return html.replace(ENCODED, (match: string, slash: string | undefined, name: string | undefined) => {
    if (name === undefined) return RENAMED_SHADOW_ROOT_MODE;
    const lower = name.toLowerCase();
    if (FORMATTING.has(lower)) return `<${slash ?? ''}${RENAMED_PREFIX}${name}`;
    const carrier = CARRIERS[lower as keyof typeof CARRIERS];
    // `</embed>` is ignored by the parser, as is `</img>`: left as written.
    if (lower === 'embed' && slash) return match;
    return `<${slash ?? ''}${carrier} ${CARRIER_MARK}${name}`;
  });
}

function decode(value: string): string {
  if (!value.includes(RENAMED_PREFIX) && !value.includes(CARRIER_MARK) && !value.includes(RENAMED_SHADOW_ROOT_MODE)) return value;
  return value.replace(DECODED, (match: string, fmtSlash: string | undefined, slash: string | undefined, name: string | undefined) => {
    if (fmtSlash !== undefined) return `<${fmtSlash}`;
    if (name !== undefined) return `<${slash ?? ''}${name}`;
    return match.length === RENAMED_SHADOW_ROOT_MODE.length ? SHADOW_ROOT_MODE : match;
  });
}

/**
 * What the parser reads as a tag or a comment: `<` then a letter (an element), `/` (an end tag), `!`
 * (a comment, a doctype) or `?` (a bogus comment). Every node of a body but its text comes from one.
 */
const TAG = /<[a-z/!?]/gi;
/** A start tag's name as the HTML tokenizer reads it (then lower-cased, ASCII only). */
const TAG_NAME = /<([a-z][^\t\n\f\r />]*)/gi;

/** The tag names written in `html`, as the parser names the elements it makes of them. */
function tagNames(html: string): Set<string> {
  const names = new Set<string>();
  for (const match of html.matchAll(TAG_NAME)) {
    names.add((match[1] ?? '').replace(/[A-Z]+/g, (upper) => upper.toLowerCase()).replace(/\0/g, '\uFFFD'));
  }
  return names;
}

/** Elements whose contents are not text a reader sees (their text is not kept when a body is flattened). */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext', 'title', 'textarea', 'select', 'svg', 'math', 'video', 'audio', 'object', 'applet', 'embed', 'head']);
/** Elements that end a line: their text is kept apart from the next when a body is flattened. */
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'caption', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'table', 'ul', 'ol', 'dl', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** `type`s of an `<object>`/`<embed>` that is a video (no type: assumed to be one). */
const VIDEO_TYPE = /^\s*(?:video\/|application\/(?:x-shockwave-flash|x-mpegurl|vnd\.apple\.mpegurl|dash\+xml)\b)/i;

/**
 * DOMPurify's rule for an attribute's value (3.5, `_sanitizeAttributes`), applied by the post-pass on
 * both paths so that the native one keeps exactly what DOMPurify keeps: the value is trimmed (except
 * `value`); one that could close a raw-text element or a comment, or holds `/>`, goes; `alt`, `title`
 * (and the prepare-only `name`, `value`, `style`) may hold any other text; every other attribute must
 * pass `ALLOWED_VALUE`, except a `data:` source of an image or a video (which `safeUrl` then refuses).
 */
const VALUE_BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'name', 'value', 'style']);
const DATA_URI_TAGS = new Set(['audio', 'video', 'img', 'source', 'image', 'track']);
// eslint-disable-next-line no-control-regex -- DOMPurify's ATTR_WHITESPACE: every control character counts as space.
const ATTRIBUTE_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
let formElement: HTMLFormElement | undefined;

function checkAttributes(d: Dom, element: Element): void {
  const tag = d.name(element);
  for (const name of d.attributeNames(element)) {
    const written = d.attribute(element, name) ?? '';
    const value = name === 'value' ? written : written.trim();
    let kept = !VALUE_BREAKOUT.test(value) && !value.includes('/>');
    if (kept && name === 'name') {
      formElement ??= document.createElement('form');
      kept = !(value in document) && !(value in formElement);
    }
    if (kept && !TEXT_ATTRIBUTES.has(name)) {
      kept =
        ALLOWED_VALUE.test(value.replace(ATTRIBUTE_WHITESPACE, '')) ||
        ((name === 'src' || name === 'href') && value.startsWith('data:') && DATA_URI_TAGS.has(tag)) ||
        value === '';
    }
    if (!kept) element.removeAttribute(name);
    else if (value !== written || value !== decode(value)) element.setAttribute(name, decode(value));
  }
}

/** The HTML that is parsed: at most `maxCharacters`, cut before the tag past the element or tag budget. */
function boundedSource(html: string): { source: string; cut: boolean } {
  let end = Math.min(html.length, BODY_LIMITS.maxCharacters);
  // Not between the halves of a surrogate pair.
  if (end < html.length && /[\uD800-\uDBFF]/.test(html.charAt(end - 1))) end -= 1;
  let cut = end < html.length;
  const read = cut ? html.slice(0, end) : html;
  let starts = 0;
  let tags = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(read); match; match = TAG.exec(read)) {
    tags += 1;
    if (/[a-z]/i.test(match[0].charAt(1))) starts += 1;
    if (starts > BODY_LIMITS.maxElements || tags > 2 * BODY_LIMITS.maxElements) {
      end = match.index;
      cut = true;
      break;
    }
  }
  return { source: cut ? html.slice(0, end) : html, cut };
}

/** A side of an image in CSS pixels, from its `style` (which wins, as in CSS) or its attribute; `undefined` when not a plain length. */
function imageSide(d: Dom, image: Element, side: 'width' | 'height'): number | undefined {
  const style = d.attribute(image, 'style');
  if (style) {
    let declared: string | undefined;
    for (const match of style.matchAll(new RegExp(`(?:^|;)\\s*${side}\\s*:([^;]*)`, 'gi'))) declared = match[1];
    if (declared !== undefined) {
      const length = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*(?:!\s*important\s*)?$/i.exec(declared);
      return length ? Number(length[1]) : undefined;
    }
  }
  const attribute = d.attribute(image, side);
  const length = attribute === null ? null : /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/i.exec(attribute);
  return length ? Number(length[1]) : undefined;
}

/** A tracking pixel: an image at most 1 px wide and 1 px high. */
function isPixel(d: Dom, image: Element): boolean {
  const width = imageSide(d, image, 'width');
  const height = imageSide(d, image, 'height');
  return width !== undefined && height !== undefined && width <= 1 && height <= 1;
}

/** The page of a video for a reader: YouTube's and Vimeo's watch pages for their players, else the address itself. */
export function videoPage(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  const host = url.hostname.toLowerCase().replace(/^(?:www|m)\./, '');
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = /^\/(?:embed|v)\/([\w-]+)/.exec(url.pathname)?.[1];
    const list = url.searchParams.get('list');
    if (id === 'videoseries' && list) return `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`;
    if (id && id !== 'videoseries') {
      const watch = new URL('https://www.youtube.com/watch');
      watch.searchParams.set('v', id);
      const start = url.searchParams.get('start');
      if (start && /^\d+$/.test(start)) watch.searchParams.set('t', start);
      return watch.href;
    }
  }
  if (host === 'player.vimeo.com') {
    const id = /^\/video\/(\d+)/.exec(url.pathname)?.[1];
    // An unlisted video's page needs its hash.
    const hash = url.searchParams.get('h');
    if (id) return `https://vimeo.com/${id}${hash && /^\w+$/.test(hash) ? `/${hash}` : ''}`;
  }
  return url.href;
}


type Player = 'iframe' | 'object' | 'embed' | 'video';

/** The embedded player `element` is (through its carrier), if it is one. */
function playerOf(d: Dom, element: Element, name: string): Player | undefined {
  if (name === 'video') return 'video';
  for (const player of ['iframe', 'object', 'embed'] as const) {
    if (name === CARRIERS[player] && d.attribute(element, `${CARRIER_MARK}${player}`) !== null) return player;
  }
  return undefined;
}

const INNER_SOURCES = `param, source, ${CARRIERS.embed}[${CARRIER_MARK}embed]`;

/** The http(s) address of an embedded video, or `undefined` (no usable source, or an object that is not a video). */
function videoSource(d: Dom, element: Element, player: Player, base: string | undefined): string | undefined {
  const candidates: (string | null)[] = [];
  const type = d.attribute(element, 'type');
  if ((player === 'object' || player === 'embed') && type !== null && !VIDEO_TYPE.test(type)) return undefined;
  if (player === 'iframe') {
    // Lazy-loading plugins leave `src` blank and keep the address in data-src.
    candidates.push(d.attribute(element, 'src'), d.attribute(element, 'data-src'), d.attribute(element, 'data-lazy-src'));
  } else if (player === 'object') {
    candidates.push(d.attribute(element, 'data'));
  } else {
    candidates.push(d.attribute(element, 'src'));
  }
  if (player === 'object' || player === 'video') {
    for (const inner of d.select(element, INNER_SOURCES)) {
      if (d.name(inner) === 'param') {
        if (/^(?:movie|src)$/i.test(d.attribute(inner, 'name') ?? '')) candidates.push(d.attribute(inner, 'value'));
      } else {
        candidates.push(d.attribute(inner, 'src'));
      }
    }
  }
  for (const candidate of candidates) {
    const url = candidate ? safeUrl(decode(candidate), base) : undefined;
    if (url) return url;
  }
  return undefined;
}

/** "Video: youtube.com", a paragraph linking the video's page. */
function videoParagraph(doc: Document, source: string, label: string, target: string | null | undefined): HTMLParagraphElement {
  const page = videoPage(source);
  const paragraph = doc.createElement('p');
  const link = doc.createElement('a');
  link.setAttribute('href', page);
  applyLinkTarget(link, target);
  link.textContent = `${label} ${new URL(page).hostname.replace(/^www\./, '')}`;
  paragraph.append(link);
  return paragraph;
}

/** The text a reader would see in `element`, with line-ending elements kept apart by a space. */
function visibleText(d: Dom, doc: Document, element: Element): string {
  const parts: string[] = [];
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node = walker.firstChild();
  while (node) {
    if (d.nodeType(node) === Node.TEXT_NODE) {
      parts.push((node as Text).data);
    } else {
      const name = d.name(node as Element);
      if (BLOCKS.has(name) && !/\s$/.test(parts[parts.length - 1] ?? ' ')) parts.push(' ');
      if (!HIDDEN_CONTENT.has(name) && walker.firstChild()) {
        node = walker.currentNode;
        continue;
      }
    }
    node = null;
    while (!node) {
      if (walker.nextSibling()) node = walker.currentNode;
      else if (!walker.parentNode() || walker.currentNode === element) break;
    }
  }
  return decode(parts.join(''));
}

/** A renamed formatting element (`mlo-fmt-b`) as what it was (`b`), with its attributes and children. */
function restoreElement(d: Dom, doc: Document, element: Element, name: string): Element {
  const restored = doc.createElement(name);
  for (const attribute of d.attributes(element)) {
    element.removeAttributeNode(attribute);
    restored.setAttributeNode(attribute);
  }
  for (let child = d.first(element); child; child = d.first(element)) restored.appendChild(child);
  d.replace(element, restored);
  return restored;
}

/** What one sanitize call needs in its post-pass. */
interface Call {
  readonly base: string | undefined;
  readonly target: string | null | undefined;
  readonly videoLabel: string;
  /** A limit cut or flattened the body. */
  shortened: boolean;
}

/** The URL gate and the link rule, on an element that stays: `false` when it goes after all (an image with no usable address). */
function gate(element: Element, name: string, state: Call): boolean {
  for (const attribute of URL_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value === null) continue;
    const url = safeUrl(value, state.base);
    if (url) element.setAttribute(attribute, url);
    else element.removeAttribute(attribute);
  }
  for (const attribute of PREPARE_ONLY_ATTR) element.removeAttribute(attribute);
  if (name === 'a') applyLinkTarget(element, state.target);
  if (name === 'img') {
    if (!element.hasAttribute('src')) return false;
    element.setAttribute('loading', 'lazy');
    element.setAttribute('decoding', 'async');
    // An image the author did not describe is treated as decorative rather than read out as a file name.
    if (!element.hasAttribute('alt')) element.setAttribute('alt', '');
  }
  // `type` is kept for list numbering ("a", "i") only.
  if (name !== 'ol' && name !== 'ul') element.removeAttribute('type');
  return true;
}

/**
 * The post-pass, on the `<body>` either sanitiser made: checks attribute values (`checkAttributes`),
 * undoes the renames, enforces `maxElements` and `maxDepth`, turns embedded videos into links, drops
 * tracking pixels and what was kept only for this pass, and applies the URL gate and the link rule.
 * It only removes, moves and rewrites nodes the sanitiser kept, and writes the video links itself.
 */
function finishBody(body: HTMLElement, state: Call): void {
  const d = domAccess();
  const doc = body.ownerDocument;
  for (const element of d.select(body, '*')) checkAttributes(d, element);
  let depth = 1;
  let elements = 0;
  /** The next node after `node` and its descendants, `depth` following it. */
  const after = (node: Node): Node | null => {
    for (let current = node; current !== body; ) {
      const next = d.next(current);
      if (next) return next;
      const parent = d.parent(current);
      if (!parent) return null;
      current = parent;
      depth -= 1;
    }
    return null;
  };
  /** Replaces `element` by its children; the walk goes on with the first of them (at the same depth). */
  const unwrap = (element: Element): Node | null => {
    const first = d.first(element);
    const next = first ?? after(element);
    const parent = d.parent(element);
    if (parent) for (let child = d.first(element); child; child = d.first(element)) parent.insertBefore(child, element);
    d.remove(element);
    return next;
  };
  const drop = (element: Element): Node | null => {
    const next = after(element);
    d.remove(element);
    return next;
  };
  let node: Node | null = d.first(body);
  while (node) {
    if (d.nodeType(node) !== Node.ELEMENT_NODE) {
      if (d.nodeType(node) === Node.TEXT_NODE) {
        const text = node as Text;
        const decoded = decode(text.data);
        if (decoded !== text.data) text.data = decoded;
      }
      node = after(node);
      continue;
    }
    let element = node as Element;
    if (depth > BODY_LIMITS.maxDepth) {
      const text = doc.createTextNode(visibleText(d, doc, element));
      const next = after(element);
      d.replace(element, text);
      state.shortened = true;
      node = next;
      continue;
    }
    let name = d.name(element);
    if (name.startsWith(RENAMED_PREFIX)) {
      name = name.slice(RENAMED_PREFIX.length);
      element = restoreElement(d, doc, element, name);
    }
    const player = playerOf(d, element, name);
    const source = player ? videoSource(d, element, player, state.base) : undefined;
    if (player && !source) {
      // Not a video: an object keeps its fallback content, the others go.
      node = player === 'object' ? unwrap(element) : drop(element);
      continue;
    }
    if (!player && (!KEPT_TAGS.has(name) || (name === 'img' && isPixel(d, element)))) {
      // Kept for this pass only: a `<param>`, a `<source>`, a restored `<font>`, an `<applet>` of the body's own.
      node = name === 'param' || name === 'source' || name === 'noembed' || name === 'img' ? drop(element) : unwrap(element);
      continue;
    }
    elements += 1;
    if (elements > BODY_LIMITS.maxElements) {
      // This element and everything after it go.
      for (let current: Node | null = element; current && current !== body; current = d.parent(current)) {
        for (let next = d.next(current); next; next = d.next(current)) d.remove(next);
      }
      d.remove(element);
      state.shortened = true;
      break;
    }
    if (source) {
      const paragraph = videoParagraph(doc, source, state.videoLabel, state.target);
      d.replace(element, paragraph);
      node = after(paragraph);
      continue;
    }
    if (!gate(element, name, state)) {
      node = drop(element);
      continue;
    }
    const first = d.first(element);
    if (first) {
      depth += 1;
      node = first;
    } else {
      node = after(element);
    }
  }
}

/** A link with nothing in it (its pixel or its image dropped) would be an unnamed tab stop: its text, if any, stays. */
function unwrapEmptyLinks(root: ParentNode): void {
  for (const link of root.querySelectorAll('a')) {
    if (link.textContent.trim() === '' && !link.querySelector('img')) link.replaceWith(...link.childNodes);
  }
}

/** "This article is too long to show here in full. Read the full article" (linked when the article has a page). */
function shortenedNote(doc: Document, options: SanitizeOptions): HTMLParagraphElement {
  const english = articleCardMessages.en;
  const note = doc.createElement('p');
  note.setAttribute('role', 'note');
  note.append(options.shortenedNote ?? english.bodyShortened);
  if (options.articleUrl) {
    const link = doc.createElement('a');
    link.setAttribute('href', options.articleUrl);
    applyLinkTarget(link, options.target);
    link.textContent = options.fullArticleLabel ?? english.readFullArticle;
    note.append(' ', link);
  }
  return note;
}

/**
 * How the DOMPurify file is fetched: a literal `import()`, so bundlers put it in a file of its own.
 * Replaced by tests to make it fail as a 404 or an offline reader would.
 */
export const sanitizerChunk = {
  load: (): Promise<{ domPurifyFilter: BodyFilter }> => import('./sanitize-dompurify.js'),
};

let domPurify: BodyFilter | undefined;
let loading: Promise<void> | undefined;

/** The engine for this call: the browser's own, else DOMPurify once loaded. */
function engine(): BodyFilter | undefined {
  return hasNativeSanitizer() ? nativeFilter : domPurify;
}

/**
 * Whether `sanitizeHtml` and `itemContent` can run now: always where the browser has the HTML
 * Sanitizer API, elsewhere once `loadSanitizer()` has resolved.
 */
export function sanitizerReady(): boolean {
  return engine() !== undefined;
}

/**
 * Makes the sanitiser ready: at once where the browser has its own, else by loading DOMPurify (one
 * request, shared by every caller). Rejects when that file does not arrive; the next call tries again.
 */
export function loadSanitizer(): Promise<void> {
  if (sanitizerReady()) return Promise.resolve();
  loading ??= sanitizerChunk.load().then(
    (module) => {
      domPurify = module.domPurifyFilter;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Thrown by `sanitizeHtml` before the sanitiser is ready (`sanitizerReady`, `loadSanitizer`). */
export class SanitizerNotReadyError extends Error {
  constructor() {
    super('The HTML sanitiser is not loaded yet: await loadSanitizer() first.');
    this.name = 'SanitizerNotReadyError';
  }
}

/**
 * Sanitises an HTML string into an inert DocumentFragment (not cached; prefer `itemContent`).
 * Relative URLs resolve against `baseUrl` (the feed's address), else the page. `options` give the
 * reader's language for the words the sanitiser writes, and the element's link target.
 * Synchronous. Throws `SanitizerNotReadyError` before `loadSanitizer()` resolved where the browser has
 * no sanitiser of its own, and an `Error` when the page's Trusted Types policy forbids DOMPurify's.
 */
export function sanitizeHtml(html: string, baseUrl?: string, options: SanitizeOptions = {}): DocumentFragment {
  const filter = engine();
  if (!filter) throw new SanitizerNotReadyError();
  const { source, cut } = boundedSource(html);
  const encoded = encode(source);
  const body = filter(encoded, tagNames(encoded));
  const state: Call = {
    base: baseUrl,
    target: options.target,
    videoLabel: options.videoLabel ?? articleCardMessages.en.video,
    shortened: cut,
  };
  finishBody(body, state);
  unwrapEmptyLinks(body);
  // Adjacent texts as one node, however the engine removed what was between them.
  body.normalize();
  const doc = body.ownerDocument;
  const fragment = doc.createDocumentFragment();
  fragment.append(...body.childNodes);
  if (state.shortened) fragment.append(shortenedNote(doc, options));
  return fragment;
}

interface CachedContent {
  /** The base address and options the fragment was made with. */
  key: string;
  fragment: DocumentFragment;
}

/** Feed items are immutable after parsing, so the item object itself is the cache key. */
const contentCache = new WeakMap<FeedItem, CachedContent>();

/**
 * The item's `content_html`, sanitised once per item (and per base address, language and target)
 * and returned as a fresh clone each call (a fragment empties when inserted). `undefined` when the
 * item has no HTML content. A body cut at a limit links its note to the item's `url` (else
 * `external_url`). Throws as `sanitizeHtml` does (check `sanitizerReady()` first).
 */
export function itemContent(item: FeedItem, baseUrl?: string, options: BodyOptions = {}): DocumentFragment | undefined {
  if (!item.contentHtml) return undefined;
  const { videoLabel, shortenedNote: note, fullArticleLabel, target } = options;
  const key = JSON.stringify([baseUrl, videoLabel, note, fullArticleLabel, target?.trim() || undefined]);
  let cached = contentCache.get(item);
  if (!cached || cached.key !== key) {
    const articleUrl = safeUrl(item.url, baseUrl) ?? safeUrl(item.externalUrl, baseUrl);
    cached = { key, fragment: sanitizeHtml(item.contentHtml, baseUrl, { ...options, articleUrl }) };
    contentCache.set(item, cached);
  }
  return cached.fragment.cloneNode(true) as DocumentFragment;
}
