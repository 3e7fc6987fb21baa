/**
 * A moving DOM: single-page apps and CMS previews remove, re-add and re-parent elements while their feed
 * loads, and change `src` faster than feeds answer. The element must end showing its (last) feed.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../src/mlo-widgets.js';
import type { MloNewsList } from '../src/elements/news-list/news-list.js';
import { clearFeedCache } from '../src/feed/load.js';
import { gateFetch, realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { mount, mountContainer } from './helpers/mount.js';
import { recordFetches } from './helpers/fetch.js';
import { combobox, optionTitles, renderIndexed, typeQuery, until } from './archive-search-helpers.js';

const FEED = '/fixtures/feeds/news-mlo.json';

const titles = (list: Element): string[] =>
  [...(list.shadowRoot?.querySelectorAll('mlo-article-card') ?? [])]
    .map((card) => card.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? '')
    .filter(Boolean);

/** Mounts a template holding one list, and returns the list. */
function mountList(template: TemplateResult): MloNewsList {
  const list = mount(html`<div>${template}</div>`).querySelector('mlo-news-list');
  if (!list) throw new Error('the template holds no mlo-news-list');
  return list;
}

async function showsNews(list: MloNewsList, message: string, firstTitle?: string): Promise<void> {
  await waitUntil(() => (firstTitle === undefined ? titles(list).length > 0 : titles(list)[0] === firstTitle), message, { timeout: 5000 });
}

/** A one-item feed whose title names its version, `v` of the address. */
function versionedFeed(url: string): Response {
  const version = new URL(url, location.href).searchParams.get('v');
  const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Versions', items: [{ id: `v${version}`, title: `Feed ${version}`, url: 'https://example.org/' }] };
  return new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/feed+json' } });
}

describe('a moving DOM', () => {
  beforeEach(clearFeedCache);

  it('removed while its feed loads and added again before the answer, it shows the news', async () => {
    const gate = gateFetch();
    const list = mountList(html`<mlo-news-list src=${FEED}></mlo-news-list>`);
    await list.updateComplete;
    const parent = list.parentElement!;
    list.remove();
    parent.append(list);
    gate.release();
    await showsNews(list, 'stayed in the loading state after being re-added');
  });

  it('removed while its feed loads and added again after the answer arrived, it shows the news', async () => {
    const gate = gateFetch();
    const list = mountList(html`<mlo-news-list src=${FEED}></mlo-news-list>`);
    await list.updateComplete;
    const parent = list.parentElement!;
    list.remove();
    gate.release();
    // The answer lands while the element is out of the document (another element may have asked for it).
    await realFetch(FEED);
    await aTimeout(50);
    parent.append(list);
    await showsNews(list, 'stayed in the loading state after the answer came while detached');
  });

  it('moved to another parent while its feed loads, it shows the news', async () => {
    const gate = gateFetch();
    const list = mountList(html`<mlo-news-list src=${FEED}></mlo-news-list>`);
    await list.updateComplete;
    const elsewhere = mountContainer();
    elsewhere.append(list);
    gate.release();
    await showsNews(list, 'stayed in the loading state after the move');
  });

  it('src changed 200 times faster than the feeds answer: the last wins, superseded requests are aborted', async function () {
    this.timeout(30_000);
    const signals: AbortSignal[] = [];
    const requested: string[] = [];
    // Every variant of the address answers after 150 ms unless aborted first, as a slow server would.
    stubFetch((input, init) => {
      requested.push(requestUrl(input));
      if (init?.signal) signals.push(init.signal);
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(versionedFeed(requestUrl(input))), 150);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal?.reason instanceof Error ? init.signal.reason : new DOMException('Aborted', 'AbortError'));
        });
      });
    });
    const list = mountList(html`<mlo-news-list src=${`${FEED}?v=0`}></mlo-news-list>`);
    for (let change = 1; change < 200; change += 1) {
      list.src = `${FEED}?v=${change}`;
      await aTimeout(5 + (change % 5));
    }
    await showsNews(list, 'the last src was not shown', 'Feed 199');
    expect(list.shadowRoot!.querySelector('[role="alert"]'), 'no error such as a timeout').to.equal(null);
    expect(requested.at(-1)).to.match(/\?v=199$/);
    const finished = signals.filter((signal) => !signal.aborted);
    expect(finished, 'only the last request ran to the end').to.have.length(1);
  });

  for (const [name, src] of [
    ['with a prebuilt index', '/fixtures/search-index/feed.json'],
    ['crawling the feed pages', '/fixtures/feeds/search-page-1.json'],
  ] as const) {
    it(`a search removed after it was used (${name}) requests nothing more and fires nothing`, async () => {
      const element = await renderIndexed({ description: 'removed after use', src, debounce: 0 });
      await typeQuery(element, 'belgrade');
      await until(() => optionTitles(element).length > 0, 'the search shows results first');
      const requests = recordFetches();
      const events: string[] = [];
      for (const type of ['mlo-feed-load', 'mlo-feed-error', 'mlo-search-ready']) element.addEventListener(type, () => events.push(type));
      const frame = element.parentElement!;
      frame.remove();
      // Losing focus is what a removed box goes through; its update must not load the feed again.
      combobox(element).dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
      element.requestUpdate();
      await element.updateComplete;
      await aTimeout(300);
      expect(requests.map((request) => request.url), 'no request after removal').to.deep.equal([]);
      expect(events, 'no event from the removed element').to.deep.equal([]);
    });
  }
});
