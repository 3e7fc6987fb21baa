/**
 * Plain text from feed content, for excerpts, search indexing and untitled items. Works without a
 * DOM (in workers and Node benchmarks too): tags are stripped and entities decoded as text, never
 * parsed as markup, so nothing in the content can run.
 */
import type { FeedItem } from './types.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', euro: '€',
};

function decodeEntities(input: string): string {
  return input.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/** Text of an HTML fragment: block ends become spaces, scripts and styles vanish with their content. */
export function htmlToText(html: string): string {
  const withoutHidden = html.replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const withoutTags = withoutHidden.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
  return collapseWhitespace(decodeEntities(withoutTags));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The item's body as plain text: `content_text`, else the text of `content_html`. */
export function itemBodyText(item: FeedItem): string {
  if (item.contentText) return collapseWhitespace(item.contentText);
  return item.contentHtml ? htmlToText(item.contentHtml) : '';
}

/** Shortens text to at most `maxLength` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** What a teaser shows under the title: `summary`, else an excerpt of the body. */
export function itemSummary(item: FeedItem, maxLength = 220): string {
  return item.summary ? truncateText(item.summary, maxLength) : truncateText(itemBodyText(item), maxLength);
}

/** A label for an item with no title: the start of its text (JSON Feed allows untitled items). */
export function itemDisplayTitle(item: FeedItem, maxLength = 90): string {
  return item.title ?? truncateText(item.summary ?? itemBodyText(item), maxLength);
}
