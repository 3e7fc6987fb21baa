/**
 * The full article while its code and sanitiser load (src/elements/article-card/full-article-load.ts, on the first full article):
 * the placeholder (the same box as while the feed loads) until it is there, then synchronous; without
 * the browser's HTML Sanitizer API, until DOMPurify's file arrives too, and a `role="alert"` error with
 * Retry when it does not. This file runs in a page of its own, so DOMPurify
 * is not loaded when it starts; the file's failure is made where the page fetches it (`sanitizerChunk`).
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/elements/article-card/define.js';
import type { MloArticleCard } from '../src/elements/article-card/article-card.js';
import { parseFeed } from '../src/feed/parse.js';
import type { FeedItem } from '../src/feed/types.js';
import { loaderMessages } from '../src/i18n/messages/loader.js';
import { sanitizerChunk, sanitizerReady } from '../src/internal/sanitize.js';
import { hasNativeSanitizer } from '../src/internal/sanitize-native.js';
import { gateFetch, restoreFetch } from './helpers/fetch.js';
import { mountContainer } from './helpers/mount.js';
import { hideNativeSanitizer } from './sanitize-engines.js';

const ARTICLE = 'https://jsonfeed.org/2017/05/17/announcing_json_feed';
const realLoad = sanitizerChunk.load;

function article(): FeedItem {
  return parseFeed({
    version: 'https://jsonfeed.org/version/1.1',
    title: 't',
    items: [{ id: 'a', title: 'Full', url: 'https://mlo.example/a', content_html: '<p>The <a href="https://www.nato.int/">body</a>.</p>' }],
  }).items[0]!;
}

function card(setup: (element: MloArticleCard) => void): MloArticleCard {
  const element = document.createElement('mlo-article-card');
  element.variant = 'full';
  setup(element);
  mountContainer().append(element);
  return element;
}

const part = (element: MloArticleCard, name: string): Element | null => element.shadowRoot!.querySelector(`[part~="${name}"]`);

/** A load of the sanitiser's file that the test answers: `fail()` as a 404 would, or `arrive()`. */
function heldLoad(): { fail(): void; arrive(): void } {
  let settle!: { fail(): void; arrive(): void };
  sanitizerChunk.load = () =>
    new Promise((resolve, reject) => {
      settle = {
        fail: () => reject(new TypeError('Failed to fetch dynamically imported module')),
        arrive: () => resolve(realLoad()),
      };
    });
  return {
    fail: () => settle.fail(),
    arrive: () => settle.arrive(),
  };
}

describe('the full article and its sanitiser', () => {
  let restoreNative: (() => void) | undefined;

  afterEach(() => {
    restoreNative?.();
    restoreNative = undefined;
    sanitizerChunk.load = realLoad;
    restoreFetch();
  });

  it('on the HTML Sanitizer API: the first full article loads the sanitiser (not DOMPurify) behind its placeholder; later ones render at once', async () => {
    expect(hasNativeSanitizer()).to.equal(true);
    let loads = 0;
    sanitizerChunk.load = () => {
      loads += 1;
      return realLoad();
    };
    const first = card((e) => (e.article = article()));
    await first.updateComplete;
    expect(part(first, 'skeleton') !== null, 'the placeholder while the sanitiser loads').to.equal(true);
    await waitUntil(() => part(first, 'body'), 'the article never rendered');
    expect(part(first, 'body')?.querySelector('a')?.getAttribute('href')).to.equal('https://www.nato.int/');
    const second = card((e) => (e.article = article()));
    await second.updateComplete;
    expect(part(second, 'body')?.querySelector('a')?.getAttribute('href'), 'synchronous once loaded').to.equal('https://www.nato.int/');
    expect(part(second, 'skeleton') === null).to.equal(true);
    expect(loads, 'DOMPurify is never loaded').to.equal(0);
  });

  it('without it: the placeholder stays, the same size, while DOMPurify loads; a file that does not arrive gives an alert with Retry', async () => {
    restoreNative = hideNativeSanitizer();
    expect(sanitizerReady(), 'DOMPurify is not loaded yet').to.equal(false);
    const held = heldLoad();
    const feed = gateFetch();
    const element = card((e) => {
      e.src = '/fixtures/feeds/jsonfeed-org-1.0.json';
      e.articleId = ARTICLE;
    });
    await element.updateComplete;
    const whileFeedLoads = part(element, 'skeleton')!.getBoundingClientRect().height;
    expect(whileFeedLoads).to.be.greaterThan(0);
    const loaded = new Promise((resolve) => element.addEventListener('mlo-feed-load', resolve, { once: true }));
    feed.release();
    await loaded;
    await element.updateComplete;
    // The feed is here, DOMPurify is not: the same placeholder, the same height.
    expect(part(element, 'skeleton') !== null, 'the placeholder is shown').to.equal(true);
    expect(element.shadowRoot!.querySelector('[aria-busy="true"]') !== null).to.equal(true);
    expect(part(element, 'skeleton')!.getBoundingClientRect().height).to.equal(whileFeedLoads);
    expect(part(element, 'body') === null).to.equal(true);
    held.fail();
    await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain(loaderMessages.en.title);
    expect(alert.querySelector('button')?.textContent.trim()).to.equal('Retry');
    expect(part(element, 'body') === null).to.equal(true);
  });

  it('without it: Retry loads DOMPurify again, showing the placeholder meanwhile, then the sanitised article', async () => {
    restoreNative = hideNativeSanitizer();
    expect(sanitizerReady(), 'DOMPurify is not loaded yet').to.equal(false);
    sanitizerChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const element = card((e) => (e.article = article()));
    await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"] button'), 'no Retry button');
    const held = heldLoad();
    element.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await element.updateComplete;
    expect(part(element, 'skeleton') !== null, 'the placeholder while it loads again').to.equal(true);
    held.arrive();
    await waitUntil(() => part(element, 'body'), 'the article never rendered');
    expect(hasNativeSanitizer()).to.equal(false);
    expect(part(element, 'body')?.querySelector('a')?.getAttribute('href')).to.equal('https://www.nato.int/');
    expect(element.shadowRoot!.querySelector('[role="alert"]') === null).to.equal(true);
  });
});
