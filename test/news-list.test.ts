import { assert, aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
// Frames are rendered with fixtureSync: fixture() waits a requestAnimationFrame for non-Lit roots, which a
// page in the background may never get. The elements' updateComplete is awaited instead.
import type { MloArticleCard } from '../src/elements/article-card/article-card.js';
import type { MloNewsList } from '../src/elements/news-list/news-list.js';
import '../src/elements/news-list/define.js';
import type { ArticleSelectEvent, FeedErrorEvent, FeedLoadEvent } from '../src/events.js';
import { clearFeedCache } from '../src/feed/load.js';
import { NEWS_FEED, NEWS_FEED_ITEMS, examples, renderNewsListExample, type NewsListExample } from '../fixtures/news-list.js';
import { holdPendingRequests } from '../fixtures/pending.js';
import { deepActiveElement, expectInert, expectNoHorizontalOverflow, interceptNavigation, trapAlerts } from './helpers/dom.js';
import { gateFetch, networkError, realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { nth, take } from './helpers/lists.js';

declare global {
  interface Window {
    __xss?: string;
  }
}

interface Rendered {
  frame: HTMLElement;
  list: MloNewsList;
  root: ShadowRoot;
}

function cards(list: MloNewsList): MloArticleCard[] {
  return [...list.shadowRoot!.querySelectorAll<MloArticleCard>('[part~="items"] mlo-article-card')];
}

function part(root: ParentNode, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function titles(list: MloNewsList): string[] {
  return cards(list).map((card) => text(part(card.shadowRoot!, 'title')));
}

function loadMoreButton(list: MloNewsList): HTMLButtonElement | null {
  return list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more-button"]');
}

/** Waits until the list shows data (or a final state), no page is loading, and every card has rendered. */
async function settled(list: MloNewsList): Promise<void> {
  await list.updateComplete;
  await waitUntil(
    () => !part(list.shadowRoot!, 'skeleton') && loadMoreButton(list)?.getAttribute('aria-disabled') !== 'true',
    'the list never settled',
    { timeout: 5000 },
  );
  await list.updateComplete;
  await Promise.all(cards(list).map((card) => card.updateComplete));
}

async function renderList(example: NewsListExample, { settle = true } = {}): Promise<Rendered> {
  const frame = fixtureSync<HTMLElement>(renderNewsListExample(example));
  const list = frame.querySelector('mlo-news-list')!;
  await list.updateComplete;
  if (settle) await settled(list);
  return { frame, list, root: list.shadowRoot! };
}

async function clickLoadMore(list: MloNewsList): Promise<void> {
  loadMoreButton(list)!.click();
  await waitUntil(() => loadMoreButton(list)?.getAttribute('aria-disabled') !== 'true', 'Load more never finished', { timeout: 5000 });
  await settled(list);
  // The announcement and focus come after the new cards rendered.
  await aTimeout(0);
  await list.updateComplete;
}

/** A feed given as data for order, limit and filter tests: dates, tags, languages and years chosen to tell them apart. */
const orderFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Order and filters',
  language: 'en',
  items: [
    { id: 'undated', title: 'Undated', tags: ['Exercise'] },
    { id: 'mid', title: 'March 2023', date_published: '2023-03-01T10:00:00Z', tags: ['exercise'] },
    { id: 'modified', title: 'Modified June 2023', date_modified: '2023-06-01T10:00:00Z' },
    { id: 'newest', title: 'November 2023', date_published: '2023-11-01T10:00:00Z', tags: ['Partnership'] },
    { id: 'old', title: 'December 2018, archived under 2019', date_published: '2018-12-28T10:00:00Z', _mlo: { archive_year: 2019 } },
    { id: 'latin', title: 'Vest na latinici', date_published: '2023-05-01T10:00:00Z', language: 'sr-Latn' },
    { id: 'cyrillic', title: 'Вест на ћирилици', date_published: '2023-04-01T10:00:00Z', language: 'sr-Cyrl' },
  ],
};

async function renderData(attributes: Partial<Pick<MloNewsList, 'limit' | 'tag' | 'year' | 'itemLang'>> = {}): Promise<MloNewsList> {
  const list = await fixture<MloNewsList>(html`<mlo-news-list .feed=${orderFeed}></mlo-news-list>`);
  Object.assign(list, attributes);
  await settled(list);
  return list;
}

describe('mlo-news-list', () => {
  afterEach(() => {
    clearFeedCache();
    delete window.__xss;
  });

  describe('order, limit and filters', () => {
    it('shows items newest first by date_published, else date_modified; undated last', async () => {
      const list = await renderData();
      expect(titles(list)).to.deep.equal([
        'November 2023',
        'Modified June 2023',
        'Vest na latinici',
        'Вест на ћирилици',
        'March 2023',
        'December 2018, archived under 2019',
        'Undated',
      ]);
    });

    it('shows the newest items of the feed at src, 10 by default, each as a teaser card', async () => {
      const { list } = await renderList(examples.default);
      const shown = cards(list);
      expect(shown).to.have.length(10);
      expect(shown.every((card) => card.variant === 'teaser')).to.equal(true);
      const dates = shown.map((card) => Date.parse(card.shadowRoot!.querySelector('time')!.dateTime));
      expect(dates).to.deep.equal([...dates].sort((a, b) => b - a));
      expect(titles(list)[0]).to.equal('Secretary General visits Belgrade, underlines the importance of NATO’s partnership with Serbia');
    });

    it('shows at most limit items; an invalid limit means 10', async () => {
      expect(cards(await renderData({ limit: 2 }))).to.have.length(2);
      const { list } = await renderList(examples.limit);
      expect(cards(list)).to.have.length(3);
      list.setAttribute('limit', 'many');
      await settled(list);
      expect(cards(list)).to.have.length(10);
    });

    it('filters by tag, case-insensitively', async () => {
      expect(titles(await renderData({ tag: 'EXERCISE' }))).to.deep.equal(['March 2023', 'Undated']);
      const { list } = await renderList(examples.tag);
      expect(titles(list)).to.deep.equal([
        'Serbia hosts a civil emergency exercise with partners from the region',
        'Serbian Armed Forces practise medical evacuation with partners',
        'Search and rescue training on Kopaonik',
      ]);
    });

    it('filters by the editorial archive year, not the year in the date', async () => {
      expect(titles(await renderData({ year: 2019 }))).to.deep.equal(['December 2018, archived under 2019']);
      expect(titles(await renderData({ year: 2018 }))).to.deep.equal([]);
      const { list } = await renderList(examples.year);
      expect(cards(list)).to.have.length(6);
    });

    it('filters by item language with item-lang ("sr" matches both scripts; items without a language have the feed\'s)', async () => {
      expect(titles(await renderData({ itemLang: 'sr' }))).to.deep.equal(['Vest na latinici', 'Вест на ћирилици']);
      expect(titles(await renderData({ itemLang: 'sr-Cyrl' }))).to.deep.equal(['Вест на ћирилици']);
      expect(cards(await renderData({ itemLang: 'en' }))).to.have.length(5);
    });

    it('takes lang as the interface language, not as a filter', async () => {
      const frame = fixtureSync<HTMLElement>(html`<div lang="sr-Cyrl">${renderNewsListExample(examples.default)}</div>`);
      const list = frame.querySelector('mlo-news-list')!;
      await settled(list);
      expect(cards(list)).to.have.length(10);
      expect(text(loadMoreButton(list))).to.equal('Учитај још');
      expect(nth(cards(list), 0).shadowRoot!.querySelector('time')!.textContent).to.equal('22. нов 2023.');
    });

    it('follows next_url by itself when the first page has too few matches', async () => {
      const { list } = await renderList(examples.yearOnLaterPage);
      expect(titles(list)).to.deep.equal([
        'Winter mountain training with partner instructors',
        'Conference on defence education',
        'Serbian delegation at the partnership symposium',
        'Workshop on crisis communication',
      ]);
      expect(loadMoreButton(list)).to.equal(null);
    });
  });

  describe('layouts', () => {
    it('list: image beside the text in a wide container, above it in a narrow one', async () => {
      const wide = await renderList({ ...examples.default, width: '800px' });
      const wideCard = nth(cards(wide.list), 0).shadowRoot!;
      expect(part(wideCard, 'media')!.getBoundingClientRect().right).to.be.at.most(part(wideCard, 'title')!.getBoundingClientRect().left);
      const narrow = await renderList({ ...examples.default, width: '360px' });
      const narrowCard = nth(cards(narrow.list), 0).shadowRoot!;
      expect(part(narrowCard, 'media')!.getBoundingClientRect().bottom).to.be.at.most(part(narrowCard, 'title')!.getBoundingClientRect().top);
    });

    it('grid: columns follow the element\'s own width, not the window\'s', async () => {
      const columns = async (width: string) => {
        const { list } = await renderList({ ...examples.grid, width });
        const items = [...list.shadowRoot!.querySelectorAll('[part~="item"]')];
        return new Set(items.map((item) => Math.round(item.getBoundingClientRect().left))).size;
      };
      expect(await columns('400px')).to.equal(1);
      expect(await columns('600px')).to.equal(2);
      expect(await columns('900px')).to.equal(3);
    });

    it('grid: every card has its image above the text and the same height', async () => {
      const { list } = await renderList({ ...examples.grid, width: '900px' });
      const heights = new Set(cards(list).map((card) => Math.round(card.getBoundingClientRect().height)));
      expect(heights.size).to.equal(1);
      const first = nth(cards(list), 0).shadowRoot!;
      expect(part(first, 'media')!.getBoundingClientRect().bottom).to.be.at.most(part(first, 'title')!.getBoundingClientRect().top);
    });

    it('headlines: title and date only', async () => {
      const { list } = await renderList(examples.headlines);
      expect(cards(list)).to.have.length(5);
      for (const card of cards(list)) {
        expect(card.variant).to.equal('headline');
        expect(part(card.shadowRoot!, 'image')).to.equal(null);
        expect(part(card.shadowRoot!, 'summary')).to.equal(null);
        assert.exists(part(card.shadowRoot!, 'link'));
        assert.exists(card.shadowRoot!.querySelector('time'));
      }
    });

    it('passes heading-level and target to its cards', async () => {
      const { list } = await renderList({ ...examples.newTab, headingLevel: 4 });
      for (const card of cards(list)) {
        const link = part(card.shadowRoot!, 'link')!;
        expect(link.getAttribute('target')).to.equal('_blank');
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        expect(link.parentElement!.localName).to.equal('h4');
      }
    });
  });

  describe('Load more', () => {
    it('shows the next items, moves focus to the first new one, announces how many, then disappears', async () => {
      const { list, root } = await renderList(examples.default);
      const status = part(root, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(text(status)).to.equal('');
      await clickLoadMore(list);
      expect(cards(list)).to.have.length(NEWS_FEED_ITEMS);
      expect(deepActiveElement()).to.equal(part(nth(cards(list), 10).shadowRoot!, 'link'));
      expect(text(status)).to.equal('5 more news items loaded.');
      expect(loadMoreButton(list)).to.equal(null);
    });

    it('follows next_url when the loaded items run out, and stops when the pages loop back', async () => {
      const requested: string[] = [];
      stubFetch((input, init) => {
        requested.push(new URL(requestUrl(input), location.href).pathname);
        return realFetch(input, init);
      });
      const { list, root } = await renderList(examples.paged);
      expect(cards(list)).to.have.length(4);
      expect(requested).to.deep.equal(['/fixtures/feeds/paged-1.json']);
      await clickLoadMore(list);
      expect(cards(list)).to.have.length(8);
      expect(requested).to.deep.equal(['/fixtures/feeds/paged-1.json', '/fixtures/feeds/paged-2.json']);
      expect(deepActiveElement()).to.equal(part(nth(cards(list), 4).shadowRoot!, 'link'));
      await clickLoadMore(list);
      expect(cards(list)).to.have.length(12);
      await clickLoadMore(list);
      expect(cards(list)).to.have.length(15);
      expect(text(part(root, 'status'))).to.equal('3 more news items loaded.');
      expect(loadMoreButton(list)).to.equal(null);
      // paged-3.json links back to paged-1.json: it is not requested again.
      expect(requested).to.deep.equal(['/fixtures/feeds/paged-1.json', '/fixtures/feeds/paged-2.json', '/fixtures/feeds/paged-3.json']);
      const ids = cards(list).map((card) => card.article!.id);
      expect(new Set(ids).size).to.equal(15);
    });

    it('says so when a next page fails, and tries again from the same button', async () => {
      let failNextPage = true;
      stubFetch((input, init) => {
        if (requestUrl(input).endsWith('paged-2.json') && failNextPage) return Promise.resolve(new Response('Server error', { status: 503 }));
        return realFetch(input, init);
      });
      const { list, root } = await renderList(examples.paged);
      const errorEvent = oneEvent<FeedErrorEvent>(list, 'mlo-feed-error');
      await clickLoadMore(list);
      expect((await errorEvent).detail.error.status).to.equal(503);
      const alert = part(root, 'load-more-error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.equal("More news could not be loaded. The news feed's server answered with an error (HTTP 503).");
      // The fifth item of page 1 was already loaded: it is shown.
      expect(cards(list)).to.have.length(5);
      failNextPage = false;
      await clickLoadMore(list);
      expect(part(root, 'load-more-error')).to.equal(null);
      expect(cards(list)).to.have.length(9);
    });

    it('announces in Serbian with the right plural form', async () => {
      const announce = async (example: NewsListExample, limit: number) => {
        const { list, root } = await renderList({ ...example, limit });
        expect(text(loadMoreButton(list))).to.equal(example.lang === 'sr-Cyrl' ? 'Учитај још' : 'Učitaj još');
        await clickLoadMore(list);
        return text(part(root, 'status'));
      };
      expect(await announce(examples.serbianLatin, 1)).to.equal('Učitana je još 1 vest.');
      expect(await announce(examples.serbianLatin, 3)).to.equal('Učitane su još 3 vesti.');
      expect(await announce(examples.serbianLatin, 5)).to.equal('Učitano je još 5 vesti.');
      expect(await announce(examples.serbianCyrillic, 3)).to.equal('Учитане су још 3 вести.');
    });
  });

  describe('without a feed', () => {
    it('says that no feed is set instead of showing a placeholder forever', async () => {
      const { list, root } = await renderList(examples.noSource);
      expect(text(part(root, 'empty'))).to.contain('give this element a src attribute');
      expect(root.querySelector('[aria-busy="true"]')).to.equal(null);
      await expect(list).to.be.accessible();
    });
  });

  describe('before data arrives', () => {
    let releasePending: (() => void) | undefined;
    afterEach(() => {
      releasePending?.();
      releasePending = undefined;
    });

    it('shows a busy placeholder of limit items, and the live region is already there', async () => {
      releasePending = holdPendingRequests();
      const { list, root } = await renderList(examples.loading, { settle: false });
      const placeholder = part(root, 'skeleton')!;
      expect(placeholder.getAttribute('aria-busy')).to.equal('true');
      expect(text(placeholder)).to.equal('Loading news…');
      expect(placeholder.querySelectorAll('mlo-article-card')).to.have.length(10);
      expect(placeholder.querySelector('ul')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(root, 'status')!.getAttribute('role')).to.equal('status');
      expect(list.getBoundingClientRect().height).to.be.greaterThan(500);
    });

    it('shows the items in the placeholder’s own cards: nothing is torn down and built again when the news arrives', async () => {
      const gate = gateFetch();
      const { list } = await renderList({ src: NEWS_FEED, description: '' }, { settle: false });
      const placeholders = [...list.shadowRoot!.querySelectorAll<MloArticleCard>('mlo-article-card')];
      expect(placeholders).to.have.length(10);
      gate.release();
      await settled(list);
      expect(cards(list)).to.deep.equal(placeholders);
      expect(new Set(titles(list).filter(Boolean)).size, 'ten different titles').to.equal(10);
      // Keys stay with the cards: after Load more the first ten are still the same elements, in order.
      loadMoreButton(list)!.click();
      await settled(list);
      expect(cards(list).slice(0, 10)).to.deep.equal(placeholders);
    });

    for (const layout of ['list', 'grid', 'headlines'] as const) {
      it(`reserves the final height (${layout}, default limit): no layout shift when the news arrives`, async () => {
        const gate = gateFetch();
        const { list } = await renderList({ src: NEWS_FEED, layout, width: '760px', description: '' }, { settle: false });
        const placeholders = [...list.shadowRoot!.querySelectorAll<MloArticleCard>('mlo-article-card')];
        await Promise.all(placeholders.map((card) => card.updateComplete));
        const before = list.getBoundingClientRect().height;
        gate.release();
        await settled(list);
        expect(cards(list)).to.have.length(10);
        assert.exists(loadMoreButton(list));
        expect(list.getBoundingClientRect().height).to.be.closeTo(before, 2);
      });
    }
  });

  describe('states', () => {
    it('empty feed: a message, never a blank box', async () => {
      const { list, root } = await renderList(examples.empty);
      const empty = part(root, 'empty')!;
      expect(text(empty)).to.equal('There is no news to show yet.');
      expect(empty.getAttribute('role')).to.equal('status');
      expect(loadMoreButton(list)).to.equal(null);
    });

    it('no matches: says the filters matched nothing', async () => {
      const { root } = await renderList(examples.noMatches);
      expect(text(part(root, 'empty'))).to.equal('No news matches the selected filters.');
    });

    it('failure: an alert in a webmaster\'s words with Retry, which loads the feed once it works', async () => {
      let calls = 0;
      stubFetch((_input, init) => {
        calls += 1;
        return calls === 1 ? Promise.resolve(new Response('<h1>Internal error</h1>', { status: 500 })) : realFetch(NEWS_FEED, init);
      });
      const errorEvent = oneEvent<FeedErrorEvent>(document, 'mlo-feed-error');
      const { list, root } = await renderList(examples.error);
      expect((await errorEvent).detail.error.kind).to.equal('http');
      const alert = root.querySelector('[role="alert"]')!;
      expect(text(part(alert, 'error-title'))).to.equal('The news could not be loaded');
      expect(text(part(alert, 'error-message'))).to.equal("The news feed's server answered with an error (HTTP 500).");
      part(alert, 'retry-button')!.click();
      await waitUntil(() => cards(list).length === 10, 'Retry did not load the feed', { timeout: 5000 });
      expect(root.querySelector('[role="alert"]')).to.equal(null);
    });

    it('explains a 404, an HTML page and broken JSON differently', async () => {
      const messages: string[] = [];
      for (const example of [examples.error, examples.notAFeed, examples.brokenJson]) {
        const { root } = await renderList(example);
        messages.push(text(part(root, 'error-message')));
      }
      expect(messages).to.deep.equal([
        'The news feed was not found (HTTP 404). Check the address in the src attribute.',
        'This address gives a web page, not a news feed. Check the src attribute: it must point to a JSON Feed file.',
        'The news feed is damaged (not valid JSON) and cannot be read.',
      ]);
    });

    it('stale: when a reload fails after a success, keeps the last good copy, says how old it is, and Retry recovers', async () => {
      let online = true;
      stubFetch((input, init) => (online ? realFetch(input, init) : networkError()));
      const { list, root } = await renderList(examples.limit);
      expect(part(root, 'stale')).to.equal(null);
      online = false;
      const errorEvent = oneEvent<FeedErrorEvent>(list, 'mlo-feed-error');
      await list.reload();
      await settled(list);
      expect((await errorEvent).detail.error.kind).to.equal('network');
      const notice = part(root, 'stale')!;
      expect(text(notice)).to.match(/^Showing a saved copy, last updated (now|\d+ seconds? ago)\. Retry$/);
      expect(cards(list)).to.have.length(3);
      expect(root.querySelector('[role="alert"]')).to.equal(null);
      online = true;
      part(notice, 'retry-button')!.click();
      await waitUntil(() => !part(root, 'stale'), 'Retry did not clear the stale notice', { timeout: 5000 });
      expect(cards(list)).to.have.length(3);
    });

    it('stale: a saved copy from an earlier visit is shown with its age and Retry when the server is down', async () => {
      const { list, root } = await renderList(examples.stale);
      const notice = part(root, 'stale')!;
      expect(notice.getAttribute('role')).to.equal('status');
      expect(text(notice)).to.equal('Showing a saved copy, last updated 3 hours ago. Retry');
      expect(titles(list)).to.deep.equal(['Newest item, given as data', 'Item with only a modification date', 'Older item, first in the feed']);
      assert.exists(part(notice, 'retry-button'));
    });
  });

  describe('events', () => {
    it('fires mlo-feed-load with the item count and the dropped-item count', async () => {
      const loaded = oneEvent<FeedLoadEvent>(document, 'mlo-feed-load');
      await renderList(examples.someBadItems);
      const event = await loaded;
      expect(event.detail.itemCount).to.equal(5);
      expect(event.detail.droppedItems).to.equal(3);
      expect(event.detail.stale).to.equal(false);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('lets mlo-article-select from a card reach the page, cancelable', async () => {
      const { list } = await renderList(examples.limit);
      const navigation = interceptNavigation();
      const listener = (event: ArticleSelectEvent) => event.preventDefault();
      document.addEventListener('mlo-article-select', listener, { once: true });
      try {
        const selected = oneEvent<ArticleSelectEvent>(document, 'mlo-article-select');
        part(nth(cards(list), 1).shadowRoot!, 'link')!.click();
        const event = await selected;
        expect(event.target).to.equal(list);
        expect(event.detail.item.id).to.equal(nth(cards(list), 1).article!.id);
        expect(event.detail.url).to.equal(nth(cards(list), 1).article!.url);
        expect(navigation.prevented).to.deep.equal([true]);
      } finally {
        navigation.stop();
      }
    });
  });

  describe('hostile feed', () => {
    trapAlerts();

    it('renders every field inert and shows markup as text', async () => {
      const { list, root } = await renderList(examples.hostile);
      expectInert(root);
      const [first, second, third] = take(cards(list).map((card) => card.shadowRoot!), 3);
      expect(text(part(first, 'title'))).to.equal('<img src=x onerror=alert(1)>Title');
      expect(text(part(first, 'summary'))).to.equal('<script>alert("summary")</script>A summary with a script tag in it.');
      expect([...first.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['"><svg onload=alert(1)>', '<script>alert("tag")</script>', 'News']);
      expect(text(part(third, 'title'))).to.equal('Item whose id is markup "><svg onload=alert(1)>');
      // No item has a safe URL or image: no links, no images.
      for (const card of [first, second, third]) expect(card.querySelector('a, img')).to.equal(null);
      await aTimeout(300);
      expect(window.__xss).to.equal(undefined);
    });

    it('keeps an absurdly long unbroken title inside a 280 px container', async () => {
      const { frame, list } = await renderList(examples.narrow);
      expect(list.getBoundingClientRect().width).to.be.at.most(280);
      expectNoHorizontalOverflow(frame);
    });
  });

  describe('accessibility', () => {
    for (const [name, example] of Object.entries(examples)) {
      it(`passes axe: ${name}`, async () => {
        const { list } = await renderList(example, { settle: name !== 'loading' });
        await expect(list).to.be.accessible();
      });
    }
  });
});
