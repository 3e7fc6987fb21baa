import { assert, aTimeout, expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
// Frames are rendered with fixtureSync: fixture() waits a requestAnimationFrame for non-Lit roots, which a
// page in the background may never get. The elements' updateComplete is awaited instead.
import type { MloArticleCard } from '../src/elements/article-card/article-card.js';
import '../src/elements/article-card/define.js';
import type { ArticleSelectEvent, FeedErrorEvent } from '../src/events.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { FeedItem } from '../src/feed/types.js';
import {
  SOURCE_ARTICLE_TITLE,
  SOURCE_ARTICLE_URL,
  dataArticle,
  examples,
  renderArticleCardExample,
  type ArticleCardExample,
} from '../fixtures/article-card.js';
import { deepActiveElement, expectInert, expectNoHorizontalOverflow, interceptNavigation, trapAlerts } from './helpers/dom.js';
import { realFetch, stubFetch } from './helpers/fetch.js';
import { nth } from './helpers/lists.js';
import { mountContainer } from './helpers/mount.js';
import { loadFullArticle } from '../src/elements/article-card/full-article-load.js';

declare global {
  interface Window {
    __xss?: string;
  }
}

interface Rendered {
  frame: HTMLElement;
  card: MloArticleCard;
  root: ShadowRoot;
}

async function renderCard(example: ArticleCardExample, { settle = true } = {}): Promise<Rendered> {
  const frame = fixtureSync<HTMLElement>(renderArticleCardExample(example));
  const card = frame.querySelector('mlo-article-card')!;
  await card.updateComplete;
  if (settle) {
    await waitUntil(() => !card.shadowRoot!.querySelector('[part~="skeleton"]'), 'the card never left its placeholder', { timeout: 5000 });
  }
  await card.updateComplete;
  return { frame, card, root: card.shadowRoot! };
}

function part(root: ParentNode, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('mlo-article-card', () => {
  afterEach(() => {
    clearFeedCache();
    delete window.__xss;
  });

  describe('teaser', () => {
    it('shows the image, the title as its one link, the date in <time>, the summary and the tags', async () => {
      const { root } = await renderCard(examples.teaser);
      const links = root.querySelectorAll('a');
      expect(links).to.have.length(1);
      const link = nth(links, 0);
      expect(link.getAttribute('part')).to.equal('link');
      expect(link.href).to.equal(SOURCE_ARTICLE_URL);
      expect(text(link)).to.equal(SOURCE_ARTICLE_TITLE);
      assert.exists(link.closest('h3'));
      expect(link.hasAttribute('target')).to.equal(false);

      const image = part(root, 'image') as HTMLImageElement;
      expect(image.getAttribute('loading')).to.equal('lazy');
      expect(image.getAttribute('width')).to.equal('1200');
      expect(image.getAttribute('height')).to.equal('800');
      expect(image.alt).to.equal('The Secretary General and the President of Serbia shake hands');
      expect(new URL(image.src).pathname).to.equal('/demo/feed/images/sg-president.svg');

      const time = root.querySelector('time')!;
      expect(time.textContent).to.equal('Nov 22 2023');
      expect(time.dateTime).to.equal('2023-11-22T09:00:00.000Z');
      expect(text(part(root, 'summary'))).to.match(/^NATO Secretary General Jens Stoltenberg met President/);
      expect([...root.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['Secretary General', 'Partnership']);
      expect(part(root, 'tags')!.getAttribute('aria-label')).to.equal('Tags');
    });

    it('is clickable anywhere through its title link, with no nested links', async () => {
      const { root } = await renderCard(examples.teaser);
      expect(root.querySelectorAll('a a, a button, button a')).to.have.length(0);
      for (const name of ['summary', 'media', 'tags']) {
        const rect = part(root, name)!.getBoundingClientRect();
        const hit = root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        expect(hit, `a click on the ${name}`).to.equal(root.querySelector('a'));
      }
    });

    it('keeps the image\'s aspect ratio: 16:9 box, covered, beside the text from 36em and above it below', async () => {
      const wide = await renderCard(examples.teaser);
      const wideImage = part(wide.root, 'media')!.getBoundingClientRect();
      const wideTitle = part(wide.root, 'title')!.getBoundingClientRect();
      expect(wideImage.right).to.be.at.most(wideTitle.left);
      expect(wideImage.width / wideImage.height).to.be.closeTo(16 / 9, 0.02);
      expect(getComputedStyle(part(wide.root, 'image')!).objectFit).to.equal('cover');

      const narrow = await renderCard(examples.teaserNarrow);
      const narrowImage = part(narrow.root, 'media')!.getBoundingClientRect();
      const narrowTitle = part(narrow.root, 'title')!.getBoundingClientRect();
      expect(narrowImage.bottom).to.be.at.most(narrowTitle.top);
      expect(narrowImage.width).to.be.closeTo(300, 1);
    });

    it('renders an item given as .article, and gates its URLs again (defence in depth)', async () => {
      const { root } = await renderCard(examples.teaserFromData);
      expect(text(part(root, 'link'))).to.equal('Newest item, given as data');

      const tampered: FeedItem = { ...dataArticle, url: 'javascript:window.__xss="url"', image: 'data:image/svg+xml,<svg onload=alert(1)>', externalUrl: 'JaVaScRiPt:alert(1)' };
      const card = await fixture<MloArticleCard>(html`<mlo-article-card .article=${tampered}></mlo-article-card>`);
      expect(card.shadowRoot!.querySelector('a')).to.equal(null);
      expect(card.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(part(card.shadowRoot!, 'title'))).to.equal('Newest item, given as data');
      expectInert(card.shadowRoot!);
    });

    it('shows a text excerpt in place of a missing title, and no summary repeating it', async () => {
      const { root } = await renderCard(examples.untitled);
      expect(text(part(root, 'link'))).to.equal('An item with no title: only plain text, which readers show as a short post.');
      expect(text(part(root, 'summary'))).to.equal('');
    });

    it('shows the title as text when the item has no URL', async () => {
      const { root } = await renderCard(examples.noLink);
      expect(root.querySelector('a')).to.equal(null);
      expect(text(part(root, 'title'))).to.equal('An item with no url');
    });

    it('uses heading-level for the title\'s heading', async () => {
      const { root } = await renderCard(examples.headingLevel);
      expect(part(root, 'title')!.localName).to.equal('h2');
      const card = await fixture<MloArticleCard>(html`<mlo-article-card heading-level="9" .article=${dataArticle}></mlo-article-card>`);
      expect(part(card.shadowRoot!, 'title')!.localName).to.equal('h3');
    });

    it('opens in a new tab with rel="noopener noreferrer" (the rule for every link) only when target is set', async () => {
      const { root } = await renderCard(examples.newTab);
      const link = part(root, 'link')!;
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    });

    it('moves focus to its title link when focused', async () => {
      const { card, root } = await renderCard(examples.teaser);
      card.focus();
      expect(deepActiveElement()).to.equal(part(root, 'link'));
    });
  });

  describe('headline', () => {
    it('shows only the title link and the date', async () => {
      const { root } = await renderCard(examples.headline);
      expect(part(root, 'image')).to.equal(null);
      expect(part(root, 'summary')).to.equal(null);
      expect(part(root, 'tags')).to.equal(null);
      expect(text(part(root, 'link'))).to.equal(SOURCE_ARTICLE_TITLE);
      expect(text(root.querySelector('time'))).to.equal('Nov 22 2023');
    });
  });

  describe('full', () => {
    it('shows the article as on the source page: date above the title, body, photos with credits, byline, tags', async () => {
      const { root } = await renderCard(examples.full);
      const title = part(root, 'title')!;
      expect(title.localName).to.equal('h1');
      expect(text(title)).to.equal(SOURCE_ARTICLE_TITLE);
      expect(root.querySelector('a[part~="link"]')).to.equal(null);
      const date = part(root, 'date')!;
      expect(date.textContent).to.equal('Nov 22 2023');
      expect(date.getBoundingClientRect().bottom).to.be.at.most(title.getBoundingClientRect().top + 1);

      const body = part(root, 'body')!;
      // The item has no language of its own: it has its feed's (JSON Feed).
      expect(body.lang).to.equal('en');
      expect(title.lang).to.equal('en');
      expect(body.querySelectorAll('p').length).to.be.at.least(4);
      expect(text(body)).to.contain('On Tuesday (21 November 2023), NATO Secretary General Jens Stoltenberg');
      assert.exists(body.querySelector('blockquote'));
      expect(body.querySelector('a')!.href).to.equal('https://www.nato.int/');

      // The first photo is already in the body; the other two follow it, each once, with caption and credit.
      const images = [...root.querySelectorAll('img')].map((img) => new URL(img.src).pathname);
      expect(images).to.deep.equal(['/demo/feed/images/sg-president.svg', '/demo/feed/images/sg-prime-minister.svg', '/demo/feed/images/sps-scientists.svg']);
      const photos = root.querySelectorAll('[part~="photo"]');
      expect(photos).to.have.length(2);
      expect(text(nth(photos, 0).querySelector('figcaption'))).to.equal('NATO Secretary General meeting with the Prime Minister of Serbia (Source: NATO Website)');
      expect(text(part(nth(photos, 0), 'credit'))).to.equal('(Source: NATO Website)');
      expect((nth(photos, 0).querySelector('img') as HTMLImageElement).alt).to.equal('The Secretary General and the Prime Minister of Serbia at a table');

      const byline = part(root, 'byline')!;
      expect(text(byline)).to.equal('Story by MLO Belgrade (originally posted on NATO HQ website)');
      const source = part(byline, 'source-link') as HTMLAnchorElement;
      expect(source.href).to.equal('https://www.nato.int/');
      expect(text(source)).to.equal('NATO HQ website');
      expect([...root.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['Secretary General', 'Partnership']);
    });

    it('offers attachments as download links with type and size', async () => {
      const { root } = await renderCard(examples.fullWithDownloads);
      const downloads = part(root, 'downloads')!;
      expect(text(downloads.querySelector('h2'))).to.equal('Downloads');
      const link = part(downloads, 'download') as HTMLAnchorElement;
      expect(new URL(link.href).pathname).to.equal('/demo/feed/images/river-sensors.svg');
      expect(link.hasAttribute('download')).to.equal(true);
      expect(text(link)).to.equal('Map of the sensor network (SVG, 1 kB)');
      expect(text(part(root, 'byline'))).to.equal('Story by MLO Belgrade');
    });

    it('sets the body\'s lang from the item and speaks Serbian Latin around it', async () => {
      const { root } = await renderCard(examples.serbianLatin);
      expect(part(root, 'body')!.lang).to.equal('sr-Latn');
      expect(part(root, 'title')!.lang).to.equal('sr-Latn');
      expect(part(root, 'date')!.textContent).to.equal('22. nov 2023.');
      expect(text(part(root, 'byline'))).to.equal('Tekst: MLO Beograd (prvobitno objavljeno na: sajt sedišta NATO-a)');
    });

    it('sanitises once per item, not on every render', async () => {
      const { card, root } = await renderCard(examples.full);
      const body = part(root, 'body');
      const paragraph = body!.querySelector('p');
      card.headingLevel = 2;
      await card.updateComplete;
      expect(part(root, 'title')!.localName).to.equal('h2');
      expect(part(root, 'body')).to.equal(body);
      expect(body!.querySelector('p')).to.equal(paragraph);
    });

    it('renders a real JSON Feed 1.0 article with its links and headings', async () => {
      const { root } = await renderCard(examples.realWorld);
      expect(text(part(root, 'title'))).to.equal('Announcing JSON Feed');
      const body = part(root, 'body')!;
      assert.exists(body.querySelector('a[href="http://cyber.harvard.edu/rss/rss.html"]'));
      // JSON Feed 1.0's feed-level author stands for the item's.
      expect(text(part(root, 'byline'))).to.equal('Story by Brent Simmons and Manton Reece');
    });

    it('renumbers the body\'s headings to sit under the title', async () => {
      const article: FeedItem = { ...dataArticle, contentHtml: '<h4>Four</h4><p>a</p><h6>Six</h6><p>b</p><h4>Four again</h4>' };
      const card = await fixture<MloArticleCard>(html`<mlo-article-card variant="full" heading-level="2" .article=${article}></mlo-article-card>`);
      const headings = [...part(card.shadowRoot!, 'body')!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`);
      expect(headings).to.deep.equal(['h3 Four', 'h4 Six', 'h3 Four again']);
      card.headingLevel = 1;
      await card.updateComplete;
      const renumbered = [...part(card.shadowRoot!, 'body')!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.localName);
      expect(renumbered).to.deep.equal(['h2', 'h3', 'h2']);
    });

    it('names an untitled article by its text', async () => {
      const { root } = await renderCard(examples.untitledFull);
      expect(text(part(root, 'title'))).to.equal('Only HTML content & no title, no summary, no text.');
      expect(part(root, 'body')!.querySelector('strong')!.textContent).to.equal('HTML');
    });

    /** A feed of one short full article, answered when the test says so. */
    function heldFeed(): { release(): void } {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Short', items: [{ id: 'short', title: 'A short one', content_html: '<p>One paragraph.</p>' }] };
      stubFetch(async () => {
        await gate;
        return new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/feed+json' } });
      });
      return { release };
    }

    it('a short article replacing its placeholder keeps the room down to the screen\'s bottom: nothing below moves into view', async () => {
      const feed = heldFeed();
      const container = mountContainer();
      const card = document.createElement('mlo-article-card');
      card.variant = 'full';
      card.src = '/held-short.json';
      const below = document.createElement('p');
      below.textContent = 'The page goes on.';
      container.append(card, below);
      await card.updateComplete;
      const placeholder = card.getBoundingClientRect();
      const belowBefore = below.getBoundingClientRect().top;
      expect(placeholder.height, 'the placeholder is the first screen').to.be.closeTo(window.innerHeight, 2);
      feed.release();
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="body"]'), 'the article never rendered', { timeout: 5000 });
      const article = card.getBoundingClientRect();
      const belowAfter = below.getBoundingClientRect().top;
      // Below the fold it was, below the fold it stays (or where it was, when the placeholder ended on screen).
      expect(belowAfter).to.be.at.least(Math.min(belowBefore, window.innerHeight) - 1);
      expect(article.height, 'no taller than the placeholder').to.be.at.most(placeholder.height + 1);
      expect(article.height, 'down to the bottom of the screen').to.be.closeTo(Math.min(placeholder.height, Math.max(0, window.innerHeight - placeholder.top)), 2);
    });

    it('an article rendered at once (no placeholder shown) keeps no extra room', async () => {
      await loadFullArticle();
      const card = document.createElement('mlo-article-card');
      card.variant = 'full';
      card.article = dataArticle;
      mountContainer().append(card);
      await card.updateComplete;
      const article = part(card.shadowRoot!, 'card')!;
      expect(getComputedStyle(article).minBlockSize).to.be.oneOf(['auto', '0px']);
      expect(card.getBoundingClientRect().height).to.be.below(window.innerHeight);
    });
  });

  describe('finding the item', () => {
    it('matches article-id against the item\'s url too', async () => {
      const { root } = await renderCard(examples.byUrl);
      expect(text(part(root, 'link'))).to.equal(SOURCE_ARTICLE_TITLE);
    });

    it('shows the newest item without article-id', async () => {
      const { root } = await renderCard(examples.newest);
      expect(text(part(root, 'link'))).to.equal(SOURCE_ARTICLE_TITLE);
    });

    it('follows next_url to an article on a later page', async () => {
      const { root } = await renderCard(examples.olderPage);
      expect(text(part(root, 'link'))).to.equal('Women, Peace and Security conference');
    });

    it('says so, with Retry, when the feed has no such article', async () => {
      const { root } = await renderCard(examples.notFound);
      const alert = root.querySelector('[role="alert"]')!;
      expect(text(part(alert, 'error-title'))).to.equal('The news article was not found');
      expect(text(part(alert, 'error-message'))).to.contain('article-id');
      let requests = 0;
      stubFetch((input, init) => {
        requests += 1;
        return realFetch(input, init);
      });
      part(alert, 'retry-button')!.click();
      await waitUntil(() => requests === 1 && root.querySelector('[role="alert"]'), 'Retry did not ask the network again', { timeout: 5000 });
    });

    it('shows the fetch error in words, with Retry, and fires mlo-feed-error', async () => {
      const errorEvent = oneEvent<FeedErrorEvent>(document, 'mlo-feed-error');
      const { root } = await renderCard(examples.error);
      const event = await errorEvent;
      expect(event.detail.error.kind).to.equal('http');
      expect(event.detail.error.status).to.equal(404);
      const alert = root.querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('The news feed was not found (HTTP 404). Check the address in the src attribute.');
      assert.exists(part(alert, 'retry-button'));
    });

    it('fetches a feed once for a list of cards on one page', async () => {
      let requests = 0;
      stubFetch((input, init) => {
        requests += 1;
        return realFetch(input, init);
      });
      const frame = fixtureSync<HTMLElement>(html`<div>
        ${renderArticleCardExample(examples.teaser)}${renderArticleCardExample(examples.full)}${renderArticleCardExample(examples.headline)}
      </div>`);
      const cards = [...frame.querySelectorAll('mlo-article-card')];
      await Promise.all(cards.map((card) => card.updateComplete));
      await waitUntil(() => cards.every((card) => !card.shadowRoot!.querySelector('[part~="skeleton"]')), 'cards never loaded', { timeout: 5000 });
      expect(requests).to.equal(1);
    });
  });

  describe('before data arrives', () => {
    it('shows a busy placeholder of the teaser\'s final size', async () => {
      const { card, root } = await renderCard(examples.loading, { settle: false });
      const placeholder = root.querySelector('[aria-busy="true"]')!;
      assert.exists(placeholder);
      expect(text(placeholder)).to.equal('Loading news…');
      const skeletonHeight = card.getBoundingClientRect().height;
      card.article = dataArticle;
      await card.updateComplete;
      expect(card.getBoundingClientRect().height).to.be.closeTo(skeletonHeight, 2);
    });
  });

  describe('mlo-article-select', () => {
    it('fires with the item and URL when the reader opens the link, and lets it open', async () => {
      const { card, root } = await renderCard(examples.teaser);
      const navigation = interceptNavigation();
      try {
        const selected = oneEvent<ArticleSelectEvent>(card, 'mlo-article-select');
        part(root, 'link')!.click();
        const event = await selected;
        expect(event.detail.item.id).to.equal('secretary-general-visits-belgrade');
        expect(event.detail.url).to.equal(SOURCE_ARTICLE_URL);
        expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
        expect(navigation.prevented).to.deep.equal([false]);
      } finally {
        navigation.stop();
      }
    });

    it('keeps the link from opening when a listener cancels it', async () => {
      const { card, root } = await renderCard(examples.teaser);
      const navigation = interceptNavigation();
      card.addEventListener('mlo-article-select', (event) => event.preventDefault(), { once: true });
      try {
        part(root, 'link')!.click();
        expect(navigation.prevented).to.deep.equal([true]);
      } finally {
        navigation.stop();
      }
    });

    it('leaves modifier clicks (new tab or window) to the browser', async () => {
      const { card, root } = await renderCard(examples.teaser);
      const navigation = interceptNavigation();
      let fired = 0;
      card.addEventListener('mlo-article-select', () => (fired += 1));
      try {
        for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey'] as const) {
          part(root, 'link')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, [modifier]: true }));
        }
        expect(fired).to.equal(0);
        expect(navigation.prevented).to.deep.equal([false, false, false]);
      } finally {
        navigation.stop();
      }
    });
  });

  describe('hostile feed', () => {
    trapAlerts();

    it('renders every field of the hostile item inert, in both variants, and shows markup as text', async () => {
      for (const example of [examples.hostileTeaser, examples.hostileFull]) {
        const { root } = await renderCard(example);
        expectInert(root);
        expect(text(part(root, 'title'))).to.equal('<img src=x onerror=alert(1)>Title');
        // Unsafe URLs are dropped: no link, no image.
        expect(root.querySelector('a[part~="link"], [part~="media"] img')).to.equal(null);
        expect([...root.querySelectorAll('[part~="tag"]')].map(text)).to.deep.equal(['"><svg onload=alert(1)>', '<script>alert("tag")</script>', 'News']);
      }
      await aTimeout(300);
      expect(window.__xss).to.equal(undefined);
    });

    it('keeps the full article\'s byline, source and body inert', async () => {
      const { root } = await renderCard(examples.hostileFull);
      expect(text(part(root, 'byline'))).to.equal(
        'Story by <a href="javascript:alert(\'byline\')">MLO Belgrade</a><script>alert("byline")</script> (originally posted on <img src=x onerror=alert("source")>NATO HQ website)',
      );
      expect(part(root, 'source-link')).to.equal(null);
      expect(part(root, 'downloads')).to.equal(null);
      expect(root.querySelectorAll('[part~="photo"]')).to.have.length(0);
      const body = part(root, 'body')!;
      expect(text(body)).to.contain('Paragraph with onclick and style.');
      expect(body.querySelectorAll('a[href]')).to.have.length(0);
    });

    it('never runs payloads in any field of an item given as data', async () => {
      const payload = (field: string) => `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script>`;
      const article: FeedItem = {
        ...dataArticle,
        title: payload('title'),
        summary: payload('summary'),
        contentHtml: `<p>Body</p>${payload('content')}<a href="javascript:window.__xss='href'">link</a><svg onload="window.__xss='svg'"></svg>`,
        tags: [payload('tag')],
        authors: [{ name: payload('author') }],
        mlo: { byline: payload('byline'), originalSource: payload('source'), photos: [{ url: '/demo/feed/images/kfor.svg', alt: payload('alt'), caption: payload('caption'), credit: payload('credit') }] },
        attachments: [{ url: '/demo/feed/images/kfor.svg', mimeType: 'image/svg+xml', title: payload('attachment') }],
      };
      for (const variant of ['teaser', 'headline', 'full'] as const) {
        const card = await fixture<MloArticleCard>(html`<mlo-article-card variant=${variant} .article=${article}></mlo-article-card>`);
        expectInert(card.shadowRoot!);
        expect(text(part(card.shadowRoot!, 'title'))).to.equal(payload('title'));
        for (const link of card.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="body"] a')) link.click();
      }
      await aTimeout(300);
      expect(window.__xss).to.equal(undefined);
    });

    it('wraps an absurdly long unbroken title at 280 px instead of overflowing', async () => {
      const { frame, card } = await renderCard(examples.hostileLongTitle);
      expect(card.getBoundingClientRect().width).to.be.at.most(280);
      expectNoHorizontalOverflow(frame);
    });
  });

  describe('accessibility', () => {
    for (const [name, example] of Object.entries(examples)) {
      it(`passes axe: ${name}`, async () => {
        const { card } = await renderCard(example, { settle: name !== 'loading' });
        await expect(card).to.be.accessible();
      });
    }
  });
});
