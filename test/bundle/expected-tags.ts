/** Every element the script-tag bundle must register. Keep in step with src/mlo-widgets.ts. */
export const EXPECTED_TAGS = ['mlo-news-list', 'mlo-article-card', 'mlo-breadcrumb', 'mlo-archive-search', 'mlo-office-contact'] as const;
