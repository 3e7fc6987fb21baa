/**
 * A host page that pollutes Object.prototype (a bug or an attack elsewhere on the page: `Object.prototype
 * .title = …`, `.url`, `.image`, `.next_url` …) must not reach the widgets. `JSON.parse` output and data a
 * page hands over inherit from Object.prototype, so every feed field a feed leaves out would otherwise
 * read the page's value: the feed layer reads input through own properties only and returns objects whose
 * every key is their own (src/feed/parse.ts).
 *
 * For every element, given `src` and given data: nothing polluted is rendered (no "evil" in any text,
 * shadow roots and light DOM JSON-LD included, nor in any attribute), and nothing polluted is requested
 * (fetch is recorded; the polluted addresses would answer with a feed of their own).
 *
 * The feed is `fixtures/feeds/sparse-fields.json`: items, trail and office with every optional field left
 * out, so each of them is a place where a polluted key could show.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../src/elements/archive-search/define.js';
import '../src/elements/article-card/define.js';
import '../src/elements/breadcrumb/define.js';
import '../src/elements/news-list/define.js';
import '../src/elements/office-contact/define.js';
import { clearFeedCache } from '../src/feed/load.js';
import { parseFeed } from '../src/feed/parse.js';
import { deepElements } from './helpers/dom.js';
import { realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { nth } from './helpers/lists.js';
import { mount } from './helpers/mount.js';

const FEED = '/fixtures/feeds/sparse-fields.json';
const EVIL = 'https://evil.example';
const EVIL_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'evil feed',
  items: [{ id: 'evil-item', title: 'evil item', url: `${EVIL}/item` }],
};

/**
 * What the page puts on Object.prototype: every field of JSON Feed and `_mlo` that a feed may leave out,
 * and the names the normalised model uses for them. (Not the names of DOM dictionaries such as `signal`
 * or `detail`: those break the browser's own APIs, with or without the widgets.)
 */
const POLLUTION: Record<string, unknown> = {
  // JSON Feed, feed and item
  title: 'evil title',
  description: 'evil description',
  home_page_url: `${EVIL}/home`,
  feed_url: `${EVIL}/feed.json`,
  next_url: `${EVIL}/next.json`,
  icon: `${EVIL}/icon.png`,
  favicon: `${EVIL}/favicon.png`,
  language: 'ev-il',
  expired: true,
  url: `${EVIL}/url`,
  external_url: `${EVIL}/external`,
  content_html: '<p>evil html</p><img src="https://evil.example/body.png">',
  content_text: 'evil text',
  summary: 'evil summary',
  image: `${EVIL}/image.png`,
  banner_image: `${EVIL}/banner.png`,
  date_published: '2099-01-01T00:00:00Z',
  date_modified: '2099-01-01T00:00:00Z',
  authors: [{ name: 'evil author', url: `${EVIL}/author` }],
  author: { name: 'evil author' },
  tags: ['evil tag'],
  attachments: [{ url: `${EVIL}/file.pdf`, mime_type: 'application/pdf', title: 'evil file' }],
  name: 'evil name',
  avatar: `${EVIL}/avatar.png`,
  mime_type: 'application/pdf',
  // _mlo
  _mlo: { byline: 'evil byline', photos: [{ url: `${EVIL}/photo.png`, alt: 'evil alt' }], trail: [{ name: 'evil trail', url: `${EVIL}/trail` }] },
  byline: 'evil byline',
  original_source: 'evil source',
  archive_year: 1999,
  photos: [{ url: `${EVIL}/photo.png`, alt: 'evil alt', caption: 'evil caption' }],
  alt: 'evil alt',
  caption: 'evil caption',
  credit: 'evil credit',
  trail: [{ name: 'evil trail', url: `${EVIL}/trail` }],
  offices: [{ name: 'evil office', units: [{ organisation: 'evil unit' }] }],
  units: [{ organisation: 'evil unit' }],
  heading: 'evil heading',
  organisation: 'evil organisation',
  street: 'evil street',
  building: 'evil building',
  postal_code: 'evil postal code',
  locality: 'evil locality',
  country: 'evil country',
  phone: '+381 666 666',
  email: 'evil@evil.example',
  map_url: `${EVIL}/map`,
  alternates: [{ language: 'sr-Latn', url: `${EVIL}/alternate.json` }],
  archives: [{ year: 2023, url: `${EVIL}/archive` }],
  search_url: `${EVIL}/search`,
  search_index_url: `${EVIL}/index.json`,
  // The normalised model's names
  src: `${EVIL}/src.json`,
  homePageUrl: `${EVIL}/home`,
  feedUrl: `${EVIL}/feed.json`,
  nextUrl: `${EVIL}/next.json`,
  externalUrl: `${EVIL}/external`,
  contentHtml: '<p>evil html</p>',
  contentText: 'evil text',
  bannerImage: `${EVIL}/banner.png`,
  originalSource: 'evil source',
  archiveYear: 1999,
  postalCode: 'evil postal code',
  mapUrl: `${EVIL}/map`,
  searchUrl: `${EVIL}/search`,
  searchIndexUrl: `${EVIL}/index.json`,
  contentType: 'text/html',
};

const proto = Object.prototype as Record<string, unknown>;

function pollute(keys: Record<string, unknown> = POLLUTION): void {
  for (const [key, value] of Object.entries(keys)) {
    Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: false });
  }
}

function cleanUp(): void {
  for (const key of [...Object.keys(POLLUTION), 'droppedItems', 'mlo']) Reflect.deleteProperty(proto, key);
}

/** Every request the page makes through fetch; evil addresses answer with a feed of their own. */
let requests: string[] = [];

function recordRequests(): void {
  requests = [];
  stubFetch((input, init) => {
    const url = requestUrl(input);
    requests.push(url);
    if (url.startsWith(EVIL)) return Promise.resolve(new Response(JSON.stringify(EVIL_FEED), { headers: { 'content-type': 'application/feed+json' } }));
    return realFetch(input, init);
  });
}

/** The sparse feed as a page holds it: parsed by JSON.parse (its objects inherit from Object.prototype). */
async function feedData(): Promise<unknown> {
  return JSON.parse(await (await realFetch(FEED)).text()) as unknown;
}

/** Text of the element: its light DOM (JSON-LD included) and every shadow root below it. */
function deepText(element: Element): string {
  const nodes = [element, ...deepElements(element), ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])];
  return [element.textContent, ...nodes.map((node) => node.shadowRoot?.textContent ?? '')].join(' ');
}

function allAttributes(element: Element): string[] {
  const nodes = [element, ...deepElements(element), ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])];
  return nodes.flatMap((node) => [...node.attributes].map((attribute) => `<${node.localName} ${attribute.name}="${attribute.value}">`));
}

/** Mounts `template`, waits for its element to load (or fail) and settle, and returns the element. */
async function render(template: TemplateResult, selector: string): Promise<HTMLElement> {
  let loaded!: () => void;
  const done = new Promise<void>((resolve) => (loaded = resolve));
  const frame = mount(html`<div lang="en" @mlo-feed-load=${() => loaded()} @mlo-feed-error=${() => loaded()}>${template}</div>`);
  const element = frame.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(selector)!;
  await Promise.race([done, aTimeout(3000)]);
  await element.updateComplete;
  await aTimeout(50); // Cards inside a list, next pages and images get their turn.
  for (const nested of [element, ...deepElements(element.shadowRoot ?? element)] as Array<Element & { updateComplete?: Promise<boolean> }>) await nested.updateComplete;
  return element;
}

function expectClean(element: Element, what: string, rendered = /plain story|untitled story|Sparse office|Home/i): void {
  const text = deepText(element);
  expect(text, `${what}: text`).not.to.match(/evil/i);
  expect(text.replace(/\s+/g, ' '), `${what}: it rendered its content`).to.match(rendered);
  const attributes = allAttributes(element).filter((attribute) => /evil|ev-il/i.test(attribute));
  expect(attributes, `${what}: attributes`).to.deep.equal([]);
  expect(requests.filter((url) => url.includes('evil')), `${what}: requests`).to.deep.equal([]);
}

async function search(element: HTMLElement, words: string): Promise<void> {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  input.focus();
  input.value = words;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await waitUntil(() => element.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no results', { timeout: 4000 });
  await (element as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
}

describe('a page that pollutes Object.prototype', () => {
  beforeEach(() => {
    clearFeedCache();
    recordRequests();
    pollute();
  });
  afterEach(cleanUp);

  it('is polluted as the tests mean it (the check itself works)', () => {
    expect(({} as Record<string, unknown>).title).to.equal('evil title');
    expect((JSON.parse('{}') as Record<string, unknown>).next_url).to.equal(`${EVIL}/next.json`);
  });

  it('parses a feed into objects that never read the prototype', async () => {
    const feed = parseFeed(await feedData(), { url: new URL(FEED, location.href).href });
    const seen = JSON.stringify(feed, (_key, value: unknown) => value ?? null);
    expect(seen).not.to.match(/evil|1999|2099/i);
    const [plain, untitled] = [nth(feed.items, 0), nth(feed.items, 1)];
    for (const key of ['title', 'summary', 'url', 'externalUrl', 'image', 'bannerImage', 'contentHtml', 'datePublished', 'dateModified', 'language']) {
      expect(Object.hasOwn(untitled, key), `item.${key} is its own`).to.equal(true);
    }
    expect(untitled.title).to.equal(undefined);
    expect(plain.summary).to.equal(undefined);
    expect(feed.nextUrl).to.equal(undefined);
    expect(feed.expired).to.equal(false);
    const unit = nth(nth(feed.mlo.offices, 0).units, 0);
    expect([unit.heading, unit.street, unit.email, unit.phone, unit.mapUrl]).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
    expect(nth(feed.mlo.trail, 0).url).to.equal(undefined);
  });

  // The embedded contact is written without its optional keys; the element copies it with every key own.
  it('mlo-office-contact with nothing given (the embedded MLO Belgrade contact)', async () => {
    const frame = mount(html`<div lang="en"><mlo-office-contact></mlo-office-contact></div>`);
    const element = frame.querySelector('mlo-office-contact')!;
    await element.updateComplete;
    expect(deepText(element)).to.contain('Bircaninova 5');
    expectClean(element, 'embedded mlo-office-contact', /NATO Military Liaison Office/);
  });

  // Raw JSON Feed data must not pass for a parsed Feed through inherited `droppedItems` and `mlo`.
  it('reads JSON Feed data as JSON Feed even when the page also sets droppedItems and mlo', async () => {
    pollute({ droppedItems: 0, mlo: { trail: [], offices: [], alternates: [], archives: [], photos: [] } });
    const element = await render(html`<mlo-news-list .feed=${await feedData()}></mlo-news-list>`, 'mlo-news-list');
    expectClean(element, 'mlo-news-list given data');
  });

  for (const mode of ['src', 'data'] as const) {
    describe(`given ${mode === 'src' ? 'src' : 'data (.feed / .article)'}`, () => {
      it('mlo-news-list', async () => {
        const template = mode === 'src' ? html`<mlo-news-list src=${FEED}></mlo-news-list>` : html`<mlo-news-list .feed=${await feedData()}></mlo-news-list>`;
        const element = await render(template, 'mlo-news-list');
        expectClean(element, 'mlo-news-list');
        expect(element.shadowRoot!.querySelectorAll('mlo-article-card')).to.have.length(2);
      });

      it('mlo-article-card (teaser and full)', async () => {
        for (const variant of ['teaser', 'full']) {
          const article = parseFeed(await feedData()).items.find((item) => item.id === 'untitled-story');
          const template =
            mode === 'src'
              ? html`<mlo-article-card src=${FEED} article-id="untitled-story" variant=${variant}></mlo-article-card>`
              : html`<mlo-article-card .article=${article} variant=${variant}></mlo-article-card>`;
          const element = await render(template, 'mlo-article-card');
          expectClean(element, `mlo-article-card ${variant}`);
        }
      });

      it('mlo-breadcrumb', async () => {
        const template =
          mode === 'src'
            ? html`<mlo-breadcrumb src=${FEED} article-id="untitled-story"></mlo-breadcrumb>`
            : html`<mlo-breadcrumb .feed=${await feedData()} article-id="untitled-story"></mlo-breadcrumb>`;
        const element = await render(template, 'mlo-breadcrumb');
        expectClean(element, 'mlo-breadcrumb');
        expect(element.shadowRoot!.querySelectorAll('a')).to.have.length(1);
      });

      it('mlo-archive-search', async () => {
        const template =
          mode === 'src'
            ? html`<mlo-archive-search src=${FEED} debounce="0"></mlo-archive-search>`
            : html`<mlo-archive-search .feed=${await feedData()} debounce="0"></mlo-archive-search>`;
        const element = await render(template, 'mlo-archive-search');
        await search(element, 'story');
        expectClean(element, 'mlo-archive-search');
        expect(String(element.shadowRoot!.querySelector('form')?.getAttribute('action'))).not.to.contain('evil');
      });

      it('mlo-office-contact', async () => {
        const template = mode === 'src' ? html`<mlo-office-contact src=${FEED}></mlo-office-contact>` : html`<mlo-office-contact .feed=${await feedData()}></mlo-office-contact>`;
        const element = await render(template, 'mlo-office-contact');
        expectClean(element, 'mlo-office-contact');
      });
    });
  }
});
