/**
 * The one allow-list of article bodies, read by both sanitisers (./sanitize-native.ts, the browser's
 * HTML Sanitizer API, and ./sanitize-dompurify.ts, DOMPurify where that API is missing) and by the
 * post-pass both share (./sanitize.ts). No table here is copied anywhere else.
 *
 * A sanitiser keeps the allowed elements (`ALLOWED_TAGS`) and, for one call, the few more the
 * post-pass needs to see (`PREPARE_TAGS`: the carriers of embedded videos, the renamed formatting
 * elements); it drops `DROPPED_CONTENT` elements with everything in them, and replaces every other
 * element by its content. It keeps `ALLOWED_ATTR` and `PREPARE_ATTR`, and the post-pass then removes
 * every `PREPARE_*` element and attribute that is left.
 */

/** Elements an article body may contain. Any other element is replaced by its content, except `DROPPED_CONTENT`. */
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
 * Elements removed with everything in them: what a reader does not see as text (scripts, styles,
 * templates, frames, media, SVG and MathML, the `<noscript>` of a page) and forms (a body's search
 * box or newsletter sign-up is the source page's furniture, not the article). DOMPurify 3.5's own
 * `FORBID_CONTENTS` list, plus `form`; given to DOMPurify as its `FORBID_CONTENTS` and left out of
 * the native sanitiser's `replaceWithChildrenElements`, so both drop the same.
 */
export const DROPPED_CONTENT: readonly string[] = [
  'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo', 'ms',
  'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg', 'template',
  'thead', 'title', 'video', 'xmp', 'form',
];

/**
 * The HTML parser's formatting elements (except `a`), which it reopens after every paragraph that
 * closes them unclosed ("reconstruct the active formatting elements"): 1,000 unclosed `<b>`s with
 * distinct attributes then 500 paragraphs make 500,000 elements and block the page for minutes.
 * Before parsing they are renamed `mlo-fmt-*` (plain elements, which the parser never reopens), and
 * the post-pass names them back. `a` stays: the parser keeps at most one open `a` per table cell.
 */
export const FORMATTING_TAGS: readonly string[] = ['b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'];
export const RENAMED_PREFIX = 'mlo-fmt-';

/**
 * Embedded players the post-pass turns into a link ("Video: youtube.com"). The native sanitiser
 * removes `<iframe>`, `<object>` and `<embed>` whatever its configuration (its safe baseline), so
 * before parsing each is renamed to an element the HTML parser treats exactly the same way, marked
 * with an attribute `mlo-was-<name>`: `<iframe>` (raw text) becomes `<noembed>` and `<noembed>`
 * becomes `<iframe>` (both ways, so a raw-text body ends where it did), `<object>` (a scope and a
 * formatting marker) becomes `<applet>`, `<embed>` (void) becomes `<img>`. Both sanitisers parse
 * the same renamed text, so both see the same tree.
 */
export const CARRIERS: Readonly<Record<'iframe' | 'noembed' | 'object' | 'embed', string>> = {
  iframe: 'noembed',
  noembed: 'iframe',
  object: 'applet',
  embed: 'img',
};
export const CARRIER_MARK = 'mlo-was-';

/** Elements a sanitiser keeps for the post-pass, which then converts, unwraps or removes each one. */
export const PREPARE_TAGS: readonly string[] = [
  'noembed', 'applet', 'video', 'source', 'param',
  ...FORMATTING_TAGS.map((name) => `${RENAMED_PREFIX}${name}`),
];

/** Attributes a sanitiser keeps for the post-pass (a video's address, a pixel's size, the carriers' marks), which then removes them. */
export const PREPARE_ATTR: readonly string[] = [
  'style', 'data-src', 'data-lazy-src', 'data', 'name', 'value',
  ...Object.keys(CARRIERS).map((name) => `${CARRIER_MARK}${name}`),
];

/**
 * The values an attribute other than `alt`, `title` (and the prepare-only `name`, `value`, `style`)
 * may have, once its whitespace is removed: http(s), anything not starting with a letter, or a word
 * not followed by a colon ("en", "col", "2024-03-08"). A URL with any other scheme fails.
 * DOMPurify's `ALLOWED_URI_REGEXP`, and the post-pass's own rule for the native path.
 */
export const ALLOWED_VALUE = /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/**
 * The inert `<body>` one sanitiser made from (renamed, bounded) HTML: only `ALLOWED_TAGS`,
 * `PREPARE_TAGS`, `ALLOWED_ATTR` and `PREPARE_ATTR` left, other elements replaced by their content,
 * `DROPPED_CONTENT` gone, and the leading whitespace kept (as DOMPurify keeps it). `names`: the
 * lower-case tag names written in the HTML. Throws when the page keeps it from parsing HTML.
 */
export type BodyFilter = (html: string, names: ReadonlySet<string>) => HTMLElement;
