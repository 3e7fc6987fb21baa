/**
 * Feeds as they are published, not as this library's own feeds are written (issue 12, "read every feed
 * a reader would"). The fixtures copy the shape of common publishers, not any one feed:
 *
 * - `real-blog-http-v1.json`: a blog plugin's JSON Feed 1.0: the `http://` version URL, the singular
 *   `author`, `user_comment`, and HTML character references (`&#8217;`, `&#038;`, `&amp;`, `&nbsp;`,
 *   `&hellip;`, `&lt;b&gt;`) written literally into the plain-text fields (title, summary,
 *   content_text, tags, author names).
 * - `real-static-site-dates.json`: a static site generator's JSON Feed 1.1 with the `www.` version URL
 *   and a trailing slash, dated from front matter: a calendar day (`2026-06-08`), local times without
 *   an offset (`2018-01-06T08:00`, `2018-01-07T20:00:30`), a real leap day, and dates no calendar has
 *   (`19066-19-09T612:00:00Z`, `2023-02-30`, `2023-02-29T10:00:00Z`).
 *
 * The elements read them over HTTP from the test server, as a page would.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { MloArchiveSearch } from '../src/elements/archive-search/archive-search.js';
import '../src/elements/archive-search/define.js';
import type { MloArticleCard } from '../src/elements/article-card/article-card.js';
import '../src/elements/article-card/define.js';
import type { MloNewsList } from '../src/elements/news-list/news-list.js';
import '../src/elements/news-list/define.js';
import { clearFeedCache } from '../src/feed/load.js';
import { parseFeed, sortNewestFirst } from '../src/feed/parse.js';
import type { FeedItem } from '../src/feed/types.js';
import { fixtureFeed } from './feed/fixtures.js';
import { deepElements } from './helpers/dom.js';
import { nth } from './helpers/lists.js';
import { mount } from './helpers/mount.js';
import { parseError } from './helpers/feed-errors.js';

const BLOG = '/fixtures/feeds/real-blog-http-v1.json';
const DATES = '/fixtures/feeds/real-static-site-dates.json';

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cards(list: MloNewsList): MloArticleCard[] {
  return [...list.shadowRoot!.querySelectorAll<MloArticleCard>('mlo-article-card')];
}

async function renderList(src: string, limit = 10): Promise<MloNewsList> {
  const frame = mount(html`<div lang="en"><mlo-news-list src=${src} limit=${limit}></mlo-news-list></div>`);
  const list = frame.querySelector('mlo-news-list')!;
  // The placeholder has cards too: loaded means the skeleton is gone (items, an empty note or an alert).
  await waitUntil(() => list.shadowRoot && !list.shadowRoot.querySelector('[part~="skeleton"]') && (cards(list).length > 0 || list.shadowRoot.querySelector('[role="alert"]')), 'the list never loaded', { timeout: 5000 });
  await list.updateComplete;
  await Promise.all(cards(list).map((card) => card.updateComplete));
  return list;
}

async function renderCard(article: FeedItem, variant = 'full'): Promise<MloArticleCard> {
  const frame = mount(html`<div lang="en"><mlo-article-card .article=${article} variant=${variant}></mlo-article-card></div>`);
  const card = frame.querySelector('mlo-article-card')!;
  await card.updateComplete;
  // A full article's body waits for the sanitiser, loaded on the first full article (docs/sanitizing.md).
  await waitUntil(() => !card.shadowRoot!.querySelector('[part~="skeleton"]'), 'the card kept its placeholder');
  return card;
}

function byId(items: readonly FeedItem[], suffix: string): FeedItem {
  const item = items.find((candidate) => candidate.id.endsWith(`/${suffix}/`));
  if (!item) throw new Error(`No item ${suffix}`);
  return item;
}


beforeEach(() => clearFeedCache());

describe('real feeds: the version URL', () => {
  const accepted: Array<[string, '1' | '1.1']> = [
    ['https://jsonfeed.org/version/1', '1'],
    ['https://jsonfeed.org/version/1/', '1'],
    ['http://jsonfeed.org/version/1', '1'],
    ['http://jsonfeed.org/version/1/', '1'],
    ['https://www.jsonfeed.org/version/1', '1'],
    ['http://www.jsonfeed.org/version/1/', '1'],
    ['https://jsonfeed.org/version/1.0', '1'],
    ['https://jsonfeed.org/version/1.0/', '1'],
    ['https://jsonfeed.org/version/1.1', '1.1'],
    ['https://jsonfeed.org/version/1.1/', '1.1'],
    ['http://jsonfeed.org/version/1.1', '1.1'],
    ['http://www.jsonfeed.org/version/1.1/', '1.1'],
    ['https://www.jsonfeed.org/version/1.1/', '1.1'],
    ['HTTPS://JSONFeed.org/version/1.1', '1.1'],
    ['  https://jsonfeed.org/version/1.1\n', '1.1'],
  ];
  for (const [version, expected] of accepted) {
    it(`reads ${JSON.stringify(version)} as ${expected}`, () => {
      expect(parseFeed({ version, title: 'x', items: [] }).version).to.equal(expected);
    });
  }

  it('says which version it does not read, for jsonfeed.org versions other than 1 and 1.1', () => {
    for (const version of ['https://jsonfeed.org/version/2', 'http://www.jsonfeed.org/version/1.2/', 'https://jsonfeed.org/version/0.9']) {
      expect(parseError(() => parseFeed({ version, items: [] })).kind, version).to.equal('unsupported-version');
    }
  });

  it('is not fooled by other hosts, schemes or paths', () => {
    for (const version of [
      'https://jsonfeed.org.evil.example/version/1.1',
      'https://evil.example/jsonfeed.org/version/1.1',
      'https://jsonfeed.org@evil.example/version/1.1',
      'ftp://jsonfeed.org/version/1.1',
      'https://jsonfeed.org:8443/version/1.1',
      'https://jsonfeed.org/version/1.1?format=json',
      'https://jsonfeed.org/version/1.1#top',
      'https://jsonfeed.org/versions/1.1',
      'https://jsonfeed.org/version/',
      'jsonfeed.org/version/1.1',
      '1.1',
    ]) {
      expect(parseError(() => parseFeed({ version, items: [] })).kind, version).to.equal('not-a-feed');
    }
  });

  it('shows a blog plugin feed that declares http://jsonfeed.org/version/1', async () => {
    const list = await renderList(BLOG);
    expect(text(list.shadowRoot!.querySelector('[role="alert"]'))).to.equal('');
    expect(cards(list)).to.have.length(3);
  });

  it('shows a static site feed that declares https://www.jsonfeed.org/version/1.1/', async () => {
    const list = await renderList(DATES);
    expect(text(list.shadowRoot!.querySelector('[role="alert"]'))).to.equal('');
    expect(cards(list)).to.have.length(8);
  });
});

describe('real feeds: character references written into plain-text fields', () => {
  it('decodes them once in every plain-text field, as feed readers do', async () => {
    const feed = await fixtureFeed('real-blog-http-v1.json');
    expect(feed.title).to.equal('Partner Blog \u2013 Defence & Security');
    expect(feed.description).to.equal('News & notes from a partner\u2019s blog');
    expect(feed.userComment).to.contain('URL \u2014 https://partner-blog.example/feed/json \u2014 and');
    expect(nth(feed.authors, 0).name).to.equal('Ana & Marko');
    const [first, second, third] = [nth(feed.items, 0), nth(feed.items, 1), nth(feed.items, 2)];
    expect(first.title).to.equal('Partners\u2019 day at the Military Academy \u2013 photos');
    expect(first.summary).to.equal('Cadets & officers met the liaison team\u00a0\u2026');
    expect(first.contentText).to.equal('Cadets & officers met the liaison team\u00a0\u2026 Continue reading');
    expect(first.tags).to.deep.equal(['Q&A', 'Defence & Security', 'Academy']);
    expect(nth(first.authors, 0).name).to.equal('Ana & Marko');
    expect(second.title).to.equal('\u201cA year of partnership\u201d: the review & what comes next');
    expect(second.contentText).to.equal('The year\u2019s highlights \u2014 courses, visits & exercises.');
    expect(nth(second.authors, 0).name).to.equal('Jovana Petrovi\u0107');
    expect(third.title, 'decoded once: &amp;amp; is the text &amp;').to.equal('Why <b> tags stay text: &amp; is decoded once');
    // HTML stays in content_html, decoded only by the sanitiser when it is parsed as HTML.
    expect(first.contentHtml).to.contain('&amp; officers');
  });

  it('shows the decoded characters, and markup written as references as text, never as elements', async () => {
    const list = await renderList(BLOG);
    const titles = cards(list).map((card) => text(card.shadowRoot!.querySelector('[part~="title"]')));
    expect(titles).to.deep.equal([
      'Partners\u2019 day at the Military Academy \u2013 photos',
      '\u201cA year of partnership\u201d: the review & what comes next',
      'Why <b> tags stay text: &amp; is decoded once',
    ]);
    const [first, , third] = cards(list);
    expect(text(first!.shadowRoot!.querySelector('[part~="summary"]'))).to.equal('Cadets & officers met the liaison team \u2026');
    expect([...first!.shadowRoot!.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['Q&A', 'Defence & Security', 'Academy']);
    expect(text(third!.shadowRoot!.querySelector('[part~="summary"]'))).to.equal('Plain-text fields show <script>alert(1)</script> as the words they are.');
    for (const element of deepElements(list.shadowRoot!)) {
      expect(['b', 'i', 'script'], `<${element.localName}> rendered from plain text`).not.to.include(element.localName);
    }
  });

  it('shows the decoded author name in the full article byline', async () => {
    const feed = await fixtureFeed('real-blog-http-v1.json');
    const card = await renderCard(nth(feed.items, 1));
    expect(text(card.shadowRoot!.querySelector('[part~="byline"]'))).to.contain('Jovana Petrovi\u0107');
  });
});

describe('real feeds: dates as static sites write them', () => {
  it('shows a calendar day as that day, with a date-only datetime', async () => {
    const feed = await fixtureFeed('real-static-site-dates.json');
    const card = await renderCard(byId(feed.items, 'calendar-day'));
    const time = card.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-06-08');
    expect(text(time)).to.equal('Jun 8 2026');
    const leap = await renderCard(byId(feed.items, 'leap-day'), 'headline');
    expect(leap.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2024-02-29');
    expect(text(leap.shadowRoot!.querySelector('time'))).to.equal('Feb 29 2024');
  });

  it('shows a date-time without offset as written: a local date-time, not an instant', async () => {
    const feed = await fixtureFeed('real-static-site-dates.json');
    const morning = await renderCard(byId(feed.items, 'wall-clock'));
    expect(morning.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2018-01-06T08:00');
    expect(text(morning.shadowRoot!.querySelector('time'))).to.equal('Jan 6 2018');
    const evening = await renderCard(byId(feed.items, 'wall-clock-seconds'), 'teaser');
    expect(evening.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2018-01-07T20:00:30');
    expect(text(evening.shadowRoot!.querySelector('time'))).to.equal('Jan 7 2018');
  });

  it('keeps an instant an instant', async () => {
    const feed = await fixtureFeed('real-static-site-dates.json');
    const card = await renderCard(byId(feed.items, 'with-offset'));
    expect(card.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2023-11-22T11:00:00.000Z');
  });

  it('shows no date for invalid dates and for days no calendar has (30 February, 29 February 2023)', async () => {
    const feed = await fixtureFeed('real-static-site-dates.json');
    for (const id of ['invalid-date', 'impossible-day', 'not-a-leap-day']) {
      const item = byId(feed.items, id);
      expect(item.datePublished, id).to.equal(undefined);
      for (const variant of ['full', 'teaser', 'headline']) {
        const card = await renderCard(item, variant);
        // Compared as markup: a failing assertion on a DOM node would make the runner serialise it.
        expect(card.shadowRoot!.querySelector('time')?.outerHTML ?? null, `${id} as ${variant}`).to.equal(null);
        expect(text(card.shadowRoot!.querySelector('[part~="card"]')), `${id} as ${variant}`).not.to.match(/Mar 2 2023|Mar 1 2023|Invalid/);
      }
    }
  });

  it('sorts undated items (and those with dates it cannot read) last, in feed order', async () => {
    const feed = await fixtureFeed('real-static-site-dates.json');
    const order = sortNewestFirst(feed.items).map((item) => /\/posts\/([^/]+)\//.exec(item.id)?.[1]);
    expect(order).to.deep.equal(['calendar-day', 'leap-day', 'with-offset', 'wall-clock-seconds', 'wall-clock', 'invalid-date', 'impossible-day', 'not-a-leap-day']);
    const list = await renderList(DATES);
    expect(cards(list).map((card) => text(card.shadowRoot!.querySelector('[part~="title"]')))).to.deep.equal(
      sortNewestFirst(feed.items).map((item) => item.title),
    );
    expect(cards(list).map((card) => card.shadowRoot!.querySelector('time')?.getAttribute('datetime') ?? null)).to.deep.equal([
      '2026-06-08',
      '2024-02-29',
      '2023-11-22T11:00:00.000Z',
      '2018-01-07T20:00:30',
      '2018-01-06T08:00',
      null,
      null,
      null,
    ]);
  });

  it('uses the same dates in the archive search results', async () => {
    let ready!: () => void;
    const indexed = new Promise<void>((resolve) => (ready = resolve));
    const frame = mount(html`<div lang="en" @mlo-search-ready=${() => ready()}><mlo-archive-search src=${DATES} debounce="0"></mlo-archive-search></div>`);
    const search = frame.querySelector<MloArchiveSearch>('mlo-archive-search')!;
    // The search loads nothing until the reader shows intent: focus in its box.
    await search.updateComplete;
    search.shadowRoot!.querySelector('input')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await indexed;
    await search.updateComplete;
    const input = search.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    input.focus();
    input.value = 'post';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await waitUntil(() => search.shadowRoot!.querySelectorAll('[role="option"]').length >= 8, 'no results', { timeout: 4000 });
    const dates = new Map(
      [...search.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => [
        text(option.querySelector('[part~="option-title"]')),
        option.querySelector('time') ? `${option.querySelector('time')!.getAttribute('datetime') ?? ''} ${text(option.querySelector('time'))}` : null,
      ]),
    );
    expect(dates.get('A post dated with a calendar day')).to.equal('2026-06-08 Jun 8 2026');
    expect(dates.get('A post with a local time and no offset')).to.equal('2018-01-06T08:00 Jan 6 2018');
    expect(dates.get('A post dated the thirtieth of February')).to.equal(null);
    expect(dates.get('A post whose generator wrote an invalid date')).to.equal(null);
  });
});
