/**
 * Which parts of a text matched a query, as plain segments: the words are found in the ORIGINAL
 * text (so "Београд" is marked for the query "beograd", and "Đ" for the prefix "dj") and returned
 * as strings with a `match` flag. Renderers put matched segments in `<mark>` elements built from
 * templates; no HTML string is ever produced, so feed text can never become markup.
 */
import { firstTermOffset, originalLength, tokenize } from './normalize.js';

/** Answers, for a folded word, how many of its folded letters matched the query (0: none). */
export interface TermMatcher {
  matchLength(term: string): number;
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/** `text` cut into plain and matched segments, in order; joining their texts gives `text` back. */
export function highlight(text: string, matcher: TermMatcher): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  const push = (end: number, match: boolean) => {
    if (end <= cursor) return;
    const piece = text.slice(cursor, end);
    const last = segments[segments.length - 1];
    if (last && last.match === match && !match) last.text += piece;
    else segments.push({ text: piece, match });
    cursor = end;
  };
  for (const token of tokenize(text)) {
    const folded = matcher.matchLength(token.term);
    if (folded <= 0) continue;
    const length = folded >= token.term.length ? token.text.length : originalLength(token.text, folded);
    push(token.start, false);
    push(token.start + length, true);
  }
  push(text.length, false);
  return segments;
}

/** The offset of the first matching word in `text`, or -1. */
export function firstMatchOffset(text: string, matcher: TermMatcher): number {
  return firstTermOffset(text, (term) => matcher.matchLength(term) > 0);
}

/**
 * A window of about `maxLength` characters of `text` around its first match (or around `offset`
 * when the caller has found it already), cut at spaces, with an ellipsis where text was left out.
 * Starts at the beginning when nothing matches.
 */
export function excerptAround(text: string, matcher: TermMatcher, maxLength = 160, offset?: number): string {
  if (text.length <= maxLength) return text;
  offset ??= firstMatchOffset(text, matcher);
  // Show a little of what comes before the match, so it reads as part of a sentence.
  let start = offset <= maxLength / 3 ? 0 : offset - Math.round(maxLength / 4);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < offset ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxLength / 2) end = space;
  }
  const body = text.slice(start, end).replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, '');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
