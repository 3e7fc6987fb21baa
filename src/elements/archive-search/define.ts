import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloArchiveSearch } from './archive-search.js';

defineElement(TAG_NAMES.archiveSearch, MloArchiveSearch);

export { MloArchiveSearch };
// Its events' types, so that importing this entry alone types them in GlobalEventHandlersEventMap
// (src/events.ts declares them there), as importing the root entry does.
export type { MloEventMap } from '../../events.js';
