/**
 * Plain text from feed content, for excerpts, search indexing and untitled items. Works without a
 * DOM (in workers and Node benchmarks too): tags are stripped and entities decoded as text, never
 * parsed as markup, so nothing in the content can run.
 */
import { decodeCharacterReferences } from './entities.js';
import type { FeedItem } from './types.js';

/** Phrasing elements: their tags join the text around them, as a browser renders it ("<em>Niš</em>." is "Niš."). */
const INLINE_TAGS = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi;

/** Text of an HTML fragment: other tags (blocks, line breaks, images) become spaces, scripts and styles vanish with their content. */
export function htmlToText(html: string): string {
  const withoutHidden = html.replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const withoutTags = withoutHidden.replace(/<!--[\s\S]*?-->/g, ' ').replace(INLINE_TAGS, '').replace(/<[^>]*>/g, ' ');
  return collapseWhitespace(decodeCharacterReferences(withoutTags));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The item's body as plain text: `content_text`, else the text of `content_html`. */
export function itemBodyText(item: FeedItem): string {
  if (item.contentText) return collapseWhitespace(item.contentText);
  return item.contentHtml ? htmlToText(item.contentHtml) : '';
}

/**
 * Shortens text to at most `maxLength` characters at a word boundary, with an ellipsis (the ellipsis
 * counts); without a space in the last 40 %, at the limit, never inside a surrogate pair.
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const end = maxLength - 1;
  const splitsPair = /[\uD800-\uDBFF]/.test(text.charAt(end - 1));
  const cut = text.slice(0, splitsPair ? end - 1 : end);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.\u2013\u2014-]+$/, '')}\u2026`;
}

/** What a teaser shows under the title: `summary`, else an excerpt of the body. */
export function itemSummary(item: FeedItem, maxLength = 220): string {
  return item.summary ? truncateText(item.summary, maxLength) : truncateText(itemBodyText(item), maxLength);
}

/** A label for an item with no title: the start of its text (JSON Feed allows untitled items). */
export function itemDisplayTitle(item: FeedItem, maxLength = 90): string {
  return item.title ?? truncateText(item.summary ?? itemBodyText(item), maxLength);
}
