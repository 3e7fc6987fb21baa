import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloNewsList } from './news-list.js';

// The list registers <mlo-article-card> itself, in a task of its own before its first render (news-list.ts,
// registerCards): not here, where the cards already on the page would be upgraded in the same task as the lists.
defineElement(TAG_NAMES.newsList, MloNewsList);

export { MloNewsList };
// Its events' types, so that importing this entry alone types them in GlobalEventHandlersEventMap
// (src/events.ts declares them there), as importing the root entry does.
export type { MloEventMap } from '../../events.js';
