/**
 * The writing direction of feed content, from its language: Arabic, Hebrew, Persian, Urdu… are laid
 * out right to left. Only content nodes (titles, summaries, bodies, captions) get it: the elements'
 * own interface keeps the page's direction.
 */

/** Languages written right to left by default (their usual script), as CLDR says. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha-arab', 'he', 'iw', 'khw', 'ks', 'ku-arab', 'lrc', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Scripts written right to left, for tags that name one (`az-Arab`, `pa-Arab`). */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'mend', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa', 'yezi']);
const LATIN_OR_OTHER_SCRIPT = /^[a-z]{4}$/;

/** `rtl` or `ltr` for a known language tag; `auto` (let the text decide) when there is none. */
/** The values of the `dir` attribute. */
export type TextDirection = 'rtl' | 'ltr' | 'auto';

export function contentDirection(language: string | undefined): TextDirection {
  const tag = language?.trim().toLowerCase();
  if (!tag) return 'auto';
  const [primary = '', second = ''] = tag.split(/[-_]/);
  if (LATIN_OR_OTHER_SCRIPT.test(second)) return RTL_SCRIPTS.has(second) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
