/**
 * The browser's own sanitiser (the HTML Sanitizer API, https://wicg.github.io/sanitizer-api/), used
 * wherever it exists, with the tables of ./sanitize-policy.ts: synchronous, and no DOMPurify downloaded.
 *
 * `Document.parseHTML(html, { sanitizer })` parses into a new document with no browsing context
 * (scripting off, nothing loads), as DOMPurify's `DOMParser` does, and removes every element and
 * attribute the configuration does not keep. It is one of the API's "safe" methods: whatever the
 * configuration, it also removes what runs script (`<script>`, `<iframe>`, `<object>`, `<embed>`,
 * `<frame>`, SVG `<use>`, every event handler attribute, `javascript:` links). It takes a plain string,
 * not a `TrustedHTML`, and is not a Trusted Types sink (unlike `parseHTMLUnsafe` and `setHTMLUnsafe`):
 * it needs no policy under `require-trusted-types-for 'script'`.
 *
 * The API removes an element it does not keep with its content; DOMPurify (and this library, on
 * both paths) keeps the content of an element that is merely not allowed. So every tag name written
 * in the body that is neither kept nor dropped goes into `replaceWithChildrenElements`.
 */
import { ALLOWED_ATTR, ALLOWED_TAGS, DROPPED_CONTENT, PREPARE_ATTR, PREPARE_TAGS, type BodyFilter } from './sanitize-policy.js';

interface SanitizerConfig {
  elements: string[];
  attributes: string[];
  replaceWithChildrenElements: string[];
  comments: boolean;
  dataAttributes: boolean;
}

type SanitizerConstructor = new (config: SanitizerConfig) => object;
type ParseHTML = (html: string, options: { sanitizer: object }) => Document;

/** `html`, `head` and `body` are kept too: `parseHTML` sanitises the whole document, from its root. */
const ELEMENTS = ['html', 'head', 'body', ...ALLOWED_TAGS, ...PREPARE_TAGS];
/** Never replaced by their content: dropped by us, or by the API's safe baseline. */
const NOT_UNWRAPPED = new Set([...ELEMENTS, ...DROPPED_CONTENT, 'script', 'iframe', 'object', 'embed', 'frame']);
const ATTRIBUTES = [...ALLOWED_ATTR, ...PREPARE_ATTR];
const LEADING_WHITESPACE = /^[\r\n\t ]+/;

function config(names: Iterable<string>): SanitizerConfig {
  return {
    elements: ELEMENTS,
    attributes: ATTRIBUTES,
    replaceWithChildrenElements: [...names].filter((name) => !NOT_UNWRAPPED.has(name)),
    comments: false,
    dataAttributes: false,
  };
}

/** Whether a `Sanitizer` accepts our configuration (an implementation of an older draft would throw): asked once per constructor. */
const accepted = new WeakMap<object, boolean>();

function accepts(Sanitizer: SanitizerConstructor): boolean {
  let result = accepted.get(Sanitizer);
  if (result === undefined) {
    try {
      new Sanitizer(config([]));
      result = true;
    } catch {
      result = false;
    }
    accepted.set(Sanitizer, result);
  }
  return result;
}

function api(): { Sanitizer: SanitizerConstructor; parseHTML: ParseHTML } | undefined {
  // No DOM at all (server rendering).
  if (typeof Document === 'undefined' || typeof Element === 'undefined') return undefined;
  const Sanitizer = (globalThis as { Sanitizer?: unknown }).Sanitizer;
  const parseHTML = (Document as unknown as { parseHTML?: unknown }).parseHTML;
  const setHTML = (Element.prototype as { setHTML?: unknown }).setHTML;
  if (typeof Sanitizer !== 'function' || typeof parseHTML !== 'function' || typeof setHTML !== 'function') return undefined;
  if (!accepts(Sanitizer as SanitizerConstructor)) return undefined;
  return { Sanitizer: Sanitizer as SanitizerConstructor, parseHTML: (parseHTML as ParseHTML).bind(Document) };
}

/** Whether this browser has the HTML Sanitizer API, as specified (read at each call: a test may hide it). */
export function hasNativeSanitizer(): boolean {
  return api() !== undefined;
}

export const nativeFilter: BodyFilter = (html, names) => {
  const native = api();
  if (!native) throw new Error('This browser has no HTML Sanitizer API.');
  const sanitizer = new native.Sanitizer(config(names));
  const doc = native.parseHTML(html, { sanitizer });
  const body = doc.body;
  // A whole-document parse drops the whitespace before the first tag; DOMPurify puts it back.
  const leading = LEADING_WHITESPACE.exec(html)?.[0];
  if (leading) body.insertBefore(doc.createTextNode(leading), body.firstChild);
  return body;
};
