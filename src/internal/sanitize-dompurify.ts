/**
 * The sanitiser where the browser has no HTML Sanitizer API: DOMPurify, with the tables of
 * ./sanitize-policy.ts. Loaded only there, by `import()` from ./sanitize.ts (`loadSanitizer`), so
 * bundlers put DOMPurify in a file of its own that pages with the native API never download.
 *
 * Trusted Types: DOMPurify parses through `DOMParser`, a Trusted Types sink, using its own policy
 * named `dompurify` (an identity `createHTML` kept inside DOMPurify's closure, used only to build an
 * inert document). Pages that enforce `require-trusted-types-for 'script'` with a `trusted-types`
 * allow-list must list `dompurify` for this path; if they do not, the filter throws and the element
 * shows the plain text of the body instead.
 */
import DOMPurify, { type Config } from 'dompurify';
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  ALLOWED_VALUE,
  CARRIER_MARK,
  CARRIERS,
  DROPPED_CONTENT,
  PREPARE_ATTR,
  PREPARE_TAGS,
  type BodyFilter,
} from './sanitize-policy.js';
import { domAccess } from './sanitize-dom.js';

const CONFIG: Config & { RETURN_DOM: true } = {
  // `body` is the root DOMPurify walks (and returns). Not allowed, DOMPurify would remove it the way it
  // removes any element: after moving its content out, thrown away, every call.
  ALLOWED_TAGS: [...ALLOWED_TAGS, ...PREPARE_TAGS, 'body'],
  ALLOWED_ATTR: [...ALLOWED_ATTR, ...PREPARE_ATTR],
  FORBID_CONTENTS: [...DROPPED_CONTENT],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_VALUE,
  RETURN_DOM: true,
};

/** An element with more attributes than this is copied with only the kept ones before DOMPurify sees it (which would take seconds for 15,000). */
const MAX_ATTRIBUTES = 64;
const KEPT_ATTRIBUTES = [...ALLOWED_ATTR, ...PREPARE_ATTR];
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const IFRAME_CARRIER = `${CARRIERS.iframe}[${CARRIER_MARK}iframe]`;

/**
 * Before DOMPurify walks the parsed body: elements with thousands of attributes are copied with the
 * kept ones only (DOMPurify removes the others one at a time), and an `<iframe>`'s carrier loses its
 * raw text, which the post-pass drops anyway but DOMPurify would read as markup and remove the
 * carrier, and with it the video's address, for.
 */
function prepare(body: Element): void {
  const d = domAccess();
  const doc = body.ownerDocument;
  for (const element of d.select(body, '*')) {
    if (d.attributeCount(element) <= MAX_ATTRIBUTES) continue;
    if (d.namespace(element) !== HTML_NAMESPACE) {
      // SVG or MathML, which DOMPurify removes with its content.
      d.remove(element);
      continue;
    }
    const copy = doc.createElement(d.name(element));
    for (const name of KEPT_ATTRIBUTES) {
      const value = d.attribute(element, name);
      if (value !== null) copy.setAttribute(name, value);
    }
    for (let child = d.first(element); child; child = d.first(element)) copy.appendChild(child);
    d.replace(element, copy);
  }
  for (const carrier of d.select(body, IFRAME_CARRIER)) {
    for (let child = d.first(carrier); child; child = d.first(carrier)) d.remove(child);
  }
}

export const domPurifyFilter: BodyFilter = (html) => {
  const call = { prepared: false };
  const hook = (node: Node): void => {
    if (call.prepared) return;
    call.prepared = true;
    // The first node DOMPurify visits is the root, the parsed <body>.
    prepare(node as Element);
  };
  // Added for this call only, so a page sharing our DOMPurify instance is not affected.
  DOMPurify.addHook('beforeSanitizeElements', hook);
  try {
    const body = DOMPurify.sanitize(html, CONFIG) as HTMLElement | null;
    // When Trusted Types keep DOMPurify from parsing it returns nothing instead of failing.
    if (!body || !call.prepared) throw new Error('The page does not allow DOMPurify to parse HTML (Trusted Types policy "dompurify").');
    return body;
  } finally {
    DOMPurify.removeHook('beforeSanitizeElements', hook);
  }
};
