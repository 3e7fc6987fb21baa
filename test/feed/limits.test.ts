/**
 * The limits of one feed page (src/feed/limits.ts, docs/feed-format.md "Limits"): each at the limit,
 * where everything is read, and one past it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/elements/article-card/define.js';
import type { MloNewsList } from '../../src/elements/news-list/news-list.js';
import '../../src/elements/news-list/define.js';
import { FeedError, isFeedError } from '../../src/feed/errors.js';
import { MAX_FEED_PAGE_SIZE, MAX_ITEMS_PER_PAGE, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from '../../src/feed/limits.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { parseFeed, parseFeedText } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/types.js';
import { commonMessages } from '../../src/i18n/messages/common.js';
import { stubFetch } from '../helpers/fetch.js';
import { nth } from '../helpers/lists.js';
import { mount } from '../helpers/mount.js';

const VERSION = 'https://jsonfeed.org/version/1.1';

/** A feed whose text is exactly `length` characters long (padded with whitespace after the JSON, which JSON allows). */
function feedTextOfLength(length: number, items: unknown[] = [{ id: 'a', title: 'A story' }]): string {
  const json = JSON.stringify({ version: VERSION, title: 'Sized', items });
  if (json.length > length) throw new Error('The feed is longer than the length asked for.');
  return json + ' '.repeat(length - json.length);
}

function feedOf(count: number, make: (index: number) => Record<string, unknown> = (index) => ({ id: `item-${index}`, content_text: `Item ${index}` })): Feed {
  return parseFeed({ version: VERSION, items: Array.from({ length: count }, (_, index) => make(index)) });
}

function error(run: () => unknown): FeedError {
  try {
    run();
  } catch (caught) {
    expect(isFeedError(caught), String(caught)).to.equal(true);
    return caught as FeedError;
  }
  throw new Error('Expected a FeedError.');
}

/** Words of five letters and a space: a word boundary every six characters. */
function words(length: number): string {
  return 'words '.repeat(Math.ceil(length / 6)).slice(0, length).replace(/ $/, 'x');
}

beforeEach(() => clearFeedCache());

describe('limits: the size of one feed page', () => {
  it('is 2 MiB of text', () => {
    expect(MAX_FEED_PAGE_SIZE).to.equal(2 * 1024 * 1024);
  });

  it('parses a page of exactly MAX_FEED_PAGE_SIZE characters', () => {
    const text = feedTextOfLength(MAX_FEED_PAGE_SIZE);
    expect(text).to.have.length(MAX_FEED_PAGE_SIZE);
    expect(parseFeedText(text).items).to.have.length(1);
  });

  it('refuses one character more as too-large, before JSON.parse sees it', () => {
    const text = feedTextOfLength(MAX_FEED_PAGE_SIZE + 1);
    const realParse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed += 1;
      return realParse(...args) as unknown;
    }) as typeof JSON.parse;
    try {
      const refused = error(() => parseFeedText(text, { url: 'https://mlo.example/feed.json' }));
      expect(refused.kind).to.equal('too-large');
      expect(refused.url).to.equal('https://mlo.example/feed.json');
      expect(parsed).to.equal(0);
    } finally {
      JSON.parse = realParse;
    }
  });

  it('refuses an 18 MB feed of 100,000 items at once instead of blocking the page for a second', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => ({ id: `https://mlo.example/news/${index}`, title: `Story number ${index} of a very long feed`, content_text: 'x'.repeat(100) }));
    const text = JSON.stringify({ version: VERSION, title: 'Huge', items });
    expect(text.length).to.be.above(16 * 1024 * 1024);
    const start = performance.now();
    expect(error(() => parseFeedText(text)).kind).to.equal('too-large');
    expect(performance.now() - start).to.be.below(20);
  });

  it('is counted in UTF-16 code units, as the crawl bound counts a page: Cyrillic text is not counted twice', () => {
    const cyrillic = '\u0416'.repeat(1000);
    const json = JSON.stringify({ version: VERSION, title: cyrillic, items: [] });
    const text = json + ' '.repeat(MAX_FEED_PAGE_SIZE - json.length);
    expect(new TextEncoder().encode(text).length, 'more bytes than the limit').to.be.above(MAX_FEED_PAGE_SIZE);
    expect(parseFeedText(text).title).to.have.length(MAX_TITLE_LENGTH);
  });

  it('refuses a page past the limit when loaded, and a declared Content-Length that cannot fit without downloading it', async () => {
    stubFetch(() => Promise.resolve(new Response(feedTextOfLength(MAX_FEED_PAGE_SIZE + 1), { headers: { 'content-type': 'application/feed+json' } })));
    const oversized = await loadFeed('/limits/oversized.json').catch((caught: unknown) => caught);
    expect(isFeedError(oversized) && oversized.kind).to.equal('too-large');

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    stubFetch(() => Promise.resolve(new Response(endless, { headers: { 'content-type': 'application/feed+json', 'content-length': String(3 * MAX_FEED_PAGE_SIZE + 1) } })));
    const declared = await loadFeed('/limits/declared.json').catch((caught: unknown) => caught);
    expect(isFeedError(declared) && declared.kind).to.equal('too-large');
    expect(pulled, 'the body is not downloaded').to.be.at.most(2);
  });

  it('reads a page whose declared length may still fit (UTF-8 is up to 3 bytes a character)', async () => {
    const text = feedTextOfLength(1000);
    stubFetch(() => Promise.resolve(new Response(text, { headers: { 'content-type': 'application/feed+json', 'content-length': String(3 * MAX_FEED_PAGE_SIZE) } })));
    expect((await loadFeed('/limits/fits.json')).feed.items).to.have.length(1);
  });

  it('says so in every element, in the reader’s language', async () => {
    stubFetch(() => Promise.resolve(new Response(feedTextOfLength(MAX_FEED_PAGE_SIZE + 1), { headers: { 'content-type': 'application/feed+json' } })));
    for (const lang of ['en', 'sr-Cyrl', 'sr-Latn'] as const) {
      clearFeedCache();
      const frame = mount(html`<div lang=${lang}><mlo-news-list src="/limits/too-large.json"></mlo-news-list></div>`);
      const list = frame.querySelector<MloNewsList>('mlo-news-list')!;
      await waitUntil(() => list.shadowRoot?.querySelector('[role="alert"]'), 'no alert', { timeout: 4000 });
      const alert = list.shadowRoot!.querySelector('[role="alert"]')!.textContent.replace(/\s+/g, ' ');
      expect(alert, lang).to.contain(commonMessages[lang].feedError('too-large'));
    }
    expect(commonMessages.en.feedError('too-large')).to.contain('2 MB').and.to.contain('next_url');
    // Serbian names the unit in its own script: МБ in Cyrillic, MB in the derived Latin.
    expect(commonMessages['sr-Cyrl'].feedError('too-large')).to.match(/[\u0400-\u04ff]/).and.to.contain('2 МБ');
    expect(commonMessages['sr-Latn'].feedError('too-large')).not.to.match(/[\u0400-\u04ff]/);
    expect(commonMessages['sr-Latn'].feedError('too-large')).to.contain('2 MB');
  });
});

describe('limits: items per page', () => {
  it('is 1,000', () => {
    expect(MAX_ITEMS_PER_PAGE).to.equal(1000);
  });

  it('reads every item of a page of exactly MAX_ITEMS_PER_PAGE', () => {
    const feed = feedOf(MAX_ITEMS_PER_PAGE);
    expect(feed.items).to.have.length(MAX_ITEMS_PER_PAGE);
    expect(feed.droppedItems).to.equal(0);
  });

  it('keeps the first MAX_ITEMS_PER_PAGE in feed order past it, and counts the rest as dropped', () => {
    const feed = feedOf(MAX_ITEMS_PER_PAGE + 1);
    expect(feed.items).to.have.length(MAX_ITEMS_PER_PAGE);
    expect(nth(feed.items, 0).id).to.equal('item-0');
    expect(nth(feed.items, -1).id).to.equal(`item-${MAX_ITEMS_PER_PAGE - 1}`);
    expect(feed.droppedItems).to.equal(1);
    const many = feedOf(50_000);
    expect(many.items).to.have.length(MAX_ITEMS_PER_PAGE);
    expect(many.droppedItems).to.equal(49_000);
  });

  it('counts entries, valid or not: invalid ones among the first are dropped too', () => {
    const feed = feedOf(MAX_ITEMS_PER_PAGE + 5, (index) => (index % 2 === 0 ? { id: `item-${index}` } : { title: 'no id' }));
    expect(feed.items).to.have.length(MAX_ITEMS_PER_PAGE / 2);
    expect(feed.droppedItems).to.equal(MAX_ITEMS_PER_PAGE / 2 + 5);
  });
});

describe('limits: titles and summaries', () => {
  it('are 300 and 1,000 characters', () => {
    expect(MAX_TITLE_LENGTH).to.equal(300);
    expect(MAX_SUMMARY_LENGTH).to.equal(1000);
  });

  it('keeps a title of exactly MAX_TITLE_LENGTH, and cuts one character more at a word boundary with an ellipsis', () => {
    const atLimit = words(MAX_TITLE_LENGTH);
    expect(nth(feedOf(1, () => ({ id: 'a', title: atLimit })).items, 0).title).to.equal(atLimit);
    const past = words(MAX_TITLE_LENGTH + 1);
    const title = nth(feedOf(1, () => ({ id: 'a', title: past })).items, 0).title!;
    expect(title.length).to.be.at.most(MAX_TITLE_LENGTH);
    expect(title).to.match(/ words\u2026$/);
    expect(past.startsWith(title.slice(0, -1))).to.equal(true);
  });

  it('keeps a summary of exactly MAX_SUMMARY_LENGTH, and cuts one character more the same way', () => {
    const atLimit = words(MAX_SUMMARY_LENGTH);
    expect(nth(feedOf(1, () => ({ id: 'a', summary: atLimit })).items, 0).summary).to.equal(atLimit);
    const summary = nth(feedOf(1, () => ({ id: 'a', summary: words(MAX_SUMMARY_LENGTH + 1) })).items, 0).summary!;
    expect(summary.length).to.be.at.most(MAX_SUMMARY_LENGTH);
    expect(summary).to.match(/ words\u2026$/);
  });

  it('counts characters after decoding: a title written with references that decodes to the limit is kept whole', () => {
    const decoded = '&'.repeat(MAX_TITLE_LENGTH);
    expect(nth(feedOf(1, () => ({ id: 'a', title: '&amp;'.repeat(MAX_TITLE_LENGTH) })).items, 0).title).to.equal(decoded);
  });

  it('holds the other one-line and prose fields to the same bounds', () => {
    const long = words(5000);
    const feed = parseFeed({
      version: VERSION,
      title: long,
      description: long,
      authors: [{ name: long }],
      items: [{ id: 'a', tags: [long], content_text: long, _mlo: { byline: long, original_source: long, photos: [{ url: 'https://mlo.example/p.jpg', alt: long, caption: long, credit: long }] } }],
      _mlo: { trail: [{ name: long }], offices: [{ name: long, units: [{ organisation: long, heading: long, street: long }] }] },
    });
    const item = nth(feed.items, 0);
    const photo = nth(item.mlo.photos, 0);
    const unit = nth(nth(feed.mlo.offices, 0).units, 0);
    for (const [name, value] of Object.entries({ title: feed.title, author: nth(feed.authors, 0).name, tag: nth(item.tags, 0), byline: item.mlo.byline, source: item.mlo.originalSource, credit: photo.credit, trail: nth(feed.mlo.trail, 0).name, office: nth(feed.mlo.offices, 0).name, organisation: unit.organisation, heading: unit.heading, street: unit.street })) {
      expect(value?.length, name).to.be.at.most(MAX_TITLE_LENGTH).and.above(MAX_TITLE_LENGTH - 10);
    }
    for (const [name, value] of Object.entries({ description: feed.description, alt: photo.alt, caption: photo.caption })) {
      expect(value?.length, name).to.be.at.most(MAX_SUMMARY_LENGTH).and.above(MAX_SUMMARY_LENGTH - 10);
    }
    expect(item.contentText, 'the body is bounded by the page size only').to.equal(long);
  });

  it('renders a 1 MB title as a short one', async () => {
    const feed = feedOf(1, () => ({ id: 'a', url: 'https://mlo.example/a', title: words(1024 * 1024), summary: words(1024 * 1024) }));
    const frame = mount(html`<div lang="en" style="width: 640px"></div>`);
    const start = performance.now();
    const list = document.createElement('mlo-news-list');
    list.feed = feed;
    frame.append(list);
    await list.updateComplete;
    await waitUntil(() => list.shadowRoot!.querySelector('mlo-article-card')?.shadowRoot?.querySelector('[part~="title"]'), 'no card', { timeout: 4000 });
    const title = list.shadowRoot!.querySelector('mlo-article-card')!.shadowRoot!.querySelector('[part~="title"]')!.textContent.trim();
    expect(title.length).to.be.at.most(MAX_TITLE_LENGTH);
    expect(performance.now() - start).to.be.below(500);
  });
});
