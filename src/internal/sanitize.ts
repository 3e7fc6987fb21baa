/**
 * The one sanitiser for feed `content_html`, shared by every element that renders an article body.
 *
 * DOMPurify with an explicit allow-list (text, links, lists, figures, images, tables, headings,
 * quotes), returning a DOM fragment (`RETURN_DOM_FRAGMENT`) so no string ever reaches `innerHTML`.
 * Every `href`/`src`/`cite` passes through `safeUrl` (http(s) or relative, resolved against the
 * feed's address). Results are cached per item: content is sanitised once, then cloned.
 *
 * Trusted Types: DOMPurify parses through `DOMParser`, a Trusted Types sink, using its own policy
 * named `dompurify` (an identity `createHTML` kept inside DOMPurify's closure, used only to build an
 * inert document). Pages that enforce `require-trusted-types-for 'script'` with a `trusted-types`
 * allow-list must list `dompurify` beside `mlo-widgets` and `lit-html`. If the page forbids it,
 * `sanitizeHtml` throws and the caller shows the plain text of the body instead: never a blank box.
 */
import DOMPurify, { type Config } from 'dompurify';
import type { FeedItem } from '../feed/types.js';
import { htmlToText } from '../feed/text.js';
import { safeUrl } from '../feed/urls.js';

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

/** Attributes kept on those elements. No `style`, `class`, `id`, `on*`, `srcset` or `data-*`. */
export const ALLOWED_ATTR: readonly string[] = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'cite', 'datetime',
  'colspan', 'rowspan', 'scope', 'headers', 'abbr', 'start', 'reversed', 'type', 'target',
];

/** Attributes holding a URL: each passes `safeUrl` or is removed. */
const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only http(s) and relative URLs survive DOMPurify's own check too; safeUrl then resolves them.
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

/** The address relative URLs resolve against during the current (synchronous) sanitize call. */
let currentBase: string | undefined;

function gateUrlsAndLinks(node: Element): void {
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const url = safeUrl(value, currentBase);
    if (url) node.setAttribute(name, url);
    else node.removeAttribute(name);
  }
  const tag = node.nodeName.toLowerCase();
  if (tag === 'a' && node.hasAttribute('target')) {
    node.setAttribute('rel', 'noopener noreferrer');
  }
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

/**
 * Sanitises an HTML string into an inert DocumentFragment (not cached; prefer `itemContent`).
 * Relative URLs resolve against `baseUrl` (the feed's address), else the page.
 * Throws when the page's Trusted Types policy forbids DOMPurify's `dompurify` policy.
 */
export function sanitizeHtml(html: string, baseUrl?: string): DocumentFragment {
  // Hooks are added for this call only, so a page sharing our DOMPurify instance is not affected.
  DOMPurify.addHook('afterSanitizeAttributes', gateUrlsAndLinks);
  currentBase = baseUrl;
  try {
    const fragment = DOMPurify.sanitize(html, CONFIG);
    // When Trusted Types block DOMPurify's parser it returns an empty fragment instead of failing:
    // content with text that comes back empty means the HTML could not be parsed here.
    const empty = fragment.textContent.trim() === '' && !fragment.querySelector('img');
    if (empty && htmlToText(html) !== '') {
      throw new Error('The page does not allow DOMPurify to parse HTML (Trusted Types policy "dompurify").');
    }
    return fragment;
  } finally {
    currentBase = undefined;
    DOMPurify.removeHook('afterSanitizeAttributes', gateUrlsAndLinks);
  }
}

interface CachedContent {
  baseUrl: string | undefined;
  fragment: DocumentFragment;
}

/** Feed items are immutable after parsing, so the item object itself is the cache key. */
const contentCache = new WeakMap<FeedItem, CachedContent>();

/**
 * The item's `content_html`, sanitised once per item and returned as a fresh clone each call
 * (a fragment empties when inserted). `undefined` when the item has no HTML content.
 */
export function itemContent(item: FeedItem, baseUrl?: string): DocumentFragment | undefined {
  if (!item.contentHtml) return undefined;
  let cached = contentCache.get(item);
  if (!cached || cached.baseUrl !== baseUrl) {
    cached = { baseUrl, fragment: sanitizeHtml(item.contentHtml, baseUrl) };
    contentCache.set(item, cached);
  }
  return cached.fragment.cloneNode(true) as DocumentFragment;
}
