/**
 * Text folding for search: one form for every way a Serbian word can be written, so that a query
 * in either script, with or without diacritics, finds the same words.
 *
 * `foldForSearch` lowercases, strips combining marks (č ć → c, š → s, ž → z), transliterates
 * Serbian Cyrillic to Latin and writes đ as "dj", so "Đorđe", "Djordje" and "Ђорђе" all become
 * "djordje". Plain TypeScript with no DOM: runs in a Worker and in Node.
 */

import { letterTable, OTHER_CYRILLIC, SERBIAN_CYRILLIC } from '../i18n/transliterate.js';

// The transliteration (Cyrillic to Latin, keeping case) belongs to src/i18n, which derives the Serbian
// Latin messages with it; search folds with its letter tables, and offers it as part of its API.
export { toLatin } from '../i18n/transliterate.js';

/** Latin letters that have no decomposition in Unicode, so stripping marks does not reach them. */
const LATIN_SPECIALS = letterTable('đðłøæœßıþ', ['dj', 'd', 'l', 'o', 'ae', 'oe', 'ss', 'i', 'th']);

/** True for text with no character past U+007F (the fast path: nothing to fold but case). */
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

/**
 * What each UTF-16 code unit becomes when folding (index = code unit, for the Latin and Cyrillic
 * blocks): undefined keeps it, a string replaces it ('' drops it). Built once from the letter tables.
 */
const FOLD_TABLE: Array<string | undefined> = [];
// Combining diacritical marks: NFD splits "č" into "c" + U+030C, and the mark goes.
for (let code = 0x300; code <= 0x36f; code += 1) FOLD_TABLE[code] = '';
for (const [letter, latin] of Object.entries({ ...OTHER_CYRILLIC, ...SERBIAN_CYRILLIC })) {
  FOLD_TABLE[letter.charCodeAt(0)] = latin.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'dj');
}
for (const [letter, plain] of Object.entries(LATIN_SPECIALS)) FOLD_TABLE[letter.charCodeAt(0)] = plain;

/** Per code unit, filled on first sight by testing the character against Unicode properties. */
const charKinds = new Uint8Array(0x10000);
const KNOWN = 1;
const WORD_CHAR = 2;
const MARK = 4;

function kindOf(code: number): number {
  let kind = charKinds[code]!;
  if (kind === 0) {
    const char = String.fromCharCode(code);
    kind = KNOWN | (/[\p{L}\p{N}\p{M}]/u.test(char) ? WORD_CHAR : 0) | (/\p{M}/u.test(char) ? MARK : 0);
    charKinds[code] = kind;
  }
  return kind;
}

/**
 * How many code units of the word character at `index` (0 when it is not one): letters, digits
 * and marks, including letters outside the Basic Multilingual Plane (two code units).
 */
function wordCharLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const pair = text.slice(index, index + 2);
    return pair.length === 2 && /^[\p{L}\p{N}\p{M}]$/u.test(pair) ? 2 : 0;
  }
  return kindOf(code) & WORD_CHAR ? 1 : 0;
}

/** Calls `visit(start, end)` for every word (a run of letters, digits and marks) of `text`, until a visit returns `true`. */
function forEachWord(text: string, visit: (start: number, end: number) => unknown): void {
  let index = 0;
  while (index < text.length) {
    let step = wordCharLength(text, index);
    if (step === 0) {
      index += 1;
      continue;
    }
    const start = index;
    while (step > 0) {
      index += step;
      step = index < text.length ? wordCharLength(text, index) : 0;
    }
    if (visit(start, index) === true) return;
  }
}

/** The words of a text as written, in order. */
export function words(text: string): string[] {
  const found: string[] = [];
  forEachWord(text, (start, end) => found.push(text.slice(start, end)));
  return found;
}

/**
 * The search form of a text: lowercase, no combining marks, Latin script, đ as "dj".
 * "Београд" → "beograd", "Čačak" → "cacak", "Đorđe" → "djordje", "NAUKA" → "nauka".
 */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  const source = lower.normalize('NFD');
  let folded = '';
  let copied = 0;
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (code < 0xc0) continue;
    const replacement = FOLD_TABLE[code] ?? (kindOf(code) & MARK ? '' : undefined);
    if (replacement === undefined) continue;
    folded += source.slice(copied, index) + replacement;
    copied = index + 1;
  }
  return copied === 0 ? source : folded + source.slice(copied);
}

/** The folded words of a text, in order (duplicates kept), ignoring one-letter words. */
export function searchTerms(text: string): string[] {
  const folded = foldForSearch(text);
  const terms: string[] = [];
  forEachWord(folded, (start, end) => {
    if (end - start > 1) terms.push(folded.slice(start, end));
  });
  return terms;
}

/** A word of an original text with its position, and its folded form. */
export interface TextToken {
  /** The word as written. */
  text: string;
  /** UTF-16 offset of the word in the original text. */
  start: number;
  end: number;
  /** `foldForSearch(text)`. */
  term: string;
}

/** Folded forms of words already seen: excerpts and highlights fold the same words again and again. */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_KEPT = 20_000;

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldForSearch(word);
    if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** The offset of the first word of `text` whose folded form `accepts`, or -1: reads no further than that word. */
export function firstTermOffset(text: string, accepts: (term: string) => boolean): number {
  let offset = -1;
  forEachWord(text, (start, end) => {
    if (!accepts(foldWord(text.slice(start, end)))) return false;
    offset = start;
    return true;
  });
  return offset;
}

/** Every word of `text` with its offsets in the original (not folded) text. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    tokens.push({ text: word, start, end, term: foldWord(word) });
  });
  return tokens;
}

/**
 * How many UTF-16 code units of `word` (as written) make up the first `foldedLength` characters of
 * its folded form: "Đorđe" folded is "djordje", so its first 2 folded characters ("dj") are 1
 * character written ("Đ"). Marks that follow a counted letter are counted with it.
 */
export function originalLength(word: string, foldedLength: number): number {
  if (foldedLength <= 0) return 0;
  let folded = 0;
  let offset = 0;
  for (const char of word) {
    if (folded >= foldedLength) {
      // Trailing combining marks belong to the letter just counted.
      if (char.length === 1 && kindOf(char.charCodeAt(0)) & MARK) {
        offset += char.length;
        continue;
      }
      break;
    }
    folded += foldForSearch(char).length;
    offset += char.length;
  }
  return offset;
}
