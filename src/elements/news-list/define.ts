import '../article-card/define.js';
import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloNewsList } from './news-list.js';

// The list renders its items as <mlo-article-card>, so registering the list registers the card too.
defineElement(TAG_NAMES.newsList, MloNewsList);

export { MloNewsList };
