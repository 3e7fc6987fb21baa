/**
 * Strings of `<mlo-article-card>`. Templates mark where feed values go with `{name}`; the card
 * fills them with text or links (see `fillTemplate`), so a translation can move the link anywhere
 * in the sentence and feed text can never add placeholders of its own.
 */
import { defineMessagesOnDemand } from '../define-messages.js';

export interface ArticleCardMessages {
  /** Shown in place of the title when an item has neither a title nor any text. */
  untitled: string;
  /** Accessible name of the list of tags. */
  tags: string;
  /** `{byline}`: who wrote the story ("MLO Belgrade"). */
  storyBy: string;
  /** `{byline}`, and `{source}` (a link when the original's address is known). */
  storyByWithSource: string;
  /** Only `{source}`: the story names no author. */
  originallyPosted: string;
  /** After a photo caption; `{credit}` is who supplied the photo ("NATO Website"). */
  photoCredit: string;
  /** The heading above attachments. */
  downloads: string;
  /** After an attachment's name: its type ("PDF") and size ("1.2 MB"), either of which may be missing. */
  downloadDetails: (details: string[]) => string;
  /** An attachment without a title. */
  untitledDownload: string;
  notFoundTitle: string;
  notFound: string;
  /** Before the host name of a video the article embeds ("Video: youtube.com"), as the text of the link to it. */
  video: string;
  /** At the end of an article body too big to show whole (see "Article bodies" in docs/feed-format.md). */
  bodyShortened: string;
  /** After `bodyShortened`: the link to the article's own page. */
  readFullArticle: string;
}

export const articleCardMessages = defineMessagesOnDemand<ArticleCardMessages>('articleCard', {
  en: {
    untitled: 'Untitled news item',
    tags: 'Tags',
    storyBy: 'Story by {byline}',
    storyByWithSource: 'Story by {byline} (originally posted on {source})',
    originallyPosted: 'Originally posted on {source}',
    photoCredit: '(Source: {credit})',
    downloads: 'Downloads',
    downloadDetails: (details) => `(${details.join(', ')})`,
    untitledDownload: 'Download',
    notFoundTitle: 'The news article was not found',
    notFound: 'The feed has no article with this article-id. It may have been removed, or the article-id attribute may be wrong.',
    video: 'Video:',
    bodyShortened: 'This article is too long to show here in full.',
    readFullArticle: 'Read the full article',
  },
});
