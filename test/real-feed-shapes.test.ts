/**
 * Feeds as others publish them, seen in the cards: blogs and podcasts without images, link blogs
 * (`external_url`), right-to-left languages, and remote images that fail to load.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/mlo-widgets.js';
import type { MloArticleCard } from '../src/elements/article-card/article-card.js';
import { parseFeed } from '../src/feed/parse.js';
import type { FeedItem } from '../src/feed/types.js';
import { mount } from './helpers/mount.js';

/** One item of a feed shaped like a small personal blog's (Hugo/Hexo-style): no image, a language at feed level. */
function blogItem(item: Record<string, unknown>, language = 'en'): FeedItem {
  const feed = parseFeed({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'A blog',
    home_page_url: 'https://blog.example/',
    language,
    items: [{ id: 'https://blog.example/post', url: 'https://blog.example/post', title: 'A post', date_published: '2026-05-01T10:00:00Z', ...item }],
  });
  const [first] = feed.items;
  if (!first) throw new Error('the fixture item was dropped');
  return { ...first, language: first.language ?? feed.language };
}

async function renderCard(item: FeedItem, variant: 'teaser' | 'full' = 'teaser'): Promise<MloArticleCard> {
  const card = mount(html`<div>
    <mlo-article-card .article=${item} variant=${variant}></mlo-article-card>
  </div>`).querySelector('mlo-article-card');
  if (!card) throw new Error('no card');
  await card.updateComplete;
  // A full article's body waits for the sanitiser, loaded on the first full article (docs/sanitizing.md).
  await waitUntil(() => !card.shadowRoot!.querySelector('[part~="skeleton"]'), 'the card kept its placeholder');
  return card;
}

const part = (card: MloArticleCard, name: string): HTMLElement | null => card.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

describe('real feed shapes in mlo-article-card', () => {
  it('lays out an item without an image as a text card: no empty picture box', async () => {
    const card = await renderCard(blogItem({ content_text: 'Just words.' }));
    expect(part(card, 'media') === null, 'no media box').to.equal(true);
    expect(part(card, 'card')?.classList.contains('card--text')).to.equal(true);
    const title = part(card, 'title')!.getBoundingClientRect();
    const cardBox = part(card, 'card')!.getBoundingClientRect();
    // The title starts at the top of the card, not below a 16:9 grey box.
    expect(Math.abs(title.top - cardBox.top)).to.be.below(4);
  });

  it('uses the first picture of the body when the item names no image, but never a tracking pixel', async () => {
    const withPicture = await renderCard(blogItem({ content_html: '<p>Text</p><img src="https://blog.example/photo.jpg" alt="A view">' }));
    expect(part(withPicture, 'image')?.getAttribute('src')).to.equal('https://blog.example/photo.jpg');
    const withPixel = await renderCard(blogItem({ content_html: '<p>Text</p><img src="https://tracker.example/p.gif" width="1" height="1">' }));
    expect(part(withPixel, 'media') === null, 'a 1x1 pixel is not a picture').to.equal(true);
  });

  it('turns a teaser whose image fails to load into a text card, with no broken-image icon', async () => {
    const card = await renderCard(blogItem({ image: '/fixtures/images/does-not-exist.jpg' }));
    const image = part(card, 'image') as HTMLImageElement | null;
    expect(image !== null, 'the image is tried first').to.equal(true);
    image?.setAttribute('loading', 'eager');
    await waitUntil(() => part(card, 'media') === null, 'the broken image stayed', { timeout: 5000 });
    expect(part(card, 'card')?.classList.contains('card--text')).to.equal(true);
  });

  it('shows a link-blog item as a link post ("→ host"), not as "originally posted on"', async () => {
    const item = blogItem({ url: 'https://links.example/2026/05/01', external_url: 'https://www.nato.int/cps/en/natohq/news.htm' });
    const teaser = await renderCard(item);
    const link = part(teaser, 'external-link') as HTMLAnchorElement | null;
    expect(link?.href).to.equal('https://www.nato.int/cps/en/natohq/news.htm');
    expect(link?.textContent.replace(/\s+/g, ' ').trim()).to.equal('→ www.nato.int');
    const full = await renderCard(item, 'full');
    expect(part(full, 'byline')?.textContent ?? '').not.to.include('Originally posted');
    expect(part(full, 'external-link') !== null).to.equal(true);
  });

  it('keeps "originally posted on" for a story the feed marks as re-posted (_mlo.original_source)', async () => {
    const item = blogItem({ external_url: 'https://www.nato.int/story', _mlo: { original_source: 'NATO HQ website' } });
    const full = await renderCard(item, 'full');
    expect(part(full, 'byline')?.textContent.replace(/\s+/g, ' ').trim()).to.equal('Originally posted on NATO HQ website');
    expect(part(full, 'external-link') === null, 'a re-post is not a link post').to.equal(true);
  });

  it('lays out Arabic, Hebrew and Persian content right to left, and leaves our own interface alone', async () => {
    for (const language of ['ar', 'he', 'fa-IR', 'ur']) {
      const card = await renderCard(blogItem({ title: 'عنوان', content_text: 'نص', summary: 'ملخص' }, language), 'full');
      expect(getComputedStyle(part(card, 'title')!).direction, `${language} title`).to.equal('rtl');
      expect(getComputedStyle(part(card, 'body')!).direction, `${language} body`).to.equal('rtl');
      expect(getComputedStyle(part(card, 'date')!).direction, `${language}: the date is ours`).to.equal('ltr');
    }
    const teaser = await renderCard(blogItem({ summary: 'ملخص' }, 'ar'));
    expect(getComputedStyle(part(teaser, 'summary')!).direction).to.equal('rtl');
  });

  it('lets the text decide (dir="auto") where the language is unknown, and keeps left-to-right languages so', async () => {
    const unknown = await renderCard({ ...blogItem({ title: 'שלום עולם' }), language: undefined });
    expect(part(unknown, 'title')?.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(part(unknown, 'title')!).direction).to.equal('rtl');
    const serbian = await renderCard(blogItem({ title: 'Вести' }, 'sr-Cyrl'));
    expect(part(serbian, 'title')?.getAttribute('dir')).to.equal('ltr');
  });

  it('shows an embedded video as a link to its page, in the reader\'s language, never an iframe', async () => {
    const item = blogItem({ content_html: '<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315"></iframe>' });
    const card = mount(html`<div lang="sr-Cyrl"><mlo-article-card .article=${item} variant="full"></mlo-article-card></div>`).querySelector('mlo-article-card')!;
    await card.updateComplete;
    await waitUntil(() => part(card, 'body'), 'the body never rendered (the sanitiser is loaded on the first full article)');
    const body = part(card, 'body')!;
    expect(body.querySelectorAll('iframe').length).to.equal(0);
    const link = body.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://www.youtube.com/watch?v=abc123');
    expect(link?.textContent.replace(/\s+/g, ' ').trim()).to.equal('Видео: youtube.com');
  });
});
