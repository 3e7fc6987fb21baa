import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloArchiveSearch } from './archive-search.js';

defineElement(TAG_NAMES.archiveSearch, MloArchiveSearch);

export { MloArchiveSearch };
