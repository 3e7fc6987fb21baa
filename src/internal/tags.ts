/**
 * The tag names of the five elements: the one list that registration, the global tag-name map, the
 * bundle tests and the embed builder read. (Each class's JSDoc repeats its own as `@tagname`, which the
 * manifest analyser reads; test/public-api.test.ts checks that the two agree.)
 */
export const TAG_NAMES = {
  newsList: 'mlo-news-list',
  articleCard: 'mlo-article-card',
  breadcrumb: 'mlo-breadcrumb',
  archiveSearch: 'mlo-archive-search',
  officeContact: 'mlo-office-contact',
} as const;

export type TagName = (typeof TAG_NAMES)[keyof typeof TAG_NAMES];

/** Every tag, in the order the docs list the elements. */
export const ALL_TAGS: readonly TagName[] = Object.values(TAG_NAMES);
