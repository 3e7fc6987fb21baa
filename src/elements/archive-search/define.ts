import { defineElement } from '../../internal/define.js';
import { MloArchiveSearch } from './archive-search.js';

defineElement('mlo-archive-search', MloArchiveSearch);

export { MloArchiveSearch };
