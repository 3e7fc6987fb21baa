/**
 * The elements rendered by React 19 (its own renderer, react-dom/client): attributes written as JSX
 * props, the `feed` and `article` objects handed over as properties, and a cancelable
 * `mlo-article-select` listened to with an `onmlo-article-select` prop. Asserts what the reader sees
 * and that a cancelled selection keeps the page where it is.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/news-list/define.js';
import '../../src/elements/article-card/define.js';
import type { MloArticleCard } from '../../src/elements/article-card/article-card.js';
import type { MloNewsList } from '../../src/elements/news-list/news-list.js';
import type { ArticleSelectEvent } from '../../src/events.js';
import { parseFeed } from '../../src/feed/parse.js';
import type { JsonFeed } from '../../src/feed/types.js';
import { createElement, createRoot, flushSync, useState, type ReactElement, type Root } from './react.bundle.js';
import { interceptNavigation } from '../helpers/dom.js';

function feedOf(titles: string[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'MLO Belgrade news',
    items: titles.map((title, index) => ({
      id: `news-${index + 1}`,
      // Relative, so that a click that is not cancelled would only change the hash (and show).
      url: `#/news/${index + 1}`,
      title,
      date_published: `2024-05-${String(20 - index).padStart(2, '0')}T10:00:00+02:00`,
    })),
  };
}

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function cardsOf(list: MloNewsList): MloArticleCard[] {
  return [...list.shadowRoot!.querySelectorAll<MloArticleCard>('[part~="items"] mlo-article-card')];
}

/** The titles the reader sees, with the heading level each is shown at. */
function headingsOf(cards: MloArticleCard[]): string[] {
  return cards.map((card) => {
    const title = card.shadowRoot!.querySelector('[part~="title"]');
    return `${title?.localName ?? 'none'}: ${text(title)}`;
  });
}

async function cardsRendered(list: MloNewsList, count: number): Promise<MloArticleCard[]> {
  await waitUntil(() => cardsOf(list).length === count && cardsOf(list).every((card) => card.shadowRoot?.querySelector('[part~="title"]')), `${count} cards`);
  await Promise.all(cardsOf(list).map((card) => card.updateComplete));
  return cardsOf(list);
}

describe('React 19 renders the elements', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    history.replaceState(null, '', location.pathname + location.search);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('a news list from a feed object, with attributes, and a cancelled mlo-article-select', async () => {
    const selected: string[] = [];
    let showOther: (() => void) | undefined;

    function News(): ReactElement {
      const [feed, setFeed] = useState(() => feedOf(['Open day at the office', 'Cadets visit Brussels', 'Winter exercise']));
      showOther = () => setFeed(feedOf(['A new feed', 'Its second item']));
      return createElement('mlo-news-list', {
        feed,
        layout: 'headlines',
        limit: 2,
        'heading-level': 2,
        'onmlo-article-select': (event: ArticleSelectEvent) => {
          event.preventDefault();
          selected.push(`${event.detail.item.id} ${event.detail.url ?? ''}`);
        },
      });
    }

    flushSync(() => root.render(createElement(News)));
    const list = container.querySelector('mlo-news-list')!;
    expect(list.layout, 'layout set from the JSX prop').to.equal('headlines');
    expect(list.getAttribute('heading-level'), 'heading-level written as an attribute').to.equal('2');

    const cards = await cardsRendered(list, 2);
    expect(headingsOf(cards), 'the first two items, newest first, as level-2 headings').to.deep.equal(['h2: Open day at the office', 'h2: Cadets visit Brussels']);

    const navigation = interceptNavigation();
    try {
      cards[1]!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="link"]')!.click();
    } finally {
      navigation.stop();
    }
    expect(selected, 'the handler got the item and its address').to.deep.equal([`news-2 ${new URL('#/news/2', location.href).href}`]);
    expect(navigation.prevented, 'the link click was cancelled before it reached the window').to.deep.equal([true]);
    expect(location.hash, 'the page stayed where it was').to.equal('');

    // A new feed object from React state replaces what the list shows.
    flushSync(() => showOther!());
    await waitUntil(() => headingsOf(cardsOf(list)).join() === 'h2: A new feed,h2: Its second item', 'the new feed shown');
  });

  it('an article card from a FeedItem property, with variant and target', async () => {
    const [item] = parseFeed(feedOf(['Open day at the office'])).items;
    flushSync(() => root.render(createElement('mlo-article-card', { article: item, variant: 'headline', target: '_blank', 'heading-level': 4 })));
    const card = container.querySelector('mlo-article-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the card rendered');
    await card.updateComplete;
    const title = card.shadowRoot!.querySelector('[part~="title"]');
    const link = card.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="link"]');
    expect(`${title?.localName ?? 'none'}: ${text(title)}`).to.equal('h4: Open day at the office');
    expect(card.variant, 'variant set from the JSX prop').to.equal('headline');
    expect(link?.target, 'target').to.equal('_blank');
    expect(link?.rel, 'rel with a new browsing context').to.include('noopener');
  });
});
