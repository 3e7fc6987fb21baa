/** Every message table of the library, by name: the one list the i18n tests walk. */
import type { LocaleTable } from '../../src/i18n/locale.js';
import { archiveSearchMessages } from '../../src/i18n/messages/archive-search.js';
import { articleCardMessages } from '../../src/i18n/messages/article-card.js';
import { breadcrumbMessages } from '../../src/i18n/messages/breadcrumb.js';
import { commonMessages } from '../../src/i18n/messages/common.js';
import { newsListMessages } from '../../src/i18n/messages/news-list.js';
import { officeContactMessages } from '../../src/i18n/messages/office-contact.js';

export const MESSAGE_TABLES: Record<string, LocaleTable<object>> = {
  common: commonMessages,
  'news-list': newsListMessages,
  'article-card': articleCardMessages,
  breadcrumb: breadcrumbMessages,
  'office-contact': officeContactMessages,
  'archive-search': archiveSearchMessages,
};
