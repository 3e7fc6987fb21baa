/**
 * The one sanitiser for feed `content_html`, shared by every element that renders an article body.
 *
 * DOMPurify with an explicit allow-list (text, links, lists, figures, images, tables, headings,
 * quotes), returning a DOM fragment (`RETURN_DOM_FRAGMENT`) so no string ever reaches `innerHTML`.
 * Every `href`/`src`/`cite` passes through `safeUrl` (http(s) or relative, resolved against the
 * feed's address). Results are cached per item: content is sanitised once, then cloned.
 *
 * Bodies as real feeds write them (see "Article bodies" in docs/feed-format.md):
 * - an embedded video (`<iframe>`, `<video>`, `<object>`, `<embed>` with a usable http(s) source)
 *   becomes a paragraph with a link to it, "Video: youtube.com": the watch page for YouTube and
 *   Vimeo players, else the embed's own address. No frame is ever kept;
 * - tracking pixels (images at most 1x1 by attribute or style) are dropped;
 * - every link follows `linkTarget` (src/internal/links.ts): the feed's own `target` is dropped, the
 *   element's `target` (if any) is written, with `rel="noopener noreferrer"`;
 * - a body past `BODY_LIMITS` is cut (or, too deep, flattened to its text) and ends with a note.
 *
 * Trusted Types: DOMPurify parses through `DOMParser`, a Trusted Types sink, using its own policy
 * named `dompurify` (an identity `createHTML` kept inside DOMPurify's closure, used only to build an
 * inert document). Pages that enforce `require-trusted-types-for 'script'` with a `trusted-types`
 * allow-list must list `dompurify` beside `mlo-widgets` and `lit-html`. If the page forbids it,
 * `sanitizeHtml` throws and the caller shows the plain text of the body instead: never a blank box.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { FeedItem } from '../feed/types.js';
import { safeUrl } from '../feed/urls.js';
import { articleCardMessages } from '../i18n/messages/article-card.js';
import { applyLinkTarget } from './links.js';

/** Elements an article body may contain. Everything else is removed (its text is kept, except for the FORBID_CONTENTS defaults such as script and style). */
export const ALLOWED_TAGS: readonly string[] = [
  // Text and structure
  'p', 'br', 'hr', 'div', 'span', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'cite', 'q', 'dfn',
  'code', 'pre', 'kbd', 'samp', 'var', 'time', 'del', 'ins', 'bdi', 'wbr',
  // Links, quotes, lists
  'a', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  // Figures and images
  'figure', 'figcaption', 'img',
  // Tables
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
];

/**
 * Attributes kept on those elements. No `style`, `class`, `id`, `on*`, `srcset` or `data-*`, and no
 * `target`: a link's target is the element's, never the feed's (`linkTarget`).
 */
export const ALLOWED_ATTR: readonly string[] = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'cite', 'datetime',
  'colspan', 'rowspan', 'scope', 'headers', 'abbr', 'start', 'reversed', 'type',
];

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
   * Elements kept, in document order. The HTML is cut before it is parsed, at the tag that would open
   * one element more (every `<` followed by a letter counts, wherever it is, even inside an attribute
   * value) or at the tag, end tag or comment past `2 x maxElements` of them, so the browser's parser
   * never sees more; what the parser adds by itself (a `<tbody>`) is cut after parsing.
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

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  // `body` is the root DOMPurify walks (its children become the fragment). Not allowed, DOMPurify would
  // remove it the way it removes any element: after a deep copy of its content, thrown away, every call.
  ALLOWED_TAGS: [...ALLOWED_TAGS, 'body'],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only http(s) and relative URLs survive DOMPurify's own check too; safeUrl then resolves them.
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * The HTML parser's formatting elements (except `a`), which it reopens after every paragraph that
 * closes them unclosed ("reconstruct the active formatting elements"): 1,000 unclosed `<b>`s with
 * distinct attributes then 500 paragraphs make 500,000 elements and block the page for minutes. Before
 * parsing they are renamed to `mlo-fmt-*` (plain elements, which the parser never reopens) and named
 * back before DOMPurify sees them. `a` stays: the parser keeps at most one open `a` per table cell.
 * Matched wherever they appear (inside an attribute value too: restored there as well). A tag name ends
 * at whitespace, `/` or `>` (CR is read as LF), so nothing else can be a `<b>` to the parser.
 */
const FORMATTING_TAG = /<(\/?)(b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\t\n\f\r />]|$)/gi;
const RENAMED_PREFIX = 'mlo-fmt-';
const RENAMED_TAG = /<(\/?)mlo-fmt-/g;
/**
 * What the parser reads as a tag or a comment: `<` then a letter (an element), `/` (an end tag), `!`
 * (a comment, a doctype) or `?` (a bogus comment). Every node of a body but its text comes from one.
 */
const TAG = /<[a-z/!?]/gi;
/** An element with more attributes than this is copied with only the allowed ones before DOMPurify sees it (which would take seconds for 15,000). */
const MAX_ATTRIBUTES = 64;
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Elements whose contents are not text a reader sees (their text is not kept when a body is flattened). */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext', 'title', 'textarea', 'select', 'svg', 'math', 'video', 'audio', 'object', 'embed', 'head']);
/** Elements that end a line: their text is kept apart from the next when a body is flattened. */
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'caption', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'table', 'ul', 'ol', 'dl', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** `type`s of an `<object>`/`<embed>` that is a video (no type: assumed to be one). */
const VIDEO_TYPE = /^\s*(?:video\/|application\/(?:x-shockwave-flash|x-mpegurl|vnd\.apple\.mpegurl|dash\+xml)\b)/i;

/** What one (synchronous) sanitize call needs in its hooks. */
interface Call {
  readonly base: string | undefined;
  readonly target: string | null | undefined;
  readonly videoLabel: string;
  /** The body was parsed and prepared (false when Trusted Types kept DOMPurify from parsing). */
  prepared: boolean;
  /** A limit cut or flattened the body. */
  shortened: boolean;
}
let call: Call | undefined;

/**
 * DOM reads and writes through the prototypes: a `<form>` in the inert document shadows its own
 * properties with its controls (`<input name="parentNode">`), which must not steer the walk.
 */
interface Dom {
  parent(node: Node): Node | null;
  next(node: Node): Node | null;
  first(node: Node): Node | null;
  nodeType(node: Node): number;
  name(element: Element): string;
  namespace(element: Element): string | null;
  attribute(element: Element, name: string): string | null;
  attributes(element: Element): Attr[];
  attributeCount(element: Element): number;
  attributeNames(element: Element): string[];
  select(element: Element, selectors: string): Element[];
  remove(node: Node): void;
  replace(node: Node, replacement: Node): void;
}
let dom: Dom | undefined;

type Unbound = (this: unknown, ...args: unknown[]) => unknown;

function domAccess(): Dom {
  if (dom) return dom;
  const own = (proto: object, key: string, kind: 'get' | 'value'): Unbound => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    const found: unknown = descriptor ? Reflect.get(descriptor, kind) : undefined;
    if (typeof found !== 'function') throw new Error(`No ${key} on the DOM prototypes`);
    return found as Unbound;
  };
  const parentNode = own(Node.prototype, 'parentNode', 'get');
  const nextSibling = own(Node.prototype, 'nextSibling', 'get');
  const firstChild = own(Node.prototype, 'firstChild', 'get');
  const nodeType = own(Node.prototype, 'nodeType', 'get');
  const removeChild = own(Node.prototype, 'removeChild', 'value');
  const replaceChild = own(Node.prototype, 'replaceChild', 'value');
  const localName = own(Element.prototype, 'localName', 'get');
  const namespaceURI = own(Element.prototype, 'namespaceURI', 'get');
  const attributes = own(Element.prototype, 'attributes', 'get');
  const getAttribute = own(Element.prototype, 'getAttribute', 'value');
  const getAttributeNames = own(Element.prototype, 'getAttributeNames', 'value');
  const querySelectorAll = own(Element.prototype, 'querySelectorAll', 'value');
  dom = {
    parent: (node) => parentNode.call(node) as Node | null,
    next: (node) => nextSibling.call(node) as Node | null,
    first: (node) => firstChild.call(node) as Node | null,
    nodeType: (node) => nodeType.call(node) as number,
    name: (element) => localName.call(element) as string,
    namespace: (element) => namespaceURI.call(element) as string | null,
    attribute: (element, name) => getAttribute.call(element, name) as string | null,
    attributes: (element) => [...(attributes.call(element) as NamedNodeMap)],
    attributeCount: (element) => (attributes.call(element) as NamedNodeMap).length,
    attributeNames: (element) => getAttributeNames.call(element) as string[],
    select: (element, selectors) => [...(querySelectorAll.call(element, selectors) as NodeListOf<Element>)],
    remove(node) {
      const parent = parentNode.call(node) as Node | null;
      if (parent) removeChild.call(parent, node);
    },
    replace(node, replacement) {
      const parent = parentNode.call(node) as Node | null;
      if (parent) replaceChild.call(parent, replacement, node);
    },
  };
  return dom;
}

function restoreRenamed(value: string): string {
  return value.includes(RENAMED_PREFIX) ? value.replace(RENAMED_TAG, '<$1') : value;
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

/** The http(s) address of an embedded video, or `undefined` (no usable source, or an object that is not a video). */
function videoSource(d: Dom, element: Element, name: string, base: string | undefined): string | undefined {
  const candidates: (string | null)[] = [];
  const type = d.attribute(element, 'type');
  if ((name === 'object' || name === 'embed') && type !== null && !VIDEO_TYPE.test(type)) return undefined;
  if (name === 'iframe') {
    // Lazy-loading plugins leave `src` blank and keep the address in data-src.
    candidates.push(d.attribute(element, 'src'), d.attribute(element, 'data-src'), d.attribute(element, 'data-lazy-src'));
  } else if (name === 'object') {
    candidates.push(d.attribute(element, 'data'));
  } else {
    candidates.push(d.attribute(element, 'src'));
  }
  if (name === 'object' || name === 'video') {
    for (const inner of d.select(element, 'param, embed, source')) {
      const innerName = d.name(inner);
      if (innerName === 'param') {
        if (/^(?:movie|src)$/i.test(d.attribute(inner, 'name') ?? '')) candidates.push(d.attribute(inner, 'value'));
      } else {
        candidates.push(d.attribute(inner, 'src'));
      }
    }
  }
  for (const candidate of candidates) {
    const url = candidate ? safeUrl(candidate, base) : undefined;
    if (url) return url;
  }
  return undefined;
}

/** "Video: youtube.com", a paragraph linking the video's page. */
function videoParagraph(doc: Document, source: string, label: string): HTMLParagraphElement {
  const page = videoPage(source);
  const paragraph = doc.createElement('p');
  const link = doc.createElement('a');
  link.setAttribute('href', page);
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
  return restoreRenamed(parts.join(''));
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

/** A copy of `element` with only the allowed attributes (DOMPurify would remove the others, one at a time). */
function copyWithAllowedAttributes(d: Dom, doc: Document, element: Element, name: string): Element {
  const copy = doc.createElement(name);
  for (const attribute of ALLOWED_ATTR) {
    const value = d.attribute(element, attribute);
    if (value !== null) copy.setAttribute(attribute, restoreRenamed(value));
  }
  for (let child = d.first(element); child; child = d.first(element)) copy.appendChild(child);
  d.replace(element, copy);
  return copy;
}

/**
 * Runs once per sanitize call, on the parsed body before DOMPurify walks it: enforces `maxElements`
 * and `maxDepth`, names renamed formatting elements back, turns embedded videos into links and drops
 * tracking pixels. It only reads and moves nodes of the inert document; DOMPurify then sanitises the
 * result, the links made here included.
 */
function prepareBody(root: Node): void {
  if (!call || call.prepared) return;
  call.prepared = true;
  const state = call;
  const d = domAccess();
  const doc = root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let depth = 0;
  let elements = 0;
  /** The next node after the current one and its descendants. */
  const skip = (): Node | null => {
    for (;;) {
      if (walker.nextSibling()) return walker.currentNode;
      if (!walker.parentNode()) return null;
      depth -= 1;
    }
  };
  let node: Node | null = walker.firstChild();
  if (node) depth = 1;
  while (node) {
    if (d.nodeType(node) === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.includes(RENAMED_PREFIX)) text.data = restoreRenamed(text.data);
      node = skip();
      continue;
    }
    let element = node as Element;
    elements += 1;
    if (elements > BODY_LIMITS.maxElements) {
      // This element and everything after it go.
      for (let current: Node | null = element; current && current !== root; current = d.parent(current)) {
        for (let next = d.next(current); next; next = d.next(current)) d.remove(next);
      }
      d.remove(element);
      state.shortened = true;
      break;
    }
    if (depth > BODY_LIMITS.maxDepth) {
      const text = doc.createTextNode(visibleText(d, doc, element));
      d.replace(element, text);
      walker.currentNode = text;
      state.shortened = true;
      node = skip();
      continue;
    }
    const html = d.namespace(element) === HTML_NAMESPACE;
    const parsedName = d.name(element);
    const name = html && parsedName.startsWith(RENAMED_PREFIX) ? parsedName.slice(RENAMED_PREFIX.length) : parsedName;
    // The attributes' count, not the attributes: the browser makes each Attr object with a linear search.
    if (d.attributeCount(element) > MAX_ATTRIBUTES) {
      if (!html) {
        // SVG or MathML, which DOMPurify removes anyway.
        node = skip();
        d.remove(element);
        continue;
      }
      element = copyWithAllowedAttributes(d, doc, element, name);
      walker.currentNode = element;
    } else {
      if (name !== parsedName) {
        element = restoreElement(d, doc, element, name);
        walker.currentNode = element;
      }
      // By name: reading the Attr objects would make the browser create one per attribute.
      for (const attribute of d.attributeNames(element)) {
        const value = d.attribute(element, attribute);
        const renamed = value?.includes(RENAMED_PREFIX) ? element.getAttributeNode(attribute) : null;
        if (renamed) renamed.value = restoreRenamed(renamed.value);
      }
    }
    if (name === 'iframe' || name === 'video' || name === 'object' || name === 'embed') {
      const source = videoSource(d, element, name, state.base);
      if (source) {
        const paragraph = videoParagraph(doc, source, state.videoLabel);
        d.replace(element, paragraph);
        walker.currentNode = paragraph;
        node = skip();
        continue;
      }
      // Not a video: DOMPurify removes it (an object keeps its fallback content).
    }
    if (name === 'img' && isPixel(d, element)) {
      node = skip();
      d.remove(element);
      continue;
    }
    if (walker.firstChild()) {
      depth += 1;
      node = walker.currentNode;
    } else {
      node = skip();
    }
  }
}

function gateUrlsAndLinks(node: Element): void {
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const url = safeUrl(value, call?.base);
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  const tag = node.nodeName.toLowerCase();
  if (tag === 'a') applyLinkTarget(node, call?.target);
  if (tag === 'img') {
    if (!node.hasAttribute('src')) {
      node.remove();
      return;
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    // An image the author did not describe is treated as decorative rather than read out as a file name.
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  // `type` is kept for list numbering ("a", "i") only.
  if (tag !== 'ol' && tag !== 'ul') node.removeAttribute('type');
}

/** A link with nothing in it (its pixel or its image dropped) would be an unnamed tab stop: its text, if any, stays. */
function unwrapEmptyLinks(fragment: DocumentFragment): void {
  for (const link of fragment.querySelectorAll('a')) {
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
 * Sanitises an HTML string into an inert DocumentFragment (not cached; prefer `itemContent`).
 * Relative URLs resolve against `baseUrl` (the feed's address), else the page. `options` give the
 * reader's language for the words the sanitiser writes, and the element's link target.
 * Throws when the page's Trusted Types policy forbids DOMPurify's `dompurify` policy.
 */
export function sanitizeHtml(html: string, baseUrl?: string, options: SanitizeOptions = {}): DocumentFragment {
  const { source, cut } = boundedSource(html);
  // Hooks are added for this call only, so a page sharing our DOMPurify instance is not affected.
  DOMPurify.addHook('beforeSanitizeElements', prepareBody);
  DOMPurify.addHook('afterSanitizeAttributes', gateUrlsAndLinks);
  const state: Call = {
    base: baseUrl,
    target: options.target,
    videoLabel: options.videoLabel ?? articleCardMessages.en.video,
    prepared: false,
    shortened: cut,
  };
  call = state;
  try {
    const fragment = DOMPurify.sanitize(source.replace(FORMATTING_TAG, `<$1${RENAMED_PREFIX}$2`), CONFIG) as DocumentFragment | null;
    // When Trusted Types block DOMPurify's parser it returns nothing instead of failing: the body was
    // never parsed, so prepareBody never ran.
    if (!fragment || !state.prepared) {
      throw new Error('The page does not allow DOMPurify to parse HTML (Trusted Types policy "dompurify").');
    }
    unwrapEmptyLinks(fragment);
    if (state.shortened) fragment.append(shortenedNote(fragment.ownerDocument, options));
    return fragment;
  } finally {
    call = undefined;
    DOMPurify.removeHook('beforeSanitizeElements', prepareBody);
    DOMPurify.removeHook('afterSanitizeAttributes', gateUrlsAndLinks);
  }
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
 * item has no HTML content. A body cut at a limit links its note to the item's `url` (else `external_url`).
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
