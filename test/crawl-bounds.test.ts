/**
 * Following `next_url` is bounded (MAX_CRAWL_PAGES next pages, MAX_CRAWL_SIZE of their text) for every
 * element that follows it: a feed whose pages never end is read up to the bound, at the bound and past
 * it, and the element says so instead of crawling on or waiting forever.
 */
import { assert, aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../src/mlo-widgets.js';
import { clearFeedCache } from '../src/feed/load.js';
import { commonMessages } from '../src/i18n/messages/common.js';
import { MAX_CRAWL_PAGES, MAX_CRAWL_SIZE } from '../src/feed/limits.js';
import type { SearchReadyDetail } from '../src/events.js';
import { requestUrl, stubFetch } from './helpers/fetch.js';
import { mount } from './helpers/mount.js';

const LIMIT_TEXT = commonMessages.en.crawlLimit;

/** Every address requested, in order, with the length of the text served for it. */
type Chain = { url: string; size: number }[] & { readonly length: number };

/**
 * Serves `/chain/page-N.json`: one item per page (`item-N`, dated one day earlier per page), each naming
 * the next page, up to `lastPage` (none: the chain never ends). `padding` characters of body make a page heavy.
 */
function serveChain({ lastPage = Number.POSITIVE_INFINITY, padding = 0 } = {}): Chain {
  const requested: Chain = [];
  stubFetch((input) => {
    const url = requestUrl(input);
    const page = Number(/page-(\d+)\.json/.exec(url)?.[1]);
    if (!url.includes('/chain/') || !Number.isInteger(page)) return Promise.resolve(new Response('not found', { status: 404 }));
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'An endless archive',
      feed_url: new URL(`/chain/page-${page}.json`, location.origin).href,
      ...(page < lastPage ? { next_url: `/chain/page-${page + 1}.json` } : {}),
      items: [
        {
          id: `item-${page}`,
          title: `Story ${page}`,
          url: `https://example.org/news/${page}`,
          date_published: new Date(Date.UTC(2026, 0, 1) - page * 86_400_000).toISOString(),
          content_text: `Story ${page}. ${'x'.repeat(padding)}`,
        },
      ],
    };
    const body = JSON.stringify(feed);
    requested.push({ url, size: body.length });
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/feed+json' } }));
  });
  return requested;
}

const shadowText = (element: Element): string => element.shadowRoot?.textContent.replace(/\s+/g, ' ') ?? '';

async function settle(element: Element, until: () => boolean, message: string): Promise<void> {
  await waitUntil(until, message, { timeout: 20_000 });
  // Nothing more is asked of the server once the element has said where it stopped.
  await aTimeout(200);
  await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
}

function render(template: TemplateResult): HTMLElement {
  return mount(html`<div>${template}</div>`).firstElementChild as HTMLElement;
}

describe('crawl bounds: a feed whose next_url never ends', function () {
  this.timeout(60_000);
  beforeEach(clearFeedCache);

  it('mlo-article-card looking for a missing article stops after MAX_CRAWL_PAGES next pages and says so', async () => {
    const requested = serveChain();
    const card = render(html`<mlo-article-card src="/chain/page-0.json" article-id="nowhere"></mlo-article-card>`);
    await settle(card, () => card.shadowRoot?.querySelector('[role="alert"]') !== null, 'the card never gave up');
    expect(requested).to.have.length(1 + MAX_CRAWL_PAGES);
    expect(shadowText(card)).to.include(LIMIT_TEXT);
    assert.exists(card.shadowRoot!.querySelector('[part~="retry-button"]'));
  });

  it('mlo-breadcrumb looking for a missing article stops at the same bound', async () => {
    const requested = serveChain();
    const crumb = render(html`<mlo-breadcrumb src="/chain/page-0.json" article-id="nowhere"></mlo-breadcrumb>`);
    await settle(crumb, () => crumb.shadowRoot?.querySelector('[role="alert"]') !== null, 'the breadcrumb never gave up');
    expect(requested).to.have.length(1 + MAX_CRAWL_PAGES);
    expect(shadowText(crumb)).to.include(LIMIT_TEXT);
  });

  it('mlo-news-list filling a filter that nothing matches stops at the bound and says so', async () => {
    const requested = serveChain();
    const list = render(html`<mlo-news-list src="/chain/page-0.json" tag="nothing-has-this-tag"></mlo-news-list>`);
    await settle(list, () => list.shadowRoot?.querySelector('[part~="crawl-limit"]') !== null, 'the list never gave up');
    expect(requested).to.have.length(1 + MAX_CRAWL_PAGES);
    expect(list.shadowRoot!.querySelector('[part~="crawl-limit"]')!.getAttribute('role')).to.equal('status');
    expect(list.shadowRoot!.querySelector('[part~="load-more-button"]')).to.equal(null);
  });

  it('mlo-archive-search indexes up to the bound, says the archive is partial, and reports it incomplete', async () => {
    const requested = serveChain();
    let ready: SearchReadyDetail | undefined;
    const frame = mount(html`<div @mlo-search-ready=${(event: CustomEvent<SearchReadyDetail>) => (ready = event.detail)}>
      <mlo-archive-search src="/chain/page-0.json"></mlo-archive-search>
    </div>`);
    const search = frame.querySelector('mlo-archive-search')!;
    // The search loads nothing until the reader shows intent: focus in its box.
    await search.updateComplete;
    search.shadowRoot!.querySelector('input')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await settle(search, () => ready !== undefined, 'the search never became ready');
    expect(ready).to.deep.equal({ itemCount: 1 + MAX_CRAWL_PAGES, complete: false });
    expect(requested).to.have.length(1 + MAX_CRAWL_PAGES);
    expect(shadowText(search)).to.include(LIMIT_TEXT);
  });
});

describe('crawl bounds: at and past the page bound', function () {
  this.timeout(60_000);
  beforeEach(clearFeedCache);

  it('finds an article on the last page a bounded crawl reads (MAX_CRAWL_PAGES next pages), with no notice', async () => {
    serveChain({ lastPage: MAX_CRAWL_PAGES });
    const card = render(html`<mlo-article-card src="/chain/page-0.json" article-id=${`item-${MAX_CRAWL_PAGES}`}></mlo-article-card>`);
    await settle(card, () => shadowText(card).includes(`Story ${MAX_CRAWL_PAGES}`), 'the article on the last page was not found');
    expect(shadowText(card)).not.to.include(LIMIT_TEXT);
  });

  it('does not read one page past the bound', async () => {
    const requested = serveChain({ lastPage: MAX_CRAWL_PAGES + 1 });
    const card = render(html`<mlo-article-card src="/chain/page-0.json" article-id=${`item-${MAX_CRAWL_PAGES + 1}`}></mlo-article-card>`);
    await settle(card, () => card.shadowRoot?.querySelector('[role="alert"]') !== null, 'the card never gave up');
    expect(requested).to.have.length(1 + MAX_CRAWL_PAGES);
    expect(shadowText(card)).to.include(LIMIT_TEXT);
  });

  it('Retry after the bound starts a fresh crawl from the first page', async () => {
    const requested = serveChain();
    const card = render(html`<mlo-article-card src="/chain/page-0.json" article-id="nowhere"></mlo-article-card>`);
    await settle(card, () => card.shadowRoot?.querySelector('[role="alert"]') !== null, 'the card never gave up');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await settle(card, () => requested.length === 2 * (1 + MAX_CRAWL_PAGES) && card.shadowRoot?.querySelector('[role="alert"]') !== null, 'Retry did not crawl again');
    expect(requested).to.have.length(2 * (1 + MAX_CRAWL_PAGES));
  });
});

describe('crawl bounds: the size bound', function () {
  this.timeout(60_000);
  beforeEach(clearFeedCache);

  it(`stops once the next pages read hold MAX_CRAWL_SIZE (${MAX_CRAWL_SIZE / 1024 / 1024} MiB) of text`, async () => {
    const pageSize = 1024 * 1024; // About 1 MiB a page: the size bound comes long before the page bound.
    const requested = serveChain({ padding: pageSize });
    const card = render(html`<mlo-article-card src="/chain/page-0.json" article-id="nowhere"></mlo-article-card>`);
    await settle(card, () => card.shadowRoot?.querySelector('[role="alert"]') !== null, 'the card never gave up');
    const nextPageSizes = requested.slice(1).map(({ size }) => size);
    const total = nextPageSizes.reduce((sum, size) => sum + size, 0);
    // The page that crosses the bound is read; none after it.
    expect(total).to.be.at.least(MAX_CRAWL_SIZE);
    expect(total - (nextPageSizes.at(-1) ?? 0)).to.be.below(MAX_CRAWL_SIZE);
    expect(nextPageSizes.length).to.be.below(MAX_CRAWL_PAGES);
    expect(shadowText(card)).to.include(LIMIT_TEXT);
  });
});
