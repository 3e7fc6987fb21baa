import { MloArticleCard } from '../article-card/article-card.js';
import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloNewsList } from './news-list.js';

// The list renders its items as <mlo-article-card>, so registering the list registers the card too. Here,
// not by importing the card's define module: in the loader's files, registration then stays in each tag's
// own file, a task after the shared code's evaluation rather than in the same one.
defineElement(TAG_NAMES.articleCard, MloArticleCard);
defineElement(TAG_NAMES.newsList, MloNewsList);

export { MloNewsList };
// Its events' types, so that importing this entry alone types them in GlobalEventHandlersEventMap
// (src/events.ts declares them there), as importing the root entry does.
export type { MloEventMap } from '../../events.js';
