/**
 * The page that scripts/ssr-check.mjs renders in Node and then hydrates in Chromium: every element,
 * each in the state server rendering is for. The same function renders on the server (test/ssr/server.ts)
 * and names the data the browser gives the same elements before they upgrade (test/ssr/client.ts).
 */
import { html, type TemplateResult } from 'lit';
import { parseFeed } from '../../src/feed/parse.js';
import type { FeedItem, JsonFeed } from '../../src/feed/types.js';

/** Where the page's feed is served; only the elements given `src` alone may fetch it. */
export const FEED_PATH = '/feed/feed.json';
/** The demo feed's first item, whose breadcrumb the page shows. */
export const ARTICLE_ID = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';
/** The light-DOM path of the breadcrumb written as links. */
export const LIGHT_STEPS = ['MLO Belgrade', 'Newsroom', 'Our work'] as const;
/** The contact block a page writes inside the office contact. */
export const OWN_CONTACT = 'Write to the press office at the Ministry of Defence building.';

/** The card's item: the feed's second, parsed the same way on both sides. */
export function cardItem(feed: JsonFeed): FeedItem {
  const item = parseFeed(feed).items[1];
  if (!item) throw new Error('The page feed needs two items.');
  return item;
}

export function page(feed: JsonFeed): TemplateResult {
  return html`<main>
    <h2>Data given up front</h2>
    <mlo-news-list id="list-data" data-ssr-feed limit="3"  .feed=${feed}></mlo-news-list>
    <mlo-article-card id="card-data" data-ssr-article .article=${cardItem(feed)}></mlo-article-card>
    <div class="narrow">
      <mlo-breadcrumb id="breadcrumb-data" data-ssr-feed article-id=${ARTICLE_ID} .feed=${feed}></mlo-breadcrumb>
    </div>
    <h2>Languages</h2>
    <div lang="sr-Latn">
      <mlo-news-list id="list-sr" lang="sr-Latn" data-ssr-feed limit="1" .feed=${feed}></mlo-news-list>
      <mlo-breadcrumb id="breadcrumb-page-lang" data-ssr-feed article-id=${ARTICLE_ID} .feed=${feed}></mlo-breadcrumb>
    </div>
    <h2>Light DOM</h2>
    <mlo-breadcrumb id="breadcrumb-light"><a href="/">${LIGHT_STEPS[0]}</a> <a href="/newsroom/">${LIGHT_STEPS[1]}</a> <span>${LIGHT_STEPS[2]}</span></mlo-breadcrumb>
    <mlo-office-contact id="contact-embedded"></mlo-office-contact>
    <mlo-office-contact id="contact-own"><p>${OWN_CONTACT}</p></mlo-office-contact>
    <h2>From src</h2>
    <mlo-archive-search id="search-data" data-ssr-feed action="/search" .feed=${feed}></mlo-archive-search>
    <mlo-archive-search id="search" src=${FEED_PATH} action="/search" label="Search our content"></mlo-archive-search>
    <mlo-news-list id="list-src" src=${FEED_PATH} limit="3"></mlo-news-list>
    <h2>Not server-rendered yet</h2>
    <!-- Last: its body arrives in the browser and it grows (docs/ssr.md). -->
    <mlo-article-card id="card-full" data-ssr-article variant="full" .article=${cardItem(feed)}></mlo-article-card>
  </main>`;
}
