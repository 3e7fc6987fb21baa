import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { parseFeedText } from '../src/feed/parse.js';
import type { FeedItem } from '../src/feed/types.js';
import { ALLOWED_TAGS, BODY_LIMITS, itemContent, sanitizeHtml } from '../src/internal/sanitize.js';
import { take } from './helpers/lists.js';
import { ENGINES, hideNativeSanitizer, useEngine } from './sanitize-engines.js';

const BASE = 'https://mlo.example/newsroom/feed.json';
const FORBIDDEN_ELEMENTS = 'script, iframe, object, embed, form, input, button, style, base, meta, link, svg, math, noscript, template, details';

declare global {
  interface Window {
    __xss?: string;
  }
}

function wrap(fragment: DocumentFragment): HTMLElement {
  const container = document.createElement('div');
  container.append(fragment);
  return container;
}

function attributesOf(root: ParentNode): Attr[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes]);
}

async function hostileItem(id: string): Promise<FeedItem> {
  const response = await fetch('/fixtures/feeds/hostile.json');
  const feed = parseFeedText(await response.text(), { url: new URL('/fixtures/feeds/hostile.json', location.href).href });
  return feed.items.find((item) => item.id === id)!;
}

for (const engine of ENGINES) {
  describe(`on ${engine.name}`, () => {
    useEngine(engine);

    describe('sanitizeHtml', () => {
      afterEach(() => {
        delete window.__xss;
      });

      it('keeps text, links, lists, figures, images, tables, headings and quotes', () => {
        const html =
          '<h2>Heading</h2><p>Text with <strong>bold</strong>, <em>emphasis</em> and <a href="https://www.nato.int/">a link</a>.</p>' +
          '<ul><li>one</li><li>two</li></ul><ol start="3" type="a"><li>three</li></ol>' +
          '<figure><img src="https://mlo.example/a.jpg" alt="A photo" width="1200" height="800"><figcaption>Caption</figcaption></figure>' +
          '<table><caption>Table</caption><thead><tr><th scope="col">Year</th></tr></thead><tbody><tr><td colspan="2">2023</td></tr></tbody></table>' +
          '<blockquote cite="https://www.nato.int/q"><p>Quote</p></blockquote>';
        const root = wrap(sanitizeHtml(html, BASE));
        expect(root.querySelector('h2')!.textContent).to.equal('Heading');
        expect(root.querySelector('p strong')!.textContent).to.equal('bold');
        expect(root.querySelector('a')!.getAttribute('href')).to.equal('https://www.nato.int/');
        expect(root.querySelectorAll('ul li')).to.have.length(2);
        expect(root.querySelector('ol')!.getAttribute('start')).to.equal('3');
        expect(root.querySelector('ol')!.getAttribute('type')).to.equal('a');
        const img = root.querySelector('figure img')!;
        expect(img.getAttribute('alt')).to.equal('A photo');
        expect(img.getAttribute('width')).to.equal('1200');
        expect(img.getAttribute('loading')).to.equal('lazy');
        expect(root.querySelector('figcaption')!.textContent).to.equal('Caption');
        expect(root.querySelector('th')!.getAttribute('scope')).to.equal('col');
        expect(root.querySelector('td')!.getAttribute('colspan')).to.equal('2');
        expect(root.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://www.nato.int/q');
      });

      it('returns a DocumentFragment, never a string', () => {
        expect(sanitizeHtml('<p>x</p>', BASE)).to.be.instanceOf(DocumentFragment);
      });

      it('removes scripts, frames, objects, forms, styles, base, meta and links, with their event handlers', () => {
        const html =
          '<p onclick="alert(1)" style="color:red" class="x" id="y" data-x="1" aria-hidden="true">Kept text</p>' +
          '<script>window.__xss = "script"</script><iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">' +
          '<form action="https://evil.example/"><input name="q"><button>Go</button></form><style>p{display:none}</style>' +
          '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="x.css">' +
          '<svg><circle r="1"></circle></svg><math><mi>x</mi></math><details open ontoggle="alert(1)"><summary>s</summary></details>';
        const root = wrap(sanitizeHtml(html, BASE));
        expect(root.querySelectorAll(FORBIDDEN_ELEMENTS)).to.have.length(0);
        const p = root.querySelector('p')!;
        expect(p.textContent).to.equal('Kept text');
        expect(p.attributes).to.have.length(0);
        for (const element of root.querySelectorAll('*')) expect(ALLOWED_TAGS).to.include(element.localName);
      });

      it('lets only http(s) and relative URLs through, resolved against the feed address', () => {
        const html =
          '<a href="javascript:alert(1)">js</a><a href="JaVaScRiPt:alert(1)">mixed</a><a href="java&#x0A;script:alert(1)">split</a>' +
          '<a href="data:text/html,<script>alert(1)</script>">data</a><a href="vbscript:msgbox(1)">vb</a><a href="mailto:a@b.c">mail</a>' +
          '<a href="archive/2023">relative</a><a href="/newsroom">root</a><a href="https://www.nato.int/">absolute</a>' +
          '<img src="javascript:alert(1)" alt="js image"><img src="data:image/svg+xml,<svg onload=alert(1)>" alt="data image"><img src="photo.jpg" alt="relative image">' +
          '<blockquote cite="javascript:alert(1)">q</blockquote>';
        const root = wrap(sanitizeHtml(html, BASE));
        const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
        expect(hrefs).to.deep.equal([null, null, null, null, null, null, 'https://mlo.example/newsroom/archive/2023', 'https://mlo.example/newsroom', 'https://www.nato.int/']);
        // An image with no usable address is removed, not left as a broken image.
        expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal(['https://mlo.example/newsroom/photo.jpg']);
        expect(root.querySelector('blockquote')!.hasAttribute('cite')).to.equal(false);
      });

      it('drops the feed\'s own link targets, and adds alt="" to undescribed images', () => {
        const root = wrap(sanitizeHtml('<a href="https://www.nato.int/" target="_blank" rel="opener">x</a><a href="/y" target="_top">y</a><img src="/a.jpg">', BASE));
        const [blank, top] = take(root.querySelectorAll('a'), 2);
        expect([blank.hasAttribute('target'), blank.hasAttribute('rel'), top.hasAttribute('target'), top.hasAttribute('rel')]).to.deep.equal([false, false, false, false]);
        expect(root.querySelector('img')!.getAttribute('alt')).to.equal('');
      });

      it('gives every link the element\'s target, with rel="noopener noreferrer"', () => {
        const root = wrap(sanitizeHtml('<a href="https://www.nato.int/" target="_top">x</a><a href="/y">y</a>', BASE, { target: '_blank' }));
        expect([...root.querySelectorAll('a')].map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`)).to.deep.equal(['_blank noopener noreferrer', '_blank noopener noreferrer']);
      });

      // DOMPurify only: the native path never touches the shared DOMPurify instance.
      if (!engine.native) {
        it('does not leave its hook on the shared DOMPurify instance', async () => {
          const { default: DOMPurify } = await import('dompurify');
          sanitizeHtml('<article><a href="x">x</a></article>', BASE);
          // Our configuration and hook are for our call only: DOMPurify's defaults keep an <article> (ours unwrap it)
          // and a relative href as written (the post-pass resolves it), and no hook of ours is left to remove.
          expect(DOMPurify.sanitize('<article><a href="relative">x</a></article>')).to.equal('<article><a href="relative">x</a></article>');
          expect(DOMPurify.removeHook('beforeSanitizeElements')).to.equal(undefined);
        });
      }

      it('renders the hostile feed\'s content inert: nothing runs, no handler or unsafe URL survives', async () => {
        const item = await hostileItem('hostile-1');
        const root = wrap(sanitizeHtml(item.contentHtml!, BASE));
        document.body.append(root);
        try {
          expect(root.querySelectorAll(FORBIDDEN_ELEMENTS)).to.have.length(0);
          for (const attribute of attributesOf(root)) {
            expect(attribute.name, `${attribute.name} on <${attribute.ownerElement!.localName}>`).not.to.match(/^on/i);
            expect(attribute.name).not.to.equal('style');
            expect(attribute.value, attribute.name).not.to.match(/^\s*(javascript|data|vbscript):/i);
          }
          expect(root.textContent).to.contain('Paragraph with onclick and style.');
          expect(root.textContent).to.contain('A javascript: link');
          // Give any handler (onerror of a broken image, onload, ontoggle) the time to fire.
          await aTimeout(300);
          expect(window.__xss).to.equal(undefined);
        } finally {
          root.remove();
        }
      });

      it('neutralises payloads that would flip a global flag if they ran', async () => {
        const payloads = [
          '<img src=x onerror="window.__xss=\'img\'">',
          '<svg><animate onbegin="window.__xss=\'animate\'" attributeName="x" dur="1s"></animate></svg>',
          '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=window.__xss=\'mxss\'&gt;"></mglyph></table></mtext></math>',
          '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__xss=\'mxss3\'">',
          '<noscript><p title="</noscript><img src=x onerror=window.__xss=\'noscript\'>"></noscript>',
          '<details open ontoggle="window.__xss=\'details\'"><summary>s</summary></details>',
          '<a href="javascript:window.__xss=\'link\'" id="click-me">link</a>',
        ];
        const root = wrap(sanitizeHtml(payloads.join(''), BASE));
        document.body.append(root);
        try {
          for (const link of root.querySelectorAll('a')) link.click();
          await aTimeout(300);
          expect(window.__xss).to.equal(undefined);
        } finally {
          root.remove();
        }
      });
    });

    describe('itemContent', () => {
      function item(contentHtml: string | undefined): FeedItem {
        return { id: 'x', contentHtml, authors: [], tags: [], attachments: [], mlo: { photos: [] } };
      }

      it('is undefined for an item without content_html', () => {
        expect(itemContent(item(undefined), BASE)).to.equal(undefined);
      });

      it('sanitises once per item and hands out independent copies', () => {
        const article = item('<p>First version</p>');
        const first = itemContent(article, BASE)!;
        // Items are immutable after parsing; changing one behind the cache's back shows the cached result.
        article.contentHtml = '<p>Changed</p>';
        const second = itemContent(article, BASE)!;
        expect(wrap(second).textContent).to.equal('First version');
        expect(first).not.to.equal(second);
        expect(wrap(first).textContent).to.equal('First version');
      });

      it('sanitises again when the base address differs', () => {
        const article = item('<a href="a">a</a>');
        const one = wrap(itemContent(article, 'https://one.example/feed.json')!);
        const two = wrap(itemContent(article, 'https://two.example/feed.json')!);
        expect(one.querySelector('a')!.href).to.equal('https://one.example/a');
        expect(two.querySelector('a')!.href).to.equal('https://two.example/a');
      });
    });
  });
}

/**
 * A page with a strict CSP and Trusted Types enforced, in an iframe. The HTML Sanitizer API needs no
 * policy (`Document.parseHTML` is not a Trusted Types sink); without the API, the card renders a full
 * article through DOMPurify's `dompurify` policy, and falls back to plain text where that policy is not allowed.
 */
describe('under require-trusted-types-for \'script\'', () => {
  const DEFAULT_BODY = '<p>Sanitised <strong>body</strong></p><img src=x onerror="parent.__xss=1">';

  interface Frame {
    body: Element;
    violations: string[];
  }

  async function frameWithPolicy(trustedTypes: string, options: { hideNative: boolean; contentHtml?: string }): Promise<Frame> {
    const contentHtml = options.contentHtml ?? DEFAULT_BODY;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types ${trustedTypes}">
      </head><body>
      <script type="module">
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + event.sample));
        if (${options.hideNative}) {
          delete window.Sanitizer;
          delete Document.parseHTML;
          delete Element.prototype.setHTML;
        }
        // After the API is hidden: static imports would run first.
        await import('/src/elements/article-card/define.ts');
        const { parseFeed } = await import('/src/feed/parse.ts');
        const feed = parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{
          id: 'a', title: 'Trusted', url: 'https://mlo.example/a', content_html: ${JSON.stringify(contentHtml).replace(/</g, '\\u003c')} }] });
        const card = document.createElement('mlo-article-card');
        card.variant = 'full';
        card.article = feed.items[0];
        document.body.append(card);
        window.card = card;
      </script></body></html>`;
    document.body.append(frame);
    const win = frame.contentWindow as Window & { card?: HTMLElement; violations?: string[] };
    let body: Element | null | undefined;
    await waitUntil(() => (body = win.card?.shadowRoot?.querySelector('[part~="body"]')), 'the card never rendered its body in the frame', { timeout: 5000 });
    // Violations are reported asynchronously.
    await aTimeout(100);
    return { body: body!, violations: win.violations ?? [] };
  }

  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    delete window.__xss;
  });

  it('the HTML Sanitizer API renders sanitised content with no policy of its own, and no violation', async () => {
    const { body, violations } = await frameWithPolicy('lit-html', { hideNative: false });
    expect(body.querySelector('strong')?.textContent).to.equal('body');
    expect(body.querySelectorAll('[onerror]').length).to.equal(0);
    expect(violations).to.deep.equal([]);
    await aTimeout(200);
    expect(window.__xss).to.equal(undefined);
  });

  it('without the API, DOMPurify renders sanitised content when the allow-list names dompurify', async () => {
    const { body, violations } = await frameWithPolicy('lit-html dompurify', { hideNative: true });
    expect(body.querySelector('strong')?.textContent).to.equal('body');
    // The image stays (its relative src resolves against the page's base, as a link's would), without its handler.
    expect(body.querySelectorAll('img[onerror], [onerror]').length).to.equal(0);
    expect(violations).to.deep.equal([]);
    await aTimeout(200);
    expect(window.__xss).to.equal(undefined);
  });

  for (const hideNative of [false, true]) {
    it(`turns an embedded video into a link, drops pixels and cuts a body past its limits, under the same policy (${hideNative ? 'DOMPurify' : 'the API'})`, async () => {
      const html = `<iframe src="https://www.youtube.com/embed/Tt_video01"></iframe><img src="/p.gif" width="1" height="1">${'<p>x</p>'.repeat(BODY_LIMITS.maxElements)}`;
      const { body } = await frameWithPolicy('lit-html dompurify', { hideNative, contentHtml: html });
      expect(body.querySelectorAll('iframe, img').length).to.equal(0);
      expect(body.querySelector('a')?.getAttribute('href')).to.equal('https://www.youtube.com/watch?v=Tt_video01');
      expect(body.querySelector('a')?.textContent).to.equal('Video: youtube.com');
      expect(body.querySelector('[role="note"] a')?.getAttribute('href')).to.equal('https://mlo.example/a');
    });
  }

  it('without the API, shows the body as plain text when the page does not allow dompurify', async () => {
    const { body, violations } = await frameWithPolicy('lit-html', { hideNative: true });
    expect(body.textContent.trim()).to.equal('Sanitised body');
    expect(body.querySelector('strong, img') === null).to.equal(true);
    // DOMPurify's policy was refused, and so was its parse without one: the sink stayed shut.
    expect(violations.some((violation) => violation.startsWith('trusted-types'))).to.equal(true);
  });
});

describe('hideNativeSanitizer', () => {
  it('hides the API and puts it back', async () => {
    const { hasNativeSanitizer } = await import('../src/internal/sanitize-native.js');
    const restore = hideNativeSanitizer();
    expect(hasNativeSanitizer()).to.equal(false);
    restore();
    expect(hasNativeSanitizer()).to.equal(true);
  });

  it('a Sanitizer that refuses our configuration (an older draft of the API) counts as none', async () => {
    const { hasNativeSanitizer } = await import('../src/internal/sanitize-native.js');
    const global = globalThis as { Sanitizer?: unknown };
    const real = global.Sanitizer;
    // The 2022 draft's shape: `allowElements`, no `elements`.
    global.Sanitizer = function OldSanitizer(config: { elements?: unknown }): void {
      if ('elements' in config) throw new TypeError('Unknown key: elements');
    };
    try {
      expect(hasNativeSanitizer()).to.equal(false);
    } finally {
      global.Sanitizer = real;
    }
    expect(hasNativeSanitizer()).to.equal(true);
  });
});
