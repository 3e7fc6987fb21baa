import { assert, aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../src/feed/load.js';
import type { MloBreadcrumb } from '../src/elements/breadcrumb/breadcrumb.js';
import type { FeedErrorEvent, FeedLoadEvent } from '../src/events.js';
import '../src/elements/breadcrumb/define.js';
import {
  ARTICLE_FEED,
  DEMO_ARTICLE_ID,
  LONG_NAME,
  SOURCE_ARTICLE_ID,
  SOURCE_ARTICLE_TITLE,
  examples,
  renderBreadcrumbExample,
  type BreadcrumbExample,
} from '../fixtures/breadcrumb.js';
import { failFirstFetch, gateFetch, realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { mount } from './helpers/mount.js';
import { nth } from './helpers/lists.js';

const ARCHIVE = 'https://www.example.org/mlo-belgrade/newsroom/archive/';


async function settled(el: MloBreadcrumb): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="loading"]'), 'the breadcrumb never finished loading', { timeout: 5000 });
  await el.updateComplete;
}

async function renderExample(example: BreadcrumbExample): Promise<MloBreadcrumb> {
  const frame = mount(renderBreadcrumbExample(example));
  const el = frame.querySelector('mlo-breadcrumb')!;
  await settled(el);
  return el;
}

function isShown(node: Element): boolean {
  return node.getClientRects().length > 0;
}

/** Every step the element renders (shown or collapsed), as the reader would read them. */
function steps(el: MloBreadcrumb): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="link"], [part~="text"], [part~="current"]')];
}

function stepNames(el: MloBreadcrumb): string[] {
  return steps(el).map((step) => step.textContent.trim());
}

function shownStepNames(el: MloBreadcrumb): string[] {
  return steps(el).filter(isShown).map((step) => step.textContent.trim());
}

interface BreadcrumbJsonLd {
  '@type': string;
  itemListElement: { '@type': string; position: number; name: string; item?: string }[];
}

function jsonLd(el: MloBreadcrumb): BreadcrumbJsonLd | undefined {
  const script = el.querySelector(':scope > script[type="application/ld+json"][data-mlo-json-ld]');
  return script ? (JSON.parse(script.textContent) as BreadcrumbJsonLd) : undefined;
}

function expandButton(el: MloBreadcrumb): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="expand-button"]')!;
}

describe('mlo-breadcrumb', () => {
  afterEach(() => clearFeedCache());

  describe('from its children', () => {
    it('shows the source page path in a named nav around an ordered list, the current page last and unlinked', async () => {
      const el = await renderExample(examples.default);
      const nav = el.shadowRoot!.querySelector('nav')!;
      expect(nav.getAttribute('aria-label')).to.equal('Breadcrumb');
      assert.exists(nav.querySelector('ol'));
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', '2023', SOURCE_ARTICLE_TITLE]);
      const links = [...el.shadowRoot!.querySelectorAll('a')];
      expect(links.map((a) => a.href)).to.deep.equal(['/', '/newsroom', '/newsroom/archive', '/newsroom/archive/2023'].map((path) => new URL(path, document.baseURI).href));
      const current = el.shadowRoot!.querySelector('[aria-current]')!;
      expect(current.getAttribute('aria-current')).to.equal('page');
      expect(current.textContent.trim()).to.equal(SOURCE_ARTICLE_TITLE);
      expect(current.closest('a')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[aria-current]')).to.have.length(1);
    });

    it('keeps its children in the page for search engines and no-JavaScript readers, without showing them twice', async () => {
      const el = await renderExample(examples.default);
      const children = [...el.querySelectorAll(':scope > a, :scope > span')];
      expect(children).to.have.length(5);
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
      for (const child of children) expect(isShown(child), child.textContent).to.equal(false);
    });

    it('reads a <nav><ol><li> list and ignores the separators hidden from assistive technology', async () => {
      const el = await renderExample(examples.listMarkup);
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', '2023', SOURCE_ARTICLE_TITLE]);
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(4);
    });

    it('re-renders when the children change: text, links, added and removed steps', async () => {
      const el = await renderExample(examples.default);
      const newsroom = el.querySelector<HTMLAnchorElement>(':scope > a[href="/newsroom"]')!;

      newsroom.textContent = 'Press room';
      await waitUntil(() => stepNames(el)[1] === 'Press room', 'a text change was not shown');

      newsroom.setAttribute('href', '/press');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('a')[1]?.href === new URL('/press', document.baseURI).href, 'an href change was not shown');

      newsroom.setAttribute('href', 'javascript:alert(1)');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('a').length === 3, 'a javascript: href was kept as a link');
      expect(nth(steps(el), 1).getAttribute('part')).to.equal('text');

      const extra = Object.assign(document.createElement('a'), { href: '/extra', textContent: 'Extra' });
      el.insertBefore(extra, el.querySelector(':scope > span'));
      await waitUntil(() => stepNames(el).includes('Extra'), 'an added step was not shown');
      expect(stepNames(el).at(-1)).to.equal(SOURCE_ARTICLE_TITLE);

      el.querySelector(':scope > span')!.remove();
      await waitUntil(() => stepNames(el).at(-1) === 'Extra', 'a removed step was still shown');
      expect(steps(el).at(-1)!.getAttribute('aria-current')).to.equal('page');
      expect(jsonLd(el)!.itemListElement.at(-1)!.name).to.equal('Extra');
    });

    it('says so, visibly, when it has neither children nor a feed', async () => {
      const el = await renderExample(examples.empty);
      const message = el.shadowRoot!.querySelector('[part~="empty"]')!;
      expect(message.getAttribute('role')).to.equal('status');
      expect(message.textContent).to.contain('The breadcrumb is empty');
      expect(jsonLd(el)).to.equal(undefined);
    });

    it('takes its accessible name from the label attribute', async () => {
      const el = await renderExample(examples.customLabel);
      expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('You are here');
    });
  });

  describe('separators', () => {
    it('are drawn in CSS with empty alternative text, between steps only', async () => {
      const el = await renderExample(examples.default);
      const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.item:not(.item--toggle)')];
      expect(getComputedStyle(nth(items, 0), '::before').content).to.equal('none');
      const content = getComputedStyle(nth(items, 1), '::before').content;
      expect(content).to.equal('"/" / ""');
      // Nothing in the DOM a screen reader could read out as "slash".
      expect(el.shadowRoot!.querySelector('ol')!.textContent).not.to.contain('/');
    });

    it('mirror on a right-to-left page, and the path runs from the right', async () => {
      const ltr = await renderExample(examples.default);
      const ltrItems = ltr.shadowRoot!.querySelectorAll<HTMLElement>('li.item:not(.item--toggle)');
      expect(getComputedStyle(nth(ltrItems, 1), '::before').transform).to.equal('none');
      expect(nth(ltrItems, 1).getBoundingClientRect().left).to.be.greaterThan(nth(ltrItems, 0).getBoundingClientRect().left);

      const rtl = await renderExample(examples.rightToLeft);
      const rtlItems = rtl.shadowRoot!.querySelectorAll<HTMLElement>('li.item:not(.item--toggle)');
      expect(getComputedStyle(nth(rtlItems, 1), '::before').transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(nth(rtlItems, 1).getBoundingClientRect().right).to.be.lessThan(nth(rtlItems, 0).getBoundingClientRect().right);
    });
  });

  describe('JSON-LD', () => {
    it('writes a schema.org BreadcrumbList with positions and absolute URLs into the light DOM', async () => {
      const el = await renderExample(examples.default);
      const data = jsonLd(el)!;
      expect(data['@type']).to.equal('BreadcrumbList');
      expect((data as unknown as Record<string, unknown>)['@context']).to.equal('https://schema.org');
      expect(data.itemListElement.map((entry) => entry.position)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(data.itemListElement.map((entry) => entry['@type'])).to.deep.equal(Array(5).fill('ListItem'));
      expect(data.itemListElement[0]).to.deep.equal({ '@type': 'ListItem', position: 1, name: 'MLO Belgrade', item: new URL('/', document.baseURI).href });
      expect(nth(data.itemListElement, 3).item).to.equal(new URL('/newsroom/archive/2023', document.baseURI).href);
      expect(data.itemListElement[4]).to.deep.equal({ '@type': 'ListItem', position: 5, name: SOURCE_ARTICLE_TITLE });
    });

    it('is not read back as a step, and is written once', async () => {
      const el = await renderExample(examples.default);
      el.querySelector(':scope > a')!.textContent = 'Home';
      await waitUntil(() => jsonLd(el)?.itemListElement[0]?.name === 'Home', 'the JSON-LD did not follow the children');
      await aTimeout(50);
      expect(stepNames(el)).to.have.length(5);
      expect(el.querySelectorAll('script[data-mlo-json-ld]')).to.have.length(1);
    });

    it('is left out with no-json-ld, and removed when the attribute is added later', async () => {
      const off = await renderExample(examples.noJsonLd);
      expect(off.querySelector('script')).to.equal(null);
      expect(stepNames(off)).to.have.length(5);

      const on = await renderExample(examples.default);
      assert.exists(jsonLd(on));
      on.setAttribute('no-json-ld', '');
      await on.updateComplete;
      expect(on.querySelector('script')).to.equal(null);
      on.removeAttribute('no-json-ld');
      await on.updateComplete;
      expect(jsonLd(on)!.itemListElement).to.have.length(5);
    });

    it('escapes markup so that a name cannot end the script block', async () => {
      const el = await renderExample(examples.hostile);
      const script = el.querySelector('script[data-mlo-json-ld]')!;
      expect(script.textContent).not.to.contain('<');
      expect(nth(jsonLd(el)!.itemListElement, 2).name).to.equal('<img src=x onerror=alert("name")>');
    });
  });

  describe('from a feed item', () => {
    it('builds the source article path: trail, archive year linked to its archive page, title', async () => {
      const el = await renderExample(examples.fromFeed);
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', '2023', SOURCE_ARTICLE_TITLE]);
      const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.href);
      expect(links).to.deep.equal([
        'https://www.example.org/mlo-belgrade/',
        'https://www.example.org/mlo-belgrade/newsroom/',
        ARCHIVE,
        `${ARCHIVE}2023/`,
      ]);
      expect(steps(el).at(-1)!.getAttribute('aria-current')).to.equal('page');
      const data = jsonLd(el)!;
      expect(data.itemListElement.map((entry) => entry.position)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(nth(data.itemListElement, 4).item).to.equal(`${ARCHIVE}2023/secretary-general-visits-belgrade`);
    });

    it("reads the demo feed's source article, in English and in Serbian Cyrillic", async () => {
      const english = await renderExample(examples.demoFeed);
      expect(stepNames(english)).to.deep.equal([
        'MLO Belgrade',
        'Newsroom',
        'News Archive',
        '2023',
        'Secretary General Visits Belgrade, underlines the importance of NATO’s partnership with Serbia',
      ]);
      expect(nth(english.shadowRoot!.querySelectorAll('a'), 3).href).to.equal('https://mlo-belgrade.example/newsroom/news-archive/2023');
      expect(nth(jsonLd(english)!.itemListElement, 4).item).to.equal(DEMO_ARTICLE_ID);

      const cyrillic = await renderExample(examples.demoFeedCyrillic);
      expect(stepNames(cyrillic)).to.deep.equal([
        'МЛО Београд',
        'Медијски центар',
        'Архива вести',
        '2023',
        'Генерални секретар у посети Београду истакао значај партнерства НАТО-а са Србијом',
      ]);
      expect(shownStepNames(cyrillic)).to.deep.equal(['МЛО Београд', '2023', 'Генерални секретар у посети Београду истакао значај партнерства НАТО-а са Србијом']);
      expect(expandButton(cyrillic).getAttribute('aria-label')).to.equal('Прикажи целу путању');
    });

    it('finds the article by its url too, as mlo-article-card does', async () => {
      const el = await renderExample({ ...examples.fromFeed, articleId: `${ARCHIVE}2019/../2023/secretary-general-visits-belgrade` });
      expect(stepNames(el).at(-1)).to.equal(SOURCE_ARTICLE_TITLE);
    });

    it('takes the editorial archive year, not the one in the address', async () => {
      const el = await renderExample(examples.editorialYear);
      expect(stepNames(el)[3]).to.equal('2019');
      expect(nth(el.shadowRoot!.querySelectorAll('a'), 3).href).to.equal(`${ARCHIVE}2019/`);
    });

    it('shows the publication year unlinked when the feed lists no archive page for it', async () => {
      const el = await renderExample(examples.yearWithoutArchivePage);
      expect(stepNames(el)[3]).to.equal('2021');
      expect(nth(steps(el), 3).getAttribute('part')).to.equal('text');
      expect(jsonLd(el)!.itemListElement[3]).not.to.have.property('item');
    });

    it('names an untitled item by the start of its text, and leaves out a year it cannot know', async () => {
      const untitled = await renderExample(examples.untitled);
      expect(stepNames(untitled).at(-1)).to.match(/^A short post with no title/);

      const undated = await renderExample({ description: '', src: ARTICLE_FEED, articleId: 'undated-article' });
      expect(stepNames(undated)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', 'An undated article with no archive year']);
    });

    it('shows the trail alone, its last step current, without article-id', async () => {
      const el = await renderExample(examples.trailOnly);
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive']);
      expect(steps(el).at(-1)!.getAttribute('aria-current')).to.equal('page');
    });

    it('follows next_url to find an article on a later page', async () => {
      const el = await renderExample(examples.pagedFeed);
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', '2016', 'An older article found on the second page']);
      expect(nth(el.shadowRoot!.querySelectorAll('a'), 3).href).to.equal(`${ARCHIVE}2016/`);
    });

    it('fires mlo-feed-load', async () => {
      const frame = mount(renderBreadcrumbExample({ description: '', articleId: SOURCE_ARTICLE_ID }));
      const el = frame.querySelector('mlo-breadcrumb')!;
      const loaded = oneEvent<FeedLoadEvent>(el, 'mlo-feed-load');
      el.src = ARTICLE_FEED;
      const event = await loaded;
      expect(event.detail.itemCount).to.equal(5);
    });

    it('shares one request with other elements reading the same feed', async () => {
      const requested: string[] = [];
      stubFetch((input, init) => {
        requested.push(requestUrl(input));
        return realFetch(input, init);
      });
      const frame = mount(
        renderBreadcrumbExample({ description: '', src: ARTICLE_FEED, articleId: SOURCE_ARTICLE_ID }),
      );
      const second = document.createElement('mlo-breadcrumb');
      second.src = ARTICLE_FEED;
      second.articleId = 'archive-year-differs-from-url';
      frame.append(second);
      const first = frame.querySelector('mlo-breadcrumb')!;
      await settled(first);
      await settled(second);
      expect(stepNames(first)[3]).to.equal('2023');
      expect(stepNames(second)[3]).to.equal('2019');
      expect(requested.filter((url) => url.endsWith('breadcrumb-article.json'))).to.have.length(1);
    });

    it('shows a skeleton line of the final height while loading, announced as a status', async () => {
      const gate = gateFetch();
      const frame = mount(renderBreadcrumbExample(examples.fromFeed));
      const el = frame.querySelector('mlo-breadcrumb')!;
      await el.updateComplete;
      const loading = el.shadowRoot!.querySelector('[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.textContent).to.contain('Loading the breadcrumb');
      const skeletonHeight = el.shadowRoot!.querySelector('[part~="skeleton"]')!.getBoundingClientRect().height;
      gate.release();
      await settled(el);
      const stepHeight = nth(steps(el), 0).getBoundingClientRect().height;
      expect(skeletonHeight).to.be.greaterThan(0);
      expect(skeletonHeight).to.equal(stepHeight);
    });
  });

  describe('bad data', () => {
    it('says which article is missing, in an alert with Retry', async () => {
      const el = await renderExample(examples.notFound);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('“no-such-article”');
      const retry = alert.querySelector<HTMLButtonElement>('button')!;
      expect(retry.textContent.trim()).to.equal('Retry');
      retry.click();
      await el.updateComplete;
      assert.exists(el.shadowRoot!.querySelector('[part~="loading"]'), 'Retry asked the network again');
      await settled(el);
      assert.exists(el.shadowRoot!.querySelector('[role="alert"]'));
      expect(el.querySelector('script')).to.equal(null);
    });

    it('explains a 404 in an alert with Retry, and fires mlo-feed-error', async () => {
      const frame = mount(renderBreadcrumbExample({ description: '' }));
      const el = frame.querySelector('mlo-breadcrumb')!;
      const failed = oneEvent<FeedErrorEvent>(el, 'mlo-feed-error');
      el.src = examples.error.src;
      el.articleId = examples.error.articleId;
      const event = await failed;
      expect(event.detail.error.kind).to.equal('http');
      await settled(el);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('HTTP 404');
      expect(alert.querySelector('button')!.textContent.trim()).to.equal('Retry');
    });

    it('says an HTML page is not a feed', async () => {
      const el = await renderExample(examples.notAFeed);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('web page, not a news feed');
    });

    it('recovers when Retry succeeds', async () => {
      failFirstFetch(() => Promise.resolve(new Response('Service Unavailable', { status: 503 })));
      const el = await renderExample(examples.fromFeed);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('HTTP 503');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => stepNames(el).length === 5, 'Retry did not show the path');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('says so when the feed has no trail to show', async () => {
      const el = await renderExample(examples.feedWithoutTrail);
      expect(el.shadowRoot!.querySelector('[part~="empty"]')!.textContent).to.contain('no breadcrumb trail');
    });

    it('never links javascript: or data: children, and keeps markup in names as text', async () => {
      const el = await renderExample(examples.hostile);
      const links = [...el.shadowRoot!.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([new URL('/newsroom/archive', document.baseURI).href]);
      expect(stepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', '<img src=x onerror=alert("name")>', 'Safe link', '"><svg onload=alert("current")>']);
      expect(el.shadowRoot!.querySelector('img, svg, script:not([data-mlo-json-ld])')).to.equal(null);
      const entries = jsonLd(el)!.itemListElement;
      expect(entries.filter((entry) => entry.item).map((entry) => entry.position)).to.deep.equal([4]);
    });

    it('renders the hostile feed inert: no unsafe links, no markup', async () => {
      const el = await renderExample(examples.hostileFeed);
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
      expect(stepNames(el)).to.deep.equal([
        'MLO Belgrade<script>alert("trail")</script>',
        '"><svg onload=alert("trail2")>',
        'News Archive',
        '2023',
        '<img src=x onerror=alert(1)>Title',
      ]);
      expect(el.shadowRoot!.querySelector('img, svg, script, iframe')).to.equal(null);
      expect(el.querySelector('script[data-mlo-json-ld]')!.textContent).not.to.match(/javascript|</i);
    });

    for (const name of ['longName', 'hostileLongTitle'] as const) {
      it(`wraps an absurdly long name without overflowing 280 px (${name})`, async () => {
        const el = await renderExample(examples[name]);
        expect(el.getBoundingClientRect().width).to.equal(280);
        const nav = el.shadowRoot!.querySelector('nav')!;
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        expect(nav.scrollWidth).to.be.at.most(nav.clientWidth);
        const current = el.shadowRoot!.querySelector<HTMLElement>('[aria-current="page"]')!;
        expect(current.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        expect(current.getBoundingClientRect().height).to.be.greaterThan(100);
      });
    }
    it('the long-name example really is long', () => {
      expect(LONG_NAME.length).to.be.greaterThan(200);
    });
  });

  describe('in a narrow container', () => {
    it('collapses to the first step, a "Show full path" button and the last two', async () => {
      const el = await renderExample(examples.narrow);
      expect(shownStepNames(el)).to.deep.equal(['MLO Belgrade', '2023', SOURCE_ARTICLE_TITLE]);
      const button = expandButton(el);
      expect(isShown(button)).to.equal(true);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-label')).to.equal('Show full path');
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    });

    it('expands the rest when the button is pressed, and moves focus to the first revealed step', async () => {
      const el = await renderExample(examples.narrow);
      expandButton(el).click();
      await el.updateComplete;
      expect(shownStepNames(el)).to.deep.equal(['MLO Belgrade', 'Newsroom', 'News Archive', '2023', SOURCE_ARTICLE_TITLE]);
      expect(isShown(expandButton(el))).to.equal(false);
      await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus was lost');
      expect(el.shadowRoot!.activeElement!.textContent.trim()).to.equal('Newsroom');
    });

    it('shows everything and no button when the container is wide', async () => {
      const el = await renderExample(examples.default);
      expect(shownStepNames(el)).to.have.length(5);
      expect(isShown(expandButton(el))).to.equal(false);
    });

    it('does not collapse a path of three steps', async () => {
      const el = await renderExample({ ...examples.customLabel, width: '280px' });
      expect(shownStepNames(el)).to.have.length(3);
      expect(el.shadowRoot!.querySelector('[part~="expand-button"]')).to.equal(null);
    });
  });

  describe('theming', () => {
    let sheet: HTMLStyleElement;
    beforeEach(() => {
      sheet = Object.assign(document.createElement('style'), {
        textContent: `
          mlo-breadcrumb.themed { --mlo-breadcrumb-separator-color: rgb(200, 0, 0); --mlo-breadcrumb-current-color: rgb(0, 90, 0); --mlo-color-link: rgb(0, 0, 150); }
          mlo-breadcrumb.themed::part(link) { text-transform: uppercase; }
        `,
      });
      document.head.append(sheet);
    });
    afterEach(() => sheet.remove());

    it('follows the --mlo-* custom properties and ::part() rules of the page', async () => {
      const el = await renderExample(examples.default);
      el.classList.add('themed');
      const items = el.shadowRoot!.querySelectorAll<HTMLElement>('li.item:not(.item--toggle)');
      expect(getComputedStyle(nth(items, 1), '::before').color).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="current"]')!).color).to.equal('rgb(0, 90, 0)');
      const link = el.shadowRoot!.querySelector('[part~="link"]')!;
      expect(getComputedStyle(link).color).to.equal('rgb(0, 0, 150)');
      expect(getComputedStyle(link).textTransform).to.equal('uppercase');
    });

    it('keeps every link at least 24 px high, whatever the font size', async () => {
      const el = await renderExample(examples.default);
      el.style.setProperty('--mlo-font-size', '12px');
      for (const link of el.shadowRoot!.querySelectorAll('a')) {
        expect(link.getBoundingClientRect().height, link.textContent).to.be.at.least(24);
        expect(link.getBoundingClientRect().width, link.textContent).to.be.at.least(24);
      }
    });
  });

  describe('languages', () => {
    it('names the landmark and the button in Serbian Latin and Cyrillic', async () => {
      const latin = await renderExample(examples.serbianLatin);
      expect(latin.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Navigaciona putanja');
      expect(expandButton(latin).getAttribute('aria-label')).to.equal('Prikaži celu putanju');

      const cyrillic = await renderExample(examples.serbianCyrillic);
      expect(cyrillic.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Навигациона путања');
      expect(expandButton(cyrillic).getAttribute('aria-label')).to.equal('Прикажи целу путању');
    });

    it('follows a change of the page language', async () => {
      const el = await renderExample(examples.default);
      el.parentElement!.setAttribute('lang', 'sr-Cyrl');
      await waitUntil(() => el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label') === 'Навигациона путања', 'the language change was not followed');
    });
  });

  describe('accessibility', () => {
    // The loading example never settles by design; test/loading-examples.test.ts checks it.
    for (const [name, example] of Object.entries(examples).filter(([name]) => name !== 'loading')) {
      it(`passes axe: ${name}`, async () => {
        const el = await renderExample(example);
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe with the collapsed path expanded', async () => {
      const el = await renderExample(examples.narrow);
      expandButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
