/**
 * Both sanitiser paths give the same body: every `content_html` of the fixture and demo feeds, the
 * hostile payloads and the bodies at and past the limits, sanitised by the browser's HTML Sanitizer API
 * and by DOMPurify (that API hidden), compared node by node (names, sorted attributes, text), and both
 * results checked inert: no handler, no unsafe URL, only allowed elements, and nothing ran.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { ALLOWED_TAGS, BODY_LIMITS, loadSanitizer, sanitizeHtml } from '../src/internal/sanitize.js';
import { hasNativeSanitizer } from '../src/internal/sanitize-native.js';
import { expectInert, trapAlerts } from './helpers/dom.js';
import { hideNativeSanitizer } from './sanitize-engines.js';

declare global {
  interface Window {
    __xss?: string;
  }
}

const FEEDS = [
  '/fixtures/feeds/hostile.json',
  '/fixtures/feeds/embeds-and-pixels.json',
  '/fixtures/feeds/jsonfeed-org-1.0.json',
  '/fixtures/feeds/minimal.json',
  '/fixtures/feeds/news-mlo.json',
  '/fixtures/feeds/real-blog-http-v1.json',
  '/demo/feed/feed.json',
  '/demo/feed/feed.sr-Cyrl.json',
  '/demo/feed/feed.sr-Latn.json',
];

/** Payloads that would set `window.__xss` (or call alert) if anything of them ran. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=\'img\'">',
  '<svg><animate onbegin="window.__xss=\'animate\'" attributeName="x" dur="1s"></animate></svg>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=window.__xss=\'mxss\'&gt;"></mglyph></table></mtext></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss=\'mxss3\'">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=\'noscript\'>"></noscript>',
  '<details open ontoggle="window.__xss=\'details\'"><summary>s</summary></details>',
  '<a href="javascript:window.__xss=\'link\'">link</a><a href=" JaVa&#x0A;script:window.__xss=1">split</a>',
  '<div><template shadowrootmode="open"><p>in a shadow root</p></template>light</div>',
  '<iframe src="https://www.youtube.com/embed/abc"><p>fallback <img src=x onerror=window.__xss=1></p></iframe><p>after</p>',
  '<iframe src="https://www.youtube.com/embed/abc"></noscript><img src=x onerror=window.__xss=1></iframe>',
  '<noembed><img src=x onerror=window.__xss=1></noembed><p>after noembed</p>',
  '<object data="https://www.youtube.com/v/abc"><p>fallback</p></object><embed src="https://media.example/clip.swf"><p>after</p>',
  '<p>Watch: <iframe src="https://player.vimeo.com/video/1"></iframe> now</p>',
  '<textarea><iframe src=x></textarea><p title="<iframe> and <b> and <noembed>">titles</p>',
  '<o:p>Word</o:p><st1:place>Belgrade</st1:place><article><p>in an article</p></article><font color=red>red</font><center>c</center>',
  '  \n<p title="  spaced  ">leading whitespace</p>',
  '<p title="a --> b" lang="en">breakout</p><table><tr><th abbr="Note: x" headers="a b" scope="col">h</th></tr></table>',
  '<form><input name="attributes"><input name="parentNode"><p>in a clobbering form</p></form>after',
  '<p onclick="window.__xss=1" style="color:red" class="x" id="y" data-x="1" aria-hidden="true">attributes</p>',
  '<a href="https://www.nato.int/" target="_top" rel="opener">target</a><a href="/x"><img src="/p.gif" width="1" height="1"></a>',
  '<img src="data:image/svg+xml,<svg onload=window.__xss=1>" alt="data"><img src="  https://mlo.example/a.jpg  " alt="spaced">',
  '<select><option>one</option></select><button>b</button><label>l</label><dialog open>d</dialog>',
];

/** Bodies at and past `BODY_LIMITS`. */
function limitBodies(): string[] {
  const { maxElements, maxDepth, maxCharacters } = BODY_LIMITS;
  let unclosed = '<p>';
  for (let i = 0; i < 200; i++) unclosed += `<b title="t${i}">`;
  return [
    '<p>x</p>'.repeat(maxElements),
    '<p>x</p>'.repeat(maxElements + 1),
    `${'<div>'.repeat(maxDepth - 1)}<em>deepest</em>`,
    `${'<div>'.repeat(maxDepth)}<em>deep<br>est</em>`,
    `${'<font>'.repeat(maxDepth + 5)}<em>deep fonts</em>`,
    `<p>${'word '.repeat(maxCharacters / 5)}`,
    `${unclosed}</p>${'<p>text</p>'.repeat(200)}`,
    Array.from({ length: 2000 }, (_, i) => (i % 2 ? `<blockquote>level ${i} ` : `<div>level ${i} `)).join(''),
    `<table>${'<tr><td>cell'.repeat(400)}</table>`,
  ];
}

/** A node as names, sorted attributes and text: what a reader (and CSS) can tell apart. */
function normalized(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify((node as Text).data);
  if (node.nodeType !== Node.ELEMENT_NODE) return `#${node.nodeType}`;
  const element = node as Element;
  const attributes = [...element.attributes].map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`).sort();
  return `<${element.localName}${attributes.map((attribute) => ` ${attribute}`).join('')}>${[...element.childNodes].map(normalized).join('')}</${element.localName}>`;
}

function rendered(fragment: DocumentFragment): HTMLElement {
  const container = document.createElement('div');
  container.append(fragment);
  return container;
}

interface Case {
  name: string;
  html: string;
}

async function cases(): Promise<Case[]> {
  const all: Case[] = [];
  for (const url of FEEDS) {
    const feed = (await (await fetch(url)).json()) as { items: { id: string; content_html?: unknown }[] };
    for (const item of feed.items) {
      if (typeof item.content_html === 'string') all.push({ name: `${url} ${item.id}`, html: item.content_html });
    }
  }
  PAYLOADS.forEach((html, index) => all.push({ name: `payload ${index}`, html }));
  limitBodies().forEach((html, index) => all.push({ name: `limit body ${index}`, html }));
  return all;
}

const BASE = 'https://news.example.org/feed/json';

describe('the HTML Sanitizer API and DOMPurify give the same body', function () {
  this.timeout(60_000);
  trapAlerts();

  afterEach(() => {
    delete window.__xss;
  });

  it('for every fixture, demo, hostile and limit body, with no handler, unsafe URL or other element, and nothing runs', async () => {
    expect(hasNativeSanitizer(), 'this Chromium has the HTML Sanitizer API').to.equal(true);
    const bodies = await cases();
    expect(bodies.length).to.be.greaterThan(60);
    const options = { target: '_blank', videoLabel: 'Video:' };
    const native = bodies.map(({ html }) => rendered(sanitizeHtml(html, BASE, options)));
    const restore = hideNativeSanitizer();
    let purified: HTMLElement[];
    try {
      await loadSanitizer();
      purified = bodies.map(({ html }) => rendered(sanitizeHtml(html, BASE, options)));
    } finally {
      restore();
    }
    const allowed = new Set(ALLOWED_TAGS);
    const stage = document.createElement('div');
    document.body.append(stage);
    try {
      bodies.forEach(({ name }, index) => {
        const [one, other] = [native[index]!, purified[index]!];
        expect(normalized(one), name).to.equal(normalized(other));
        expect(one.textContent, name).to.equal(other.textContent);
        for (const root of [one, other]) {
          expectInert(root);
          for (const element of root.querySelectorAll('*')) {
            expect(allowed.has(element.localName), `${name}: <${element.localName}>`).to.equal(true);
            expect(element.hasAttribute('style') || element.hasAttribute('class') || element.hasAttribute('id'), `${name}: <${element.localName}> attributes`).to.equal(false);
          }
          stage.append(root);
        }
      });
      // Let any handler (an image's onerror, ontoggle, an animation's onbegin) have its chance in the live page.
      for (const link of stage.querySelectorAll('a')) link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      await aTimeout(300);
      expect(window.__xss).to.equal(undefined);
    } finally {
      stage.remove();
    }
  });

  it('the comparison can fail: a body differs between the engines when one of them keeps more', () => {
    const one = rendered(sanitizeHtml('<p title="kept">x</p>', BASE));
    const other = rendered(sanitizeHtml('<p>x</p>', BASE));
    expect(normalized(one) === normalized(other)).to.equal(false);
  });
});
