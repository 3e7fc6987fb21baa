/**
 * Gives the not-yet-defined elements the data the server rendered them from (the feed embedded in the
 * page), before their definitions load: their first render is then the server's, which hydration needs.
 */
import type { MloArticleCard } from '../../src/elements/article-card/article-card.js';
import type { MloNewsList } from '../../src/elements/news-list/news-list.js';
import type { JsonFeed } from '../../src/feed/types.js';
import { cardItem } from './page.js';

const feed = JSON.parse(document.getElementById('ssr-feed')?.textContent ?? 'null') as JsonFeed;
for (const element of document.querySelectorAll<Element & Pick<MloNewsList, 'feed'>>('[data-ssr-feed]')) element.feed = feed;
for (const element of document.querySelectorAll<Element & Pick<MloArticleCard, 'article'>>('[data-ssr-article]')) element.article = cardItem(feed);
