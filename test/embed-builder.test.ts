/**
 * The embed builder (stories/embed-builder.ts): what it shows is what its snippet produces. Each
 * test copies the snippet, pastes it into a blank page (an iframe) that loads the BUILT bundle
 * dist/mlo-widgets.js through the snippet's own `<script integrity>` tag, and compares the element
 * there with the live preview. Needs `npm run build` (or `npx vite build`) first; `npm test` does it.
 */
import { assert, aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../src/feed/load.js';
import '../src/mlo-widgets.js';
import {
  DEFAULT_SCRIPT_URL,
  EMBEDDABLE_ELEMENTS,
  embedSpec,
  escapeAttribute,
  gzipSize,
  inlineScriptHash,
  initialBuilderState,
  privacySummary,
  snippetHtml,
  type BuilderState,
  type EmbedBuilder,
} from '../stories/embed-builder.js';

const BUNDLE_URL = new URL('/dist/mlo-widgets.js', location.origin).href;
const DEMO_FEED = new URL('/demo/feed/feed.json', location.origin).href;
const SOURCE_ARTICLE_ID = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';

/** The text a reader sees: through every shadow root and slot, without styles and scripts. */
function visibleText(root: Node): string {
  const parts: string[] = [];
  // nodeType and localName rather than instanceof: the pasted element lives in another window.
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (['style', 'script', 'template'].includes(element.localName)) return;
      if (element.shadowRoot) {
        visit(element.shadowRoot);
        return;
      }
      if (element.localName === 'slot') {
        const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
        if (assigned.length > 0) {
          assigned.forEach(visit);
          return;
        }
      }
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The elements saying aria-busy="true", through every shadow root. */
function busyElements(root: Element): string[] {
  const busy: string[] = [];
  const walk = (scope: Element | ShadowRoot): void => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.getAttribute('aria-busy') === 'true') busy.push(element.localName + (element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''));
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (root.getAttribute('aria-busy') === 'true') busy.push(root.localName);
  if (root.shadowRoot) walk(root.shadowRoot);
  return busy;
}

/** Waits until the element rendered its content and its text stopped changing (or it left the page: an empty text). */
async function settled(element: Element): Promise<string> {
  try {
    await waitUntil(() => !element.isConnected || (busyElements(element).length === 0 && visibleText(element) !== ''), '', { timeout: 8000 });
    if (!element.isConnected) return '';
  } catch {
    throw new Error(`<${element.localName}> did not settle: busy ${busyElements(element).join(', ') || 'none'}; text "${visibleText(element).slice(0, 200)}"`);
  }
  let previous = '';
  let current = visibleText(element);
  while (current !== previous) {
    previous = current;
    await aTimeout(150);
    current = visibleText(element);
  }
  return current;
}

/**
 * The builder's preview once it has settled. The builder replaces its preview whenever a choice changes,
 * and one changes by itself when the builder's own read of the feed arrives (the newest article is
 * chosen): a preview replaced while it loaded is followed to its successor.
 */
async function settledPreview(builder: EmbedBuilder): Promise<{ preview: HTMLElement; text: string }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await builder.updateComplete;
    const preview = builder.previewElement as HTMLElement;
    const text = await settled(preview);
    if (preview.isConnected && builder.previewElement === preview) return { preview, text };
  }
  throw new Error('the preview was replaced five times while it loaded');
}

function attributesOf(element: Element): [string, string][] {
  return [...element.attributes].map((attribute): [string, string] => [attribute.name, attribute.value]).sort(([a], [b]) => a.localeCompare(b));
}

/** A blank page with nothing but the snippet, as a webmaster would paste it. */
async function pasteIntoBlankPage(snippet: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Blank page with the pasted snippet';
  frame.width = '900';
  frame.height = '700';
  // srcdoc pages share this origin; the base makes the snippet's root-relative feed paths resolve.
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="${location.origin}/"><title>Partner page</title></head><body>${snippet}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

async function mountBuilder(): Promise<EmbedBuilder> {
  const builder = await fixture<EmbedBuilder>(html`<embed-builder></embed-builder>`);
  builder.choose({ scriptUrl: BUNDLE_URL });
  await waitUntil(() => builder.snippet.includes('integrity="sha384-'), 'the integrity hash was not computed', { timeout: 8000 });
  await builder.updateComplete;
  return builder;
}

/** Pastes the builder's snippet into a blank page and expects the same element, text and colours as the preview. */
async function expectSnippetToRenderLikePreview(builder: EmbedBuilder): Promise<{ pasted: HTMLElement; preview: HTMLElement }> {
  const { preview, text: previewText } = await settledPreview(builder);

  const frame = await pasteIntoBlankPage(builder.snippet);
  const pageWindow = frame.contentWindow as Window & typeof globalThis;
  const pasted = frame.contentDocument!.querySelector<HTMLElement>(builder.spec.tag);
  assert.exists(pasted, 'the pasted snippet has the element');
  // Defined only when the browser accepted the script: a wrong integrity hash blocks it.
  await waitUntil(() => pageWindow.customElements.get(builder.spec.tag) !== undefined, 'the bundle did not define the element (integrity refused?)', { timeout: 5000 });
  const pastedText = await settled(pasted);

  expect(attributesOf(pasted)).to.deep.equal(attributesOf(preview));
  expect(pastedText).to.equal(previewText);
  for (const line of builder.spec.css.split('\n').filter((text) => text.includes(':'))) {
    const property = line.trim().split(':')[0]!;
    expect(pageWindow.getComputedStyle(pasted).getPropertyValue(property).trim(), property).to.equal(getComputedStyle(preview).getPropertyValue(property).trim());
  }
  expect(visibleText(pasted).length).to.be.greaterThan(0);
  return { pasted, preview };
}

async function sha384Of(url: string): Promise<string> {
  const bytes = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

function choose(builder: EmbedBuilder, changes: Partial<BuilderState>): Promise<boolean> {
  builder.choose(changes);
  return builder.updateComplete;
}

describe('embed builder', () => {
  afterEach(() => {
    clearFeedCache();
    for (const frame of document.querySelectorAll('iframe[srcdoc]')) frame.remove();
  });

  it('puts the SHA-384 hash of the built dist/mlo-widgets.js in the snippet', async () => {
    const builder = await mountBuilder();
    const script = new DOMParser().parseFromString(builder.snippet, 'text/html').querySelector('script');
    expect(script?.getAttribute('src')).to.equal(BUNDLE_URL);
    expect(script?.getAttribute('integrity')).to.equal(await sha384Of(BUNDLE_URL));
    expect(script?.getAttribute('crossorigin')).to.equal('anonymous');
  });

  it('renders the chosen news list in a blank page exactly as in the preview (options set through the form)', async () => {
    const builder = await mountBuilder();
    const root = builder.shadowRoot!;
    // A webmaster's clicks: headlines layout, 4 items, Serbian Cyrillic, a custom accent colour.
    const layout = root.querySelector<HTMLSelectElement>('#option-layout')!;
    layout.value = 'headlines';
    layout.dispatchEvent(new Event('change'));
    const limit = root.querySelector<HTMLInputElement>('#option-limit')!;
    limit.value = '4';
    limit.dispatchEvent(new Event('change'));
    const language = root.querySelector<HTMLSelectElement>('#lang')!;
    language.value = 'sr-Cyrl';
    language.dispatchEvent(new Event('change'));
    root.querySelector<HTMLInputElement>('[id="colour--mlo-color-link-custom"]')!.click();
    await builder.updateComplete;
    const linkColour = root.querySelector<HTMLInputElement>('[id="colour--mlo-color-link"]')!;
    linkColour.value = '#1f5f3a';
    linkColour.dispatchEvent(new Event('input'));
    await builder.updateComplete;

    expect(builder.spec.attributes).to.deep.equal([
      ['src', DEMO_FEED],
      ['layout', 'headlines'],
      ['limit', '4'],
      ['lang', 'sr-Cyrl'],
    ]);
    expect(builder.snippet).to.include('--mlo-color-link: #1f5f3a;');
    const { pasted } = await expectSnippetToRenderLikePreview(builder);
    expect(getComputedStyle(pasted).getPropertyValue('--mlo-color-link').trim()).to.equal('#1f5f3a');
    expect(visibleText(pasted)).to.match(/[а-яђјљњћџ]/i); // Cyrillic UI text
  });

  it('renders a full article card with a theme, font and radius as in the preview', async () => {
    const builder = await mountBuilder();
    await choose(builder, {
      tag: 'mlo-article-card',
      options: { 'article-id': SOURCE_ARTICLE_ID, variant: 'full', 'heading-level': '2' },
      theme: 'dark',
      fontFamily: "Georgia, 'Times New Roman', serif",
      fontSizePx: '18',
      radius: '0',
    });
    const { pasted } = await expectSnippetToRenderLikePreview(builder);
    expect(pasted.getAttribute('data-mlo-theme')).to.equal('dark');
    expect(visibleText(pasted)).to.include('Secretary General');
  });

  it('renders the breadcrumb, the archive search and the office contact as in the preview', async () => {
    const builder = await mountBuilder();
    await choose(builder, { tag: 'mlo-breadcrumb', options: { 'article-id': SOURCE_ARTICLE_ID, label: 'You are here' } });
    const breadcrumb = await expectSnippetToRenderLikePreview(builder);
    // The JSON-LD for search engines is the same too.
    expect(breadcrumb.pasted.querySelector('script[type="application/ld+json"]')?.textContent).to.equal(
      breadcrumb.preview.querySelector('script[type="application/ld+json"]')?.textContent,
    );

    await choose(builder, { tag: 'mlo-archive-search', options: { label: 'Search the news', placeholder: 'Belgrade', 'sync-url': undefined } });
    await expectSnippetToRenderLikePreview(builder);

    await choose(builder, { tag: 'mlo-office-contact', feedUrl: '', options: { 'no-map': '' }, lang: 'sr-Latn' });
    expect(builder.spec.attributes).to.deep.equal([
      ['no-map', ''],
      ['lang', 'sr-Latn'],
    ]);
    expect(builder.snippet).to.include('<mlo-office-contact no-map lang="sr-Latn"></mlo-office-contact>');
    const office = await expectSnippetToRenderLikePreview(builder);
    expect(visibleText(office.pasted)).to.include('Birčaninova');
  });

  it('is refused by the browser when the integrity does not match the file (so the checks above prove the hash)', async () => {
    const builder = await mountBuilder();
    const tampered = builder.snippet.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
    const frame = await pasteIntoBlankPage(tampered);
    await aTimeout(300);
    expect(frame.contentWindow!.customElements.get('mlo-news-list')).to.equal(undefined);
  });

  it('escapes attribute values, so a pasted value can never become markup', async () => {
    const builder = await mountBuilder();
    const hostile = '"><img src=x onerror="window.__embedXss=1">&';
    await choose(builder, { options: { tag: hostile } });
    expect(builder.snippet).to.include(`tag="${escapeAttribute(hostile)}"`);
    expect(builder.snippet).not.to.include('<img');
    const frame = await pasteIntoBlankPage(builder.snippet);
    const pasted = frame.contentDocument!.querySelector('mlo-news-list')!;
    expect(pasted.getAttribute('tag')).to.equal(hostile);
    expect(frame.contentDocument!.querySelector('img[src="x"]')).to.equal(null);
    await aTimeout(200);
    expect((frame.contentWindow as unknown as { __embedXss?: number }).__embedXss).to.equal(undefined);
  });

  it('writes only attributes that custom-elements.json documents for the element', async () => {
    const response = await fetch('/custom-elements.json');
    expect(response.ok, 'custom-elements.json (npm run analyze)').to.equal(true);
    const manifest = (await response.json()) as { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };
    const documented = new Map<string, string[]>();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) documented.set(declaration.tagName, (declaration.attributes ?? []).map((attribute) => attribute.name));
      }
    }
    for (const [tag, element] of Object.entries(EMBEDDABLE_ELEMENTS)) {
      const attributes = documented.get(tag);
      expect(attributes, `${tag} in custom-elements.json`).to.be.an('array');
      for (const attribute of ['src', ...element.options.map((option) => option.attribute)]) {
        expect(attributes, `${tag} documents ${attribute}`).to.include(attribute);
      }
    }
  });

  it('refuses unsafe or invalid values with a message instead of writing them', () => {
    const spec = embedSpec({
      ...initialBuilderState(),
      feedUrl: 'javascript:alert(1)',
      options: { limit: '0', layout: 'grid' },
      colours: { '--mlo-color-accent': 'red; } body { display: none' },
      fontSizePx: '12px; color: red',
      radius: '1em; x: y',
      fontFamily: 'x; }',
    });
    expect(spec.attributes).to.deep.equal([['layout', 'grid']]);
    expect(spec.css).to.equal('');
    expect(spec.problems).to.have.length(2);
    expect(snippetHtml(spec, { url: 'https://cdn.example/mlo-widgets.js' })).to.equal(
      '<script src="https://cdn.example/mlo-widgets.js" crossorigin="anonymous" defer></script>\n<mlo-news-list layout="grid"></mlo-news-list>',
    );
  });

  it('shows what is missing, in an alert, before the snippet is copied', async () => {
    const builder = await mountBuilder();
    await choose(builder, { feedUrl: 'javascript:alert(1)' });
    const alert = builder.shadowRoot!.querySelector('.problems[role="alert"]');
    expect(alert?.textContent).to.include('http(s)');
    expect(builder.snippet).not.to.include('javascript:');
  });

  it('copies the snippet to the clipboard, and selects it when the browser refuses', async () => {
    const builder = await mountBuilder();
    const clipboard = navigator.clipboard;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back, never called.
    const original = clipboard.writeText;
    let copied = '';
    try {
      clipboard.writeText = (text: string) => {
        copied = text;
        return Promise.resolve();
      };
      builder.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
      await waitUntil(() => copied !== '');
      expect(copied).to.equal(builder.snippet);
      await builder.updateComplete;
      expect(builder.shadowRoot!.querySelector('.actions [role="status"]')?.textContent).to.include('copied');

      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      builder.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
      await waitUntil(() => builder.shadowRoot!.querySelector('.actions [role="status"]')?.textContent.includes('Ctrl+C'));
      expect(window.getSelection()?.toString().trim()).to.equal(builder.snippet.trim());
    } finally {
      clipboard.writeText = original;
    }
  });

  it('the archive search’s privacy note: nothing before a reader searches; the named index, and the feed only if it fails', () => {
    const spec = (attributes: Array<[string, string]>) => ({ tag: 'mlo-archive-search' as const, attributes, css: '', problems: [] });
    const feedOnly = privacySummary(spec([['src', DEMO_FEED]]), BUNDLE_URL).requests.join(' ');
    expect(feedOnly).to.include(`The feed, ${DEMO_FEED}, once a reader starts to search`);
    expect(feedOnly).to.include('the few small files of it each query needs, else every later page');
    const named = privacySummary(spec([['src', DEMO_FEED], ['search-index', '/news/search-index.json']]), BUNDLE_URL).requests.join(' ');
    expect(named).to.include('Nothing until a reader starts to search');
    expect(named).to.include('the search index, /news/search-index.json');
    expect(named).to.include(`the feed, ${DEMO_FEED}, and its later pages (next_url), only if the index fails`);
    expect(feedOnly + named, 'the search shows no pictures').not.to.include('images');
  });

  it('adds persist with the "Keep a saved copy" checkbox, and its privacy note says what the embed requests and stores', async () => {
    const builder = await mountBuilder();
    const root = builder.shadowRoot!;
    const note = () => root.querySelector('section.privacy')?.textContent.replace(/\s+/g, ' ') ?? '';
    const savedKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('mlo-widgets:feed:'));
    expect(note()).to.include(`The feed, ${DEMO_FEED}`);
    expect(note()).to.include("Nothing on the reader's device");
    expect(builder.snippet).not.to.include('persist');
    expect(note()).to.include(`The script and the files of dist/ it loads, from beside ${BUNDLE_URL}.`);
    expect(privacySummary(builder.spec, DEFAULT_SCRIPT_URL).requests[0], 'the default CDN is named a third party').to.include('a third party');

    const checkbox = root.querySelector<HTMLInputElement>('input#persist')!;
    expect(root.querySelector('label[for="persist"]')?.textContent.trim()).to.equal('Keep a saved copy for offline visits (persist)');
    expect(checkbox.checked).to.equal(false);
    checkbox.click();
    await builder.updateComplete;
    expect(builder.spec.attributes).to.deep.include(['persist', '']);
    expect(builder.snippet).to.include(`<mlo-news-list src="${DEMO_FEED}" layout="grid" limit="6" persist></mlo-news-list>`);
    expect(builder.previewElement?.hasAttribute('persist')).to.equal(true);
    expect(note()).to.include(`localStorage, under the key mlo-widgets:feed:${DEMO_FEED}`);

    // The pasted snippet keeps one copy, of the feed's first page (the iframe shares this origin's storage).
    expect(savedKeys()).to.deep.equal([]);
    const { pasted } = await expectSnippetToRenderLikePreview(builder);
    expect(pasted.hasAttribute('persist')).to.equal(true);
    await waitUntil(() => savedKeys().length > 0, 'the pasted element saved no copy');
    expect(savedKeys()).to.deep.equal([`mlo-widgets:feed:${DEMO_FEED}`]);

    // Without a feed there is nothing to keep: the attribute is left out.
    await choose(builder, { tag: 'mlo-office-contact', feedUrl: '' });
    expect(builder.spec.attributes.some(([name]) => name === 'persist')).to.equal(false);
    expect(note()).to.include('asks for nothing else');

    await choose(builder, { tag: 'mlo-news-list', feedUrl: DEMO_FEED });
    root.querySelector<HTMLInputElement>('input#persist')!.click();
    await builder.updateComplete;
    expect(builder.snippet).not.to.include('persist');
  });

  it('offers the single-file build: its own integrity hash, and the pasted page renders as the preview', async () => {
    const builder = await mountBuilder();
    await choose(builder, { build: 'single-file' });
    const single = new URL('/dist/mlo-widgets.bundle.js', location.origin).href;
    const hash = await sha384Of(single);
    await waitUntil(() => builder.snippet.includes(hash), 'the single file’s hash', { timeout: 8000 });
    const script = new DOMParser().parseFromString(builder.snippet, 'text/html').querySelector('script');
    expect(script?.getAttribute('src')).to.equal(single);
    expect(script?.getAttribute('integrity')).to.equal(hash);
    await waitUntil(() => builder.measuredFiles !== undefined, 'measured', { timeout: 8000 });
    expect(builder.measuredFiles!.map((file) => file.file)).to.deep.equal(['mlo-widgets.css', 'mlo-widgets.bundle.js']);
    await expectSnippetToRenderLikePreview(builder);
  });

  it('shows the bytes the page downloads for the chosen element, as measured from the built files', async () => {
    const builder = await mountBuilder();
    await choose(builder, { tag: 'mlo-office-contact', feedUrl: '' });
    await waitUntil(() => builder.measuredFiles !== undefined, 'measured', { timeout: 8000 });
    const map = (await (await fetch('/dist/chunks/files.json')).json()) as { files: string[]; tags: Record<string, number[]> };
    const expected = ['mlo-widgets.css', 'mlo-widgets.js', ...map.tags['mlo-office-contact']!.map((index) => map.files[index]!)];
    expect(builder.measuredFiles!.map((file) => file.file)).to.deep.equal(expected);
    let total = 0;
    for (const file of expected) total += await gzipSize(await (await fetch(`/dist/${file}`)).arrayBuffer());
    const shown = builder.shadowRoot!.querySelector('.total-first')!.textContent.trim();
    expect(shown).to.equal(`${(total / 1000).toFixed(1)} kB`);
    // The office contact needs neither the list nor the search.
    expect(expected.some((file) => /mlo-(news-list|archive-search)/.test(file))).to.equal(false);
    const csp = builder.contentSecurityPolicy;
    expect(csp).to.include(`script-src 'self' ${location.origin}`);
    expect(csp).to.include("require-trusted-types-for 'script'");
    expect(csp).to.include('trusted-types mlo-widgets lit-html dompurify');
  });

  it('pins the on-demand files with an import map: the page renders under the CSP shown; a wrong hash is refused, visibly', async () => {
    const builder = await mountBuilder();
    await choose(builder, { options: { layout: 'headlines', limit: '3' }, pinChunks: true });
    await waitUntil(() => builder.snippet.includes('type="importmap"') && builder.contentSecurityPolicy.includes("'sha256-"), 'the import map', { timeout: 8000 });
    const mapText = /<script type="importmap">(.*?)<\/script>/.exec(builder.snippet)![1]!;
    const integrity = (JSON.parse(mapText) as { integrity: Record<string, string> }).integrity;
    const entry = new URL('/dist/chunks/mlo-news-list.js', location.origin).href;
    expect(integrity[entry]).to.equal(await sha384Of(entry));
    expect(integrity[`${entry}?retry=1`], 'the retry addresses too').to.equal(integrity[entry]);

    /** The snippet in a blank page that enforces `csp`. */
    const pasteUnderCsp = async (snippet: string, csp: string): Promise<HTMLIFrameElement> => {
      const frame = document.createElement('iframe');
      frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}"><base href="${location.origin}/"><title>Partner page</title>${snippet}</head><body></body></html>`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      return frame;
    };
    const good = await pasteUnderCsp(builder.snippet, builder.contentSecurityPolicy);
    const list = good.contentDocument!.querySelector('mlo-news-list')!;
    await waitUntil(() => (good.contentWindow as Window & typeof globalThis).customElements.get('mlo-news-list') !== undefined, 'defined under the import map', { timeout: 8000 });
    expect(await settled(list)).to.include('Defence reform workshop');

    // One byte of the entry's hash changed: the browser refuses the file, and the element says so.
    const wrong = integrity[entry]!.replace(/.(?==*$)/, (last) => (last === 'A' ? 'B' : 'A'));
    const tampered = mapText.split(integrity[entry]!).join(wrong);
    const csp = builder.contentSecurityPolicy.replace(/'sha256-[^']+'/, await inlineScriptHash(tampered));
    const bad = await pasteUnderCsp(builder.snippet.replace(mapText, tampered), csp);
    const refused = bad.contentDocument!.querySelector('mlo-news-list')!;
    await waitUntil(() => refused.shadowRoot?.querySelector('[role="alert"]') !== null && refused.shadowRoot?.querySelector('[role="alert"]') !== undefined, 'the refused file gives a visible error', { timeout: 8000 });
    expect(visibleText(refused)).to.include('could not be loaded');
  });

  it('is accessible', async () => {
    const builder = await mountBuilder();
    await settledPreview(builder);
    await expect(builder).to.be.accessible();
  });
});
